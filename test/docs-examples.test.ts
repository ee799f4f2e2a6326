// The worked examples of docs/ and the README are GraphQL calls written by
// hand: every operation in them must still validate against the schema, so a
// renamed field or type cannot leave a page that no longer runs.
import { readdirSync, readFileSync } from 'node:fs';
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../src/schema.js';

const root = new URL('../', import.meta.url);
const pages = [
  'README.md',
  ...readdirSync(new URL('docs/', root))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
  ...readdirSync(new URL('docs/procedures/', root))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/procedures/${f}`),
];

/** `for x in a b; do … '$x' …; done` written out once per value, so looped examples are checked too. */
const expandLoops = (text: string) =>
  text.replace(/for (\w+) in ([^;\n]+); do([\s\S]*?)done/g, (_all, name: string, values: string, body: string) =>
    values
      .trim()
      .split(/\s+/)
      .map((v) => body.replaceAll(`'$${name}'`, v))
      .join('\n'),
  );

/** The `"query":"…"` strings of a page (JSON-escaped in curl bodies), unescaped. */
function operations(page: string): string[] {
  const text = expandLoops(page);
  const found: string[] = [];
  // Shell splices such as '"'$ID'"' sit only inside variables, never inside the query string.
  for (const m of text.matchAll(/"query"\s*:\s*"((?:[^"\\]|\\.)*)"/g)) {
    found.push(JSON.parse(`"${m[1].replace(/\\\\"/g, '\\"')}"`) as string);
  }
  return found;
}

describe('examples in the documentation', () => {
  const schema = buildSchema();
  // Write examples as whole operations (or simple `for` loops): an operation assembled by a shell function cannot be checked.
  const all = pages.flatMap((page) => operations(readFileSync(new URL(page, root), 'utf8')).map((op) => [page, op] as const));

  it('the pages hold examples to check', () => {
    expect(all.length).toBeGreaterThan(30);
  });

  for (const [page, op] of all) {
    it(`${page}: ${op.replace(/\s+/g, ' ').slice(0, 90)}`, () => {
      const errors = validate(schema, parse(op)).map((e) => e.message);
      expect(errors).toEqual([]);
    });
  }
});
