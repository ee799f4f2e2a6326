// `npm run trusted-documents:print`: rewrites schema/trusted-documents.json from
// schema/operations/ (commit it; test/trusted-documents.test.ts fails when stale).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../src/lib/db/prisma-cli.js';
import { buildManifest, MANIFEST_PATH } from '../src/lib/http/trusted-documents.js';

const manifest = buildManifest();
writeFileSync(path.join(projectRoot, MANIFEST_PATH), JSON.stringify(manifest, null, 2) + '\n');
console.log(`${MANIFEST_PATH}: ${manifest.operations.length} operations`);
