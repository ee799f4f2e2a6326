// The explorer and CORS in a real browser: Debian's Chromium driven by
// Playwright (playwright-core: no browser download; CHROMIUM_PATH overrides
// /usr/bin/chromium; `.ci/run` installs it). The explorer page is opened, a
// demo account signs in, a query and a worked example run, and the answers
// show. Then pages on two other origins call the API: the one in CORS_ORIGINS
// reads the answer, the other is refused by the browser.
import http from 'node:http';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { startServer, type TestServer } from './helpers.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A page on its own origin that calls the API with fetch, as a portal would. */
function originServer(): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><title>portal</title><script>
      window.callApi = (api) => fetch(api + '/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': 'es-MX' },
        body: JSON.stringify({ query: '{ __typename }' }),
      }).then((r) => r.json().then((body) => ({ status: r.status, body, requestId: r.headers.get('x-request-id') })),
              (e) => ({ refused: String(e) }));
    </script>`);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({ origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) });
    }),
  );
}

describe('in a browser', () => {
  let browser: Browser;
  let server: TestServer;
  let allowed: Awaited<ReturnType<typeof originServer>>;
  let other: Awaited<ReturnType<typeof originServer>>;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
    [allowed, other] = await Promise.all([originServer(), originServer()]);
    server = await startServer({ DEMO_ACCOUNTS: 'true', CORS_ORIGINS: `${allowed.origin}, https://portal.example` });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await Promise.all([allowed?.close(), other?.close()]);
  });

  it('GET /graphql serves the explorer: sign in with a demo account, run a query and a worked example', async () => {
    const page = await browser.newPage();
    const failures: string[] = [];
    page.on('pageerror', (e) => failures.push(e.message));
    page.on('requestfailed', (r) => failures.push(`${r.url()} ${r.failure()?.errorText}`));
    const response = await page.goto(`${server.url}/graphql`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-type']).toContain('text/html');

    await page.getByText('Sesión y ejemplos').first().waitFor();
    await page.getByLabel('Cuenta de demostración').selectOption('dstc@demo.conalep.mx');
    await page.getByRole('button', { name: 'Iniciar sesión' }).click();
    await expect.poll(() => page.getByTestId('session').innerText()).toContain('dstc@demo.conalep.mx');

    // The default document asks for `me`: it answers only with the token the sign-in keeps.
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.result-window').getByText('"dstc@demo.conalep.mx"').waitFor();

    // A saved document: the OrgUnits operation of schema/operations/.
    await page.getByLabel('Buscar ejemplos').fill('OrgUnits');
    await page.getByRole('button', { name: 'OrgUnits', exact: true }).click();
    await expect.poll(() => page.locator('.graphiql-query-editor').innerText()).toContain('query OrgUnits');
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.result-window').getByText('"totalCount"').waitFor();
    expect(await page.locator('.result-window').innerText()).toContain('"code": "CONALEP"');

    // Every asset came from this server: nothing failed to load, no script error.
    expect(failures).toEqual([]);
    await page.close();
  });

  it('a page on an allowed origin calls the API; a page on another origin cannot read it', async () => {
    const page = await browser.newPage();
    await page.goto(allowed.origin);
    const ok = await page.evaluate((api) => (window as unknown as { callApi: (a: string) => Promise<unknown> }).callApi(api), server.url);
    expect(ok).toMatchObject({ status: 200, body: { data: { __typename: 'Query' } } });
    // Exposed headers are readable cross-origin.
    expect((ok as { requestId: string }).requestId).toMatch(/\S/);

    await page.goto(other.origin);
    const refused = await page.evaluate(
      (api) => (window as unknown as { callApi: (a: string) => Promise<unknown> }).callApi(api),
      server.url,
    );
    expect(refused).toEqual({ refused: expect.stringContaining('Failed to fetch') as unknown });
    await page.close();
  });

  it('answers preflights for allowed origins only', async () => {
    const preflight = (origin: string) =>
      fetch(`${server.url}/graphql`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
      });
    const yes = await preflight(allowed.origin);
    expect(yes.status).toBe(204);
    expect(yes.headers.get('access-control-allow-origin')).toBe(allowed.origin);
    expect(yes.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(yes.headers.get('access-control-allow-credentials')).toBeNull();
    const no = await preflight(other.origin);
    expect(no.status).toBe(403);
    expect(no.headers.get('access-control-allow-origin')).toBeNull();
  });
});
