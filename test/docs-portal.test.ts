// docs/procedures/portal.md's worked example, run as written: every line of its
// sh block that calls the API (`gql $WHO '…'`, `X=$(gql … | id)`, `X=$(upload
// $WHO file type)`) is sent as that account, in order, with the shell's '$VAR'
// splices filled in and the files its `printf` lines write. Its years
// (2094-2095) are its own: the other tests never take them.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoTokens, gql, startServer, type TestServer } from './helpers.js';

let server: TestServer;
let tokens: Record<string, string>;

beforeAll(async () => {
  server = await startServer();
  tokens = await demoTokens(server);
});
afterAll(() => server?.stop());

const ACCOUNTS: Record<string, string> = { CANALES: 'conocer.canales', DVD: 'conocer.dvd', PROVEEDOR: 'proveedor.portal' };

/** The worked example's sh block, line by line. */
function exampleLines(): string[] {
  const page = readFileSync(new URL('../docs/procedures/portal.md', import.meta.url), 'utf8');
  const section = page.slice(page.indexOf('## Worked example'));
  return section.slice(section.indexOf('```sh') + 5, section.indexOf('```', section.indexOf('```sh') + 5)).split('\n');
}

/** What `printf '<format>'` writes, for the formats the page uses (\n and %%). */
const printf = (format: string) => format.replace(/\\n/g, '\n').replace(/%%/g, '%');

describe('docs/procedures/portal.md, worked example', () => {
  it('runs as written: the request reaches production through both "no" loops, and the quarter is analysed', async () => {
    const vars: Record<string, string> = {};
    const files: Record<string, string> = {};
    const answers: Record<string, unknown>[] = [];
    let calls = 0;
    for (const line of exampleLines()) {
      const file = /^printf '(.*)' > (\S+)$/.exec(line);
      if (file) {
        files[file[2]] = printf(file[1]);
        continue;
      }
      const up = /^([A-Z0-9]+)=\$\(upload \$([A-Z]+) (\S+) (\S+)\)$/.exec(line);
      if (up) {
        const form = new FormData();
        form.append('file', new Blob([files[up[3]]], { type: up[4] }), up[3]);
        const res = await fetch(`${server.url}/documents`, {
          method: 'POST',
          body: form,
          headers: { authorization: `Bearer ${tokens[ACCOUNTS[up[2]]]}` },
        });
        expect(res.status, line).toBe(201);
        vars[up[1]] = ((await res.json()) as { id: string }).id;
        continue;
      }
      const call = /^(?:([A-Z0-9]+)=\$\()?gql \$([A-Z]+) '(.*)'(?: \| (id|first)\))?$/.exec(line);
      if (!call) continue;
      const [, assign, who, body, pick] = call;
      const filled = body.replace(/'\$([A-Z0-9]+)'/g, (_m, name: string) => vars[name]);
      const { query, variables } = JSON.parse(filled) as { query: string; variables?: Record<string, unknown> };
      const res = await gql<Record<string, unknown>, Record<string, unknown>>(server, query, variables, tokens[ACCOUNTS[who]]);
      expect(res.errors, `${line.slice(0, 120)}… ${JSON.stringify(res.errors)}`).toBeUndefined();
      calls++;
      const value = Object.values(res.data!)[0] as { id?: string; edges?: { node: { id: string } }[] };
      if (assign) vars[assign] = pick === 'first' ? value.edges![0].node.id : value.id!;
      answers.push(res.data!);
    }
    // Every line that calls the API was understood and sent.
    expect(calls).toBe(exampleLines().filter((l) => /gql \$[A-Z]+ '/.test(l)).length);
    expect(calls).toBeGreaterThanOrEqual(25);
    const find = (field: string) => answers.filter((a) => field in a).map((a) => a[field]);
    const [closed] = find('closeSolicitudPortalAsConocerProveedorPortal') as {
      estado: string;
      documentos: unknown[];
      history: unknown[];
    }[];
    expect(closed.estado).toBe('EN_PRODUCCION');
    expect(closed.documentos).toEqual([{ nombre: 'manual-preguntas.pdf', tipo: 'DOCUMENTACION_PORTAL' }]);
    expect(closed.history).toHaveLength(20);
    const [, week] = find('createEstadisticaPortal') as { accesosTotales: number }[];
    expect(week.accesosTotales).toBe(800);
    const [analisis] = find('createAnalisisPortal') as {
      tendencia: {
        accesosTotales: number;
        accesosTotalesAnterior: number;
        variacion: number;
        paginas: { pagina: string; variacion: number }[];
      };
    }[];
    expect(analisis.tendencia).toMatchObject({ accesosTotales: 800, accesosTotalesAnterior: 500, variacion: 60 });
    expect(analisis.tendencia.paginas.map((p) => [p.pagina, p.variacion])).toEqual([
      ['/inicio', 25],
      ['/preguntas', 200],
    ]);
    expect(find('sendAnalisisPortal')).toEqual([{ estado: 'REPORTADO', tendencia: { variacion: 60 } }]);
    expect(find('createRevisionContenidoPortal')).toEqual([{ anio: 2095, trimestre: 1, requiereActualizacion: true }]);
  });
});
