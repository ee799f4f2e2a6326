// Which files are accepted as evidence, recognised by their content (magic
// bytes, with file-type), never by the name or the type the client declares.

/** Content types accepted, with what they are for. */
export const ACCEPTED_TYPES: Readonly<Record<string, string>> = {
  'application/pdf': 'scanned or signed documents, receipts (F02), minutes',
  'image/png': 'screenshots, photographs of evidence',
  'image/jpeg': 'photographs of evidence',
  'image/webp': 'screenshots',
  'audio/mpeg': 'call recordings',
  'audio/wav': 'call recordings',
  'audio/ogg': 'call recordings',
  'application/xml': 'CFDI (electronic invoices)',
  'text/csv': 'attendance lists exported from a spreadsheet',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'spreadsheets (attendance lists F04)',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'documents (instruments, reports)',
};

/** The types of a file uploaded as an SAE file (`tipo=ARCHIVO_SAE`): CSV or an XLSX workbook. */
export const SAE_FILE_TYPES: readonly string[] = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];

/** Bytes read before deciding the type. */
export const SNIFF_BYTES = 4100;

/**
 * The content type of a file from its first bytes, or null when it is not one
 * of ACCEPTED_TYPES. CSV has no signature: accepted when declared as such and
 * the first bytes are UTF-8 text without NUL or control characters.
 */
export async function detectType(head: Buffer, declared: string | undefined): Promise<string | null> {
  const { fileTypeFromBuffer } = await import('file-type');
  const found = await fileTypeFromBuffer(head);
  const mime = found?.mime === 'audio/x-wav' || found?.mime === 'audio/vnd.wave' ? 'audio/wav' : found?.mime;
  if (mime) return mime in ACCEPTED_TYPES ? mime : null;
  const text = head.toString('utf8');
  const plain = !text.includes('\uFFFD') && ![...text].some((c) => c.charCodeAt(0) < 32 && !'\t\n\r'.includes(c));
  if (plain && /^\uFEFF?\s*<\?xml/.test(text)) return 'application/xml';
  if (plain && head.length > 0 && declared?.split(';')[0].trim().toLowerCase() === 'text/csv') return 'text/csv';
  return null;
}
