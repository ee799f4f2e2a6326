// Every list uses an index on national-scale data: each root list of the
// schema is read through the real API (a page of 50, in every ordering it
// offers, with a selection generated from the schema) by a plantel, a state
// and a national account, over the data of academico-data.ts (300,000
// students, 5.4 million grades); every compiled statement is then run again
// under EXPLAIN ANALYZE with its own values. A sequential scan of a table of
// more than 10,000 rows is a failure (exit code 1).
//
//   npm run bench:plans   (BENCH_DATABASE_URL, KEEP_BENCH_DATABASE, BENCH_SCALE: harness.ts, academico-data.ts)
import { getNamedType, type GraphQLObjectType } from 'graphql';
import pg from 'pg';
import { hashPassword } from '../../src/lib/auth/passwords.js';
import { createPrisma } from '../../src/lib/db/client.js';
import { readStats } from '../../src/lib/db/read.js';
import { buildSchema } from '../../src/schema.js';
import { connectionNode, fullSelection, orderings, rootLists } from '../../test/schema-walk.js';
import { BENCH_PASSWORD, PLANTEL_EMAIL, STATE_EMAIL, ensureAcademicoData } from './academico-data.js';
import { startBenchApi, withBenchDatabase } from './harness.js';

const NATIONAL_EMAIL = 'nacional@bench.test';
const LARGE = 10_000;

const selection = (type: GraphQLObjectType, depth: number) => fullSelection(type, depth, { page: 10 });

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}
const seqScans = (node: PlanNode): string[] => [
  ...(node['Node Type'] === 'Seq Scan' && node['Relation Name'] ? [node['Relation Name']] : []),
  ...(node.Plans ?? []).flatMap(seqScans),
];

async function main() {
  await withBenchDatabase('bench_academico', async (url) => {
    await ensureAcademicoData(url);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await ensureNationalAccount(client);
    const { rows: sizes } = await client.query<{ relname: string; n: number }>(
      `SELECT relname, reltuples::bigint AS n FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace`,
    );
    const large = new Set(sizes.filter((s) => Number(s.n) > LARGE).map((s) => s.relname));
    console.log(`tables of more than ${LARGE} rows: ${[...large].sort().join(', ')}`);

    const db = createPrisma(url);
    // Generated selections are large: lift the operation limits for this server.
    const api = await startBenchApi(db, url, {
      MAX_QUERY_TOKENS: '1000000',
      MAX_QUERY_DEPTH: '60',
      MAX_QUERY_ALIASES: '1000',
      MAX_QUERY_COST: '100000000',
    });
    const accounts = {
      plantel: await api.login(PLANTEL_EMAIL, BENCH_PASSWORD),
      state: await api.login(STATE_EMAIL, BENCH_PASSWORD),
      national: await api.login(NATIONAL_EMAIL, BENCH_PASSWORD),
    };
    const roots = rootLists(buildSchema()).filter((f) => !process.env.PLANS_ONLY || process.env.PLANS_ONLY.split(',').includes(f.name));

    const failures: string[] = [];
    console.log('\n| list | account | statements | slowest ms | sequential scans of large tables |');
    console.log('| --- | --- | --: | --: | --- |');
    for (const field of roots) {
      const node = connectionNode(getNamedType(field.type) as GraphQLObjectType);
      for (const [account, token] of Object.entries(accounts)) {
        const captured: { text: string; values: unknown[] }[] = [];
        readStats.onStatement = (text, values) => captured.push({ text, values });
        for (const order of ['', ...orderings(field).map((o) => `, orderBy: ${o}`)]) {
          const r = await api.call(
            `{ ${field.name}(first: 50${order}) { totalCount edges { node { ${selection(node, 1)} } } } }`,
            {},
            token,
          );
          if (r.errors) throw new Error(`${field.name} as ${account}: ${JSON.stringify(r.errors)}`);
        }
        readStats.onStatement = null;
        let slowest = 0;
        let slowestText = '';
        const scans = new Set<string>();
        for (const s of captured) {
          const { rows } = await client.query<{ 'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time': number }] }>(
            `EXPLAIN (ANALYZE, FORMAT JSON) ${s.text}`,
            s.values,
          );
          const [plan] = rows[0]['QUERY PLAN'];
          if (plan['Execution Time'] > slowest) slowestText = s.text;
          slowest = Math.max(slowest, plan['Execution Time']);
          const scanned = seqScans(plan.Plan).filter((table) => large.has(table));
          for (const table of scanned) scans.add(table);
          if (process.env.PLANS_VERBOSE && scanned.length)
            console.log(`  scans ${scanned.join(', ')}: ${s.text.slice(-400)}\n  values: ${JSON.stringify(s.values).slice(0, 200)}`);
        }
        if (process.env.PLANS_VERBOSE && slowest > 20) console.log(`  slowest: ${slowestText}`);
        if (scans.size) failures.push(`${field.name} as ${account}: ${[...scans].join(', ')}`);
        console.log(`| ${field.name} | ${account} | ${captured.length} | ${slowest.toFixed(1)} | ${[...scans].join(', ') || '—'} |`);
      }
    }
    await api.stop();
    await client.end();
    if (failures.length) {
      console.error(`\nsequential scans of large tables:\n  ${failures.join('\n  ')}`);
      process.exitCode = 1;
    } else console.log('\nevery list reads large tables through an index');
  });
}

/** A COSFAC account in an Oficinas Nacionales unit: reaches the whole system. */
async function ensureNationalAccount(client: pg.Client) {
  const { rows } = await client.query(`SELECT 1 FROM "Person" WHERE email = $1`, [NATIONAL_EMAIL]);
  if (rows.length) return;
  const { rows: roots } = await client.query<{ id: string; path: string }>(
    `SELECT id, path FROM "OrgUnit" WHERE "parentId" IS NULL LIMIT 1`,
  );
  const unit = await client.query<{ id: string }>(
    `INSERT INTO "OrgUnit"(id, code, name, kind, "parentId", path)
     SELECT u, 'ON-BENCH', 'Oficinas Nacionales', 'OFICINAS_NACIONALES', $1, $2 || u || '/' FROM gen_random_uuid() u RETURNING id`,
    [roots[0].id, roots[0].path],
  );
  const person = await client.query<{ id: string }>(
    `INSERT INTO "Person"(id, email, "fullName", "passwordHash") VALUES (gen_random_uuid(), $1, 'COSFAC', $2) RETURNING id`,
    [NATIONAL_EMAIL, await hashPassword(BENCH_PASSWORD)],
  );
  await client.query(`INSERT INTO "RoleAssignment"(id, "personId", role, "unitId") VALUES (gen_random_uuid(), $1, 'COSFAC', $2)`, [
    person.rows[0].id,
    unit.rows[0].id,
  ]);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
