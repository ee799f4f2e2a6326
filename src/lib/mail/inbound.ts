// Incoming mail over SMTP (smtp-server): a mailbox of the API that modules
// read (ApiModule.inbound). Each message is read whole, parsed with
// mailparser and handed to the module; a message the module cannot read as
// a request is quarantined by it, never dropped. The SMTP answer comes after
// the module has stored the message: 250 once it is kept (as a record or in
// quarantine); 451 (try again later) when it could not be stored, so the
// sending server keeps it and retries. Off unless INBOUND_SMTP_PORT is set.
import type { ParsedMail } from 'mailparser';
import type { Db } from '../db/client.js';
import type { Logger } from '../logger.js';

/** A message as received: its raw bytes (kept for quarantine) and, when it parsed, mailparser's reading. */
export interface InboundMessage {
  raw: Buffer;
  /** The envelope's sender (MAIL FROM), which may differ from the From header. */
  envelopeFrom: string | null;
  parsed: ParsedMail | null;
  /** Why it did not parse, when `parsed` is null. */
  parseError?: string;
}

export interface InboundDeps {
  db: Db;
  log: Logger;
  /** The code of the unit the mailbox belongs to (CONTACTO_UNIT). */
  mailboxUnit: string;
}

/** What a module does with a message: store it (a record, or quarantine); throws only when it could not store it. */
export type InboundHandler = (message: InboundMessage, deps: InboundDeps) => Promise<void>;

export interface InboundServer {
  port: number;
  stop(): Promise<void>;
}

export async function startInboundSmtp(options: {
  port: number;
  host: string;
  maxBytes: number;
  db: Db;
  log: Logger;
  mailboxUnit: string;
  handle: InboundHandler;
}): Promise<InboundServer> {
  const { db, log, handle, mailboxUnit } = options;
  // Loaded only when the mailbox is on (INBOUND_SMTP_PORT): mailparser's charset tables weigh some 20 MiB.
  const [{ SMTPServer }, { simpleParser }] = await Promise.all([import('smtp-server'), import('mailparser')]);
  const server = new SMTPServer({
    // Behind the portal's mail relay: plain SMTP, no accounts (as a domain's MX receives mail).
    disabledCommands: ['STARTTLS', 'AUTH'],
    size: options.maxBytes,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        if ((stream as { sizeExceeded?: boolean }).sizeExceeded) {
          const error = new Error(`Message larger than ${options.maxBytes} bytes`) as Error & { responseCode: number };
          error.responseCode = 552;
          return callback(error);
        }
        const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address || null : null;
        simpleParser(raw)
          .then(
            (parsed) => ({ raw, envelopeFrom, parsed }),
            (e: unknown) => ({ raw, envelopeFrom, parsed: null, parseError: e instanceof Error ? e.message : String(e) }),
          )
          .then((message: InboundMessage) => handle(message, { db, log, mailboxUnit }))
          .then(
            () => callback(),
            (e: unknown) => {
              log.error('inbound mail not stored: the sender will retry', { error: e instanceof Error ? e.message : String(e) });
              const error = new Error('Temporary failure storing the message: try again later') as Error & { responseCode: number };
              error.responseCode = 451;
              callback(error);
            },
          );
      });
    },
  });
  server.on('error', (e) => log.error('inbound SMTP server error', { error: e.message }));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.server.address() as { port: number };
  log.info('inbound SMTP listening', { host: options.host, port });
  return { port, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}
