// The API side by side with PostGraphile 5 (Amber preset, read-only role) on the
// same PostgreSQL database holding the academic data of academico-data.ts, both
// with a pool of 10 connections, each in a process of its own
// (side-by-side-server.ts). The API is called as Servicios Escolares of a
// plantel (a real token: authorization rules and CURP masking evaluated);
// PostGraphile without any.
//
//   read 1: one plantel's 50 students with their certificates and folios
//   read 2: the same 50 students → their 900 evaluaciones → módulo
//
// First checks that both servers return the same rows for each read, then
// loads them with wrk (Debian package `wrk`) at each concurrency, the two
// servers interleaved (their order alternates), and prints req/s, p50/p95/p99
// latency, the server's CPU per request and its SQL statements per request,
// with the API ÷ PostGraphile ratios.
//
//   npm run bench:compare
//   BENCH_SCALE=0.1              a tenth of the data (quick; see academico-data.ts)
//   KEEP_BENCH_DATABASE=1        keep the database (prints its BENCH_DATABASE_URL)
//   BENCH_DATABASE_URL=…         reuse a kept database (no generation)
//   BENCH_DURATION=10            seconds measured per server, read, concurrency and round
//   BENCH_ROUNDS=2               rounds (each server is measured once per round)
//   BENCH_CONCURRENCY=1,10,50
//   BENCH_CPU_PROF=dir           write each server's CPU profile (node --cpu-prof) into dir
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { BENCH_PASSWORD, PLANTEL_EMAIL, ensureAcademicoData } from './academico-data.js';
import { withBenchDatabase } from './harness.js';
import type { ServerMessage } from './side-by-side-server.js';

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? '1,10,50').split(',').map(Number);
const READ_ONLY_ROLE = 'bench_readonly';
const here = path.dirname(fileURLToPath(import.meta.url));

type Server = 'api' | 'postgraphile';
const SERVERS: Server[] = ['api', 'postgraphile'];

// ---- the reads, and their answers reduced to the same rows -----------------------

interface Row {
  matricula: string;
  [field: string]: unknown;
}
interface Read {
  name: string;
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

const READS: Read[] = [
  {
    name: 'read 1: 50 students + certificates + folios',
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
];

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
  stop: () => void;
  pid: number;
}

function startServer(which: Server, databaseUrl: string): Promise<Running> {
  const child: ChildProcess = fork(path.join(here, 'side-by-side-server.ts'), [which, databaseUrl], {
    execArgv: ['--import', 'tsx', ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [])],
    env: { ...process.env, GRAPHILE_ENV: 'production', NODE_ENV: 'production' },
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${which} server exited with ${code}`)));
    const onReady = (m: ServerMessage) => {
      if (!('ready' in m)) return;
      child.off('message', onReady);
      resolve({
        url: m.url,
        pid: child.pid ?? 0,
        stop: () => child.disconnect(),
        stats: () =>
          new Promise((done) => {
            const onStats = (s: ServerMessage) => {
              if (!('stats' in s)) return;
              child.off('message', onStats);
              done(s);
            };
            child.on('message', onStats);
            child.send('stats');
          }),
      });
    };
    child.on('message', onReady);
  });
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
    const servers = {
      api: await startServer('api', databaseUrl),
      postgraphile: await startServer('postgraphile', await readOnlyUrl(databaseUrl)),
    } satisfies Record<Server, Running>;
    const idleRss = {} as Record<Server, number>;
    for (const s of SERVERS) idleRss[s] = (await servers[s].stats()).rssMiB;
    const dir = mkdtempSync(path.join(tmpdir(), 'side-by-side-'));
    try {
      const post = async (url: string, body: string, headers: Record<string, string>) => {
        const res = await fetch(url, { method: 'POST', headers, body });
        return (await res.json()) as { data?: unknown; errors?: unknown };
      };
      const headers: Record<Server, Record<string, string>> = {
        api: { 'Content-Type': 'application/json' },
        postgraphile: { 'Content-Type': 'application/json' },
      };
      const login = await post(
        servers.api.url,
        JSON.stringify({
          query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
          variables: { e: PLANTEL_EMAIL, p: BENCH_PASSWORD },
        }),
        headers.api,
      );
      headers.api.Authorization = `Bearer ${get(login.data, 'login', 'token') as string}`;
      const variables: Record<Server, object> = {
        api: { unit: Buffer.from(`OrgUnit:${plantel.id}`).toString('base64') },
        postgraphile: { unit: plantel.id },
      };

      // Same rows from both, or no figures.
      const scripts = new Map<string, string>();
      for (const read of READS) {
        const answers = {} as Record<Server, Row[]>;
        for (const server of SERVERS) {
          const body = JSON.stringify({ query: read.documents[server], variables: variables[server] });
          const r = await post(servers[server].url, body, headers[server]);
          if (r.errors) throw new Error(`${server}, ${read.name}: ${JSON.stringify(r.errors)}`);
          answers[server] = read.rows[server](r.data);
          const file = path.join(dir, `${server}-${READS.indexOf(read)}.lua`);
          writeFileSync(file, wrkScript(body, headers[server]));
          scripts.set(`${server} ${read.name}`, file);
        }
        const [a, b] = [JSON.stringify(answers.api), JSON.stringify(answers.postgraphile)];
        if (a !== b)
          throw new Error(`${read.name}: the servers differ\napi:          ${a.slice(0, 600)}\npostgraphile: ${b.slice(0, 600)}`);
        const nested = answers.api.reduce(
          (n, row) =>
            n +
            Object.values(row)
              .filter(Array.isArray)
              .reduce((m, l) => m + (l as unknown[]).length, 0),
          0,
        );
        console.log(`${read.name}: same ${answers.api.length} rows and ${nested} nested rows from both`);
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
              results.set(key, cell);
              console.log(
                `  round ${round + 1} ${read.name.slice(0, 6)} c=${String(c).padEnd(2)} ${server.padEnd(12)} ${(r.requests / r.seconds).toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(1)} ms`,
              );
            }
          }
        }
      }
      printTable(results);
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

function printTable(results: Map<string, Cell>) {
  const figures = (c: Cell) => ({
    rps: c.requests / c.seconds,
    p50: median(c.p50),
    p95: median(c.p95),
    p99: median(c.p99),
    cpu: c.cpuMs / c.received,
    sql: c.statements / c.received,
    timeouts: c.timeouts,
  });
  const f = (x: number, d = 1) => x.toFixed(d);
  console.log('\n| read | c | server | req/s | p50 ms | p95 ms | p99 ms | CPU ms/req | SQL/req | timeouts |');
  console.log('| --- | --: | --- | --: | --: | --: | --: | --: | --: | --: |');
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
          `| ${read.name.slice(0, 6)} | ${c} | ${server} | ${f(x.rps, 0)} | ${f(x.p50)} | ${f(x.p95)} | ${f(x.p99)} | ${f(x.cpu, 2)} | ${f(x.sql)} | ${x.timeouts} |`,
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
  const apiCells = [...results.entries()].filter(([k]) => k.endsWith('|api')).map(([, c]) => c);
  const pg = apiCells.reduce((n, c) => n + c.statements, 0);
  const prisma = apiCells.reduce((n, c) => n + c.prismaStatements, 0);
  console.log(
    `\n(SQL/req: statements sent through pg's Client#query by each server process; the API's include the one that loads the viewer. Prisma's own count for the API: ${prisma} against ${pg}.)`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
