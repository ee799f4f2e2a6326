// Who may read a document, and how steps attach uploads to their records.
// A document attached to a record is read with that record's read scope (the
// record's workflow store decides, the same filter as lists and `node`); one
// not yet attached only by who uploaded it.
import type { Prisma } from '../../generated/prisma/client.js';
import type { TipoDocumento } from '../../generated/prisma/enums.js';
import type { Db } from '../db/client.js';
import type { Viewer } from '../auth/viewer.js';
import type { InputIssue } from '../errors.js';
import { registeredWorkflows } from '../modules.js';

type Client = Db | Prisma.TransactionClient;

export interface DocumentRow {
  id: string;
  entidad: string | null;
  registroId: string | null;
  createdById: string;
}

/** Whether `viewer` may read the document (and so download it). */
export async function canReadDocument(db: Client, viewer: Viewer | null, doc: DocumentRow): Promise<boolean> {
  if (!viewer) return false;
  if (!doc.entidad || !doc.registroId) return doc.createdById === viewer.personId;
  const workflow = registeredWorkflows().find((w) => w.entity === doc.entidad);
  if (!workflow) return false;
  return (await workflow.store.load(db, doc.registroId, viewer)) !== null;
}

/**
 * Checks the documents a step names (for its `validate`): each must exist,
 * have been uploaded by the actor and not be attached yet. `ids` are database ids.
 */
export async function checkDocuments(
  tx: Prisma.TransactionClient,
  viewer: Viewer,
  ids: readonly string[],
  path: (index: number) => (string | number)[],
  options: { sae?: boolean } = {},
): Promise<InputIssue[]> {
  const rows = await tx.documento.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, createdById: true, registroId: true, tipo: true },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id, i): InputIssue[] => {
    const row = byId.get(id);
    if (!row || row.createdById !== viewer.personId)
      return [{ path: path(i), message: 'No document uploaded by you has this id (upload it to POST /documents)' }];
    if (row.registroId) return [{ path: path(i), message: 'This document is already attached to another record' }];
    if (ids.indexOf(id) !== i) return [{ path: path(i), message: 'The document is repeated' }];
    // An SAE file had its own, larger upload limit (MAX_SAE_FILE_BYTES): it is evidence of nothing else.
    if (row.tipo === 'ARCHIVO_SAE' && !options.sae) {
      return [
        { path: path(i), message: 'This document was uploaded as an SAE file (ARCHIVO_SAE): it can only be queued for an SAE import' },
      ];
    }
    return [];
  });
}

/**
 * Attaches checked documents to a record (for a step's `effects`); the record's
 * read scope applies to them from now on. Returns what to record in the audit.
 */
export async function attachDocuments(
  tx: Prisma.TransactionClient,
  ids: readonly string[],
  record: { entity: string; id: string },
  tipo: TipoDocumento,
): Promise<{ id: string; sha256: string }[]> {
  if (!ids.length) return [];
  const at = Date.now();
  // One millisecond apart, so they read back in the order given.
  for (const [i, id] of ids.entries()) {
    await tx.documento.updateMany({
      where: { id, registroId: null },
      data: { entidad: record.entity, registroId: record.id, tipo, adjuntadoAt: new Date(at + i) },
    });
  }
  return tx.documento.findMany({ where: { id: { in: [...ids] } }, select: { id: true, sha256: true } });
}

/**
 * The documents a step's input names (global ids of `Documento`), checked in
 * its `validate` and attached in its `effects`:
 *
 *   const docs = stepDocuments(ctx.viewer!, input.documentoIds ?? [], (i) => ['input', 'documentoIds', i]);
 *   validate: (tx) => docs.validate(tx),
 *   effects: async (tx, record) => ({ documentos: await docs.attach(tx, { entity: 'Certificado', id: record.id }, 'RECIBO_ENTREGA') }),
 */
export function stepDocuments(
  viewer: Viewer,
  refs: readonly { id: string; typename: string }[],
  path: (index: number) => (string | number)[],
  options: { sae?: boolean } = {},
) {
  const ids = refs.map((r) => r.id);
  return {
    ids,
    async validate(tx: Prisma.TransactionClient): Promise<InputIssue[]> {
      const wrongType = refs.flatMap((r, i): InputIssue[] =>
        r.typename === 'Documento' ? [] : [{ path: path(i), message: 'No es el id de un Documento' }],
      );
      return wrongType.length ? wrongType : checkDocuments(tx, viewer, ids, path, options);
    },
    attach: (tx: Prisma.TransactionClient, record: { entity: string; id: string }, tipo: TipoDocumento) =>
      attachDocuments(tx, ids, record, tipo),
  };
}
