// docs/procedures/encuestas.md's worked example, run as written: its sh blocks go to bash against a live API whose
// mail goes to the outbox folder, where the example reads the person's link (as campanas.md's example is run in
// test/campanas.test.ts). The e-mails are its own: the people's addresses are made the test's own.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './helpers.js';

let api: TestServer;

beforeAll(async () => {
  api = await startServer();
});
afterAll(() => api?.stop());

/** The sh blocks of the page's worked example, in order. */
function exampleScript(): string {
  const page = readFileSync(new URL('../docs/procedures/encuestas.md', import.meta.url), 'utf8');
  const section = page.slice(page.indexOf('## Worked example'));
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]).join('\n');
}

describe('docs/procedures/encuestas.md, worked example', () => {
  it('runs as written: the link answers once, the results count it, and the survey is closed', async () => {
    const own = randomBytes(4).toString('hex');
    const text = `set -e\n${exampleScript()
      .replace('API=http://localhost:4000/graphql', `API=${api.url}/graphql`)
      .replaceAll('@example.mx', `.${own}@example.mx`)}`;
    const { stdout } = await promisify(execFile)('bash', ['-c', text], {
      timeout: 120_000,
      env: { ...process.env, MAIL_OUTBOX_DIR: api.config.mail.outboxDir },
    });
    const lines = stdout.split('\n').filter((l) => l.startsWith('{'));
    // Only the second use of the link is refused, in Spanish, as a client mistake.
    const refused = lines.filter((l) => l.includes('"errors"'));
    expect(refused).toHaveLength(1);
    expect(refused[0]).toContain('Este enlace ya se usó');
    expect(refused[0]).toContain('BAD_USER_INPUT');
    expect(stdout).toContain('"returnEncuestaPlan":{"estado":"EN_PLANEACION"}');
    expect(stdout).toContain('"approveEncuestaPlan":{"estado":"EN_DISENO"}');
    const drawn = JSON.parse(lines.find((l) => l.includes('"addMuestraEncuesta"'))!) as {
      data: { addMuestraEncuesta: { semillaMuestra: string; muestra: { totalCount: number; edges: { node: { correo: string } }[] } } };
    };
    expect(drawn.data.addMuestraEncuesta.semillaMuestra).toBe('diciembre');
    expect(drawn.data.addMuestraEncuesta.muestra.totalCount).toBe(2);
    expect(drawn.data.addMuestraEncuesta.muestra.edges.map((e) => e.node.correo).sort()).toEqual([
      `ana.ruiz.${own}@example.mx`,
      `juan.diaz.${own}@example.mx`,
    ]);
    expect(stdout).toContain('"approveEncuestaDiseno":{"estado":"APROBADA"}');
    expect(stdout).toContain('"sendEncuesta":{"estado":"EN_CURSO","resultados":{"muestra":2,"enviadas":2}}');
    expect(stdout).toContain('{"data":{"answerEncuesta":true}}');
    expect(stdout).toContain(
      '"submitEncuestaReporte":{"estado":"REPORTADA","resultados":{"muestra":2,"enviadas":2,"respondidas":1,"tasaRespuesta":0.5,' +
        '"porPregunta":[{"numero":1,"respuestas":1,"promedio":4,"afirmativas":0},{"numero":2,"respuestas":1,"promedio":1,"afirmativas":1},' +
        '{"numero":3,"respuestas":1,"promedio":null,"afirmativas":0}]}}',
    );
    expect(stdout).toContain('"closeEncuesta":{"estado":"CERRADA"');
    // The answer was Ana's, through her link, recorded once by the system.
    const answered = await api.db.muestraEncuesta.findMany({ where: { correo: { endsWith: `.${own}@example.mx` } } });
    expect(answered.filter((m) => m.respondidaAt).map((m) => [m.correo, m.canalRespuesta])).toEqual([
      [`ana.ruiz.${own}@example.mx`, 'CORREO'],
    ]);
    const respuestas = await api.db.respuestaEncuesta.findMany({ where: { muestraId: { in: answered.map((m) => m.id) } } });
    expect(respuestas.map((r) => [r.pregunta, r.valor, r.texto]).sort()).toEqual([
      [1, 4, null],
      [2, 1, null],
      [3, null, 'Responder más rápido'],
    ]);
  }, 150_000);
});
