// `npm start` / `npm test` run this instead of `npm run generate`: code generation
// (Prisma client, Pothos types, typed documents) runs only when its inputs changed
// since the last run, recorded in src/generated/.inputs-hash. `npm run generate`
// always regenerates.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stampFile = path.join(root, 'src/generated/.inputs-hash');

function files(dir) {
  const full = path.join(root, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => path.join(dir, f));
}

function inputsHash() {
  const hash = createHash('sha256');
  const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
  hash.update(
    JSON.stringify(
      ['prisma', '@prisma/client', '@pothos/plugin-prisma', '@graphql-codegen/cli'].map(
        (p) => lock.packages?.[`node_modules/${p}`]?.version,
      ),
    ),
  );
  for (const file of ['prisma/schema.prisma', 'codegen.ts', 'schema/schema.graphql', ...files('schema/operations')]) {
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(path.join(root, file)))
      .update('\0');
  }
  return hash.digest('hex');
}

const current = inputsHash();
if (process.argv.includes('--stamp')) {
  // Written by `npm run generate` after it regenerated everything.
  writeFileSync(stampFile, current);
  process.exit(0);
}
const outputs = ['src/generated/prisma/client.ts', 'src/generated/pothos-prisma-types.ts', 'src/generated/graphql.ts'];
const fresh = outputs.every((f) => existsSync(path.join(root, f))) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === current;
if (!fresh) {
  console.error('generating the Prisma client and typed documents (inputs changed)…');
  execFileSync('npm', ['run', 'generate', '--silent'], { cwd: root, stdio: 'inherit' });
}
