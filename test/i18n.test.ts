// Spanish first: errors in Spanish for `es` clients (and by default), English
// for `en`, with the same codes; GraphQL's own validation and coercion errors
// carry `extensions.issues` with the offending path. The catalogue covers every
// message the code writes (read from the source).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../src/lib/i18n/catalogue.js';
import { translate } from '../src/lib/i18n/localize.js';
import { chooseLanguage } from '../src/lib/i18n/language.js';
import { DEMO_PASSWORD, demoEmail } from '../src/seed/demo.js';
import { sourceMessages } from './source-messages.js';
import { demoTokens, gql, startServer, type TestServer } from './helpers.js';

const root = new URL('../', import.meta.url).pathname;

/** Messages only developers see (start-up checks of module declarations) or SQL text. */
const NOT_FOR_CLIENTS = /^(?:'|\(SELECT |step \{0\}|query \{0\} has no rule|mutation \{0\} is not a step)/;

describe('the catalogue', () => {
  it('has a Spanish and an English form of every message the code writes for clients', () => {
    const messages = sourceMessages(root).filter((m) => !NOT_FOR_CLIENTS.test(m.text));
    expect(messages.length).toBeGreaterThan(60);
    const missing = messages
      .map((m) => ({ ...m, sample: m.text.replace(/\{(\d+)\}/g, (_a, i: string) => `X${i}`) }))
      .filter((m) => translate(m.sample, 'es') === translate(m.sample, 'en'))
      .map((m) => `${m.file}:${m.line} ${JSON.stringify(m.text)}`);
    expect(missing, 'add these to src/lib/i18n/catalogue.ts').toEqual([]);
  });

  it('keeps every placeholder in both languages', () => {
    const names = (t: string) => [...t.matchAll(/\{(\*?\w+)\}/g)].map((m) => m[1]).sort();
    for (const [en, es] of CATALOGUE) expect(names(es), en).toEqual(names(en));
  });

  it('translates either way, and reasons inside messages', () => {
    expect(translate('Must not be empty', 'es')).toBe('No debe estar vacío');
    expect(translate('No debe estar vacío', 'en')).toBe('Must not be empty');
    expect(
      translate('Variable "$f" got invalid value "NOPE" at "f.kind[0]"; Value "NOPE" does not exist in "OrgUnitKind" enum.', 'es'),
    ).toBe('La variable "$f" recibió un valor no válido "NOPE" en "f.kind[0]"; El valor "NOPE" no existe en el enum "OrgUnitKind".');
    expect(translate('Something nobody catalogued', 'es')).toBe('Something nobody catalogued');
  });

  it('reads Accept-Language: es or en by preference, Spanish otherwise', () => {
    expect(chooseLanguage(undefined)).toBe('es');
    expect(chooseLanguage('es-MX,es;q=0.9,en;q=0.8')).toBe('es');
    expect(chooseLanguage('en-US,en;q=0.9')).toBe('en');
    expect(chooseLanguage('fr-FR, en;q=0.5, es;q=0.4')).toBe('en');
    expect(chooseLanguage('fr-FR')).toBe('es');
    expect(chooseLanguage('en;q=0, es-MX')).toBe('es');
  });
});

describe('errors through HTTP', () => {
  let server: TestServer;
  let tokens: Record<string, string>;
  beforeAll(async () => {
    server = await startServer();
    tokens = await demoTokens(server);
  });
  afterAll(() => server.stop());

  const LOGIN = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }';
  const lang = (value: string | undefined) => ({ 'accept-language': value ?? '' });

  it('a Spanish client reads Spanish, an English one English, with the same code; Spanish is the default', async () => {
    const bad = { email: demoEmail('dstc'), password: `${DEMO_PASSWORD}-wrong` };
    const es = await gql(server, LOGIN, bad, undefined, lang('es-MX,es;q=0.9'));
    const en = await gql(server, LOGIN, bad, undefined, lang('en-US'));
    const none = await gql(server, LOGIN, bad, undefined, lang(undefined));
    expect(es.errors?.[0]).toMatchObject({ message: 'Correo o contraseña incorrectos', extensions: { code: 'UNAUTHENTICATED' } });
    expect(en.errors?.[0]).toMatchObject({ message: 'Invalid e-mail or password', extensions: { code: 'UNAUTHENTICATED' } });
    expect(none.errors?.[0].message).toBe('Correo o contraseña incorrectos');
  });

  it("the API's own input issues are translated one by one, paths unchanged", async () => {
    const create = 'mutation($i: CreateProyectoNormativoInput!) { createProyectoNormativo(input: $i) { id } }';
    const r = await gql(server, create, { i: { titulo: '  ', necesidad: ' ' } }, tokens.dstc, lang('es'));
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const issues = r.errors?.[0].extensions?.issues as { path: string[]; message: string }[];
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) expect(issue.message).not.toBe(translate(issue.message, 'en'));
    expect(r.errors?.[0].message).toBe(issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  });

  const cases: [string, string, Record<string, unknown> | undefined, (string | number)[], RegExp][] = [
    ['unknown field', '{ me { nope } }', undefined, ['me', 'nope'], /^No se puede consultar el campo "nope"/],
    ['missing argument', 'mutation { createProyectoNormativo { id } }', undefined, ['createProyectoNormativo', 'input'], /es obligatorio/],
    [
      'missing input field (literal)',
      'mutation { createProyectoNormativo(input: { titulo: "x" }) { id } }',
      undefined,
      ['input', 'necesidad'],
      /No se proporcionó el campo "CreateProyectoNormativoInput.necesidad"/,
    ],
    [
      'bad enum (literal)',
      '{ orgUnits(filter: { kind: [CAST, NOPE] }) { totalCount } }',
      undefined,
      ['filter', 'kind', 1],
      /no existe en el enum/,
    ],
    ['unknown argument', '{ orgUnits(nope: 1) { totalCount } }', undefined, ['nope'], /Argumento desconocido/],
    [
      'missing input field (variable)',
      'mutation($i: CreateProyectoNormativoInput!) { createProyectoNormativo(input: $i) { id } }',
      { i: { titulo: 'x' } },
      ['input', 'necesidad'],
      /No se proporcionó el campo "necesidad"/,
    ],
    [
      'bad enum (variable)',
      'query($f: OrgUnitFilter) { orgUnits(filter: $f) { totalCount } }',
      { f: { kind: ['CAST', 'NOPE'] } },
      ['filter', 'kind', 1],
      /no existe en el enum/,
    ],
    [
      'bad integer (variable)',
      'query($n: Int) { orgUnits(first: $n) { totalCount } }',
      { n: 'diez' },
      ['first'],
      /Int no puede representar/,
    ],
    ['missing variable', 'query($n: Int!) { orgUnits(first: $n) { totalCount } }', {}, ['first'], /No se proporcionó la variable "\$n"/],
  ];
  for (const [name, query, variables, path, message] of cases) {
    it(`GraphQL's own error carries issues with the path: ${name}`, async () => {
      const es = await gql(server, query, variables, tokens.dstc, lang('es'));
      const en = await gql(server, query, variables, tokens.dstc, lang('en'));
      const [e, f] = [es.errors?.[0], en.errors?.[0]];
      expect(e?.extensions?.code).toMatch(/^(GRAPHQL_VALIDATION_FAILED|BAD_USER_INPUT)$/);
      expect(f?.extensions?.code).toBe(e?.extensions?.code);
      expect(e?.message).toMatch(message);
      expect(f?.message).not.toMatch(message);
      expect(e?.extensions?.issues).toEqual([{ path, message: expect.any(String) as unknown }]);
      expect((f?.extensions?.issues as { path: unknown[] }[])[0].path).toEqual(path);
    });
  }
});
