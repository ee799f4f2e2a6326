// GraphQL side of evidence files: the `Documento` type, `TipoDocumento`, the
// `documentos` field any workflow record can add with `documentosField`, and
// `DocumentoIdsArg` for steps that attach uploads. Documents are not nodes: a
// document is reached only through the record it is attached to, so its read
// scope is the record's, on every path (docs/documents.md).
import DataLoader from 'dataloader';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../../builder.js';
import type { Documento } from '../../generated/prisma/client.js';
import { TipoDocumento } from '../../generated/prisma/enums.js';
import type { Db } from '../db/client.js';

type DocumentoRow = Documento & { createdBy: { fullName: string } };

export const TipoDocumentoEnum = builder.enumType(TipoDocumento, {
  name: 'TipoDocumento',
  description: 'What an evidence file proves (docs/documents.md).',
});

export const DocumentoRef = builder.objectRef<DocumentoRow>('Documento').implement({
  description: 'An uploaded evidence file (POST /documents), attached to the record whose read scope it shares.',
  fields: (t) => ({
    id: t.id({ description: 'The id given by the upload.', resolve: (d) => encodeGlobalID('Documento', d.id) }),
    nombre: t.exposeString('nombre', { description: 'The file name as uploaded.' }),
    tipoContenido: t.exposeString('tipoContenido', { description: 'The content type recognised from its bytes (not the one declared).' }),
    tamano: t.exposeInt('tamano', { description: 'Size in bytes.' }),
    sha256: t.exposeString('sha256', { description: 'SHA-256 of the content (hex), computed while it was received.' }),
    tipo: t.expose('tipo', { type: TipoDocumentoEnum, nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    adjuntadoAt: t.expose('adjuntadoAt', { type: 'DateTime', nullable: true, description: 'When a step attached it to its record.' }),
    createdByName: t.string({ description: 'Who uploaded it.', resolve: (d) => d.createdBy.fullName }),
    url: t.string({
      description:
        'A download link valid for DOCUMENT_LINK_TTL_SECONDS (default 5 minutes), on the API origin: GET it with no token. ' +
        'Ask for the record again for a fresh one.',
      resolve: (d, _a, ctx) => ctx.services.links.link(d.id),
    }),
  }),
});

/** Per entity, a per-request loader of the documents attached to records of that entity: one statement per field per response. */
const loaders = new Map<string, (db: Db) => DataLoader<string, DocumentoRow[]>>();
function attachedTo(entity: string) {
  let factory = loaders.get(entity);
  if (!factory) {
    factory = (db: Db) =>
      new DataLoader<string, DocumentoRow[]>(async (ids) => {
        const rows = await db.documento.findMany({
          where: { entidad: entity, registroId: { in: [...ids] } },
          include: { createdBy: { select: { fullName: true } } },
          orderBy: [{ adjuntadoAt: 'asc' }, { id: 'asc' }],
        });
        return ids.map((id) => rows.filter((r) => r.registroId === id));
      });
    loaders.set(entity, factory);
  }
  return factory;
}

/** Documents by id, batched per request (for fields that point at one, e.g. `EvidenciaReunion.documento`; the parent is already in scope). */
export const documentoById = (db: Db) =>
  new DataLoader<string, DocumentoRow | null>(async (ids) => {
    const rows = await db.documento.findMany({ where: { id: { in: [...ids] } }, include: { createdBy: { select: { fullName: true } } } });
    return ids.map((id) => rows.find((r) => r.id === id) ?? null);
  });

/** Adds `documentos: [Documento!]!` to a workflow record type (the files its steps attached, in the order attached). */
export function documentosField(entity: string, description: string) {
  builder.prismaObjectField(entity as never, 'documentos', ((t: PothosSchemaTypes.ObjectFieldBuilder<Types, { id: string }>) =>
    t.field({
      type: [DocumentoRef],
      description,
      resolve: (record, _a, ctx) => ctx.loader(attachedTo(entity)).load(record.id),
    })) as never);
}
type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
