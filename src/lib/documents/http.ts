// The two HTTP routes of evidence files (docs/documents.md):
//   POST /documents         multipart/form-data, one part `file` (and optionally `tipo`): streamed to the
//                           store while its size is counted and its SHA-256 computed; its type is recognised
//                           from its first bytes. Over MAX_DOCUMENT_BYTES → 413, a refused type → 415, and
//                           nothing is kept (no bytes, no row). 201 with the document. A file sent with
//                           `tipo=ARCHIVO_SAE` (before `file`) has its own limit, MAX_SAE_FILE_BYTES, must be
//                           CSV or XLSX, and can only be queued for an SAE import (access.ts).
//   GET  /documents/<id>    with a signed link (`?exp&sig`, from `Documento.url`) or a bearer token that can
//                           read the document's record.
import type http from 'node:http';
import { createHash, randomUUID } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import busboy from 'busboy';
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { DocumentSettings } from '../../config.js';
import type { Db } from '../db/client.js';
import type { Logger } from '../logger.js';
import type { Viewer } from '../auth/viewer.js';
import { TipoDocumento } from '../../generated/prisma/enums.js';
import { UUID } from '../ids.js';
import { ACCEPTED_TYPES, detectType, SAE_FILE_TYPES, SNIFF_BYTES } from './types.js';
import type { DocumentStore } from './store.js';
import type { LinkSigner } from './links.js';
import { canReadDocument } from './access.js';

export interface DocumentRoutes {
  upload(req: http.IncomingMessage, res: http.ServerResponse): Promise<void>;
  download(req: http.IncomingMessage, res: http.ServerResponse, id: string, query: URLSearchParams): Promise<void>;
}

type Auth = (req: http.IncomingMessage) => Promise<{ viewer: Viewer | null; rejectedToken?: string }>;

class UploadRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly path: string[] = ['file'],
  ) {
    super(message);
  }
}

function send(res: http.ServerResponse, status: number, body: unknown) {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}
function refuse(res: http.ServerResponse, e: UploadRefused) {
  const extensions = e.code === 'BAD_USER_INPUT' ? { code: e.code, issues: [{ path: e.path, message: e.message }] } : { code: e.code };
  if (e.status === 401) res.setHeader('www-authenticate', 'Bearer');
  send(res, e.status, { errors: [{ message: e.message, extensions }] });
}

/** Counts, hashes and recognises the file as it streams; fails (and so stops the store) on a refused type. */
class Inspector extends Transform {
  readonly hash = createHash('sha256');
  size = 0;
  type: string | null = null;
  private head: Buffer[] = [];
  private headLength = 0;
  constructor(
    private readonly declared: string | undefined,
    private readonly limit: number,
    private readonly accepted: readonly string[] | null,
  ) {
    super();
  }
  private async decide(): Promise<void> {
    const head = Buffer.concat(this.head);
    this.head = [];
    this.type = await detectType(head, this.declared);
    if (!this.type || (this.accepted && !this.accepted.includes(this.type))) {
      const names = this.accepted ?? Object.keys(ACCEPTED_TYPES);
      throw new UploadRefused(415, 'BAD_USER_INPUT', `Tipo de archivo no aceptado; se aceptan: ${names.join(', ')}`);
    }
    this.push(head);
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
    this.size += chunk.length;
    if (this.size > this.limit) return done(tooLarge(this.limit));
    this.hash.update(chunk);
    if (this.type) return done(null, chunk);
    this.head.push(chunk);
    this.headLength += chunk.length;
    if (this.headLength < SNIFF_BYTES) return done();
    this.decide().then(() => done(), done);
  }
  override _flush(done: TransformCallback) {
    if (this.type) return done();
    this.decide().then(() => done(), done);
  }
}

export function documentRoutes(deps: {
  db: Db;
  store: DocumentStore;
  links: LinkSigner;
  settings: DocumentSettings;
  authenticate: Auth;
  log: Logger;
}): DocumentRoutes {
  const { db, store, links, settings, log } = deps;
  const largest = Math.max(settings.maxBytes, settings.saeMaxBytes);
  return {
    async upload(req, res) {
      const key = randomUUID();
      try {
        const { viewer, rejectedToken } = await deps.authenticate(req);
        if (!viewer) throw new UploadRefused(401, 'UNAUTHENTICATED', rejectedToken ?? 'Authentication required: send a valid bearer token');
        const declaredLength = Number(req.headers['content-length'] ?? 0);
        if (declaredLength > largest + 64 * 1024) throw tooLarge(largest);
        if (!req.headers['content-type']?.toLowerCase().startsWith('multipart/form-data')) {
          throw new UploadRefused(400, 'BAD_USER_INPUT', 'Envía el archivo como multipart/form-data, en la parte `file`', []);
        }
        const parsed = await receive(req, key);
        const row = await db.documento.create({
          data: {
            id: key,
            nombre: parsed.nombre,
            tipoContenido: parsed.type,
            tamano: parsed.size,
            sha256: parsed.sha256,
            claveAlmacen: key,
            tipo: parsed.tipo,
            createdById: viewer.personId,
          },
        });
        log.info('document uploaded', { documentId: row.id, bytes: row.tamano, type: row.tipoContenido, personId: viewer.personId });
        send(res, 201, {
          id: encodeGlobalID('Documento', row.id),
          nombre: row.nombre,
          tipoContenido: row.tipoContenido,
          tamano: row.tamano,
          sha256: row.sha256,
          tipo: row.tipo,
          createdAt: row.createdAt.toISOString(),
        });
      } catch (error) {
        // Nothing is kept from a refused upload (the store also drops partial writes).
        await store.delete(key).catch(() => undefined);
        // The rest of a refused body is not read: answer now and close the connection.
        res.setHeader('connection', 'close');
        res.once('finish', () => req.destroy());
        if (error instanceof UploadRefused) return refuse(res, error);
        throw error;
      }
    },

    async download(req, res, id, query) {
      const refused = () =>
        send(res, 404, { errors: [{ message: 'Document not found or outside your scope', extensions: { code: 'NOT_FOUND' } }] });
      if (!UUID.test(id)) return refused();
      const doc = await db.documento.findUnique({ where: { id } });
      if (!doc) return refused();
      let allowed = false;
      if (query.has('sig')) allowed = links.verify(id, query.get('exp'), query.get('sig'));
      else {
        const { viewer, rejectedToken } = await deps.authenticate(req);
        if (!viewer)
          return refuse(
            res,
            new UploadRefused(
              401,
              'UNAUTHENTICATED',
              rejectedToken ?? 'Authentication required: send a valid bearer token or use a signed link',
            ),
          );
        allowed = await canReadDocument(db, viewer, doc);
      }
      if (!allowed) return refused();
      const body = await store.get(doc.claveAlmacen);
      res.statusCode = 200;
      res.setHeader('content-type', doc.tipoContenido);
      res.setHeader('content-length', String(doc.tamano));
      res.setHeader(
        'content-disposition',
        `attachment; filename="${doc.nombre.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(doc.nombre)}`,
      );
      res.setHeader('etag', `"${doc.sha256}"`);
      res.setHeader('x-content-sha256', doc.sha256);
      body.pipe(res);
      await new Promise<void>((resolve, reject) => {
        body.once('error', reject);
        res.once('close', resolve);
      });
    },
  };

  function receive(req: http.IncomingMessage, key: string) {
    return new Promise<{ nombre: string; type: string; size: number; sha256: string; tipo: TipoDocumento | null }>((resolve, reject) => {
      let parser: busboy.Busboy;
      try {
        parser = busboy({ headers: req.headers, limits: { files: 1, fileSize: largest, fields: 4, fieldSize: 200, parts: 5 } });
      } catch {
        return reject(new UploadRefused(400, 'BAD_USER_INPUT', 'Cuerpo multipart mal formado', []));
      }
      let tipo: TipoDocumento | null = null;
      let upload: Promise<{ nombre: string; type: string; size: number; sha256: string }> | undefined;
      let failed: Error | undefined;
      const fail = (e: unknown) => {
        failed ??= e instanceof Error ? e : new Error(String(e));
        req.unpipe(parser);
        reject(failed);
      };
      parser.on('field', (name, value) => {
        if (name !== 'tipo') return;
        if (!(value in TipoDocumento))
          return fail(new UploadRefused(400, 'BAD_USER_INPUT', `Debe ser uno de ${Object.keys(TipoDocumento).join(', ')}`, ['tipo']));
        tipo = value as TipoDocumento;
      });
      parser.on('file', (name, file, info) => {
        if (name !== 'file' || upload) {
          file.resume();
          return fail(new UploadRefused(400, 'BAD_USER_INPUT', 'Envía un solo archivo, en la parte `file`', [name]));
        }
        const nombre = (info.filename ?? '').trim().slice(0, 255);
        // An SAE file (`tipo` sent before the file) has its own limit and types; any other document the general ones.
        const sae = tipo === 'ARCHIVO_SAE';
        const limit = sae ? settings.saeMaxBytes : settings.maxBytes;
        const inspector = new Inspector(info.mimeType, limit, sae ? SAE_FILE_TYPES : null);
        // The store may attach its listeners later (after creating folders): keep the first failure here.
        let failure: Error | undefined;
        inspector.on('error', (e) => (failure ??= e));
        file.on('limit', () => inspector.destroy(tooLarge(limit)));
        file.on('error', (e) => inspector.destroy(e));
        const stored = store.put(key, file.pipe(inspector)).catch((e: unknown) => {
          throw failure ?? e;
        });
        upload = stored.then(() => ({
          nombre: nombre || 'documento',
          type: inspector.type!,
          size: inspector.size,
          sha256: inspector.hash.digest('hex'),
        }));
        upload.catch(fail);
      });
      parser.on('error', () => fail(new UploadRefused(400, 'BAD_USER_INPUT', 'Cuerpo multipart mal formado', [])));
      parser.on('close', () => {
        if (failed) return;
        if (!upload) return fail(new UploadRefused(400, 'BAD_USER_INPUT', 'Falta el archivo (parte `file`)', ['file']));
        upload.then((u) => {
          if (u.size === 0) return fail(new UploadRefused(400, 'BAD_USER_INPUT', 'El archivo está vacío'));
          resolve({ ...u, tipo });
        }, fail);
      });
      req.on('aborted', () => fail(new UploadRefused(400, 'BAD_REQUEST', 'The upload was interrupted', [])));
      req.pipe(parser);
    });
  }
}

const tooLarge = (max: number) => new UploadRefused(413, 'BAD_USER_INPUT', `El archivo supera el límite de ${max} bytes`);
