// Messages in the client's language (Accept-Language: es or en; es by default),
// applied once, when errors are formatted (src/app.ts): the code writes its
// messages in either language and the catalogue (./catalogue.ts) gives the
// other. Codes never change. GraphQL's own validation and coercion errors also
// get `extensions.issues` with the path of the offending argument field (or
// selection), as the API's own BAD_USER_INPUT errors have.
import { GraphQLError, Kind, parse, visit, type ASTNode, type DocumentNode, type GraphQLFormattedError } from 'graphql';
import { CATALOGUE, SUFFIXES, type Entry } from './catalogue.js';
import type { Language } from './language.js';

interface Compiled {
  patterns: Record<Language, RegExp>;
  names: Record<Language, string[]>;
  text: Record<Language, string>;
}

const PLACEHOLDER = /\{(\*?\w+)\}/g;

function compile([en, es]: Entry, anchor: 'whole' | 'suffix'): Compiled {
  const one = (template: string) => {
    const names: string[] = [];
    const source = template
      .split(PLACEHOLDER)
      .map((part, i) => {
        if (i % 2 === 0) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(part);
        return '([\\s\\S]+?)';
      })
      .join('');
    return { pattern: new RegExp(anchor === 'whole' ? `^${source}$` : `^([\\s\\S]+?)${source}$`), names };
  };
  const a = one(en);
  const b = one(es);
  return { patterns: { en: a.pattern, es: b.pattern }, names: { en: a.names, es: b.names }, text: { en, es } };
}

const ENTRIES = CATALOGUE.map((e) => compile(e, 'whole'));
const SUFFIX_ENTRIES = SUFFIXES.map((e) => compile(e, 'suffix'));

function render(entry: Compiled, from: Language, to: Language, values: string[]): string {
  const byName = new Map(entry.names[from].map((name, i) => [name, values[i]]));
  return entry.text[to].replace(PLACEHOLDER, (_all, name: string) => {
    const value = byName.get(name) ?? '';
    return name.startsWith('*') ? translateParts(value, to) : value;
  });
}

/** The message in `to`, when the catalogue knows it (in either language); else unchanged. */
export function translate(message: string, to: Language): string {
  for (const entry of ENTRIES) {
    for (const from of ['en', 'es'] as const) {
      const m = entry.patterns[from].exec(message);
      if (m) return render(entry, from, to, m.slice(1));
    }
  }
  for (const entry of SUFFIX_ENTRIES) {
    for (const from of ['en', 'es'] as const) {
      const m = entry.patterns[from].exec(message);
      if (m) return translate(m[1], to) + render(entry, from, to, m.slice(2));
    }
  }
  if (message.includes('; ')) return translateParts(message, to);
  return message;
}

function translateParts(text: string, to: Language): string {
  const parts = text.split('; ');
  return parts.length > 1 ? parts.map((p) => translate(p, to)).join('; ') : translate(text, to);
}

export interface Issue {
  path: (string | number)[];
  message: string;
}

/** The formatted error in the client's language, with issues for GraphQL's own input errors. */
export function localizeError(formatted: GraphQLFormattedError, error: unknown, language: Language): GraphQLFormattedError {
  const extensions = { ...formatted.extensions };
  const code = extensions.code;
  let issues = Array.isArray(extensions.issues) ? (extensions.issues as Issue[]) : undefined;
  const joined = issues?.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  if (!issues && (code === 'GRAPHQL_VALIDATION_FAILED' || code === 'BAD_USER_INPUT')) {
    const found = graphqlIssue(formatted.message, error instanceof GraphQLError ? error : undefined);
    if (found) issues = [found];
  }
  if (issues) extensions.issues = issues.map((i) => ({ ...i, message: translate(i.message, language) }));
  // An input error's message lists its issues: rebuild it from the translated ones.
  const message =
    issues && joined === formatted.message
      ? (extensions.issues as Issue[]).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
      : translate(formatted.message, language);
  return { ...formatted, message, extensions };
}

/**
 * The path and short message of a graphql-js validation or variable-coercion
 * error: argument fields as in the API's own issues (["input", "fecha"]),
 * variables mapped to the argument they are passed to, or the selection path
 * for an unknown or mis-selected field.
 */
function graphqlIssue(message: string, error: GraphQLError | undefined): Issue | undefined {
  const body = error?.source?.body;
  let doc: DocumentNode | undefined;
  try {
    doc = body ? parse(body, { noLocation: false }) : undefined;
  } catch {
    doc = undefined;
  }
  const missingField = (reason: string) =>
    /^Field "(?:\w+\.)?(\w+)" (?:of required type .* was not provided|is not defined by type .*)\.$/.exec(reason)?.[1];

  const invalidVariable = /^Variable "\$(\w+)" got invalid value [\s\S]*?(?: at "([^"]+)")?; ([\s\S]*)$/.exec(message);
  if (invalidVariable) {
    const [, name, at, reason] = invalidVariable;
    const inner = at ? parseAt(at).slice(1) : [];
    const field = missingField(reason);
    return {
      path: [...variablePath(doc, name), ...inner, ...(field ? [field] : [])],
      message: reason.replace(/^Expected type "[^"]+"\. /, ''),
    };
  }
  const variable = /^Variable "\$(\w+)" of (?:required|non-null) type/.exec(message);
  if (variable) return { path: variablePath(doc, variable[1]), message };

  const node = error?.nodes?.[0];
  if (!doc || !node?.loc) return undefined;
  const at = pathTo(doc, node.kind, node.loc.start);
  if (!at) return undefined;
  const argument = /^Field "\w+" argument "(\w+)" of type .* is required, but it was not provided\.$/.exec(message);
  if (argument) return { path: [...at.selection, argument[1]], message };
  const field = missingField(message);
  if (node.kind === Kind.FIELD || node.kind === Kind.SELECTION_SET) return { path: at.selection, message };
  return { path: [...at.argument, ...(field ? [field] : [])], message };
}

/** "i.kind[0].x" → ["i", "kind", 0, "x"] */
function parseAt(at: string): (string | number)[] {
  return [...at.matchAll(/\[(\d+)\]|\.?(\w+)/g)].map((m) => (m[1] !== undefined ? Number(m[1]) : m[2]));
}

/** Where a variable is passed: the argument path of its first use, else its own name. */
function variablePath(doc: DocumentNode | undefined, name: string): (string | number)[] {
  let found: (string | number)[] | undefined;
  if (doc) {
    visit(doc, {
      Variable(node, _key, _parent, path) {
        if (found || node.name.value !== name) return;
        const keys = path;
        if (!keys.includes('arguments')) return; // the definition itself, or a directive's
        found = walk(doc, keys).argument;
      },
    });
  }
  return found && found.length ? found : [name];
}

function pathTo(
  doc: DocumentNode,
  kind: string,
  start: number,
): { argument: (string | number)[]; selection: (string | number)[] } | undefined {
  let result: { argument: (string | number)[]; selection: (string | number)[] } | undefined;
  visit(doc, {
    enter(node, _key, _parent, path) {
      if (result || node.kind !== (kind as Kind) || node.loc?.start !== start) return;
      result = walk(doc, path);
    },
  });
  return result;
}

/** Follows visitor keys from the document: the argument/object-field/list path, and the response-key path of fields. */
function walk(doc: DocumentNode, keys: readonly (string | number)[]) {
  const argument: (string | number)[] = [];
  const selection: (string | number)[] = [];
  let current: unknown = doc;
  let owner: { kind?: string } | undefined;
  for (const key of keys) {
    if (isNode(current)) owner = current;
    current = (current as Record<string | number, unknown>)[key];
    if (typeof key === 'number' && owner?.kind === 'ListValue') argument.push(key);
    if (!isNode(current)) continue;
    const node = current as ASTNode;
    if (node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD) argument.push(node.name.value);
    if (node.kind === Kind.FIELD) {
      selection.push((node.alias ?? node.name).value);
      argument.length = 0;
    }
  }
  return { argument, selection };
}

function isNode(value: unknown): value is { kind: string } {
  return typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string';
}
