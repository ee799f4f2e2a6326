// docs/procedures/promocion.md's worked example of the §9 operating rules
// (15-528-PO-26 L184-212), run as written: every `gql $WHO '…'` line of the
// section is sent as that account, in order, with the shell's '$VAR' splices
// filled in (`X=…` takes the id the previous call returned) and the year
// 2025 replaced by one of the test's own (other files share the database).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { make, unit } from './factories.js';
import { demoTokens, gql, startServer, type TestServer } from './helpers.js';

let server: TestServer;
let tokens: Record<string, string>;

beforeAll(async () => {
  server = await startServer();
  tokens = await demoTokens(server);
});
afterAll(() => server.stop());

const ACCOUNTS: Record<string, string> = { CCE: 'cce.p001', CPSECE: 'promocion.mex', ECE: 'ece.mex' };

/** The sh block of the section, line by line. */
function exampleLines(): string[] {
  const page = readFileSync(new URL('../docs/procedures/promocion.md', import.meta.url), 'utf8');
  const section = page.slice(page.indexOf('## Worked example: the operating rules (§9)'));
  const block = section.slice(section.indexOf('```sh') + 5, section.indexOf('```', section.indexOf('```sh') + 5));
  return block.split('\n').filter((l) => l.startsWith('gql ') || /^[A-Z0-9]+=…/.test(l));
}

describe('docs/procedures/promocion.md, worked example of §9', () => {
  it('runs as written: each record of §9 is made, and the calendar answers', async () => {
    // A past year (the F05 needs its quarter ended) that the cost table accepts (2000-2100), free for CE-MEX and MEX-P001.
    const [estatal, plantel] = [await unit(server.db, 'CE-MEX'), await unit(server.db, 'MEX-P001')];
    const used = new Set(
      [
        ...(await server.db.tablaCostos.findMany({ where: { unitId: estatal.id }, select: { anio: true } })),
        ...(await server.db.planTrabajoAnual.findMany({ where: { unitId: estatal.id }, select: { anio: true } })),
        ...(await server.db.planAnualCentro.findMany({ where: { unitId: plantel.id }, select: { anio: true } })),
      ].map((r) => r.anio),
    );
    const anio = [...Array(24).keys()].map((i) => 2000 + i).find((y) => !used.has(y))!;
    const plan = await make.planAnualCentro(server.db, { estado: 'EN_ELABORACION', unit: 'MEX-P001', anio });
    const year = String(plan.anio);
    const vars: Record<string, string> = {
      P1: plan.globalId,
      PLANTEL: encodeGlobalID('OrgUnit', plantel.id),
    };
    const lines = exampleLines();
    expect(lines.length).toBeGreaterThanOrEqual(11);
    let last: Record<string, unknown> = {};
    const answers: Record<string, unknown>[] = [];
    for (const line of lines) {
      const assign = /^([A-Z0-9]+)=…/.exec(line);
      if (assign) {
        vars[assign[1]] = (Object.values(last)[0] as { id: string }).id;
        continue;
      }
      const [, who, body] = /^gql \$([A-Z]+) '(.*)'$/.exec(line)!;
      const filled = body.replace(/'\$([A-Z0-9]+)'/g, (_m, name: string) => vars[name]).replaceAll('2025', year);
      const { query, variables } = JSON.parse(filled) as { query: string; variables?: Record<string, unknown> };
      const res = await gql(server, query, variables, tokens[ACCOUNTS[who]]);
      expect(res.errors, `${line.slice(0, 120)}… ${JSON.stringify(res.errors)}`).toBeUndefined();
      last = res.data as Record<string, unknown>;
      answers.push(last);
    }
    const [contexto, , validado, tabla, visita, reunion, electronica, , accion, obligaciones] = answers;
    expect(validado.approvePlanAnualCentro).toMatchObject({ estado: 'VALIDADO' });
    expect(contexto.updatePlanAnualCentro).toMatchObject({ riesgos: 'DR-11: baja asistencia a las reuniones' });
    expect(tabla.createTablaCostos).toMatchObject({ anio: plan.anio, conceptos: [{ estandar: 'EC0217', costo: 1850 }] });
    expect(visita.createVisitaTecnica).toMatchObject({ mes: 3, modalidad: 'VIRTUAL', cumpleIdentidad: false });
    expect(reunion.createActividadRealizada).toMatchObject({ formato: 'F04', asistentes: 2 });
    expect(electronica.createActividadRealizada).toMatchObject({ tipo: 'DIFUSION_ELECTRONICA' });
    expect(accion.createAccionMejora).toMatchObject({ tipo: 'SALIDA_NO_CONFORME', estado: 'ABIERTA' });
    expect((obligaciones.obligacionesPromocion as { clave: string }[]).length).toBeGreaterThan(0);
  });
});
