// The API side by side with PostGraphile 5 (Amber preset, read-only role) on the
// same PostgreSQL database holding the academic data of academico-data.ts, both
// with a pool of 10 connections, each in a process of its own
// (side-by-side-server.ts). The API is called as Servicios Escolares of a
// plantel or as the state's Jefatura (real tokens: authorization rules and
// CURP masking evaluated); PostGraphile without any.
//
//   read 1: one plantel's 50 students with their certificates and folios
//   read 2: the same 50 students → their 900 evaluaciones → módulo
//   read 3: the state's Jefatura: the plantel's first 50 certificates (by
//           creation, then id) → student (matrícula, nombre) and folio
//   read 4: the plantel's first 50 enrolled students by primer apellido (then
//           id), scalar fields → group and unit (to-one relations)
//
// First checks that both servers return the same rows for each read, then
// captures the SQL statements one request of each read sends in each server
// and replays them alone (one pg Client, serially, as each server's role) for
// the time of the SQL itself; then loads the reads with wrk (Debian package
// `wrk`) at each concurrency, the two servers interleaved (their order
// alternates), and prints req/s, p50/p95/p99 latency, the server's CPU per
// request, its SQL statements per request and its resident memory, with the
// API ÷ PostGraphile ratios, then each server's latency at c = 1 against its
// replayed SQL.
//
//   npm run bench:compare
//   BENCH_SCALE=0.1              a tenth of the data (quick; see academico-data.ts)
//   KEEP_BENCH_DATABASE=1        keep the database (prints its BENCH_DATABASE_URL)
//   BENCH_DATABASE_URL=…         reuse a kept database (no generation)
//   BENCH_DURATION=10            seconds measured per server, read, concurrency and round
//   BENCH_ROUNDS=2               rounds (each server is measured once per round)
//   BENCH_CONCURRENCY=1,10,50
//   BENCH_READS=1,2              only these reads (default all)
//   BENCH_WARMUP=2               seconds of wrk before each measured cell
//   BENCH_SQL=dir                write the captured statements of each read and server into dir (JSON)
//   BENCH_CPU_PROF=dir           write each server's CPU profile (node --cpu-prof) into dir
//   BENCH_BUILD=off              run both servers under tsx, from the sources (quicker to start; not as in production)
//
// Both servers run as in production: plain Node, the API built by `npm run build` (dist/), and
// side-by-side-server.ts bundled by esbuild with its imports of src/ pointed at dist/. Under tsx a process
// also holds tsx's loader thread, the transformed sources and their source maps (about 50-90 MiB more).
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import pg from 'pg';
import { BENCH_PASSWORD, PLANTEL_EMAIL, STATE_EMAIL, ensureAcademicoData } from './academico-data.js';
import { withBenchDatabase } from './harness.js';
import type { ServerMessage, Statement } from './side-by-side-server.js';

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? '1,10,50').split(',').map(Number);
/** Replays of one request's statements: warm-up, then measured. */
const REPLAY_WARMUP = 5;
const REPLAY_RUNS = 50;
const READ_ONLY_ROLE = 'bench_readonly';
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const BUILT = process.env.BENCH_BUILD !== 'off';

/**
 * The API built as for production (`npm run build`), and the server script bundled into one file whose
 * imports of src/ load dist/ instead (packages stay imports of node_modules). Returns the script to fork.
 */
async function buildServerScript(): Promise<string> {
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  const outfile = path.join(root, 'node_modules/.cache/bench/side-by-side-server.mjs');
  const src = `${path.join(root, 'src')}${path.sep}`;
  await build({
    entryPoints: [path.join(here, 'side-by-side-server.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    plugins: [
      {
        name: 'src-to-dist',
        setup(b) {
          b.onResolve({ filter: /\/src\// }, (args) => {
            const file = path.resolve(args.resolveDir, args.path);
            if (!file.startsWith(src)) return undefined;
            return { path: path.join(root, 'dist', file.slice(src.length)), external: true };
          });
        },
      },
    ],
  });
  return outfile;
}

type Server = 'api' | 'postgraphile';
const SERVERS: Server[] = ['api', 'postgraphile'];

// ---- the reads, and their answers reduced to the same rows -----------------------

interface Row {
  matricula: string;
  [field: string]: unknown;
}
interface Read {
  name: string;
  /** Who asks the API: Servicios Escolares of the plantel, or the state's Jefatura. */
  account: 'plantel' | 'state';
  documents: Record<Server, string>;
  /** The answer's rows in one shape, nested lists in one order. */
  rows: Record<Server, (data: unknown) => Row[]>;
}

type Json = Record<string, unknown>;
const get = (value: unknown, ...keys: string[]): unknown => keys.reduce<unknown>((v, k) => (v as Json | null)?.[k], value);
const list = (value: unknown): Json[] => {
  if (!Array.isArray(value)) throw new Error(`expected a list, got ${JSON.stringify(value)?.slice(0, 200)}`);
  return value as Json[];
};
const byKey =
  <T>(key: (x: T) => string) =>
  (a: T, b: T) =>
    key(a).localeCompare(key(b));

const certificados = (items: Json[], folio: string) =>
  items.map((c) => ({ estado: c.estado, folio: get(c, folio, 'numero') ?? null })).sort(byKey((c) => JSON.stringify(c)));
const evaluaciones = (items: Json[], modulo: string) =>
  items
    .map((e) => ({
      periodo: e.periodo,
      corte: e.corte,
      modulo: get(e, modulo, 'clave'),
      nombre: get(e, modulo, 'nombre'),
      calificacion: Number(e.calificacion),
    }))
    .sort(byKey((e) => JSON.stringify(e)));
const certificado = (c: Json, folio: string, alumno: string) => ({
  matricula: get(c, alumno, 'matricula') as string,
  alumno: { nombre: get(c, alumno, 'nombre'), primerApellido: get(c, alumno, 'primerApellido') },
  estado: c.estado,
  tipo: c.tipo,
  folio: get(c, folio, 'numero'),
});
const alumno = (a: Json, grupo: string, unit: string) => ({
  matricula: a.matricula as string,
  nombre: a.nombre,
  primerApellido: a.primerApellido,
  generacion: a.generacion,
  carrera: a.carrera,
  semestre: a.semestre,
  estatus: a.estatus,
  planConcluido: a.planConcluido,
  grupo: { clave: get(a, grupo, 'clave'), periodo: get(a, grupo, 'periodo'), semestre: get(a, grupo, 'semestre') },
  unit: { code: get(a, unit, 'code'), name: get(a, unit, 'name') },
});

const ALL_READS: Read[] = [
  {
    name: 'read 1: 50 students + certificates + folios',
    account: 'plantel',
    documents: {
      api: `query($unit: ID!) { alumnos(first: 50, filter: { unitId: $unit }) { edges { node { matricula curp estatus certificados { estado folio { numero } } } } } }`,
      postgraphile: `query($unit: UUID!) { allAlumnos(first: 50, condition: { unitId: $unit }, orderBy: [MATRICULA_ASC]) { nodes { matricula curp estatus certificadosByAlumnoId { nodes { estado folioByFolioId { numero } } } } } }`,
    },
    rows: {
      api: (d) =>
        list(get(d, 'alumnos', 'edges')).map(({ node }) => {
          const a = node as Json;
          return {
            matricula: a.matricula as string,
            curp: a.curp,
            estatus: a.estatus,
            certificados: certificados(list(a.certificados), 'folio'),
          };
        }),
      postgraphile: (d) =>
        list(get(d, 'allAlumnos', 'nodes')).map((a) => ({
          matricula: a.matricula as string,
          curp: a.curp,
          estatus: a.estatus,
          certificados: certificados(list(get(a, 'certificadosByAlumnoId', 'nodes')), 'folioByFolioId'),
        })),
    },
  },
  {
    name: 'read 2: 50 students → 900 evaluaciones → módulo',
    account: 'plantel',
    documents: {
      api: `query($unit: ID!) { alumnos(first: 50, filter: { unitId: $unit }) { edges { node { matricula evaluaciones { periodo corte calificacion modulo { clave nombre } } } } } }`,
      postgraphile: `query($unit: UUID!) { allAlumnos(first: 50, condition: { unitId: $unit }, orderBy: [MATRICULA_ASC]) { nodes { matricula evaluacionsByAlumnoId { nodes { periodo corte calificacion moduloByModuloId { clave nombre } } } } } }`,
    },
    rows: {
      api: (d) =>
        list(get(d, 'alumnos', 'edges')).map(({ node }) => {
          const a = node as Json;
          return { matricula: a.matricula as string, evaluaciones: evaluaciones(list(a.evaluaciones), 'modulo') };
        }),
      postgraphile: (d) =>
        list(get(d, 'allAlumnos', 'nodes')).map((a) => ({
          matricula: a.matricula as string,
          evaluaciones: evaluaciones(list(get(a, 'evaluacionsByAlumnoId', 'nodes')), 'moduloByModuloId'),
        })),
    },
  },
  {
    // PostGraphile's Amber preset filters a list by equality on the table's own
    // columns only, so the state's Jefatura reads one plantel of its state (the
    // API checks that the plantel is within the state) rather than the whole
    // state, which would need a join to OrgUnit.
    name: "read 3: state's Jefatura: 50 certificates → student + folio",
    account: 'state',
    documents: {
      api: `query($unit: ID!) { certificados(first: 50, filter: { unitId: $unit }, orderBy: { field: createdAt }) { edges { node { estado tipo folio { numero } alumno { matricula nombre primerApellido } } } } }`,
      postgraphile: `query($unit: UUID!) { allCertificados(first: 50, condition: { unitId: $unit }, orderBy: [CREATED_AT_ASC, PRIMARY_KEY_ASC]) { nodes { estado tipo folioByFolioId { numero } alumnoByAlumnoId { matricula nombre primerApellido } } } }`,
    },
    rows: {
      api: (d) => list(get(d, 'certificados', 'edges')).map(({ node }) => certificado(node as Json, 'folio', 'alumno')),
      postgraphile: (d) => list(get(d, 'allCertificados', 'nodes')).map((c) => certificado(c, 'folioByFolioId', 'alumnoByAlumnoId')),
    },
  },
  {
    name: 'read 4: 50 enrolled students by apellido → group + unit',
    account: 'plantel',
    documents: {
      api: `query($unit: ID!) { alumnos(first: 50, filter: { unitId: $unit, estatus: [INSCRITO] }, orderBy: { field: primerApellido }) { edges { node { matricula nombre primerApellido generacion carrera semestre estatus planConcluido grupo { clave periodo semestre } unit { code name } } } } }`,
      postgraphile: `query($unit: UUID!) { allAlumnos(first: 50, condition: { unitId: $unit, estatus: INSCRITO }, orderBy: [PRIMER_APELLIDO_ASC, PRIMARY_KEY_ASC]) { nodes { matricula nombre primerApellido generacion carrera semestre estatus planConcluido grupoByGrupoId { clave periodo semestre } orgUnitByUnitId { code name } } } }`,
    },
    rows: {
      api: (d) => list(get(d, 'alumnos', 'edges')).map(({ node }) => alumno(node as Json, 'grupo', 'unit')),
      postgraphile: (d) => list(get(d, 'allAlumnos', 'nodes')).map((a) => alumno(a, 'grupoByGrupoId', 'orgUnitByUnitId')),
    },
  },
];
const READS = ALL_READS.filter(
  (_, i) =>
    !process.env.BENCH_READS ||
    process.env.BENCH_READS.split(',')
      .map(Number)
      .includes(i + 1),
);
if (READS.length === 0) throw new Error(`BENCH_READS=${process.env.BENCH_READS}: no such read (1-${ALL_READS.length})`);

// ---- the two server processes --------------------------------------------------------

interface Running {
  url: string;
  stats: () => Promise<{
    cpuMs: number;
    requests: number;
    statements: number;
    prismaStatements: number;
    rssMiB: number;
    maxRssMiB: number;
  }>;
  /** The statements the server sends while it answers `request` (nothing else may be sent meanwhile). */
  capture: (request: () => Promise<unknown>) => Promise<Statement[]>;
  stop: () => void;
  pid: number;
}

function startServer(which: Server, databaseUrl: string, script: string | null): Promise<Running> {
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child: ChildProcess = fork(script ?? path.join(here, 'side-by-side-server.ts'), [which, databaseUrl], {
    execArgv: script ? profile : ['--import', 'tsx', ...profile],
    env: { ...process.env, GRAPHILE_ENV: 'production', NODE_ENV: 'production' },
    // Statements' values as they were (dates, buffers), not as JSON.
    serialization: 'advanced',
  });
  /** The next message of one kind from the server. */
  const next = <K extends 'ready' | 'stats' | 'armed' | 'captured'>(kind: K) =>
    new Promise<Extract<ServerMessage, Record<K, true>>>((done) => {
      const on = (m: ServerMessage) => {
        if (!(kind in m)) return;
        child.off('message', on);
        done(m as Extract<ServerMessage, Record<K, true>>);
      };
      child.on('message', on);
    });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${which} server exited with ${code}`)));
    void next('ready').then((m) =>
      resolve({
        url: m.url,
        pid: child.pid ?? 0,
        stop: () => child.disconnect(),
        stats: () => {
          const stats = next('stats');
          child.send('stats');
          return stats;
        },
        capture: async (request) => {
          const armed = next('armed');
          child.send('capture');
          await armed;
          const captured = next('captured');
          await request();
          return (await captured).statements;
        },
      }),
    );
  });
}

// ---- the SQL alone ----------------------------------------------------------------------

/** Leaves every column as PostgreSQL's text: the time of the SQL, not of parsing it in Node. */
const RAW_TYPES = { getTypeParser: () => (value: string) => value };

/**
 * Replays one request's statements with a pg Client of its own, serially and in
 * order (names and row mode as sent, so prepared statements are prepared once),
 * REPLAY_WARMUP times, then REPLAY_RUNS times measured; the median of a request's total (ms).
 */
async function replay(databaseUrl: string, statements: Statement[]): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const once = async () => {
      const start = performance.now();
      for (const s of statements) await client.query({ ...s, types: RAW_TYPES } as pg.QueryConfig);
      return performance.now() - start;
    };
    for (let i = 0; i < REPLAY_WARMUP; i++) await once();
    const times: number[] = [];
    for (let i = 0; i < REPLAY_RUNS; i++) times.push(await once());
    return median(times);
  } finally {
    await client.end();
  }
}

// ---- wrk --------------------------------------------------------------------------------

interface WrkResult {
  requests: number;
  seconds: number;
  p50: number;
  p95: number;
  p99: number;
  failures: number;
  /** wrk's socket errors: mostly answers slower than its 10 s timeout. */
  timeouts: number;
}

// wrk's Lua: a fixed POST; counts non-2xx answers and GraphQL errors in every
// thread; prints one JSON line at the end (latencies in microseconds).
const wrkScript = (body: string, headers: Record<string, string>) => `
wrk.method = "POST"
wrk.body = [==[${body}]==]
${Object.entries(headers)
  .map(([k, v]) => `wrk.headers["${k}"] = [==[${v}]==]`)
  .join('\n')}
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) failures = 0 end
function response(status, headers, body)
  if status ~= 200 or string.find(body, '"errors"', 1, true) then failures = failures + 1 end
end
function done(summary, latency, requests)
  local failed = 0
  for _, t in ipairs(threads) do failed = failed + t:get("failures") end
  io.write(string.format('WRK {"requests":%d,"micros":%d,"p50":%d,"p95":%d,"p99":%d,"failures":%d,"socket":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99), failed,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
`;

function wrk(url: string, script: string, connections: number, seconds: number): WrkResult {
  const out = execFileSync(
    'wrk',
    ['-t', String(Math.min(2, connections)), '-c', String(connections), '-d', `${seconds}s`, '--timeout', '10s', '-s', script, url],
    {
      encoding: 'utf8',
    },
  );
  const line = out.split('\n').find((l) => l.startsWith('WRK '));
  if (!line) throw new Error(`no summary from wrk:\n${out}`);
  const r = JSON.parse(line.slice(4)) as {
    requests: number;
    micros: number;
    p50: number;
    p95: number;
    p99: number;
    failures: number;
    socket: number;
  };
  return {
    requests: r.requests,
    seconds: r.micros / 1e6,
    p50: r.p50 / 1000,
    p95: r.p95 / 1000,
    p99: r.p99 / 1000,
    failures: r.failures,
    timeouts: r.socket,
  };
}

// ---- the run -------------------------------------------------------------------------

interface Cell {
  /** Answered within wrk's run. */
  requests: number;
  /** Received by the server between two idle moments around the run. */
  received: number;
  seconds: number;
  cpuMs: number;
  statements: number;
  prismaStatements: number;
  failures: number;
  timeouts: number;
  p50: number[];
  p95: number[];
  p99: number[];
  /** The server's resident memory right after the cell (MiB; the most over the rounds). */
  rssMiB: number;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/** The server's figures once it has finished what it was doing (no new statements, almost no CPU for 100 ms). */
async function idle(server: Running) {
  let last = await server.stats();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = await server.stats();
    if (now.statements === last.statements && now.cpuMs - last.cpuMs < 5) return now;
    last = now;
  }
}

async function readOnlyUrl(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const database = new URL(databaseUrl).pathname.slice(1);
  await client.query(`DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${READ_ONLY_ROLE}') THEN CREATE ROLE ${READ_ONLY_ROLE} LOGIN; END IF;
  END $$`);
  await client.query(`GRANT CONNECT ON DATABASE "${database}" TO ${READ_ONLY_ROLE}`);
  await client.query(`GRANT USAGE ON SCHEMA public TO ${READ_ONLY_ROLE}`);
  await client.query(`GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${READ_ONLY_ROLE}`);
  await client.end();
  const url = new URL(databaseUrl);
  url.username = READ_ONLY_ROLE;
  url.password = '';
  return url.toString();
}

function machine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, Node ${process.version}, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`;
}

async function main() {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
  } catch (error) {
    // `wrk --version` exits 1 after printing; only a missing binary is fatal.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error('wrk is not installed: apt-get install -y wrk');
  }
  await withBenchDatabase('bench_academico', async (databaseUrl) => {
    const { plantel, counts } = await ensureAcademicoData(databaseUrl);
    console.log(`data: ${counts.alumnos} students, ${counts.evaluaciones} grades, ${counts.certificados} certificates`);
    const readOnly = await readOnlyUrl(databaseUrl);
    const script = BUILT ? await buildServerScript() : null;
    console.log(BUILT ? 'servers: plain Node, the API built (dist/)' : 'servers: under tsx, from the sources (BENCH_BUILD=off)');
    const servers = {
      api: await startServer('api', databaseUrl, script),
      postgraphile: await startServer('postgraphile', readOnly, script),
    } satisfies Record<Server, Running>;
    const idleRss = {} as Record<Server, number>;
    for (const s of SERVERS) idleRss[s] = (await servers[s].stats()).rssMiB;
    const dir = mkdtempSync(path.join(tmpdir(), 'side-by-side-'));
    try {
      const post = async (url: string, body: string, headers: Record<string, string>) => {
        const res = await fetch(url, { method: 'POST', headers, body });
        return (await res.json()) as { data?: unknown; errors?: unknown };
      };
      const json = { 'Content-Type': 'application/json' };
      const login = async (email: string) => {
        const r = await post(
          servers.api.url,
          JSON.stringify({
            query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
            variables: { e: email, p: BENCH_PASSWORD },
          }),
          json,
        );
        const token = get(r.data, 'login', 'token');
        if (typeof token !== 'string') throw new Error(`no token for ${email}: ${JSON.stringify(r.errors)}`);
        return { ...json, Authorization: `Bearer ${token}` };
      };
      const apiHeaders: Record<Read['account'], Record<string, string>> = {
        plantel: await login(PLANTEL_EMAIL),
        state: await login(STATE_EMAIL),
      };
      const headersFor = (server: Server, read: Read) => (server === 'api' ? apiHeaders[read.account] : json);
      const databaseUrls: Record<Server, string> = { api: databaseUrl, postgraphile: readOnly };
      const variables: Record<Server, object> = {
        api: { unit: Buffer.from(`OrgUnit:${plantel.id}`).toString('base64') },
        postgraphile: { unit: plantel.id },
      };

      // Same rows from both, or no figures.
      const scripts = new Map<string, string>();
      const captured = new Map<string, Statement[]>();
      for (const read of READS) {
        const answers = {} as Record<Server, Row[]>;
        for (const server of SERVERS) {
          const body = JSON.stringify({ query: read.documents[server], variables: variables[server] });
          const r = await post(servers[server].url, body, headersFor(server, read));
          if (r.errors) throw new Error(`${server}, ${read.name}: ${JSON.stringify(r.errors)}`);
          answers[server] = read.rows[server](r.data);
          const file = path.join(dir, `${server}-${READS.indexOf(read)}.lua`);
          writeFileSync(file, wrkScript(body, headersFor(server, read)));
          scripts.set(`${server} ${read.name}`, file);
          // The statements of a second request (caches as warm as under load).
          captured.set(
            `${server} ${read.name}`,
            await servers[server].capture(() => post(servers[server].url, body, headersFor(server, read))),
          );
        }
        const [a, b] = [JSON.stringify(answers.api), JSON.stringify(answers.postgraphile)];
        if (a !== b)
          throw new Error(`${read.name}: the servers differ\napi:          ${a.slice(0, 600)}\npostgraphile: ${b.slice(0, 600)}`);
        // Nested rows: the items of nested lists and the related records (to-one).
        const nested = answers.api.reduce(
          (n, row) =>
            n +
            Object.values(row).reduce<number>((m, v) => m + (Array.isArray(v) ? v.length : v !== null && typeof v === 'object' ? 1 : 0), 0),
          0,
        );
        console.log(`${read.name}: same ${answers.api.length} rows and ${nested} nested rows from both`);
      }

      // The SQL alone: each server's statements of one request, replayed as its own role.
      const sql = new Map<string, { statements: number; p50: number }>();
      for (const read of READS) {
        for (const server of SERVERS) {
          const statements = captured.get(`${server} ${read.name}`)!;
          if (process.env.BENCH_SQL) {
            mkdirSync(process.env.BENCH_SQL, { recursive: true });
            writeFileSync(
              path.join(process.env.BENCH_SQL, `${server}-read-${ALL_READS.indexOf(read) + 1}.json`),
              JSON.stringify(statements, null, 2),
            );
          }
          sql.set(`${read.name}|${server}`, { statements: statements.length, p50: await replay(databaseUrls[server], statements) });
        }
      }

      console.log(`\nmachine: ${machine()}`);
      console.log(
        `wrk: ${DURATION} s per server × read × concurrency × round (after ${WARMUP} s of warm-up), ${ROUNDS} rounds, servers interleaved\n`,
      );
      const results = new Map<string, Cell>();
      let flip = false;
      for (let round = 0; round < ROUNDS; round++) {
        for (const read of READS) {
          for (const c of CONCURRENCY) {
            flip = !flip;
            for (const server of flip ? SERVERS : [...SERVERS].reverse()) {
              const script = scripts.get(`${server} ${read.name}`)!;
              wrk(servers[server].url, script, c, WARMUP);
              // CPU and statements from one idle moment to the next, divided by the
              // requests the server received meanwhile (wrk may give up on the last
              // ones; the server still serves them).
              const before = await idle(servers[server]);
              const r = wrk(servers[server].url, script, c, DURATION);
              const after = await idle(servers[server]);
              const key = `${read.name}|${c}|${server}`;
              const cell: Cell = results.get(key) ?? {
                requests: 0,
                received: 0,
                seconds: 0,
                cpuMs: 0,
                statements: 0,
                prismaStatements: 0,
                failures: 0,
                timeouts: 0,
                p50: [],
                p95: [],
                p99: [],
                rssMiB: 0,
              };
              cell.requests += r.requests;
              cell.received += after.requests - before.requests;
              cell.seconds += r.seconds;
              cell.failures += r.failures;
              cell.timeouts += r.timeouts;
              cell.cpuMs += after.cpuMs - before.cpuMs;
              cell.statements += after.statements - before.statements;
              cell.prismaStatements += after.prismaStatements - before.prismaStatements;
              cell.p50.push(r.p50);
              cell.p95.push(r.p95);
              cell.p99.push(r.p99);
              cell.rssMiB = Math.max(cell.rssMiB, after.rssMiB);
              results.set(key, cell);
              console.log(
                `  round ${round + 1} ${read.name.slice(0, 6)} c=${String(c).padEnd(2)} ${server.padEnd(12)} ${(r.requests / r.seconds).toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(1)} ms`,
              );
            }
          }
        }
      }
      printTable(results, sql);
      const memory = await Promise.all(SERVERS.map(async (s) => [s, await servers[s].stats()] as const));
      console.log(
        `\nmemory (MiB): ${memory
          .map(([s, m]) => `${s === 'api' ? 'API' : 'PostGraphile'} idle at start ${idleRss[s].toFixed(0)}, peak ${m.maxRssMiB.toFixed(0)}`)
          .join('; ')}`,
      );
      const failures = [...results.values()].reduce((n, c) => n + c.failures, 0);
      if (failures) throw new Error(`${failures} requests failed (not 200, or GraphQL errors)`);
      console.log(`\nmachine after: ${machine()}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      for (const s of Object.values(servers)) s.stop();
    }
  });
}

function printTable(results: Map<string, Cell>, sql: Map<string, { statements: number; p50: number }>) {
  const figures = (c: Cell) => ({
    rps: c.requests / c.seconds,
    p50: median(c.p50),
    p95: median(c.p95),
    p99: median(c.p99),
    cpu: c.cpuMs / c.received,
    sql: c.statements / c.received,
    timeouts: c.timeouts,
    rss: c.rssMiB,
  });
  const f = (x: number, d = 1) => x.toFixed(d);
  console.log('\n| read | c | server | req/s | p50 ms | p95 ms | p99 ms | CPU ms/req | SQL/req | RSS MiB | timeouts |');
  console.log('| --- | --: | --- | --: | --: | --: | --: | --: | --: | --: | --: |');
  const ratios: string[] = [];
  for (const read of READS) {
    for (const c of CONCURRENCY) {
      const api = figures(results.get(`${read.name}|${c}|api`)!);
      const pgl = figures(results.get(`${read.name}|${c}|postgraphile`)!);
      for (const [server, x] of [
        ['API', api],
        ['PostGraphile', pgl],
      ] as const) {
        console.log(
          `| ${read.name.slice(0, 6)} | ${c} | ${server} | ${f(x.rps, 0)} | ${f(x.p50)} | ${f(x.p95)} | ${f(x.p99)} | ${f(x.cpu, 2)} | ${f(x.sql)} | ${f(x.rss, 0)} | ${x.timeouts} |`,
        );
      }
      ratios.push(
        `| ${read.name.slice(0, 6)} | ${c} | ${f(api.rps / pgl.rps, 2)} | ${f(api.p50 / pgl.p50, 1)} | ${f(api.p95 / pgl.p95, 1)} | ${f(api.p99 / pgl.p99, 1)} | ${f(api.cpu / pgl.cpu, 1)} | ${f(api.sql / pgl.sql, 1)} |`,
      );
    }
  }
  console.log('\nAPI ÷ PostGraphile:\n\n| read | c | req/s | p50 | p95 | p99 | CPU/req | SQL/req |');
  console.log('| --- | --: | --: | --: | --: | --: | --: | --: |');
  for (const r of ratios) console.log(r);

  // Latency against the server's own SQL: how much of a request is not the database's.
  console.log(
    `\nLatency against the SQL: the statements one request sends (captured in the server), replayed alone with one pg Client, serially and in order, as the server's role (p50 of ${REPLAY_RUNS} after ${REPLAY_WARMUP} warm-ups), against the server's p50 at c = 1 (wrk). The issue's goal: the API within 1.5 ×.\n`,
  );
  console.log('| read | server | statements | SQL p50 ms | p50 ms at c=1 | p50 ÷ SQL |');
  console.log('| --- | --- | --: | --: | --: | --: |');
  for (const read of READS) {
    for (const [server, label] of [
      ['api', 'API'],
      ['postgraphile', 'PostGraphile'],
    ] as const) {
      const q = sql.get(`${read.name}|${server}`)!;
      const cell = results.get(`${read.name}|1|${server}`);
      const p50 = cell ? median(cell.p50) : undefined;
      console.log(
        `| ${read.name.slice(0, 6)} | ${label} | ${q.statements} | ${f(q.p50, 2)} | ${p50 === undefined ? '–' : f(p50)} | ${p50 === undefined ? '– (no c=1 in BENCH_CONCURRENCY)' : f(p50 / q.p50, 1)} |`,
      );
    }
  }
  const apiCells = [...results.entries()].filter(([k]) => k.endsWith('|api')).map(([, c]) => c);
  const pg = apiCells.reduce((n, c) => n + c.statements, 0);
  const prisma = apiCells.reduce((n, c) => n + c.prismaStatements, 0);
  console.log(
    `\n(SQL/req: statements sent through pg's Client#query by each server process; the API's include those that load the viewer when its cache does not hold it. Prisma's own count for the API: ${prisma} against ${pg}.)`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
