// `npm run db:migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql
// for the changes made to prisma/schema.prisma since the newest migration.
//
// Prisma's `migrate dev` cannot run here (its Wasm engine cannot introspect a
// live database), so the migration is the diff between two datamodels: the
// schema.prisma committed with the newest migration, and the current one.
// test/migrations.test.ts then proves the migrations build what schema.prisma says.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { projectRoot, runPrisma } from '../src/lib/db/prisma-cli.js';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run db:migration -- <name in snake_case>');
  process.exit(1);
}
const git = (...args: string[]) => execFileSync('git', args, { cwd: projectRoot, encoding: 'utf8' }).trim();
const lastMigrationCommit = git('log', '-1', '--format=%H', '--', 'prisma/migrations');
const previous = path.join(mkdtempSync(path.join(tmpdir(), 'migration-')), 'schema.prisma');
writeFileSync(previous, git('show', `${lastMigrationCommit}:prisma/schema.prisma`));

const output = await runPrisma(
  ['migrate', 'diff', '--from-schema-datamodel', previous, '--to-schema-datamodel', 'prisma/schema.prisma', '--script'],
  { quiet: true },
);
const sql = output.slice(output.indexOf('-- '));
if (!sql.trim() || sql.includes('This is an empty migration')) {
  console.error('schema.prisma has not changed since the newest migration: nothing to write');
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const dir = path.join(projectRoot, 'prisma/migrations', `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, 'migration.sql'), sql);
console.log(`wrote ${path.relative(projectRoot, dir)}/migration.sql: review it, then run npm test (the drift test) and commit both files`);
