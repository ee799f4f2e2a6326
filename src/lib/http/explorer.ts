// The in-browser explorer at GET /graphql (docs/decisions/014-browser-explorer.md):
// GraphiQL 3 with React 18, both served from their npm packages' prebuilt
// browser files (no CDN, works offline), plus public/explorer/ (page, sign-in
// and examples plugin). Its configuration (demo accounts when the demo is on,
// and the worked examples of docs/ and schema/operations/) is built once.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { projectRoot } from '../db/prisma-cli.js';
import { buildManifest } from './trusted-documents.js';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));

interface Asset {
  file: string;
  type: string;
}

/** URL path under /explorer/ → file. */
function assets(): Record<string, Asset> {
  const js = 'text/javascript; charset=utf-8';
  const own = path.join(projectRoot, 'public/explorer');
  return {
    'graphiql.min.js': { file: path.join(packageDir('graphiql3'), 'graphiql.min.js'), type: js },
    'graphiql.min.css': { file: path.join(packageDir('graphiql3'), 'graphiql.min.css'), type: 'text/css; charset=utf-8' },
    'react.production.min.js': { file: path.join(packageDir('react18'), 'umd/react.production.min.js'), type: js },
    'react-dom.production.min.js': { file: path.join(packageDir('react-dom18'), 'umd/react-dom.production.min.js'), type: js },
    'explorer.js': { file: path.join(own, 'explorer.js'), type: js },
    'explorer.css': { file: path.join(own, 'explorer.css'), type: 'text/css; charset=utf-8' },
  };
}

/** The page's own policy: scripts and styles from this origin only, calls to this origin only. */
export const EXPLORER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  // GraphiQL and CodeMirror set style attributes at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export interface Example {
  /** Where it comes from: a docs page or an operations file. */
  source: string;
  title: string;
  query: string;
  variables?: string;
}

export interface ExplorerConfig {
  /** Demo accounts offered for sign-in; empty unless the demo data is on. */
  demoAccounts: { email: string; role: string; unit: string }[];
  demoPassword?: string;
  examples: Example[];
}

export interface Explorer {
  /** Answers GET /graphql (when a browser asks for a page) and GET /explorer/*; false when the path is not its own. */
  serve(pathname: string): { status: number; type: string; body: Buffer | string; csp?: string } | undefined;
}

export function createExplorer(options: { demo?: { accounts: ExplorerConfig['demoAccounts']; password: string } }): Explorer {
  const files = assets();
  const cache = new Map<string, Buffer>();
  let config: string | undefined;
  return {
    serve(pathname) {
      if (pathname === '/graphql') {
        return {
          status: 200,
          type: 'text/html; charset=utf-8',
          body: read(path.join(projectRoot, 'public/explorer/index.html')),
          csp: EXPLORER_CSP,
        };
      }
      const name = pathname.replace(/^\/explorer\//, '');
      if (name === 'config.json') {
        config ??= JSON.stringify({
          demoAccounts: options.demo?.accounts ?? [],
          demoPassword: options.demo?.password,
          examples: workedExamples(),
        } satisfies ExplorerConfig);
        return { status: 200, type: 'application/json; charset=utf-8', body: config };
      }
      const asset = Object.hasOwn(files, name) ? files[name] : undefined;
      if (!asset) return undefined;
      return { status: 200, type: asset.type, body: read(asset.file) };
    },
  };

  function read(file: string): Buffer {
    let body = cache.get(file);
    if (!body) cache.set(file, (body = readFileSync(file)));
    return body;
  }
}

/** True when the request is a browser navigation asking for a page rather than a GraphQL call. */
export function wantsPage(method: string | undefined, accept: string | undefined, search: string): boolean {
  if (method !== 'GET' || !accept?.includes('text/html')) return false;
  return !new URLSearchParams(search).has('query');
}

/**
 * The worked examples: every operation of schema/operations/*.graphql, then
 * every `"query"` body of docs/ (as test/docs-examples.test.ts reads them),
 * titled by the sentence before its code block, with its variables when they
 * parse (shell values such as '$ID' become "<ID>").
 */
export function workedExamples(root = projectRoot): Example[] {
  const examples: Example[] = [];
  // The trusted documents: each operation of schema/operations/ with the fragments it spreads.
  if (existsSync(path.join(root, 'schema/operations'))) {
    for (const op of buildManifest(root).operations) examples.push({ source: 'schema/operations', title: op.name, query: op.body });
  }
  // A deployment may ship without docs/: then only schema/operations/ is offered.
  const pages = ['README.md', ...mdFiles(root, 'docs'), ...mdFiles(root, 'docs/procedures')].filter((p) => existsSync(path.join(root, p)));
  for (const page of pages) {
    const text = readFileSync(path.join(root, page), 'utf8').replace(/'"?\$(\w+)"?'/g, '<$1>');
    let title = '';
    let inFence = false;
    for (const [i, line] of text.split('\n').entries()) {
      if (line.startsWith('```')) inFence = !inFence;
      else if (!inFence && line.trim()) title = line.replace(/^[#\d.\s-]+/, '').trim();
      if (!inFence) continue;
      for (const m of line.matchAll(/"query"\s*:\s*"((?:[^"\\]|\\.)*)"/g)) {
        let query: string;
        try {
          query = JSON.parse(`"${m[1]}"`) as string;
        } catch {
          continue;
        }
        const rest = text
          .split('\n')
          .slice(i)
          .join('\n')
          .slice(line.indexOf(m[0]) + m[0].length);
        const vars = /^\s*,\s*"variables"\s*:\s*/.exec(rest);
        examples.push({
          source: page,
          title: `${title.slice(0, 100)} (line ${i + 1})`,
          query,
          variables: vars ? jsonPrefix(rest.slice(vars[0].length)) : undefined,
        });
      }
    }
  }
  return examples;
}

function mdFiles(root: string, dir: string): string[] {
  if (!existsSync(path.join(root, dir))) return [];
  return readdirSync(path.join(root, dir))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `${dir}/${f}`);
}

/** The JSON value at the start of `text`, pretty-printed, or undefined. */
function jsonPrefix(text: string): string | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) {
        try {
          return JSON.stringify(JSON.parse(text.slice(0, i + 1)), null, 2);
        } catch {
          return undefined;
        }
      }
    }
  }
  return undefined;
}
