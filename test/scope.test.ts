// Scope on every path (docs/decisions/010-scope-on-every-path.md): for every
// demo account, every record reachable through relations — at any depth, from
// the root lists and from `node` — is itself readable by that account, and no
// e-mail of a person outside the account's people scope appears anywhere.
// The queries are generated from the schema: every object type's fields of
// depth ≤ 3 that reach another object, so a new relation is covered without
// touching this file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getNamedType, isObjectType, type GraphQLField, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { buildSchema } from '../src/schema.js';
import { DEMO_PEOPLE, demoTokens, gql, startServer, type TestServer } from './helpers.js';
import { make, type Made } from './factories.js';
import { connectionNode, isConnection, requiredArgs } from './schema-walk.js';

const DEPTH = 3;
const PAGE = 2;

let server: TestServer;
let tokens: Record<string, string>;
const made: Made[] = [];

beforeAll(async () => {
  // Generated documents are large: lift the operation limits for this server only.
  server = await startServer({
    LOG_LEVEL: process.env.SCOPE_LOG ?? 'silent',
    MAX_QUERY_TOKENS: '1000000',
    MAX_QUERY_DEPTH: '60',
    MAX_QUERY_ALIASES: '1000',
    MAX_QUERY_COST: '100000000',
  });
  tokens = await demoTokens(server);
  const db = server.db;
  for (const unit of ['MEX-P001', 'MEX-P002', 'VER-P001']) {
    const plan = await make.planAnualCentro(db, { estado: 'VALIDADO', unit });
    const reporte = await make.reporteTrimestral(db, { estado: 'RECIBIDO', plan });
    const alumno = await make.alumno(db, { unit });
    made.push(
      plan,
      reporte,
      alumno,
      await make.actividadRealizada(db, { plan }),
      await make.accionMejora(db, { unit }),
      await make.certificado(db, { unit }),
      await make.baja(db, { unit }),
      await make.asesoriaComplementaria(db, { unit, alumno }),
      await make.visitaTecnica(db, { unit }),
      await make.importacionSae(db, { unit }),
    );
  }
  for (const unit of ['CE-MEX', 'CE-VER']) {
    const plan = await make.planTrabajoAnual(db, { estado: 'TURNADO', unit, planesCentro: true });
    made.push(
      plan,
      await make.concentradoEstatal(db, { unit, planEstatal: plan }),
      await make.accionMejora(db, { unit }),
      await make.loteFolios(db, { unit }),
      await make.reunionRiesgo(db, { unit }),
      await make.tablaCostos(db, { unit }),
      await make.actividadRealizada(db, { planEstatal: plan }),
    );
  }
  for (const unit of ['CE-MEX', 'CE-VER']) {
    const sub = unit === 'CE-MEX' ? 'MEX-P001' : 'VER-P001';
    const programa = await make.programaMetas(db, {
      estado: 'APROBADO',
      unit,
      metas: [{ unit: sub, indicador: 'PERSONAS_CAPACITADAS', trimestre: 1, valor: 10 }],
    });
    made.push(programa, await make.registroResultados(db, { estado: 'VALIDADO', programa, trimestre: 1 }));
  }
  for (const unit of ['MEX-CAST01', 'VER-CAST01']) made.push(await make.programaMetas(db, { estado: 'ENVIADO', unit }));
  made.push(
    await make.programaNacionalCapacitacion(db, { estado: 'ENVIADO' }),
    await make.cursoCatalogo(db, { estado: 'PUBLICADO' }),
    await make.cursoCatalogo(db, { estado: 'PROPUESTO' }),
  );
  made.push(
    await make.proyectoNormativo(db, {
      estado: 'EN_COMENTARIOS_CAST',
      unit: 'DSTC',
      destinatarios: [{ unit: 'MEX-CAST01', fin: 'COMENTARIOS' }],
    }),
    await make.proyectoNormativo(db, {
      estado: 'EN_COMENTARIOS_CAST',
      unit: 'DSTC',
      destinatarios: [{ unit: 'VER-CAST01', fin: 'COMENTARIOS' }],
    }),
    await make.proyectoNormativoCapacitacion(db, { estado: 'EN_CONSENSO', destinatarios: [{ unit: 'CE-MEX', fin: 'APORTACIONES' }] }),
    await make.proyectoNormativoCapacitacion(db, { estado: 'EN_CONSENSO', destinatarios: [{ unit: 'RCEO', fin: 'APORTACIONES' }] }),
    await make.ofertaCapacitacion(db, { estado: 'DIFUNDIDA' }),
    await make.ofertaCapacitacion(db, { estado: 'EN_PREPARACION' }),
    await make.acuerdoReunion(db, { responsable: 'MEX-CAST01' }),
    await make.acuerdoReunion(db, { responsable: 'VER-CAST01' }),
  );
  // #12: training concertaciones read by their participating units (CE-MEX, RCEO), their coordination (with the
  // derrama's documents) and instruments (a participant reads only the communicated one).
  made.push(
    await make.coordinacionCapacitacion(db, { estado: 'DERRAMA_NOTIFICADA' }),
    await make.concertacionCapacitacion(db, { estado: 'FORMALIZADA' }),
    await make.instrumentoJuridico(db, { estado: 'COMUNICADO' }),
    await make.instrumentoJuridico(db, { estado: 'EN_FIRMA' }),
  );
  for (const cast of ['MEX-CAST01', 'VER-CAST01']) {
    const promocion = await make.promocionServiciosTecnologicos(db, { estado: 'EN_PROMOCION', cast: [cast] });
    made.push(
      promocion,
      await make.catalogoServicios(db, { unit: cast, promocion: promocion.id }),
      await make.solicitudDirigida(db, { promocion: promocion.id }),
    );
  }
}, 240_000);
afterAll(() => server?.stop());

// ---- query generation ---------------------------------------------------------

const pageArg = (f: GraphQLField<unknown, unknown>) => (f.args.some((a) => a.name === 'first') ? `(first: ${PAGE})` : '');

/** Counts the field paths the selection covers (the test's size). */
let paths = 0;

/** The selection of `type`: its id and typename, and every object-valued field without required arguments, `depth` levels down. */
function selection(type: GraphQLObjectType, depth: number): string {
  const fields = type.getFields();
  const parts = ['__typename'];
  if ('id' in fields) parts.push('id');
  if (type.name === 'Person') parts.push('email');
  if (depth === 0) return parts.join(' ');
  for (const field of Object.values(fields)) {
    const named = getNamedType(field.type);
    if (!isObjectType(named) || requiredArgs(field)) continue;
    paths += 1;
    const inner = isConnection(named) ? `edges { node { ${selection(connectionNode(named), depth - 1)} } }` : selection(named, depth - 1);
    parts.push(`${field.name}${pageArg(field)} { ${inner} }`);
  }
  return parts.join(' ');
}

function nodeTypes(schema: GraphQLSchema): GraphQLObjectType[] {
  return Object.values(schema.getTypeMap()).filter(
    (t): t is GraphQLObjectType => isObjectType(t) && !t.name.startsWith('__') && t.getInterfaces().some((i) => i.name === 'Node'),
  );
}

/** Root lists of records (connections of Node types without required arguments), with the generated selection. */
function rootListsQueries(schema: GraphQLSchema): { queries: string[]; roots: string[] } {
  const roots: string[] = [];
  const parts: string[] = [];
  for (const field of Object.values(schema.getQueryType()!.getFields())) {
    const named = getNamedType(field.type);
    if (!isObjectType(named) || !isConnection(named) || requiredArgs(field)) continue;
    const node = connectionNode(named);
    if (!node.getInterfaces().some((i) => i.name === 'Node')) continue;
    roots.push(field.name);
    parts.push(`${field.name}${pageArg(field)} { edges { node { ${selection(node, DEPTH)} } } }`);
  }
  return { queries: parts.map((p) => `{ ${p} }`), roots };
}

/** One aliased `node` per record made, each with its type's generated selection. */
function nodeQueries(schema: GraphQLSchema, ids: Made[]): string[] {
  const byType = new Map(nodeTypes(schema).map((t) => [t.name, t]));
  const parts = ids.map((m, i) => {
    const typename = Buffer.from(m.globalId, 'base64').toString('utf8').split(':')[0];
    const type = byType.get(typename);
    if (!type) throw new Error(`no Node type ${typename}`);
    return `{ n${i}: node(id: "${m.globalId}") { ... on ${typename} { ${selection(type, DEPTH)} } } }`;
  });
  return parts;
}

// ---- checking -------------------------------------------------------------------

type Json = null | string | number | boolean | Json[] | { [k: string]: Json };

/** Every Node (typename + id) anywhere in a response, with the e-mails of the people among them. */
function collect(value: Json, nodeNames: Set<string>, out: { ids: Map<string, string>; emails: Map<string, string> }, path = '') {
  if (Array.isArray(value)) for (const v of value) collect(v, nodeNames, out, path);
  else if (value && typeof value === 'object') {
    const { __typename: typename, id } = value;
    if (typeof typename === 'string' && typeof id === 'string' && nodeNames.has(typename)) {
      if (!out.ids.has(id)) out.ids.set(id, `${typename} at ${path.replace(/\.(edges|node)/g, '')}`);
      if (typename === 'Person' && typeof value.email === 'string') out.emails.set(value.email, id);
    }
    for (const [k, v] of Object.entries(value)) collect(v, nodeNames, out, `${path}.${k}`);
  }
}

/** `run` over `items`, `width` at a time, results in order. */
async function inBatches<T, R>(items: T[], width: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += width) out.push(...(await Promise.all(items.slice(i, i + width).map(run))));
  return out;
}

const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;

describe('scope on every path', () => {
  const schema = buildSchema();
  const nodeNames = new Set(nodeTypes(schema).map((t) => t.name));
  paths = 0;
  const lists = rootListsQueries(schema);
  const listPaths = paths;

  it('the generated queries cover every root list and more than a hundred relation paths', () => {
    expect(lists.roots.length).toBeGreaterThan(10);
    expect(listPaths).toBeGreaterThan(100);
    console.info(
      `scope: ${DEMO_PEOPLE.length} accounts, ${lists.roots.length} root lists (${listPaths} field paths of depth ≤ ${DEPTH}) + the records made, by node`,
    );
  });

  it.each(DEMO_PEOPLE.map(([local]) => local))(
    '%s reaches only records it may read, and no e-mail of a person outside its scope',
    async (local) => {
      const token = tokens[local];
      const documents = [...lists.queries, ...nodeQueries(schema, made)];
      const responses = await inBatches(documents, 4, (d) => gql(server, d, {}, token));
      const problems: string[] = [];
      const found = { ids: new Map<string, string>(), emails: new Map<string, string>() };
      for (const r of responses) {
        // NOT_FOUND for records outside the account's scope is expected; anything else is not.
        for (const e of r.errors ?? [])
          if (e.extensions?.code !== 'NOT_FOUND') problems.push(`${e.extensions?.code} ${e.message} at ${e.path?.join('.')}`);
        collect((r.data ?? null) as Json, nodeNames, found);
      }
      // Readable by this account: `node(id)` as the account (one alias per id, so one refusal does not hide the others).
      const ids = [...found.ids.keys()];
      const readable = new Set<string>();
      for (let i = 0; i < ids.length; i += 200) {
        const chunk = ids.slice(i, i + 200);
        const r = await gql<Record<string, { id: string } | null>, never>(
          server,
          `{ ${chunk.map((id, j) => `n${j}: node(id: "${id}") { id }`).join(' ')} }`,
          undefined,
          token,
        );
        for (const n of Object.values(r.data ?? {})) if (n) readable.add(n.id);
      }
      for (const [id, typename] of found.ids) {
        if (!readable.has(id)) problems.push(`reached ${typename} that node() refuses`);
      }
      const readableEmails = new Set([...found.emails].filter(([, id]) => readable.has(id)).map(([email]) => email));
      for (const r of responses) {
        for (const email of JSON.stringify(r.data ?? null).match(EMAIL) ?? []) {
          if (!readableEmails.has(email)) problems.push(`saw the e-mail ${email} of a person outside the account's scope`);
        }
      }
      expect([...new Set(problems)].slice(0, 20)).toEqual([]);
      // Something was reached: the account's own unit at least, through every record's `unit`.
      expect(found.ids.size).toBeGreaterThan(5);
    },
    120_000,
  );
});
