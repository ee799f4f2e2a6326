// docs/procedures/concertacion-capacitacion.md's worked example, run as written: every `sh` block of the
// section "Worked example" in one bash, against a test server (only the API's address changes), from a
// company's prospect to the derrama notice; then what it wrote is read back from the database.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './helpers.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());

/** The `sh` blocks of the worked example, in order, as one script. */
function script(): string {
  const page = readFileSync(new URL('../docs/procedures/concertacion-capacitacion.md', import.meta.url), 'utf8');
  const section = page.slice(page.indexOf('## Worked example'));
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]).join('\n');
}

describe('docs/procedures/concertacion-capacitacion.md, worked example', () => {
  it('runs as written, from the prospect to the derrama notice, and refuses what it says it refuses', async () => {
    const text = script().replace('API=http://localhost:4000/graphql', `API=${server.url}/graphql`);
    expect(text).toContain(`API=${server.url}/graphql`);
    const { stdout } = await promisify(execFile)('bash', ['-c', `set -e\n${text}\necho "CO=$CO"`], {
      timeout: 120_000,
      maxBuffer: 1 << 24,
    });
    // The refusals the page announces.
    expect(stdout).toContain('USUARIO_EXTERNO firma antes que DSTC (firma 2 de 2)');
    expect(stdout).toContain('Debe ser exactamente la cuota facturada (85000.50)');
    expect(stdout).toContain('Las partes suman 85000.51, no el pago (85000.50)');
    // The participant reads the instrument; the college outside reads nothing.
    expect(stdout).toContain('"numeroRegistro":"DCAJ/CONV/2027/0001","estado":"COMUNICADO"');
    expect(stdout).toMatch(/"data":\{"node":null\}/);
    // What the coordination holds at the end.
    const id = Buffer.from(/CO=(\S+)/.exec(stdout)![1], 'base64')
      .toString('utf8')
      .split(':')[1];
    const c = await server.db.coordinacionCapacitacion.findUniqueOrThrow({
      where: { id },
      include: { lineasDerrama: { orderBy: { orden: 'asc' }, include: { unit: { select: { code: true } } } } },
    });
    expect(c.estado).toBe('DERRAMA_NOTIFICADA');
    expect(c.montoPagado?.toFixed(2)).toBe('85000.50');
    expect(c.lineasDerrama.map((l) => [l.unit.code, l.monto.toFixed(2)])).toEqual([
      ['CE-MEX', '60000.25'],
      ['RCEO', '25000.25'],
    ]);
    expect(stdout).toContain('"lineasDerrama":[{"unit":{"code":"CE-MEX"},"monto":"60000.25"},{"unit":{"code":"RCEO"},"monto":"25000.25"}]');
  });
});
