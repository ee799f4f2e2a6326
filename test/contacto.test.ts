// CONOCER's contact centre (V-CANA-MP-02 C.4.1, C.4.5): tickets through HTTP with
// demo tokens, business days, the reports computed from the tickets, the draw
// of audios, the answer leaving over a real SMTP server, and the breach sweep
// run by two API processes on one job queue.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import {
  CloseTicketDocument,
  CreateAnalisisContactoDocument,
  CreateTicketDocument,
  ReporteCorreosDocument,
  ReporteLlamadasDocument,
  TicketDocument,
  UpdateTicketDocument,
} from '../src/generated/graphql.js';
import { BusinessCalendar } from '../src/lib/business-days.js';
import { parsePeriodo } from '../src/modules/contacto/reports.js';
import { SYSTEM_PERSON } from '../src/lib/workflow/system.js';
import { codeOf, demoTokens, gql, issuesOf, startServer, type TestServer } from './helpers.js';
import { make } from './factories.js';
import { startMailServer, type TestMailServer } from './mail.js';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { encodeGlobalID } from '@pothos/plugin-relay';

let server: TestServer;
let mail: TestMailServer;
let tokens: Record<string, string>;

beforeAll(async () => {
  mail = await startMailServer();
  // The inbound SMTP server on a free port: e-mails to the contact centre (src/modules/contacto/inbound.ts).
  server = await startServer({ SMTP_URL: mail.url, INBOUND_SMTP_PORT: '0' });
  tokens = await demoTokens(server);
});
afterAll(async () => {
  await server?.stop();
  await mail?.stop();
});

describe('business days (Mexico, date-holidays, declared closures)', () => {
  it('two business days across a weekend and an official holiday', () => {
    const cal = new BusinessCalendar();
    // Friday 13 November 2026, 10:00 in Mexico City; Monday 16 is the Día de la Revolución.
    const friday = new Date('2026-11-13T16:00:00Z');
    expect(cal.dayOff('2026-11-16')).toBe('Día de la Revolución');
    expect(cal.nthBusinessDayAfter(friday, 2)).toBe('2026-11-18');
    // End of Wednesday in Mexico City (UTC-6).
    expect(cal.deadline(friday, 2).toISOString()).toBe('2026-11-19T05:59:59.999Z');
  });

  it('a declared closure moves the deadline one more day', () => {
    const cal = new BusinessCalendar(['2026-11-17']);
    expect(cal.nthBusinessDayAfter(new Date('2026-11-13T16:00:00Z'), 2)).toBe('2026-11-19');
    expect(cal.businessDaysBetween(new Date('2026-11-13T16:00:00Z'), new Date('2026-11-20T16:00:00Z'))).toBe(3);
  });

  it('reads days, ISO weeks, months and quarters', () => {
    expect(parsePeriodo('2026-11')).toEqual({ periodo: '2026-11', desde: '2026-11-01', hasta: '2026-11-30' });
    expect(parsePeriodo('2026-W01')).toMatchObject({ desde: '2025-12-29', hasta: '2026-01-04' });
    expect(parsePeriodo('2026-T4')).toMatchObject({ desde: '2026-10-01', hasta: '2026-12-31' });
    expect(parsePeriodo('2026-02-30')).toBeNull();
    expect(parsePeriodo('noviembre')).toBeNull();
  });
});

describe('tickets', () => {
  it('an e-mail request: created, classified, answered by e-mail within its deadline', async () => {
    const correo = `persona.${randomBytes(4).toString('hex')}@example.mx`;
    const created = await gql(
      server,
      CreateTicketDocument,
      { input: { canal: 'CORREO', nombre: 'Ana Gómez', correo, asunto: 'Certificación', pregunta: '¿Cómo me certifico?' } },
      tokens['conocer.operador'],
    );
    expect(created.errors).toBeUndefined();
    const t = created.data!.createTicket;
    expect(t.folio).toMatch(/^CC-\d{6}$/);
    expect(t.estado).toBe('ABIERTO');
    expect(t.venceAt).not.toBeNull();
    // Answering an unclassified request is refused (3.2 comes before 4.1), and writes nothing.
    const early = await gql(server, CloseTicketDocument, { input: { id: t.id, respuesta: 'Hola' } }, tokens['conocer.operador']);
    expect(codeOf(early)).toBe('INVALID_TRANSITION');
    const classified = await gql(
      server,
      UpdateTicketDocument,
      { input: { id: t.id, tipoSolicitud: 'INFORMACION', tema: 'PASOS_CERTIFICACION' } },
      tokens['conocer.operador'],
    );
    expect(classified.errors).toBeUndefined();
    const closed = await gql(
      server,
      CloseTicketDocument,
      { input: { id: t.id, respuesta: 'Consulte los pasos para certificarse.' } },
      tokens['conocer.operador'],
    );
    expect(closed.errors).toBeUndefined();
    expect(closed.data!.closeTicket.estado).toBe('ATENDIDO');
    expect(closed.data!.closeTicket.sla.vencido).toBe(false);
    expect(closed.data!.closeTicket.sla.resolucionMinutos).toBe(0);
    const sent = closed.data!.closeTicket.mensajes.find((m) => !m.entrante)!;
    expect(sent.para).toBe(correo);
    // The answer arrives at the person over SMTP.
    const arrived = await mail.waitFor((m) => m.to !== undefined && JSON.stringify(m.to).includes(correo));
    expect(arrived.subject).toContain(t.folio);
    expect(arrived.text).toContain('Consulte los pasos para certificarse.');
    expect(arrived.messageId).toBe(sent.messageId);
    // An answer on an answered ticket is refused.
    const again = await gql(server, CloseTicketDocument, { input: { id: t.id, respuesta: 'Otra' } }, tokens['conocer.operador']);
    expect(codeOf(again)).toBe('INVALID_TRANSITION');
  });

  it('bad input gets a typed error and writes nothing', async () => {
    const before = await server.db.ticket.count();
    const noMail = await gql(
      server,
      CreateTicketDocument,
      { input: { canal: 'CORREO', nombre: 'Sin correo', pregunta: 'Duda' } },
      tokens['conocer.operador'],
    );
    expect(codeOf(noMail)).toBe('BAD_USER_INPUT');
    expect(issuesOf(noMail).map((i) => i.path.join('.'))).toContain('input.correo');
    const unknownType = await gql(
      server,
      CreateTicketDocument as never,
      { input: { canal: 'TELEFONO', nombre: 'X', pregunta: 'Y', tipoSolicitud: 'CHISME' } } as never,
      tokens['conocer.operador'],
    );
    expect(codeOf(unknownType)).toBe('BAD_USER_INPUT');
    expect(await server.db.ticket.count()).toBe(before);
  });

  it("the caller's data is masked for the DVD, shown to the operator", async () => {
    const t = await make.ticket(server.db, { nombre: 'Ana Gómez', correo: 'ana.gomez@example.mx' });
    const op = await gql(server, TicketDocument, { id: t.globalId }, tokens['conocer.operador']);
    const dvd = await gql(server, TicketDocument, { id: t.globalId }, tokens['conocer.dvd']);
    expect(op.data!.node).toMatchObject({ nombre: 'Ana Gómez', correo: 'ana.gomez@example.mx' });
    expect(dvd.data!.node).toMatchObject({ nombre: 'A** G****', correo: 'a********@example.mx' });
    // Outside CONOCER nobody sees it.
    expect((await gql(server, TicketDocument, { id: t.globalId }, tokens.dstc)).data!.node).toBeNull();
  });
});

describe('reports computed from the tickets', () => {
  it("the month's call and e-mail reports count exactly the data entered", async () => {
    // A month of 2099 nobody else uses (the API reports any period; factories take the dates given).
    const month = `2099-${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}`;
    const at = (day: number) => new Date(`${month}-${String(day).padStart(2, '0')}T17:00:00Z`);
    await make.ticket(server.db, { canal: 'TELEFONO', recibidoAt: at(2), duracionSegundos: 120, tema: 'CONOCER_SNC' });
    await make.ticket(server.db, { canal: 'TELEFONO', recibidoAt: at(3), duracionSegundos: 240, tema: 'CONOCER_SNC' });
    await make.ticket(server.db, { canal: 'TELEFONO', recibidoAt: at(4), duracionSegundos: 360, tema: 'RED_PRESTADORES' });
    await make.ticket(server.db, { canal: 'CORREO', recibidoAt: at(5), estado: 'ATENDIDO' });
    await make.ticket(server.db, { canal: 'CORREO', recibidoAt: at(6) });
    const calls = await gql(server, ReporteLlamadasDocument, { periodo: month }, tokens['conocer.operador']);
    expect(calls.errors).toBeUndefined();
    const r = calls.data!.reporteLlamadas;
    expect(r.totalLlamadas).toBe(3);
    expect(r.duracionPromedioSegundos).toBe(240);
    expect(r.porTema).toEqual([
      { clave: 'CONOCER_SNC', total: 2 },
      { clave: 'RED_PRESTADORES', total: 1 },
    ]);
    expect(r.porOperador).toEqual([{ operadorName: expect.any(String) as string, total: 3 }]);
    expect(Buffer.from(r.hojaCalculo, 'base64').subarray(0, 2).toString()).toBe('PK'); // an .xlsx is a zip
    const day = await gql(server, ReporteLlamadasDocument, { periodo: `${month}-03` }, tokens['conocer.operador']);
    expect(day.data!.reporteLlamadas.totalLlamadas).toBe(1);
    const mails = await gql(server, ReporteCorreosDocument, { periodo: month }, tokens['conocer.operador']);
    expect(mails.data!.reporteCorreos.totalCorreos).toBe(2);
    expect(mails.data!.reporteCorreos.correos.filter((c) => c.respuestaAt)).toHaveLength(1);
    const bad = await gql(server, ReporteLlamadasDocument, { periodo: 'ayer' }, tokens['conocer.operador']);
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
  });

  it('the five audited audios are drawn again identically from the recorded seed', async () => {
    const month = `2098-${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}`;
    for (let d = 1; d <= 8; d++) {
      await make.ticket(server.db, { canal: 'TELEFONO', recibidoAt: new Date(`${month}-${String(d).padStart(2, '0')}T17:00:00Z`) });
    }
    const made = await gql(
      server,
      CreateAnalisisContactoDocument,
      { input: { tipo: 'MENSUAL', periodo: month, semillaSorteo: 'semilla-prueba' } },
      tokens['conocer.canales'],
    );
    expect(made.errors).toBeUndefined();
    const a = made.data!.createAnalisisContacto;
    expect(a.auditorias).toHaveLength(5);
    expect(a.sorteoVerificado).toBe(true);
    expect(a.semillaSorteo).toBe('semilla-prueba');
    expect(a.graficas.temasTelefono.reduce((s, c) => s + c.total, 0)).toBe(8);
    // Tickets entered later for the month do not change the recorded draw.
    await make.ticket(server.db, { canal: 'TELEFONO', recibidoAt: new Date(`${month}-20T17:00:00Z`) });
    const again = await gql(
      server,
      `query($id: ID!) { node(id: $id) { ... on AnalisisContacto { sorteoVerificado } } }`,
      { id: a.id },
      tokens['conocer.canales'],
    );
    expect(again.data).toEqual({ node: { sorteoVerificado: true } });
  });
});

describe('e-mails to the contact centre over SMTP (C.4.5 1.1)', () => {
  const send = (message: SendMailOptions) =>
    nodemailer.createTransport({ host: '127.0.0.1', port: server.app.inboundPort!, secure: false, ignoreTLS: true }).sendMail({
      to: 'centro.contacto@conocer.gob.mx',
      ...message,
    });
  const ticketOfMessage = async (messageId: string) =>
    (await server.db.mensajeTicket.findUniqueOrThrow({ where: { messageId }, select: { ticket: true } })).ticket;
  const audit = (recordId: string) =>
    server.db.workflowTransition.findMany({
      where: { recordId },
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
      select: { transition: true, actorRole: true, comment: true, toState: true },
    });

  it('an e-mail opens a ticket; a reply threads into it; the answer leaves over SMTP; a reply to the answer reopens it', async () => {
    const correo = `remitente.${randomBytes(4).toString('hex')}@example.mx`;
    const first = await send({ from: `Luisa Pérez <${correo}>`, subject: 'Quiero certificarme', text: '¿Qué estándar me conviene?' });
    const t = await ticketOfMessage(first.messageId);
    expect(t).toMatchObject({ canal: 'CORREO', correo, nombre: 'Luisa Pérez', asunto: 'Quiero certificarme', estado: 'ABIERTO' });
    expect(t.pregunta).toBe('¿Qué estándar me conviene?');
    expect(t.venceAt).not.toBeNull();
    expect(await audit(t.id)).toEqual([
      { transition: 'createTicket', actorRole: 'SISTEMA', comment: '[job contacto.buzon]', toState: 'ABIERTO' },
    ]);

    // A second e-mail in the same thread (In-Reply-To / References) is attached to the same ticket.
    const second = await send({
      from: correo,
      subject: 'Re: Quiero certificarme',
      text: 'Trabajo en hotelería.',
      inReplyTo: first.messageId,
      references: [first.messageId],
    });
    expect((await ticketOfMessage(second.messageId)).id).toBe(t.id);

    // The operator classifies and answers: the answer arrives at the sender, threaded on the last e-mail.
    const id = encodeGlobalID('Ticket', t.id);
    const op = tokens['conocer.operador'];
    expect(
      (await gql(server, UpdateTicketDocument, { input: { id, tipoSolicitud: 'INFORMACION', tema: 'PASOS_CERTIFICACION' } }, op)).errors,
    ).toBeUndefined();
    const closed = await gql(server, CloseTicketDocument, { input: { id, respuesta: 'Le sugerimos el EC0000.' } }, op);
    expect(closed.errors).toBeUndefined();
    const answer = await mail.waitFor((m) => JSON.stringify(m.to ?? '').includes(correo));
    expect(answer.inReplyTo).toBe(second.messageId);
    expect(answer.subject).toContain(closed.data!.closeTicket.folio);

    // The person replies to the answer: the ticket is open again (receiveTicket), with a new deadline.
    const third = await send({
      from: correo,
      subject: `Re: ${answer.subject}`,
      text: 'Gracias, una duda más.',
      inReplyTo: answer.messageId,
    });
    const reopened = await ticketOfMessage(third.messageId);
    expect(reopened).toMatchObject({ id: t.id, estado: 'ABIERTO', atendidoAt: null });
    // A reply that lost its headers still threads by the folio in its subject, from the ticket's address.
    const fourth = await send({ from: correo, subject: `Otra pregunta sobre ${closed.data!.closeTicket.folio}`, text: 'Y los costos?' });
    expect((await ticketOfMessage(fourth.messageId)).id).toBe(t.id);
    // The same folio from another address opens a ticket of its own.
    const other = await send({ from: 'otra.persona@example.mx', subject: `Pregunta ${closed.data!.closeTicket.folio}`, text: 'Hola' });
    expect((await ticketOfMessage(other.messageId)).id).not.toBe(t.id);

    expect((await audit(t.id)).map((a) => `${a.transition} ${a.actorRole} ${a.toState}`)).toEqual([
      'createTicket SISTEMA ABIERTO',
      'addMensajeTicket SISTEMA ABIERTO',
      'updateTicket CONOCER_OPERADOR_CONTACTO ABIERTO',
      'closeTicket CONOCER_OPERADOR_CONTACTO ATENDIDO',
      'receiveTicket SISTEMA ABIERTO',
      'addMensajeTicket SISTEMA ABIERTO',
    ]);
    // The sender retrying the same message: stored once.
    const before = await server.db.mensajeTicket.count({ where: { ticketId: t.id } });
    await send({ from: correo, subject: 'Re: Quiero certificarme', text: 'Trabajo en hotelería.', messageId: second.messageId });
    expect(await server.db.mensajeTicket.count({ where: { ticketId: t.id } })).toBe(before);
  });

  it('a malformed e-mail (no sender in From) is quarantined whole, not lost, and opens no ticket', async () => {
    const token = randomBytes(6).toString('hex');
    const raw = `To: centro.contacto@conocer.gob.mx\r\nSubject: sin remitente ${token}\r\nMessage-ID: <${token}@example.mx>\r\n\r\nCuerpo ${token}\r\n`;
    const tickets = await server.db.ticket.count();
    await send({ envelope: { from: 'rebote@example.mx', to: 'centro.contacto@conocer.gob.mx' }, raw });
    const q = await server.db.correoCuarentena.findFirstOrThrow({
      where: { motivo: 'No sender address in From' },
      orderBy: { createdAt: 'desc' },
    });
    expect(Buffer.from(q.crudo).toString()).toContain(`Cuerpo ${token}`);
    expect(Buffer.from(q.crudo).toString()).toContain(`Subject: sin remitente ${token}`);
    expect(q.remitente).toBe('rebote@example.mx');
    expect(await server.db.ticket.count()).toBe(tickets);
    expect(await audit(q.id)).toEqual([
      { transition: 'quarantineCorreo', actorRole: 'SISTEMA', comment: '[job contacto.buzon]', toState: 'EN_CUARENTENA' },
    ]);
  });
});

describe('breach sweep on the job queue, two API processes', () => {
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const c of children) c.kill('SIGTERM');
  });

  it('a ticket open past two business days (weekend and holiday) is marked once and the Responsable notified once', async () => {
    // Received Friday 13 November 2026; due at the end of Wednesday 18 (Monday 16 is a holiday): long past.
    const t = await make.ticket(server.db, {
      canal: 'CORREO',
      recibidoAt: new Date('2026-11-13T16:00:00Z'),
      venceAt: new BusinessCalendar().deadline(new Date('2026-11-13T16:00:00Z'), 2),
    });
    const env = {
      ...process.env,
      DATABASE_URL: inject('databaseUrl'),
      JWT_SECRET: randomBytes(32).toString('base64url'),
      SMTP_URL: mail.url,
      JOBS: 'on',
      // Only the contact centre's jobs: other files' servers on the same database run theirs.
      JOBS_ONLY: 'contacto.vencimientos,contacto.aviso-vencimiento',
      JOBS_EVERY_SECONDS: '1',
      JOBS_POLL_MS: '200',
      LOG_LEVEL: 'warn',
      PORT: '0',
    };
    for (let i = 0; i < 2; i++) {
      children.push(spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env, stdio: 'ignore' }));
    }
    const deadline = Date.now() + 90_000;
    let row = await server.db.ticket.findUniqueOrThrow({ where: { id: t.id }, select: { vencidoAt: true } });
    while (!row.vencidoAt && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      row = await server.db.ticket.findUniqueOrThrow({ where: { id: t.id }, select: { vencidoAt: true } });
    }
    expect(row.vencidoAt).not.toBeNull();
    const notice = await mail.waitFor((m) => (m.subject ?? '').includes(`CC-${String(t.folio).padStart(6, '0')} vencido`), 30_000);
    expect(JSON.stringify(notice.to)).toContain('conocer.canales@demo.conalep.mx');
    // Several more sweeps by both processes: still marked once, noticed once.
    await new Promise((r) => setTimeout(r, 3000));
    const after = await server.db.ticket.findUniqueOrThrow({ where: { id: t.id }, select: { vencidoAt: true } });
    expect(after.vencidoAt).toEqual(row.vencidoAt);
    expect(mail.messages.filter((m) => m.subject === notice.subject)).toHaveLength(1);
    // Both writes are declared steps taken by the system actor, audited once each with the job that took them.
    const audit = await server.db.workflowTransition.findMany({
      where: { recordId: t.id, transition: { in: ['markTicketVencido', 'recordAvisoVencimiento'] } },
      select: { transition: true, actorRole: true, comment: true, actor: { select: { fullName: true } } },
      orderBy: { at: 'asc' },
    });
    expect(audit).toEqual([
      {
        transition: 'markTicketVencido',
        actorRole: 'SISTEMA',
        comment: '[job contacto.vencimientos]',
        actor: { fullName: SYSTEM_PERSON.fullName },
      },
      {
        transition: 'recordAvisoVencimiento',
        actorRole: 'SISTEMA',
        comment: '[job contacto.aviso-vencimiento]',
        actor: { fullName: SYSTEM_PERSON.fullName },
      },
    ]);
  }, 120_000);
});
