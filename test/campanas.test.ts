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
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import {
  AddLlamadaCampanaDocument,
  AddMuestraEncuestaDocument,
  AddRespuestaEncuestaDocument,
  AnswerEncuestaDocument,
  ApproveEncuestaDisenoDocument,
  ApproveEncuestaPlanDocument,
  CalidadServicioConocerDocument,
  CloseEncuestaDocument,
  CreateEncuestaDocument,
  EncuestaDocument,
  ReturnEncuestaDisenoDocument,
  SendEncuestaDocument,
  SubmitEncuestaDisenoDocument,
  SubmitEncuestaPlanDocument,
  SubmitEncuestaReporteDocument,
  UpdateEncuestaDocument,
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

const decodeId = (globalId: string) => decodeGlobalID(globalId).id;

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
    const jobs = { SMTP_URL: smtp.url, JOBS: 'on', JOBS_ONLY: 'campanas.envio', JOBS_EVERY_SECONDS: '1', JOBS_POLL_MS: '100' };
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
    const api = await startServer({
      SMTP_URL: smtp.url,
      JOBS: 'on',
      JOBS_ONLY: 'campanas.envio',
      JOBS_EVERY_SECONDS: '1',
      JOBS_POLL_MS: '200',
    });
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

/** People who wrote (or called) the contact centre within a minute of a past year of their own: a sample's whole population. */
async function population(db: Db, n: number, canal: 'CORREO' | 'TELEFONO') {
  const desde = new Date(
    Date.UTC(
      1900 + Math.floor(Math.random() * 99),
      Math.floor(Math.random() * 12),
      1 + Math.floor(Math.random() * 28),
      Math.floor(Math.random() * 24),
      Math.floor(Math.random() * 60),
    ),
  );
  const correos: string[] = [];
  for (let i = 0; i < n; i++) {
    const correo = `encuestado.${randomBytes(4).toString('hex')}@example.mx`;
    await make.ticket(db, { canal, estado: 'ATENDIDO', correo, recibidoAt: new Date(desde.getTime() + i * 1000), venceAt: null });
    correos.push(correo);
  }
  return { desde: desde.toISOString(), hasta: new Date(desde.getTime() + 60_000).toISOString(), correos };
}

const PREGUNTAS = [
  { texto: '¿Qué tan satisfecho quedó con la atención?', tipo: 'ESCALA' as const },
  { texto: '¿Resolvimos su duda?', tipo: 'SI_NO' as const },
  { texto: '¿Qué podemos mejorar?', tipo: 'ABIERTA' as const },
];

/** A survey taken to APROBADA through the API, with a sample of `tamano` drawn with seed "semilla-1" (design returned once). */
async function approvedSurvey(canal: 'CORREO' | 'TELEFONO', tamano: number, { desde, hasta }: { desde: string; hasta: string }) {
  const e = ok(
    await gql(
      server,
      CreateEncuestaDocument,
      {
        input: {
          unitId: cc,
          areaSolicitanteId: dvdArea,
          tipo: 'SATISFACCION',
          canal,
          nombre: `Encuesta ${randomBytes(3).toString('hex')}`,
          necesidad: 'Medir la satisfacción',
        },
      },
      tokens['conocer.canales'],
    ),
  ).createEncuesta;
  ok(
    await gql(
      server,
      UpdateEncuestaDocument,
      { input: { id: e.id, objetivos: 'Medir', estrategia: 'Muestra', planAccion: 'Dos semanas' } },
      tokens['conocer.canales'],
    ),
  );
  ok(await gql(server, SubmitEncuestaPlanDocument, { input: { id: e.id } }, tokens['conocer.canales']));
  ok(await gql(server, ApproveEncuestaPlanDocument, { input: { id: e.id } }, tokens['conocer.dvd']));
  ok(
    await gql(
      server,
      UpdateEncuestaDocument,
      {
        input: {
          id: e.id,
          auditorio: 'Quienes nos contactaron',
          tamanoMuestra: tamano,
          preguntas: PREGUNTAS,
          inicio: new Date().toISOString(),
        },
      },
      tokens['conocer.canales'],
    ),
  );
  const origen = [canal === 'CORREO' ? ('TICKET_CORREO' as const) : ('TICKET_LLAMADA' as const)];
  ok(
    await gql(
      server,
      AddMuestraEncuestaDocument,
      { input: { id: e.id, origen, semilla: 'semilla-1', desde, hasta } },
      tokens['conocer.canales'],
    ),
  );
  ok(await gql(server, SubmitEncuestaDisenoDocument, { input: { id: e.id } }, tokens['conocer.canales']));
  ok(
    await gql(server, ReturnEncuestaDisenoDocument, { input: { id: e.id, observaciones: 'Revise las preguntas' } }, tokens['conocer.dvd']),
  );
  ok(await gql(server, SubmitEncuestaDisenoDocument, { input: { id: e.id } }, tokens['conocer.canales']));
  expect(
    ok(await gql(server, ApproveEncuestaDisenoDocument, { input: { id: e.id } }, tokens['conocer.dvd'])).approveEncuestaDiseno.estado,
  ).toBe('APROBADA');
  return e;
}

const sampleOf = async (id: string) => {
  const node = ok(await gql(server, EncuestaDocument, { id }, tokens['conocer.canales'])).node as {
    muestra: { edges: { node: { orden: number; correo: string | null; respondidaAt: unknown } }[] };
  };
  return node.muestra.edges.map((x) => x.node);
};

describe('surveys (C.4.3)', () => {
  it('by e-mail: a reproducible sample, each link answers once and expires, the response rate is exact, and the indicator counts it', async () => {
    const win = await population(server.db, 5, 'CORREO');
    const e = await approvedSurvey('CORREO', 3, win);
    const id = decodeId(e.id);
    const drawn = await sampleOf(e.id);
    expect(drawn).toHaveLength(3);
    // The same seed over the same records draws the same people in the same order.
    await server.db.encuesta.update({ where: { id }, data: { estado: 'EN_DISENO' } });
    ok(
      await gql(
        server,
        AddMuestraEncuestaDocument,
        { input: { id: e.id, origen: ['TICKET_CORREO'], semilla: 'semilla-1', desde: win.desde, hasta: win.hasta } },
        tokens['conocer.canales'],
      ),
    );
    expect(await sampleOf(e.id)).toEqual(drawn);
    await server.db.encuesta.update({ where: { id }, data: { estado: 'APROBADA' } });

    const before = smtp.messages.length;
    ok(await gql(server, SendEncuestaDocument, { input: { id: e.id } }, tokens['conocer.canales']));
    const people = drawn.map((d) => d.correo!);
    await until('the three links', () => people.every((p) => smtp.messages.slice(before).some((m) => recipientOf(m) === p)));
    const link = (p: string) => tokenIn(smtp.messages.slice(before).find((m) => recipientOf(m) === p)!);
    const [a, b, c] = people;
    const respuestas = (v: number) => [
      { pregunta: 1, valor: v },
      { pregunta: 2, valor: 1 },
      { pregunta: 3, texto: 'Nada' },
    ];

    // A answers once; the second time the link is refused and nothing more is written.
    expect(ok(await gql(server, AnswerEncuestaDocument, { input: { token: link(a), respuestas: respuestas(5) } })).answerEncuesta).toBe(
      true,
    );
    const again = await gql(server, AnswerEncuestaDocument, { input: { token: link(a), respuestas: respuestas(1) } });
    expect(codeOf(again)).toBe('BAD_USER_INPUT');
    expect(issuesOf(again)[0].message).toBe('This link was already used');
    // B's bad answer writes nothing and leaves the link usable.
    const bad = await gql(server, AnswerEncuestaDocument, { input: { token: link(b), respuestas: respuestas(7) } });
    expect(issuesOf(bad)[0].path).toEqual(['input', 'respuestas', 0, 'valor']);
    const partial = await gql(server, AnswerEncuestaDocument, { input: { token: link(b), respuestas: respuestas(4).slice(0, 2) } });
    expect(issuesOf(partial)[0].path).toEqual(['input', 'respuestas']);
    ok(await gql(server, AnswerEncuestaDocument, { input: { token: link(b), respuestas: respuestas(4) } }));
    // C's link expired.
    await server.db.muestraEncuesta.updateMany({ where: { encuestaId: id, correo: c }, data: { venceAt: new Date(Date.now() - 1000) } });
    expect(issuesOf(await gql(server, AnswerEncuestaDocument, { input: { token: link(c), respuestas: respuestas(3) } }))[0].message).toBe(
      'This link has expired',
    );
    expect(codeOf(await gql(server, AnswerEncuestaDocument, { input: { token: 'made-up', respuestas: respuestas(3) } }))).toBe(
      'BAD_USER_INPUT',
    );
    // Answers through the link are the system's steps, audited.
    expect(
      await server.db.workflowTransition.count({ where: { recordId: id, transition: 'addRespuestaEncuesta', actorRole: 'SISTEMA' } }),
    ).toBe(2);

    const anio = new Date().getUTCFullYear();
    const base = ok(await gql(server, CalidadServicioConocerDocument, { anio }, tokens['conocer.dvd'])).calidadServicioConocer;
    const reported = ok(
      await gql(server, SubmitEncuestaReporteDocument, { input: { id: e.id } }, tokens['conocer.operador']),
    ).submitEncuestaReporte;
    expect(reported.resultados).toMatchObject({ muestra: 3, enviadas: 3, respondidas: 2 });
    expect(reported.resultados.tasaRespuesta).toBeCloseTo(2 / 3, 10);
    expect(reported.resultados.porPregunta).toEqual([
      { numero: 1, respuestas: 2, promedio: 4.5, afirmativas: 0 },
      { numero: 2, respuestas: 2, promedio: 1, afirmativas: 2 },
      { numero: 3, respuestas: 2, promedio: null, afirmativas: 0 },
    ]);
    const after = ok(await gql(server, CalidadServicioConocerDocument, { anio }, tokens['conocer.dvd'])).calidadServicioConocer;
    expect(after.encuestas).toBe(base.encuestas + 1);
    expect(after.respuestas).toBe(base.respuestas + 2);
    const sum = (base.promedio ?? 0) * base.respuestas + 9;
    expect(after.promedio).toBeCloseTo(sum / after.respuestas, 10);
    expect(after.porcentaje).toBeCloseTo(Math.round((sum / after.respuestas / 5) * 10_000) / 100, 10);
    // A viewer outside CONOCER counts none of them.
    expect(ok(await gql(server, CalidadServicioConocerDocument, { anio }, tokens['dstc'])).calidadServicioConocer.encuestas).toBe(0);
    const closed = ok(
      await gql(
        server,
        CloseEncuestaDocument,
        { input: { id: e.id, analisis: 'Satisfacción de 4.5 sobre 5.' } },
        tokens['conocer.canales'],
      ),
    ).closeEncuesta;
    expect(closed.estado).toBe('CERRADA');
  }, 60_000);

  it('by operator calls: each person answers once', async () => {
    const win = await population(server.db, 3, 'TELEFONO');
    const e = await approvedSurvey('TELEFONO', 2, win);
    ok(await gql(server, SendEncuestaDocument, { input: { id: e.id } }, tokens['conocer.canales']));
    const respuestas = [
      { pregunta: 1, valor: 3 },
      { pregunta: 2, valor: 0 },
      { pregunta: 3, texto: 'Más horarios' },
    ];
    ok(await gql(server, AddRespuestaEncuestaDocument, { input: { id: e.id, orden: 1, respuestas } }, tokens['conocer.operador']));
    const twice = await gql(
      server,
      AddRespuestaEncuestaDocument,
      { input: { id: e.id, orden: 1, respuestas } },
      tokens['conocer.operador'],
    );
    expect(issuesOf(twice)[0].message).toBe('This person of the sample already answered');
    expect(
      issuesOf(
        await gql(server, AddRespuestaEncuestaDocument, { input: { id: e.id, orden: 9, respuestas } }, tokens['conocer.operador']),
      )[0].path,
    ).toEqual(['input', 'orden']);
    expect(
      codeOf(await gql(server, AddRespuestaEncuestaDocument, { input: { id: e.id, orden: 2, respuestas } }, tokens['conocer.canales'])),
    ).toBe('FORBIDDEN');
    const r = ok(
      await gql(server, SubmitEncuestaReporteDocument, { input: { id: e.id } }, tokens['conocer.operador']),
    ).submitEncuestaReporte;
    expect(r.resultados).toMatchObject({ muestra: 2, enviadas: 0, respondidas: 1, tasaRespuesta: 0.5 });
  }, 60_000);
});
