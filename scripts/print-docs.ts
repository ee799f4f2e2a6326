// `npm run docs:print`: writes the documentation generated from code (roles,
// demo accounts, workflow step tables). test/docs.test.ts fails when stale.
import { writeFileSync } from 'node:fs';
import { generatedDocs } from '../src/lib/docs.js';

for (const [file, content] of Object.entries(generatedDocs())) {
  writeFileSync(new URL(`../${file}`, import.meta.url), content);
  console.log(`wrote ${file}`);
}
