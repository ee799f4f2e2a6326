// CONOCER's promotion campaigns (V-CANA-MP-02 C.4.2): through HTTP with demo
// tokens, a campaign returned once at each approval, a failed test send then a
// corrected one, the segment drawn from the contact centre's tickets, and the
// e-mails sent by the job queue over a real SMTP server, across a restart of
// the API in the middle of the send; the report's totals against what the
// SMTP server received; the public unsubscribe link; operator calls.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { encodeGlobalID } from '@pothos/plugin-relay';
import {
  AddLlamadaCampanaDocument,
  AddPruebaCampanaDocument,
  AddSegmentoCampanaDocument,
  ApproveCampanaDisenoDocument,
  ApproveCampanaPlanDocument,
  ApprovePruebaCampanaDocument,
  CampanaDocument,
  CloseCampanaDocument,
  CloseCampanaEnvioDocument,
  CreateCampanaDocument,
  ReturnCampanaDisenoDocument,
  ReturnCampanaPlanDocument,
  ReturnPruebaCampanaDocument,
  SendCampanaDocument,
  SubmitCampanaDisenoDocument,
  SubmitCampanaPlanDocument,
  SubmitCampanaReporteDocument,
  UnsubscribeCorreoDocument,
  UpdateCampanaDocument,
} from '../src/generated/graphql.js';
import { codeOf, demoTokens, gql, issuesOf, startServer, type GqlResponse, type TestServer } from './helpers.js';
import { make } from './factories.js';
import { recipientOf, tokenIn } from './mail.js';
import type { Db } from '../src/lib/db/client.js';

/** A real SMTP server that refuses (550) every recipient whose address starts with "rebote". */
async function startSmtp() {
  const messages: ParsedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('rebote')) {
        const error = new Error('Mailbox unavailable') as Error & { responseCode: number };
        error.responseCode = 550;
        return callback(error);
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          messages.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };
  return { url: `smtp://127.0.0.1:${port}`, messages, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let server: TestServer;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let tokens: Record<string, string>;
let cc: string;
let dvdArea: string;

const until = async (what: string, ok: () => boolean | Promise<boolean>, timeoutMs = 30_000) => {
  const end = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};
const ok = <T>(r: GqlResponse<T>): T => {
  expect(r.errors).toBeUndefined();
  return r.data!;
};

beforeAll(async () => {
  smtp = await startSmtp();
  server = await startServer({ SMTP_URL: smtp.url });
  tokens = await demoTokens(server);
  const units = await server.db.orgUnit.findMany({
    where: { code: { in: ['CONOCER-CC', 'CONOCER-DVD'] } },
    select: { id: true, code: true },
  });
  cc = encodeGlobalID('OrgUnit', units.find((u) => u.code === 'CONOCER-CC')!.id);
  dvdArea = encodeGlobalID('OrgUnit', units.find((u) => u.code === 'CONOCER-DVD')!.id);
});
afterAll(async () => {
  await server?.stop();
  await smtp?.stop();
});

/** People who wrote to the contact centre, tagged with a federal entity of their own so the segment is exactly them. */
async function writers(db: Db, n: number, o: { rebote?: number } = {}) {
  const entidad = `Entidad ${randomBytes(4).toString('hex')}`;
  const correos: string[] = [];
  for (let i = 0; i < n; i++) {
    const correo = `${i === o.rebote ? 'rebote' : 'persona'}.${randomBytes(4).toString('hex')}@example.mx`;
    const t = await make.ticket(db, { canal: 'CORREO', estado: 'ATENDIDO', correo });
    await db.ticket.update({ where: { id: t.id }, data: { entidadFederativa: entidad } });
    correos.push(correo);
  }
  // The same person writing twice is one recipient.
  const again = await make.ticket(db, { canal: 'CORREO', estado: 'ATENDIDO', correo: correos[0].toUpperCase() });
  await db.ticket.update({ where: { id: again.id }, data: { entidadFederativa: entidad } });
  return { entidad, correos };
}

/** A campaign taken to APROBADA through the API: the plan returned once, the design returned once. */
async function approvedCampaign(tipo: 'CORREO' | 'LLAMADA_OPERADOR', entidad: string) {
  const c = ok(
    await gql(
      server,
      CreateCampanaDocument,
      {
        input: {
          unitId: cc,
          areaSolicitanteId: dvdArea,
          tipo,
          nombre: `Campaña ${randomBytes(3).toString('hex')}`,
          necesidad: 'Difundir la certificación',
        },
      },
      tokens['conocer.canales'],
    ),
  ).createCampana;
  expect(c.estado).toBe('EN_PLANEACION');
  // Presenting an incomplete plan is refused (2.1 before 3.1).
  expect(codeOf(await gql(server, SubmitCampanaPlanDocument, { input: { id: c.id } }, tokens['conocer.canales']))).toBe(
    'INVALID_TRANSITION',
  );
  ok(
    await gql(
      server,
      UpdateCampanaDocument,
      {
        input: {
          id: c.id,
          objetivos: 'Aumentar solicitudes',
          estrategia: 'Correo a quienes escribieron',
          planAccion: 'Una semana',
          metaExitosos: 3,
        },
      },
      tokens['conocer.canales'],
    ),
  );
  ok(await gql(server, SubmitCampanaPlanDocument, { input: { id: c.id } }, tokens['conocer.canales']));
  // The DVD returns the plan once: observations are required.
  const bare = await gql(server, ReturnCampanaPlanDocument, { input: { id: c.id } }, tokens['conocer.dvd']);
  expect(codeOf(bare)).toBe('BAD_USER_INPUT');
  expect(
    ok(await gql(server, ReturnCampanaPlanDocument, { input: { id: c.id, observaciones: 'Precise la meta' } }, tokens['conocer.dvd']))
      .returnCampanaPlan.estado,
  ).toBe('EN_PLANEACION');
  ok(await gql(server, UpdateCampanaDocument, { input: { id: c.id, metaExitosos: 4 } }, tokens['conocer.canales']));
  ok(await gql(server, SubmitCampanaPlanDocument, { input: { id: c.id } }, tokens['conocer.canales']));
  expect(ok(await gql(server, ApproveCampanaPlanDocument, { input: { id: c.id } }, tokens['conocer.dvd'])).approveCampanaPlan.estado).toBe(
    'EN_DISENO',
  );
  ok(
    await gql(
      server,
      UpdateCampanaDocument,
      {
        input: {
          id: c.id,
          auditorio: 'Personas que escribieron al Centro de Contacto',
          asunto: 'Certifique sus competencias',
          mensaje: 'Texto con errata',
          script: 'Buenos días, le llamamos del CONOCER…',
          inicio: new Date('2026-12-01T00:00:00Z').toISOString(),
          fin: new Date('2026-12-31T00:00:00Z').toISOString(),
        },
      },
      tokens['conocer.canales'],
    ),
  );
  // No segment yet: the design cannot be presented.
  expect(codeOf(await gql(server, SubmitCampanaDisenoDocument, { input: { id: c.id } }, tokens['conocer.canales']))).toBe(
    'INVALID_TRANSITION',
  );
  ok(
    await gql(
      server,
      AddSegmentoCampanaDocument,
      { input: { id: c.id, origen: ['TICKET_CORREO', 'TICKET_LLAMADA'], entidadFederativa: entidad } },
      tokens['conocer.canales'],
    ),
  );
  ok(await gql(server, SubmitCampanaDisenoDocument, { input: { id: c.id } }, tokens['conocer.canales']));
  ok(await gql(server, ReturnCampanaDisenoDocument, { input: { id: c.id, observaciones: 'Ajuste el auditorio' } }, tokens['conocer.dvd']));
  ok(
    await gql(
      server,
      UpdateCampanaDocument,
      { input: { id: c.id, auditorio: 'Personas que escribieron este año' } },
      tokens['conocer.canales'],
    ),
  );
  ok(await gql(server, SubmitCampanaDisenoDocument, { input: { id: c.id } }, tokens['conocer.canales']));
  const approved = ok(await gql(server, ApproveCampanaDisenoDocument, { input: { id: c.id } }, tokens['conocer.dvd'])).approveCampanaDiseno;
  expect(approved.estado).toBe('APROBADA');
  return approved;
}

const settledOf = (db: Db, campanaId: string) =>
  db.destinatarioCampana.count({ where: { campanaId, resultadoEnvio: { in: ['PENDIENTE', 'ENVIANDO'] } } }).then((n) => n === 0);

describe('campaign by e-mail (C.4.2 steps 1-13)', () => {
  it('returned at each approval, a failed test send, then sent across a restart: everyone receives exactly one e-mail, and the report matches the SMTP server', async () => {
    const { entidad, correos } = await writers(server.db, 7, { rebote: 3 });
    const c = await approvedCampaign('CORREO', entidad);
    const id = (await server.db.campana.findFirstOrThrow({ where: { nombre: c.nombre }, select: { id: true } })).id;
    const rows = await server.db.destinatarioCampana.findMany({ where: { campanaId: id }, orderBy: { orden: 'asc' } });
    // One recipient per address, drawn from the tickets (the person who wrote twice counts once).
    expect(rows.map((r) => r.correo).sort()).toEqual([...correos].sort());

    // Sending before any test is refused (10.1 before 11.1).
    expect(codeOf(await gql(server, SendCampanaDocument, { input: { id: c.id } }, tokens['conocer.operador']))).toBe('INVALID_TRANSITION');
    // 10.1: the test goes to the Responsable de Canales, who finds it wrong (10.2).
    const responsable = 'conocer.canales@demo.conalep.mx';
    const before = smtp.messages.length;
    ok(await gql(server, AddPruebaCampanaDocument, { input: { id: c.id } }, tokens['conocer.operador']));
    await until('the test e-mail', () => smtp.messages.slice(before).some((m) => recipientOf(m) === responsable));
    const test1 = smtp.messages.slice(before).find((m) => recipientOf(m) === responsable)!;
    expect(test1.subject).toBe('[PRUEBA] Certifique sus competencias');
    expect(test1.text).toContain('Texto con errata');
    ok(
      await gql(
        server,
        ReturnPruebaCampanaDocument,
        { input: { id: c.id, observaciones: 'Corregir la errata' } },
        tokens['conocer.canales'],
      ),
    );
    expect(codeOf(await gql(server, SendCampanaDocument, { input: { id: c.id } }, tokens['conocer.operador']))).toBe('INVALID_TRANSITION');
    // 10.2 → 10.1: corrected, sent again, received correctly.
    const mid = smtp.messages.length;
    ok(
      await gql(
        server,
        AddPruebaCampanaDocument,
        { input: { id: c.id, mensaje: 'Certifíquese con el CONOCER.' } },
        tokens['conocer.operador'],
      ),
    );
    await until('the second test e-mail', () => smtp.messages.slice(mid).some((m) => recipientOf(m) === responsable));
    const approvedTest = ok(
      await gql(server, ApprovePruebaCampanaDocument, { input: { id: c.id } }, tokens['conocer.canales']),
    ).approvePruebaCampana;
    expect(approvedTest.pruebas.map((p) => p.correcta)).toEqual([false, true]);
    expect(approvedTest.mensaje).toBe('Certifíquese con el CONOCER.');
    // No campaign e-mail has gone out to the segment yet.
    expect(smtp.messages.filter((m) => correos.includes(recipientOf(m) ?? ''))).toHaveLength(0);

    // 11.1: launched; the API that sends (two e-mails a run) stops after the first e-mail arrives, another takes over.
    process.env.CAMPANA_LOTE = '2';
    const jobs = { SMTP_URL: smtp.url, JOBS: 'on', JOBS_EVERY_SECONDS: '1', JOBS_POLL_MS: '100' };
    ok(await gql(server, SendCampanaDocument, { input: { id: c.id } }, tokens['conocer.operador']));
    const sentTo = () => smtp.messages.filter((m) => correos.includes(recipientOf(m) ?? ''));
    const first = await startServer(jobs);
    try {
      await until('the first campaign e-mail', () => sentTo().length > 0);
    } finally {
      await first.stop();
    }
    const atRestart = await server.db.destinatarioCampana.count({ where: { campanaId: id, resultadoEnvio: 'PENDIENTE' } });
    expect(atRestart).toBeGreaterThan(0);
    const second = await startServer(jobs);
    try {
      await until('every recipient settled', () => settledOf(server.db, id));
    } finally {
      await second.stop();
      delete process.env.CAMPANA_LOTE;
    }

    // Every recipient received exactly one e-mail, but the address the server refuses.
    const received = sentTo().map((m) => recipientOf(m));
    const deliverable = correos.filter((e) => !e.startsWith('rebote'));
    expect([...received].sort()).toEqual([...deliverable].sort());
    const after = await server.db.destinatarioCampana.findMany({ where: { campanaId: id }, orderBy: { orden: 'asc' } });
    expect(after.find((r) => r.correo!.startsWith('rebote'))!.resultadoEnvio).toBe('REBOTADO');
    expect(after.filter((r) => r.resultadoEnvio === 'ENVIADO')).toHaveLength(deliverable.length);
    const mail = sentTo()[0];
    expect(mail.subject).toBe('Certifique sus competencias');
    expect(mail.text).toContain('Certifíquese con el CONOCER.');
    expect(mail.headerLines.some((h) => h.key === 'list-unsubscribe')).toBe(true);
    // Each sent row carries the Message-ID the SMTP server received.
    const ids = new Set(sentTo().map((m) => m.messageId));
    for (const r of after.filter((x) => x.resultadoEnvio === 'ENVIADO')) expect(ids.has(r.messageId!)).toBe(true);
    // Batches of two: claimed and recorded by the system actor.
    const batches = await server.db.workflowTransition.count({
      where: { recordId: id, transition: 'assignLoteCampana', actorRole: 'SISTEMA' },
    });
    expect(batches).toBe(Math.ceil(correos.length / 2));

    // 11.2, 12.1-12.2: ended, report computed from the outcomes, delivered to the DVD.
    ok(await gql(server, CloseCampanaEnvioDocument, { input: { id: c.id } }, tokens['conocer.operador']));
    const reported = ok(
      await gql(server, SubmitCampanaReporteDocument, { input: { id: c.id } }, tokens['conocer.operador']),
    ).submitCampanaReporte;
    expect(reported.reporteTotal).toBe(correos.length);
    expect(reported.reporteExitosos).toBe(received.length);
    expect(reported.reporte).toMatchObject({ total: correos.length, exitosos: received.length, pendientes: 0, omitidos: 0 });
    expect(reported.reporte.porResultado).toEqual([
      { resultado: 'ENVIADO', cantidad: deliverable.length },
      { resultado: 'REBOTADO', cantidad: 1 },
    ]);
    // 13: analysed against the objectives.
    const empty = await gql(server, CloseCampanaDocument, { input: { id: c.id, analisis: ' ' } }, tokens['conocer.canales']);
    expect(issuesOf(empty)[0]?.path).toEqual(['input', 'analisis']);
    const closed = ok(
      await gql(
        server,
        CloseCampanaDocument,
        { input: { id: c.id, analisis: `Meta 4, logrados ${received.length}.` } },
        tokens['conocer.canales'],
      ),
    ).closeCampana;
    expect(closed.estado).toBe('CERRADA');

    // The unsubscribe link: public, honoured, idempotent; a made-up token is refused and writes nothing.
    const token = tokenIn(mail);
    expect(ok(await gql(server, UnsubscribeCorreoDocument, { input: { token } })).unsubscribeCorreo).toBe(true);
    expect(ok(await gql(server, UnsubscribeCorreoDocument, { input: { token } })).unsubscribeCorreo).toBe(true);
    expect(await server.db.bajaCorreo.count({ where: { correo: recipientOf(mail) } })).toBe(1);
    const bajas = await server.db.bajaCorreo.count();
    expect(codeOf(await gql(server, UnsubscribeCorreoDocument, { input: { token: 'no-such-token' } }))).toBe('BAD_USER_INPUT');
    expect(await server.db.bajaCorreo.count()).toBe(bajas);
  }, 90_000);

  it('an address that unsubscribed is left out of the next segment', async () => {
    const { entidad, correos } = await writers(server.db, 2);
    await server.db.bajaCorreo.create({ data: { correo: correos[1] } });
    const c = await approvedCampaign('CORREO', entidad);
    const r = ok(await gql(server, CampanaDocument, { id: c.id }, tokens['conocer.canales']));
    const node = r.node as { destinatarios: { edges: { node: { correo: string | null } }[] } };
    expect(node.destinatarios.edges.map((e) => e.node.correo)).toEqual([correos[0]]);
  }, 30_000);
});

describe('campaign by operator calls (C.4.2 step 9)', () => {
  it('each call’s outcome is recorded and the report counts them', async () => {
    const { entidad } = await writers(server.db, 3);
    const c = await approvedCampaign('LLAMADA_OPERADOR', entidad);
    // Calls have no test send.
    expect(codeOf(await gql(server, AddPruebaCampanaDocument, { input: { id: c.id } }, tokens['conocer.operador']))).toBe(
      'INVALID_TRANSITION',
    );
    ok(await gql(server, SendCampanaDocument, { input: { id: c.id } }, tokens['conocer.operador']));
    ok(await gql(server, AddLlamadaCampanaDocument, { input: { id: c.id, orden: 1, resultado: 'EXITOSA' } }, tokens['conocer.operador']));
    ok(
      await gql(
        server,
        AddLlamadaCampanaDocument,
        { input: { id: c.id, orden: 2, resultado: 'NO_CONTESTA', notas: 'Buzón' } },
        tokens['conocer.operador'],
      ),
    );
    const wrong = await gql(
      server,
      AddLlamadaCampanaDocument,
      { input: { id: c.id, orden: 99, resultado: 'EXITOSA' } },
      tokens['conocer.operador'],
    );
    expect(issuesOf(wrong)[0]?.path).toEqual(['input', 'orden']);
    // Only the operator records calls.
    expect(
      codeOf(
        await gql(server, AddLlamadaCampanaDocument, { input: { id: c.id, orden: 3, resultado: 'EXITOSA' } }, tokens['conocer.canales']),
      ),
    ).toBe('FORBIDDEN');
    ok(await gql(server, CloseCampanaEnvioDocument, { input: { id: c.id } }, tokens['conocer.operador']));
    const reported = ok(
      await gql(server, SubmitCampanaReporteDocument, { input: { id: c.id } }, tokens['conocer.operador']),
    ).submitCampanaReporte;
    expect(reported.reporte).toMatchObject({ total: 2, exitosos: 1, pendientes: 1 });
    expect(reported.reporteTotal).toBe(2);
    expect(reported.reporteExitosos).toBe(1);
  }, 30_000);
});

/** The sh blocks of the page's worked example, in order. */
function exampleScript(): string {
  const page = readFileSync(new URL('../docs/procedures/campanas.md', import.meta.url), 'utf8');
  const section = page.slice(page.indexOf('## Worked example'));
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]).join('\n');
}

// In this file rather than a docs-*.test.ts of its own: the job queue is shared by every API process on the
// test database, so the tests that turn it on run one after the other, here.
describe('docs/procedures/campanas.md, worked example', () => {
  it('runs as written: the campaign is closed, and each person received the e-mail once', async () => {
    // Its sh blocks go to bash against an API with the job queue on, with "Tlaxcala" made the test's own entity.
    const api = await startServer({ SMTP_URL: smtp.url, JOBS: 'on', JOBS_EVERY_SECONDS: '1', JOBS_POLL_MS: '200' });
    const entidad = `Tlaxcala ${randomBytes(4).toString('hex')}`;
    const text = `set -e\n${exampleScript()
      .replace('API=http://localhost:4000/graphql', `API=${api.url}/graphql`)
      .replaceAll('Tlaxcala', entidad)}`;
    const before = smtp.messages.length;
    let stdout: string;
    try {
      ({ stdout } = await promisify(execFile)('bash', ['-c', text], { timeout: 120_000 }));
    } finally {
      await api.stop();
    }
    expect(stdout).not.toContain('"errors"');
    expect(stdout).toContain('"returnCampanaPlan":{"estado":"EN_PLANEACION"}');
    expect(stdout).toContain('"totalCount":2');
    expect(stdout).toContain('"pruebas":[{"correcta":false},{"correcta":true}]');
    expect(stdout).toContain('"reporteTotal":2,"reporteExitosos":2');
    expect(stdout).toContain('"closeCampana":{"estado":"CERRADA"');
    for (const person of ['ana.ruiz@example.mx', 'juan.diaz@example.mx']) {
      const got = smtp.messages.slice(before).filter((m) => recipientOf(m) === person && m.subject === 'Certifique sus competencias');
      expect(got, person).toHaveLength(1);
      expect(got[0].text).toContain('Certifíquese con el CONOCER');
    }
  }, 150_000);
});
