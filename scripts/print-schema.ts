// Writes schema/schema.graphql from the code (`npm run schema:print`).
// With --check, fails instead when the committed file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { printSdl } from '../src/schema.js';

const file = new URL('../schema/schema.graphql', import.meta.url);
const sdl = printSdl();
if (process.argv.includes('--check')) {
  if (readFileSync(file, 'utf8') !== sdl) {
    console.error('schema/schema.graphql is stale: run `npm run schema:print` and commit it');
    process.exit(1);
  }
} else {
  writeFileSync(file, sdl);
}
