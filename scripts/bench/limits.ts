// Validation time of the worst documents under the body limit, through the
// code path the server uses (Apollo Server's pipeline with the options of
// src/lib/http/limits.ts, on the real schema): parse with the token limit,
// graphql-js' and Apollo's validation, then the limits plugin. Nothing is
// executed, and the document cache is off so every run validates afresh.
// Each figure is the time the event loop is blocked by one request.
//
//   npm run bench:limits      (BENCH_RUNS to change the number of runs)
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { loadConfig } from '../../src/config.js';
import { operationLimitOptions } from '../../src/lib/http/limits.js';
import { buildSchema } from '../../src/schema.js';
import { worstDocuments } from './limit-documents.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const TARGET_MS = 50;

const config = loadConfig({ LOG_LEVEL: 'silent' });
const limits = operationLimitOptions(config.limits);
const skipExecution: ApolloServerPlugin = {
  requestDidStart: () =>
    Promise.resolve({
      responseForOperation: () =>
        Promise.resolve({ http: { status: 200, headers: new Map() } as never, body: { kind: 'single', singleResult: { data: null } } }),
    }),
};
const apollo = new ApolloServer({ schema: buildSchema(), ...limits, documentStore: null, plugins: [...limits.plugins, skipExecution] });
await apollo.start();

console.log(`Operation limits: ${JSON.stringify(config.limits)}`);
console.log(`${'document'.padEnd(60)} ${'bytes'.padStart(9)}  ${'p50 ms'.padStart(8)} ${'max ms'.padStart(8)}  outcome`);
let worst = 0;
for (const doc of worstDocuments(config.limits.maxTokens)) {
  const times: number[] = [];
  let outcome = '';
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    const response = await apollo.executeOperation({ query: doc.query, variables: doc.variables });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (response.body.kind === 'single') {
      const error = response.body.singleResult.errors?.[0];
      outcome = error ? `${String(error.extensions?.code)}: ${error.message.slice(0, 90)}` : 'accepted';
    }
  }
  times.sort((a, b) => a - b);
  const max = times[times.length - 1];
  worst = Math.max(worst, max);
  console.log(
    `${doc.name.padEnd(60)} ${String(doc.query.length).padStart(9)}  ${times[Math.floor(times.length / 2)].toFixed(2).padStart(8)} ${max.toFixed(2).padStart(8)}  ${outcome}`,
  );
}
await apollo.stop();
console.log(`worst: ${worst.toFixed(2)} ms (target < ${TARGET_MS} ms) ${worst < TARGET_MS ? 'OK' : 'OVER TARGET'}`);
if (worst >= TARGET_MS) process.exitCode = 1;
