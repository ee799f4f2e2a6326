// Compiled reads (src/lib/db/read.ts) answer exactly what Prisma answers. Every
// root list of the schema, with a selection generated from the schema (every
// field without required arguments, objects and lists two levels down), is read
// by accounts at three levels (national, state, plantel), as a first page, the
// next page and a last page, once through the compiled statement and once
// through Prisma, and the two answers must be equal. The lists must also be
// compiled (no fallback to Prisma) and cost one statement per list.
// The file has a database of its own, so no other test file changes rows
// between the two reads.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getNamedType, type GraphQLField, type GraphQLObjectType } from 'graphql';
import { buildSchema } from '../src/schema.js';
import { migrateDeploy } from '../src/lib/db/prisma-cli.js';
import { createPrisma, sqlStatements } from '../src/lib/db/client.js';
import { askedColumns, compiledReads, findMany, preparedQuery, preparedStatements, readStats } from '../src/lib/db/read.js';
import { plannedRelationStats } from '../src/lib/db/planned-relations.js';
import { seedDemoData } from '../src/seed/demo.js';
import { createDatabase } from './global-setup.js';
import { demoTokens, gql, startServer, statementsFor, type TestServer } from './helpers.js';
import { make } from './factories.js';
import { connectionNode, fullSelection, orderings, rootLists, singleFields } from './schema-walk.js';

const ACCOUNTS = ['admin', 'dg.mex', 'escolares.p001'];

let server: TestServer;
let tokens: Record<string, string>;
let drop: () => Promise<void>;
let databaseUrl: string;

beforeAll(async () => {
  const database = await createDatabase('read_test');
  drop = database.drop;
  databaseUrl = database.url;
  await migrateDeploy(database.url);
  const seeding = createPrisma(database.url);
  await seedDemoData(seeding);
  await seeding.$disconnect();
  server = await startServer({
    DATABASE_URL: database.url,
    MAX_QUERY_TOKENS: '1000000',
    MAX_QUERY_DEPTH: '60',
    MAX_QUERY_ALIASES: '1000',
    MAX_QUERY_COST: '100000000',
  });
  tokens = await demoTokens(server);
  const db = server.db;
  for (const unit of ['CONALEP', 'CE-MEX', 'MEX-P001', 'CE-VER']) await make.apiKey(db, { unit });
  for (const unit of ['MEX-P001', 'MEX-P002', 'VER-P001']) {
    const plan = await make.planAnualCentro(db, { estado: 'VALIDADO', unit, actividades: 2 });
    await make.reporteTrimestral(db, { estado: 'RECIBIDO', plan });
    await make.actividadRealizada(db, { plan });
    await make.planAnualCentro(db, { estado: 'EN_ELABORACION', unit });
    for (let i = 0; i < 3; i++) {
      const alumno = await make.alumno(db, { unit });
      await make.asesoriaComplementaria(db, { unit, alumno });
    }
    await make.accionMejora(db, { unit });
    await make.certificado(db, { unit, estado: 'ENTREGADO' });
    await make.certificado(db, { unit });
    await make.baja(db, { unit });
    await make.corteCalendario(db, { unit });
    await make.visitaTecnica(db, { unit });
  }
  for (const unit of ['CE-MEX', 'CE-VER']) {
    const plan = await make.planTrabajoAnual(db, { estado: 'TURNADO', unit, planesCentro: true });
    await make.concentradoEstatal(db, { unit, planEstatal: plan });
    await make.accionMejora(db, { unit });
    await make.loteFolios(db, { unit });
    await make.reunionRiesgo(db, { unit });
    await make.tablaCostos(db, { unit });
  }
  for (const estado of ['EN_COMENTARIOS_CAST', 'REMITIDO_A_CAST'] as const)
    await make.proyectoNormativo(db, { estado, unit: 'DSTC', destinatarios: [{ unit: 'MEX-CAST01', fin: 'COMENTARIOS' }] });
  await make.reunionTrabajoCast(db, {});
  for (const linea of ['SERVICIOS_TECNOLOGICOS', 'CAPACITACION'] as const) await make.registroResultados(db, { estado: 'VALIDADO', linea });
  await make.programaMetas(db, { estado: 'ENVIADO', linea: 'CAPACITACION', unit: 'CE-MEX' });
  await make.programaNacionalCapacitacion(db, {});
  await make.cursoCatalogo(db, { estado: 'PUBLICADO' });
  for (const cast of ['MEX-CAST01', 'VER-CAST01']) {
    await make.acuerdoReunion(db, { responsable: cast });
    await make.proyectoNormativoCapacitacion(db, { estado: 'EN_CONSENSO', destinatarios: [{ unit: 'CE-MEX', fin: 'APORTACIONES' }] });
    const promocion = await make.promocionServiciosTecnologicos(db, { estado: 'VERIFICADA', cast: [cast] });
    await make.catalogoServicios(db, { unit: cast, promocion: promocion.id });
    await make.ofertaCapacitacion(db, { estado: 'DIFUNDIDA' });
  }
  // 30-524-PO-04 operating rules
  for (const unit of ['MEX-P001', 'MEX-P002', 'VER-P001']) {
    await make.rectificacionEvaluacion(db, { unit });
    await make.entregaCertificadosFisicos(db, { unit, estado: 'DEVUELTA' });
    await make.solicitudEgresado(db, { unit });
  }
  for (const unit of ['CE-MEX', 'CE-VER']) {
    await make.supervisionCaptura(db, { unit });
    await make.solicitudFolios(db, { unit });
    await make.informeJuntaDirectiva(db, { unit });
  }
  for (const unit of ['EMP-MEX01', 'EMP-VER01']) {
    await make.concertacionServicio(db, { estado: 'PAGADA', unit });
    await make.concertacionServicio(db, { estado: 'RESPONDIDA', unit });
    await make.concertacionCapacitacion(db, { estado: 'FORMALIZADA', unit });
    await make.concertacionCapacitacion(db, { estado: 'VIABLE', unit });
    await make.instrumentoJuridico(db, { estado: 'EN_FIRMA', unit, firmados: 1 });
    await make.instrumentoJuridico(db, { estado: 'EN_ELABORACION', unit, servicio: true });
    await make.coordinacionCapacitacion(db, { estado: 'DERRAMA_NOTIFICADA', unit });
    await make.coordinacionCapacitacion(db, { estado: 'EN_COORDINACION', unit });
  }
  // A third row for the lists that had fewer: the per-row check compares a page of one row with a page of three.
  await make.acuerdoReunion(db, { responsable: 'MEX-CAST01' });
  for (let i = 0; i < 2; i++) await make.cursoCatalogo(db, { estado: 'PUBLICADO' });
  for (let i = 0; i < 2; i++) await make.programaNacionalCapacitacion(db, {});
  await make.informeJuntaDirectiva(db, { unit: 'CE-MEX' });
  await make.ofertaCapacitacion(db, { estado: 'DIFUNDIDA' });
  await make.promocionServiciosTecnologicos(db, { estado: 'VERIFICADA', cast: ['MEX-CAST01'] });
  await make.registroResultados(db, { estado: 'VALIDADO', linea: 'CAPACITACION' });
  await make.reunionRiesgo(db, { unit: 'CE-MEX', numero: 2 });
  await make.solicitudFolios(db, { unit: 'CE-MEX' });
  await make.supervisionCaptura(db, { unit: 'CE-MEX' });
  await make.tablaCostos(db, { unit: 'CE-MEX' });
  // Grades on the first page of students (a grade's calificacion reads a column it declares: see 'asked columns').
  for (const alumno of await db.alumno.findMany({ orderBy: [{ matricula: 'asc' }, { id: 'asc' }], take: 3 }))
    await make.evaluacion(db, { unit: 'MEX-P001', alumno });
  // #14 contact centre: its records at units these accounts reach (the demo's CONOCER tree is outside them).
  for (const unit of ['MEX-P001', 'MEX-P002', 'VER-P001']) {
    await make.ticket(db, { unit, estado: 'ATENDIDO' });
    await make.ticket(db, { unit, estado: 'CANALIZADO', canal: 'TELEFONO' });
    await make.cierreConocer(db, { unit });
    await make.analisisContacto(db, { unit, estado: 'ENVIADO' });
    await make.informeResultadosContacto(db, { unit, estado: 'PRESENTADO' });
    // #15 Portal CONOCER
    await make.solicitudPortal(db, { unit, estado: 'EN_CONSTRUCCION' });
    await make.estadisticaPortal(db, { unit });
    await make.analisisPortal(db, { unit, estado: 'PRESENTADO' });
    await make.revisionContenidoPortal(db, { unit });
    await make.correoCuarentena(db, { unit });
    // #15 campaigns, with their segment and test sends.
    await make.campana(db, { unit, estado: 'REPORTADA' });
    await make.campana(db, { unit, estado: 'EN_CURSO', tipo: 'LLAMADA_OPERADOR' });
    await make.encuesta(db, { unit, estado: 'REPORTADA' });
  }
}, 240_000);
afterAll(async () => {
  await server?.stop();
  await drop?.();
});

// ---- query generation ---------------------------------------------------------

const roots = rootLists(buildSchema());
/** Nested lists: a page of 3, with their count, cursors and paging. */
const selection = (type: GraphQLObjectType, depth: number) => fullSelection(type, depth, { page: 3, paging: true });

type Page = { totalCount?: number; edges: { cursor: string }[]; pageInfo: { endCursor: string | null } };

async function read(field: GraphQLField<unknown, unknown>, account: string, args: string, fields?: string) {
  const node = connectionNode(getNamedType(field.type) as GraphQLObjectType);
  const query = `{ ${field.name}(${args}) { totalCount edges { cursor node { ${fields ?? selection(node, 2)} } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
  const r = await gql<Record<string, Page>, Record<string, never>>(server, query, {}, tokens[account]);
  expect(r.errors, `${field.name} as ${account}`).toBeUndefined();
  // A document's download link carries its expiry second: two reads a second apart differ there only.
  // A report's spreadsheet (Campana.hojaCalculo) is written at each read: its zip entries carry the second of writing,
  // and the figures it holds are compared in `reporte`.
  return JSON.parse(
    JSON.stringify(r.data![field.name])
      .replace(/\?exp=\d+&sig=[\w-]+/g, '?exp=…')
      .replace(/"hojaCalculo":"[A-Za-z0-9+/=]+"/g, '"hojaCalculo":"…"'),
  ) as Page;
}

/** The same read through the compiled statement and through Prisma. */
async function both(field: GraphQLField<unknown, unknown>, account: string, args: string, fields?: string) {
  compiledReads.enabled = true;
  const fallbacks = readStats.fallbacks;
  const compiled = await read(field, account, args, fields);
  const fellBack = readStats.fallbacks - fallbacks;
  compiledReads.enabled = false;
  try {
    const prisma = await read(field, account, args, fields);
    expect(compiled, `${field.name}(${args}) { ${fields ?? '…'} } as ${account}`).toEqual(prisma);
  } finally {
    compiledReads.enabled = true;
  }
  expect(fellBack, `${field.name}(${args}) { ${fields ?? '…'} } as ${account} fell back to Prisma: ${readStats.lastFallback}`).toBe(0);
  return compiled;
}

describe('relations already on compiled rows', () => {
  it('are answered from the rows, without asking the plan once per row, and equal what Prisma answers', async () => {
    const query = `{ certificados(first: 6) { edges { node { estado alumno { matricula unit { code } } folio { numero } } } } }`;
    const answered = plannedRelationStats.answered;
    const compiled = await gql<{ certificados: { edges: unknown[] } }, Record<string, never>>(server, query, {}, tokens.admin);
    expect(compiled.errors).toBeUndefined();
    const rows = compiled.data!.certificados.edges.length;
    expect(rows).toBeGreaterThanOrEqual(3);
    // alumno and folio of every row (a node's to-one relation); unit below alumno goes through Pothos' own path.
    expect(plannedRelationStats.answered - answered).toBe(2 * rows);
    compiledReads.enabled = false;
    try {
      const before = plannedRelationStats.answered;
      const prisma = await gql(server, query, {}, tokens.admin);
      expect(plannedRelationStats.answered).toBe(before); // Prisma's rows are not compiled rows
      expect(prisma).toEqual(compiled);
    } finally {
      compiledReads.enabled = true;
    }
  });

  it('answer a relation selected twice with different arguments, each alias with its own rows, as Prisma does', async () => {
    const alumno = await make.alumno(server.db, { unit: 'MEX-P001' });
    for (const corte of [1, 2, 3]) await make.evaluacion(server.db, { unit: 'MEX-P001', alumno, corte, calificacion: 6 + corte });
    const query = `{ alumnos(first: 100, orderBy: { field: matricula, direction: DESC }) { edges { node { id
      todas: evaluaciones { corte modulo { clave } } segundo: evaluaciones(corte: 2) { corte calificacion modulo { clave } } } } } }`;
    type Node = { id: string; todas: { corte: number }[]; segundo: { corte: number; calificacion: number }[] };
    const answered = plannedRelationStats.answered;
    const compiled = await gql<{ alumnos: { edges: { node: Node }[] } }, Record<string, never>>(server, query, {}, tokens.admin);
    expect(compiled.errors).toBeUndefined();
    expect(plannedRelationStats.answered).toBeGreaterThan(answered);
    const mine = compiled.data!.alumnos.edges.find((e) => e.node.id === alumno.globalId)!.node;
    expect(mine.todas.map((e) => e.corte).sort()).toEqual([1, 2, 3]);
    expect(mine.segundo.map((e) => [e.corte, e.calificacion])).toEqual([[2, 8]]);
    compiledReads.enabled = false;
    try {
      expect(await gql(server, query, {}, tokens.admin)).toEqual(compiled);
    } finally {
      compiledReads.enabled = true;
    }
  });

  it('answer a leaf field with its own select (the CURP, masked by the unit it selects) from the rows, as Prisma does', async () => {
    const query = `{ alumnos(first: 6) { edges { node { matricula curp } } } }`;
    for (const account of ['admin', 'escolares.p001']) {
      const selected = plannedRelationStats.selected;
      const compiled = await gql<{ alumnos: { edges: unknown[] } }, Record<string, never>>(server, query, {}, tokens[account]);
      expect(compiled.errors).toBeUndefined();
      const rows = compiled.data!.alumnos.edges.length;
      expect(rows).toBeGreaterThanOrEqual(3);
      expect(plannedRelationStats.selected - selected).toBe(rows);
      compiledReads.enabled = false;
      try {
        expect(await gql(server, query, {}, tokens[account])).toEqual(compiled);
      } finally {
        compiledReads.enabled = true;
      }
    }
  });
});

/** The columns a compiled statement sends: the arguments of its json_build_array calls (not its joins, filters or order). */
function selected(text: string): string[] {
  return [...text.matchAll(/(?:json_build_array\(|, )t\d+\."(\w+)"(?:::\w+)?(?=[,)])/g)].map((m) => m[1]);
}

describe('compiled reads of the asked columns', () => {
  it('send only the columns the selection reads, with the ids it needs, and answer as Prisma does', async () => {
    const query = `{ alumnos(first: 5) { edges { node { matricula evaluaciones { periodo calificacion modulo { clave } } } } } }`;
    const alumno = await make.alumno(server.db, { unit: 'MEX-P001' });
    await make.evaluacion(server.db, { unit: 'MEX-P001', alumno, corte: 1, calificacion: 9 });
    const sent: string[] = [];
    readStats.onStatement = (text) => sent.push(text);
    let compiled;
    try {
      compiled = await gql(server, query, {}, tokens['escolares.p001']);
    } finally {
      readStats.onStatement = null;
    }
    expect(compiled.errors).toBeUndefined();
    const page = sent.find((t) => t.includes('FROM "Evaluacion"'))!;
    expect(page).toBeDefined();
    // The student: its matricula and its id (the cursor). A grade: what is asked and its id (it has a relation
    // below it); calificacion declares its column. The module: its clave only.
    const columns = selected(page);
    for (const asked of ['matricula', 'periodo', 'calificacion', 'clave']) expect(columns).toContain(asked);
    for (const relation of ['"Evaluacion"', '"Modulo"']) expect(page).toContain(relation);
    for (const unasked of ['curp', 'nombre', 'alumnoId', 'docenteId', 'corte', 'createdAt']) expect(columns).not.toContain(unasked);
    expect(columns.filter((c) => c === 'id')).toHaveLength(2);
    compiledReads.enabled = false;
    try {
      expect(await gql(server, query, {}, tokens['escolares.p001'])).toEqual(compiled);
    } finally {
      compiledReads.enabled = true;
    }
    // Off (ASKED_COLUMNS=off): every column again.
    askedColumns.enabled = false;
    sent.length = 0;
    readStats.onStatement = (text) => sent.push(text);
    try {
      expect(await gql(server, query, {}, tokens['escolares.p001'])).toEqual(compiled);
    } finally {
      readStats.onStatement = null;
      askedColumns.enabled = true;
    }
    expect(selected(sent.find((t) => t.includes('FROM "Evaluacion"'))!)).toContain('docenteId');
  });

  it('keep the key of a model whose key spans several columns, for the rows Pothos loads again by it', async () => {
    // When Pothos cannot merge a field into its plan it loads the row again by its key; a destinatario's key is
    // proyecto, unit and fin, so its rows keep every column (found in review).
    const query = `{ proyectosNormativos(first: 3) { edges { node { destinatarios {
      a: unit { children(first: 1) { totalCount } } b: unit { children(first: 2) { totalCount } } } } } } }`;
    type Answer = { proyectosNormativos: { edges: { node: { destinatarios: unknown[] } }[] } };
    const sent: string[] = [];
    readStats.onStatement = (text) => sent.push(text);
    let compiled;
    try {
      compiled = await gql<Answer, Record<string, never>>(server, query, {}, tokens.admin);
    } finally {
      readStats.onStatement = null;
    }
    expect(compiled.errors).toBeUndefined();
    const page = sent.find((t) => t.includes('FROM "ProyectoNormativoDestinatario"'))!;
    for (const key of ['proyectoId', 'unitId', 'fin']) expect(selected(page)).toContain(key);
    expect(compiled.data!.proyectosNormativos.edges.some((e) => e.node.destinatarios.length > 0)).toBe(true);
    compiledReads.enabled = false;
    try {
      expect(await gql(server, query, {}, tokens.admin)).toEqual(compiled);
    } finally {
      compiledReads.enabled = true;
    }
  });

  // Every field of every type the lists reach, selected alone (and each related type's fields alone): a field
  // that reads a column it does not declare would find it missing on the compiled row and answer differently.
  const seen = new Set<string>();
  // Every list's own leaf fields, each alone; then what the lists reach two levels down, each Type.field once.
  const single = roots.map((field) => {
    const node = connectionNode(getNamedType(field.type) as GraphQLObjectType);
    const own = singleFields(node, { page: 3 }, new Set(), 0);
    return { field, selections: [...new Set([...own, ...singleFields(node, { page: 3 }, seen)])] };
  });
  for (const { field, selections } of single) {
    it(`${field.name}: each field alone answers as Prisma does (${selections.length} selections)`, async () => {
      for (const fields of selections) await both(field, 'admin', 'first: 3', fields);
    });
  }
});

/** A statement without its values: the same shape for every parent it is sent for. */
const shape = (text: string) => text.replace(/\$\d+/g, '$').replace(/IN \((\$,?)+\)/g, 'IN (…)');

/** Statements sent for a page of `first` rows of `field` (compiled reads and Prisma's), and the rows read. */
async function cost(field: GraphQLField<unknown, unknown>, account: string, first: number) {
  const compiled = readStats.compiled;
  let page: Page | undefined;
  const log: string[] = [];
  sqlStatements.log = log;
  const statements = await statementsFor(async () => {
    page = await read(field, account, `first: ${first}`);
  }).finally(() => (sqlStatements.log = undefined));
  const shapes = new Map<string, number>();
  for (const text of log) shapes.set(shape(text), (shapes.get(shape(text)) ?? 0) + 1);
  return { statements, compiled: readStats.compiled - compiled, rows: page!.edges.length, shapes };
}

/**
 * The statements sent once per parent row: more often with the larger page, in proportion to its rows.
 * (A nested relation that is empty on the small page and not on the large one adds its own batched
 * loads once: 0 → 1, or a load more at another depth: 4 → 5. Those are not per row.)
 */
const perRow = (small: { rows: number; shapes: Map<string, number> }, large: { rows: number; shapes: Map<string, number> }) =>
  [...large.shapes]
    .filter(([s, n]) => {
      const before = small.shapes.get(s) ?? 0;
      return before > 0 && n > before && n * small.rows >= before * large.rows;
    })
    .map(([s, n]) => `${small.shapes.get(s)} → ${n}: ${s.slice(0, 240)}`);

describe('compiled reads', () => {
  it('cover the lists', () => {
    expect(roots.length).toBeGreaterThanOrEqual(10);
  });

  for (const field of roots) {
    it(`${field.name}: first page, next page and last page answer as Prisma does, for three levels of account`, async () => {
      let rows = 0;
      for (const account of ACCOUNTS) {
        const first = await both(field, account, 'first: 2');
        rows += first.edges.length;
        if (first.pageInfo.endCursor) await both(field, account, `first: 2, after: "${first.pageInfo.endCursor}"`);
        await both(field, account, 'last: 2');
        for (const order of orderings(field)) {
          const page = await both(field, account, `first: 2, orderBy: ${order}`);
          if (page.pageInfo.endCursor) await both(field, account, `first: 2, after: "${page.pageInfo.endCursor}", orderBy: ${order}`);
          await both(field, account, `last: 3, orderBy: ${order}`);
        }
      }
      // At least one account reads rows, so the nested selections ran.
      expect(rows, `${field.name} read no rows`).toBeGreaterThan(0);
    });
  }

  // Every nested relation and field is read with its page (in the compiled statement) or once per
  // response and depth (a batched loader): no statement is repeated for each row. A relation that falls
  // back to a load per parent (N+1) sends its statement three times for three rows; a batched loader whose
  // parents arrive from two different statements (two depths) may send its statement twice, whatever the
  // rows. So the check compares a page of one row with a page of three: the national account reads at least
  // three rows of every list (the data above), and an account reading fewer is not compared.
  for (const field of roots) {
    it(`${field.name}: no statement is sent once per row of a page, nested relations included`, async () => {
      for (const account of ['admin', 'dg.mex']) {
        const one = await cost(field, account, 1);
        const three = await cost(field, account, 3);
        expect(one.compiled, `${field.name} as ${account}: the page is not a compiled read`).toBeGreaterThan(0);
        if (account === 'admin') expect(three.rows, `${field.name}: the test data gives the national account three rows`).toBe(3);
        if (three.rows < 3) continue;
        let grown = perRow(one, three);
        // A batched loader reached through several paths sends one statement for all of them or one per path,
        // as their parents' statements happen to answer; a statement per row grows every time. So a statement
        // counts only when it grows in three readings.
        for (let i = 0; i < 2 && grown.length; i++) {
          const again = perRow(await cost(field, account, 1), await cost(field, account, 3)).map((g) => g.replace(/^\d+ → \d+: /, ''));
          grown = grown.filter((g) => again.includes(g.replace(/^\d+ → \d+: /, '')));
        }
        expect(grown, `${field.name} as ${account}: statements sent once per row (${one.rows} → ${three.rows} rows)`).toEqual([]);
      }
    });
  }

  it('read a page of students with certificates and folios in one statement (and the count in another)', async () => {
    const query = `{ alumnos(first: 10) { totalCount edges { node { matricula curp certificados { estado folio { numero } } } } } }`;
    const statements = await statementsFor(async () => {
      const r = await gql<{ alumnos: { edges: unknown[] } }, Record<string, never>>(server, query, {}, tokens['escolares.p001']);
      expect(r.errors).toBeUndefined();
      expect(r.data!.alumnos.edges.length).toBeGreaterThan(1);
    });
    compiledReads.enabled = false;
    try {
      const prisma = await statementsFor(() => gql(server, query, {}, tokens['escolares.p001']));
      expect(statements).toBeLessThan(prisma);
    } finally {
      compiledReads.enabled = true;
    }
    // the viewer, the page with its relations, the count
    expect(statements).toBeLessThanOrEqual(3);
  });
});

describe('statements PostgreSQL keeps planned', () => {
  it('intersect the values a column is allowed (scope and filter) into one condition, and answer as Prisma does', async () => {
    // A state account's scope (its units) and a filter on one of its planteles: one condition on unitId.
    const unit = Buffer.from(`OrgUnit:${(await server.db.orgUnit.findUniqueOrThrow({ where: { code: 'MEX-P001' } })).id}`).toString(
      'base64',
    );
    const query = `query($unit: ID!) { alumnos(first: 5, filter: { unitId: $unit }) { edges { node { matricula } } } }`;
    const sent: string[] = [];
    readStats.onStatement = (text) => sent.push(text);
    let compiled;
    try {
      compiled = await gql<{ alumnos: { edges: unknown[] } }, { unit: string }>(server, query, { unit }, tokens['dg.mex']);
    } finally {
      readStats.onStatement = null;
    }
    expect(compiled.errors).toBeUndefined();
    expect(compiled.data!.alumnos.edges.length).toBeGreaterThan(0);
    const page = sent.find((t) => t.includes('FROM "Alumno"'))!;
    expect(page.match(/t0\."unitId" =/g)).toHaveLength(1);
    expect(page).not.toContain('ANY(');
    compiledReads.enabled = false;
    try {
      expect(await gql(server, query, { unit }, tokens['dg.mex'])).toEqual(compiled);
    } finally {
      compiledReads.enabled = true;
    }
    // Disjoint sets: nothing, without asking PostgreSQL to compare them; case does not matter in a uuid.
    const [a, b] = (await server.db.orgUnit.findMany({ where: { code: { in: ['MEX-P001', 'MEX-P002'] } }, orderBy: { code: 'asc' } })).map(
      (u) => u.id,
    );
    sent.length = 0;
    readStats.onStatement = (text) => sent.push(text);
    try {
      // With another condition beside it: its parameter stays in the statement (found by the fuzz test).
      expect(await findMany(server.db, 'alumno', { where: { AND: [{ unitId: { in: [a] } }, { unitId: b }], matricula: 'x' } })).toEqual([]);
      const upper = await findMany(server.db, 'alumno', {
        where: { AND: [{ unitId: { in: [a, b] } }, { unitId: a.toUpperCase() }] },
        orderBy: { id: 'asc' },
      });
      const expected = await server.db.alumno.findMany({ where: { unitId: a }, orderBy: { id: 'asc' } });
      expect(expected.length).toBeGreaterThan(0);
      expect(upper.map((r) => r.matricula)).toEqual(expected.map((r) => r.matricula));
    } finally {
      readStats.onStatement = null;
    }
    expect(sent[0]).toContain('FALSE');
    expect(sent[1].match(/"unitId" =/g)).toHaveLength(1);
  });

  it('leave alone what JavaScript cannot compare as PostgreSQL does, and give Prisma what the compiler does not know', async () => {
    const db = server.db;
    const same = async (where: Record<string, unknown>, model: 'alumno' | 'evaluacion') => {
      const before = readStats.fallbacks;
      const compiled = (await findMany(db, model, { where, orderBy: { id: 'asc' } } as never)) as { id: string }[];
      expect(readStats.fallbacks).toBe(before);
      const prisma = (await (db[model] as unknown as { findMany(a: unknown): Promise<{ id: string }[]> }).findMany({
        where,
        orderBy: { id: 'asc' },
      })) as { id: string }[];
      expect(compiled.map((r) => r.id)).toEqual(prisma.map((r) => r.id));
      return prisma.length;
    };
    // Disjoint groups on a nullable column, under NOT: a student without a group is NULL there, not FALSE, so
    // Prisma leaves them out; FALSE would let them in.
    const alumno = await make.alumno(db, { unit: 'MEX-P001' });
    expect(await db.alumno.count({ where: { grupoId: null } })).toBeGreaterThan(0);
    const [g1, g2] = [crypto.randomUUID(), crypto.randomUUID()];
    expect(await same({ NOT: { AND: [{ grupoId: g1 }, { grupoId: g2 }] } }, 'alumno')).toBeGreaterThan(0);
    // A decimal has several spellings of one value: left to PostgreSQL, which finds the grade.
    await make.evaluacion(db, { unit: 'MEX-P001', alumno, corte: 1, calificacion: 9 });
    expect(await same({ alumnoId: alumno.id, AND: [{ calificacion: 9 }, { calificacion: { in: ['9.0'] } }] }, 'evaluacion')).toBe(1);
    // An AND of something that is not a filter: Prisma's own validation error, not a compiler's failure.
    const before = readStats.fallbacks;
    const error = await findMany(db, 'alumno', { where: { AND: [null] } } as never).catch((e: unknown) => e);
    expect((error as Error).name).toBe('PrismaClientValidationError');
    expect(readStats.fallbacks).toBe(before + 1);
  });

  it('are prepared once per connection, and a connection keeps only the most recently used', async () => {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
    const size = preparedStatements.size;
    const prepared = async () =>
      (await pool.query<{ statement: string }>('SELECT statement FROM pg_prepared_statements ORDER BY prepare_time')).rows.map(
        (r) => r.statement,
      );
    try {
      preparedStatements.size = 2;
      for (const n of [1, 2, 3]) expect((await preparedQuery(pool, `SELECT ${n}::int + $1::int`, [0])).rows).toEqual([[n]]);
      // The first was deallocated when the third came: PostgreSQL holds the last two.
      expect(await prepared()).toEqual(['SELECT 2::int + $1::int', 'SELECT 3::int + $1::int']);
      // Used again, it is prepared again (pg forgot it too), and pushes out the least recently used.
      expect((await preparedQuery(pool, 'SELECT 1::int + $1::int', [1])).rows).toEqual([[2]]);
      expect(await preparedQuery(pool, 'SELECT 3::int + $1::int', [1])).toMatchObject({ rows: [[4]] });
      expect(await prepared()).toEqual(['SELECT 3::int + $1::int', 'SELECT 1::int + $1::int']);
      // Off: nothing more is prepared.
      preparedStatements.size = 0;
      expect((await preparedQuery(pool, 'SELECT 4::int + $1::int', [0])).rows).toEqual([[4]]);
      expect(await prepared()).toHaveLength(2);
    } finally {
      preparedStatements.size = size;
      await pool.end();
    }
  });
});
