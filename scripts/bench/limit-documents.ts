// The worst documents a client can send under the body limit (1 MB), one per
// operation limit; shared by the benchmark (scripts/bench/limits.ts) and
// test/limits.test.ts.
import { Lexer, Source, TokenKind } from 'graphql';

export interface WorstDocument {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

const BODY = 1024 * 1024 - 1024; // leaves room for the JSON envelope

/** Fragment i spreads fragment i-1 twice: 2^levels fields once expanded. */
export function exponentialFragments(levels: number): string {
  const fragments = [`fragment F0 on Query { __typename }`];
  for (let i = 1; i <= levels; i++) fragments.push(`fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`);
  return `query Q { ...F${levels} } ${fragments.join(' ')}`;
}

/** Fills the body with `unit(i)` repeated, wrapped by `open` and `close`. */
function fill(open: string, unit: (i: number) => string, close: string, size = BODY): string {
  const parts: string[] = [open];
  let length = open.length + close.length;
  for (let i = 0; ; i++) {
    const next = unit(i);
    if (length + next.length > size) break;
    parts.push(next);
    length += next.length;
  }
  parts.push(close);
  return parts.join('');
}

export const manyOperations = (size = BODY) => fill('', (i) => `query Q${i}{__typename} `, '', size);
export const manyTokens = () => fill('query Q { me { ', () => 'id ', '} }');
export const manyDirectives = (count = 1200) => `query Q { ${'__typename @include(if: true) '.repeat(count)}}`;
export const deepNesting = (levels: number) =>
  `query Q { me { roleAssignments { unit { ${'parent { '.repeat(levels)}code${' }'.repeat(levels)} } } } }`;
export const manyAliases = (count: number) => `query Q { ${Array.from({ length: count }, (_, i) => `a${i}: __typename`).join(' ')} }`;
/** Same-named fields that graphql-js' OverlappingFieldsCanBeMerged compares pairwise. */
export const repeatedFields = (count: number) => `query Q { ${'me { id } '.repeat(count)}}`;
export const pageFromVariable = `query Q($n: Int) { orgUnits(first: $n) { edges { node { children(first: $n) { edges { node { code } } } } } } }`;

const tokenCount = (query: string) => {
  const lexer = new Lexer(new Source(query));
  let n = 0;
  while (lexer.advance().kind !== TokenKind.EOF) n++;
  return n;
};

/** The largest n for which build(n) has at most maxTokens tokens. */
export function largestUnder(maxTokens: number, build: (n: number) => string): number {
  let low = 1;
  let high = maxTokens;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (tokenCount(build(mid)) <= maxTokens) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** One document per limit: the largest under the body limit, and the largest the token limit lets through. */
export function worstDocuments(maxTokens: number): WorstDocument[] {
  const fitting = (name: string, build: (n: number) => string): WorstDocument => {
    const n = largestUnder(maxTokens, build);
    return { name: `${name} (${n}, at the token limit)`, query: build(n) };
  };
  return [
    { name: 'exponential fragments (24 levels, 1 KB)', query: exponentialFragments(24) },
    fitting('exponential fragments', exponentialFragments),
    { name: 'many operations (~1 MB)', query: manyOperations() },
    fitting('many operations', (n) => Array.from({ length: n }, (_, i) => `query Q${i} { __typename }`).join(' ')),
    { name: 'many tokens (~1 MB)', query: manyTokens() },
    { name: 'many directives (1,200 @include)', query: manyDirectives() },
    fitting('many directives', manyDirectives),
    fitting('deep nesting', deepNesting),
    fitting('many aliases', manyAliases),
    fitting('repeated fields', repeatedFields),
    fitting('repeated leaf fields', (n) => `query Q { ${'__typename '.repeat(n)}}`),
    { name: 'page size from a variable (first: $n = 100)', query: pageFromVariable, variables: { n: 100 } },
  ];
}
