// One server of the side-by-side benchmark, in a process of its own so that
// its CPU time is its own: `api` (the real app over Prisma) or `postgraphile`
// (PostGraphile 5, Amber preset, on the same database through a read-only
// role). Both use a pool of 10 connections. Started by side-by-side.ts with an
// IPC channel: it sends `{ ready, url }`, then answers every `stats` message
// with its CPU time, the requests it has received and the SQL statements it
// has sent so far, and every `capture` message with `{ armed }`, then, once
// the next request it receives has been answered, with `{ captured }`: the
// statements (text and values) that request sent, in order.
//
//   node --import tsx scripts/bench/side-by-side-server.ts api|postgraphile <database url>
import { createServer, Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import type {} from 'postgraphile';
import { createPrisma, sqlStatements } from '../../src/lib/db/client.js';
import { startBenchApi } from './harness.js';

/** One SQL statement as a server sent it through pg's Client#query. */
export interface Statement {
  text: string;
  values?: unknown[];
  /** A prepared statement's name (PostGraphile names its statements). */
  name?: string;
  rowMode?: 'array';
}

export type ServerMessage =
  | { ready: true; url: string }
  | { armed: true }
  | { captured: true; statements: Statement[] }
  | {
      stats: true;
      cpuMs: number;
      requests: number;
      statements: number;
      prismaStatements: number;
      /** Resident memory now, and the most the process has held since it started (MiB). */
      rssMiB: number;
      maxRssMiB: number;
    };

// Every statement either server sends goes through pg's Client#query (Prisma's
// driver adapter and PostGraphile's adaptor alike); count them there, and
// while a request is captured, record them: `query(config)` with
// { text, values, name, rowMode }, or `query(text, values)`.
let statements = 0;
let recording: Statement[] | undefined;
type Query = (this: pg.Client, ...args: unknown[]) => unknown;
const query = Reflect.get(pg.Client.prototype, 'query') as Query;
Reflect.set(pg.Client.prototype, 'query', function (this: pg.Client, ...args: unknown[]) {
  statements += 1;
  if (recording) recording.push(statementOf(args));
  return query.apply(this, args);
} satisfies Query);

function statementOf([first, second]: unknown[]): Statement {
  const values = Array.isArray(second) ? [...(second as unknown[])] : undefined;
  if (typeof first === 'string') return { text: first, values };
  const config = first as { text: string; values?: unknown[]; name?: string; rowMode?: 'array' };
  return {
    text: config.text,
    values: config.values ? [...config.values] : values,
    ...(config.name ? { name: config.name } : {}),
    ...(config.rowMode ? { rowMode: config.rowMode } : {}),
  };
}

// Requests received, counted the same way in both servers. Between two idle
// moments every request received has been served (even one that wrk gave up
// waiting for), so CPU time and statements divide exactly.
let requests = 0;
// Set by a `capture` message: the next request is recorded from its arrival
// until its answer has been sent (the bench sends nothing else meanwhile).
let armed = false;
type Emit = (this: Server, event: string, ...args: unknown[]) => boolean;
const emit = Reflect.get(Server.prototype, 'emit') as Emit;
Reflect.set(Server.prototype, 'emit', function (this: Server, event: string, ...args: unknown[]) {
  if (event === 'request') {
    requests += 1;
    if (armed) {
      armed = false;
      const captured: Statement[] = [];
      recording = captured;
      (args[1] as ServerResponse).once('finish', () => {
        recording = undefined;
        process.send?.({ captured: true, statements: captured } satisfies ServerMessage);
      });
    }
  }
  return emit.call(this, event, ...args);
} satisfies Emit);

const POOL_SIZE = 10;

async function startApi(databaseUrl: string): Promise<string> {
  const api = await startBenchApi(createPrisma(databaseUrl, { poolMax: POOL_SIZE }), databaseUrl);
  return api.url;
}

/** PostGraphile's packages target Node 22; Node 20 lacks Promise.withResolvers. */
function polyfillWithResolvers() {
  type WithResolvers = <T>() => { promise: Promise<T>; resolve: (value: T | PromiseLike<T>) => void; reject: (reason?: unknown) => void };
  const P = Promise as unknown as { withResolvers?: WithResolvers };
  if (P.withResolvers) return;
  P.withResolvers = <T>() => {
    let resolve!: (value: T | PromiseLike<T>) => void;
    let reject!: (reason?: unknown) => void;
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}

async function startPostGraphile(databaseUrl: string): Promise<string> {
  polyfillWithResolvers();
  // Imported after the polyfill.
  const { postgraphile } = await import('postgraphile');
  const { PostGraphileAmberPreset } = await import('postgraphile/presets/amber');
  const { makePgService } = await import('postgraphile/adaptors/pg');
  const { grafserv } = await import('postgraphile/grafserv/node');
  const pool = new pg.Pool({ connectionString: databaseUrl, max: POOL_SIZE });
  const preset: GraphileConfig.Preset = {
    extends: [PostGraphileAmberPreset],
    pgServices: [makePgService({ pool, schemas: ['public'] })],
    grafserv: { graphiql: false, watch: false },
    grafast: { explain: false },
  };
  const pgl = postgraphile(preset);
  const serv = pgl.createServ(grafserv);
  const server = createServer();
  await serv.addTo(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

async function main() {
  const [which, databaseUrl] = process.argv.slice(2);
  if (!process.send || !databaseUrl || (which !== 'api' && which !== 'postgraphile')) {
    throw new Error('usage: started by side-by-side.ts with an IPC channel: side-by-side-server.ts api|postgraphile <database url>');
  }
  const send = (m: ServerMessage) => process.send?.(m);
  const url = which === 'api' ? await startApi(databaseUrl) : await startPostGraphile(databaseUrl);
  process.on('message', (message) => {
    if (message === 'capture') {
      armed = true;
      return send({ armed: true });
    }
    const cpu = process.cpuUsage();
    send({
      stats: true,
      cpuMs: (cpu.user + cpu.system) / 1000,
      requests,
      statements,
      prismaStatements: sqlStatements.count,
      rssMiB: process.memoryUsage().rss / 2 ** 20,
      maxRssMiB: process.resourceUsage().maxRSS / 1024,
    });
  });
  process.on('disconnect', () => process.exit(0));
  send({ ready: true, url });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
