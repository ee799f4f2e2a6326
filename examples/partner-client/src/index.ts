// Signs in with a demo account and lists the first organisational units,
// typed end to end. API_URL (default http://localhost:4000/graphql) and
// MANIFEST (default ../../schema/trusted-documents.json) locate the server and
// the trusted documents.
import { fileURLToPath } from 'node:url';
import { createClient } from './client.js';
import { LoginDocument, OrgUnitsDocument } from './generated/graphql.js';

const client = createClient({
  url: process.env.API_URL ?? 'http://localhost:4000/graphql',
  manifestFile: process.env.MANIFEST ?? fileURLToPath(new URL('../../../../schema/trusted-documents.json', import.meta.url)),
});

const { login } = await client.request(LoginDocument, { email: 'dstc@demo.conalep.mx', password: 'Conalep-Demo-2026' });
client.setToken(login.token);
const { orgUnits } = await client.request(OrgUnitsDocument, { first: 5 });
// `orgUnits.totalCount` is a number and `node.kind` a union of the API's unit kinds: the compiler checks both.
const kinds: string[] = orgUnits.edges.map((e) => e.node.kind);
console.log(JSON.stringify({ totalCount: orgUnits.totalCount, codes: orgUnits.edges.map((e) => e.node.code), kinds }));
