// SQL goldens: the SQL statements one request runs, normalised and compared
// with a committed file, so a change in how a query is resolved (an extra
// statement, an N+1, a lost join) shows up as a diff in review.
//
//   await expectSqlGolden('proyectos-normativos-list', () => gql(server, doc, vars, token));
//
// - The statements are those the Prisma clients of this process report while
//   `run` runs (src/lib/db/client.ts `sqlStatements.log`). Nothing else may
//   query meanwhile: await your factories before, and keep goldens in files
//   whose tests run one at a time (the default within a file). Prisma reports
//   statements through events that can trail the response, so the log is
//   read after they settle (as `statementsFor` in helpers.ts does).
// - Normalisation, so the golden does not depend on the data:
//     whitespace collapsed; uuids → <uuid>; quoted literals → '?';
//     numbered parameters `$7` → `$?` (their numbers shift with list lengths);
//     IN lists of parameters/literals (NULL included: Prisma's list when every
//     key of a batch is null), of any length, → `IN ($n…)`;
//     a run of comma-separated parameters elsewhere → `$n…`.
//   Statement order is kept; with `{ sort: true }` statements are sorted and
//   each kept once, for requests whose independent queries may be sent in any
//   order: a batched loader sends its statement once per batch, and whether the
//   parents reached through two paths (two depths) share one batch depends on
//   when their own statements answer. Statements repeated per row (N+1) are
//   caught by read.test's per-row check, not here.
// - The golden is test/__sql__/<name>.sql, one statement per line. When it is
//   missing, or with UPDATE_GOLDENS=1 in the environment, it is (re)written
//   and the check passes; commit it. Otherwise a difference fails the test
//   with both texts.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { sqlStatements } from '../src/lib/db/client.js';

const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), '__sql__');
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

/** One statement, normalised as described above. */
export function normaliseSql(sql: string): string {
  return sql
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<uuid>')
    .replace(/'(?:[^']|'')*'/g, "'?'")
    .replace(/\$\d+/g, '$?')
    .replace(/\bIN \((?:\s*(?:\$\?|'\?'|-?\d+(?:\.\d+)?|NULL)(?:::[\w"]+)?\s*,?)+\)/gi, 'IN ($n…)')
    .replace(/\$\?(?:\s*,\s*\$\?)+/g, '$n…');
}

/** The normalised SQL statements `run` sends. */
export async function recordSql(run: () => Promise<unknown>): Promise<string[]> {
  await settle();
  const previous = sqlStatements.log;
  const log: string[] = [];
  sqlStatements.log = log;
  try {
    await run();
    await settle();
  } finally {
    sqlStatements.log = previous;
  }
  return log.map(normaliseSql);
}

/** Compares the SQL of `run` with test/__sql__/<name>.sql (writing it when missing or UPDATE_GOLDENS=1). Returns `run`'s result. */
export async function expectSqlGolden<T>(name: string, run: () => Promise<T>, options: { sort?: boolean } = {}): Promise<T> {
  let result: T | undefined;
  let statements = await recordSql(async () => {
    result = await run();
  });
  if (options.sort) statements = [...new Set(statements)].sort();
  const text = `${statements.join('\n')}\n`;
  const file = join(GOLDEN_DIR, `${name}.sql`);
  if (process.env.UPDATE_GOLDENS === '1' || !existsSync(file)) {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(file, text);
  } else {
    expect(text, `SQL of "${name}" differs from test/__sql__/${name}.sql (UPDATE_GOLDENS=1 rewrites it)`).toBe(readFileSync(file, 'utf8'));
  }
  return result as T;
}
