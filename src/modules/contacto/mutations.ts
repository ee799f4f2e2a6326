// One mutation per step of V-CANA-MP-02 C.4.1 / C.4.5 and of the analysis and
// report of results, named as the step. The engine checks role, reach and
// state and writes the audit entry; here each step only says what it writes.
import { randomBytes } from 'node:crypto';
import { builder } from '../../builder.js';
import type {
  CanalTicket,
  EstadoAnalisisContacto,
  EstadoInformeResultadosContacto,
  EstadoTicket,
  TipoAnalisisContacto,
} from '../../generated/prisma/enums.js';
import { InputChecker, type InputIssue } from '../../lib/errors.js';
import { checkText } from '../../lib/validation.js';
import type { Tx } from '../../lib/workflow/types.js';
import type { Db } from '../../lib/db/client.js';
import { creationMutation, stepArgFields, stepMutation, type StepArgs, type StepInputRef } from '../../lib/workflow/mutations.js';
import {
  CanalTicketEnum,
  EscolaridadContactoEnum,
  MedioConocimientoEnum,
  OcupacionContactoEnum,
  PercepcionPortalEnum,
  SexoContactoEnum,
  TemaContactoEnum,
  TipoAnalisisContactoEnum,
  TipoSolicitudContactoEnum,
} from './types.js';
import { analisisContactoWorkflow, cierreConocerWorkflow, informeResultadosContactoWorkflow, ticketWorkflow } from './workflow.js';
import { startOfLocalDay } from '../../lib/business-days.js';
import { conocerCalendar, DIAS_ANALISIS, DIAS_INFORME, DIAS_RESPUESTA_CORREO } from './plazos.js';
import { drawAudios, parsePeriodo } from './reports.js';
import { answerByMail, sendAnswer } from './mail.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// ---- Ticket ------------------------------------------------------------------------------------

interface Persona {
  nombre?: string | null;
  edad?: number | null;
  sexo?: 'MUJER' | 'HOMBRE' | 'NO_ESPECIFICADO' | null;
  localidad?: string | null;
  entidadFederativa?: string | null;
  ocupacion?: string | null;
  escolaridad?: string | null;
  correo?: string | null;
  tipoSolicitud?: string | null;
  tema?: string | null;
  medio?: string | null;
  percepcionPortal?: string | null;
  estandarSolicitado?: string | null;
}

/** Checks the person's data; returns the columns to write (trimmed; only the fields given). */
export function checkPersona(check: InputChecker, p: Persona): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  if (p.nombre !== undefined) {
    checkText(check, p.nombre, ['input', 'nombre'], 200);
    data.nombre = p.nombre?.trim();
  }
  if (p.edad != null) {
    check.check(Number.isInteger(p.edad) && p.edad >= 0 && p.edad <= 120, ['input', 'edad'], 'Must be an age between 0 and 120');
    data.edad = p.edad;
  }
  if (p.correo != null) {
    check.check(EMAIL.test(p.correo.trim()) && p.correo.length <= 254, ['input', 'correo'], 'Must be an e-mail address');
    data.correo = p.correo.trim().toLowerCase();
  }
  for (const k of ['localidad', 'entidadFederativa', 'estandarSolicitado'] as const) {
    if (p[k] != null) {
      check.check(p[k].trim().length > 0 && p[k].length <= 200, ['input', k], 'Must have 1 to 200 characters');
      data[k] = p[k].trim();
    }
  }
  for (const k of ['sexo', 'ocupacion', 'escolaridad', 'tipoSolicitud', 'tema', 'medio', 'percepcionPortal'] as const) {
    if (p[k] != null) data[k] = p[k];
  }
  return data;
}

const CreateTicketInput = builder.inputType('CreateTicketInput', {
  fields: (t) => ({
    canal: t.field({ type: CanalTicketEnum, required: true, description: 'TELEFONO for a call, CORREO for an e-mail.' }),
    nombre: t.string({ required: true, description: "The person's name (2.1)." }),
    edad: t.int({ required: false, description: "The person's age (0-120)." }),
    sexo: t.field({ type: SexoContactoEnum, required: false, description: "The person's sex, as they give it." }),
    localidad: t.string({ required: false, description: 'The locality the person is in.' }),
    entidadFederativa: t.string({ required: false, description: 'The federal entity the person is in.' }),
    ocupacion: t.field({ type: OcupacionContactoEnum, required: false, description: "The person's occupation." }),
    escolaridad: t.field({ type: EscolaridadContactoEnum, required: false, description: "The person's schooling." }),
    correo: t.string({ required: false, description: "The person's e-mail; required for an e-mail request (the answer goes there)." }),
    tipoSolicitud: t.field({
      type: TipoSolicitudContactoEnum,
      required: false,
      description: 'Step 3.2; may be set later with updateTicket.',
    }),
    tema: t.field({ type: TemaContactoEnum, required: false, description: 'The topic of the request.' }),
    medio: t.field({ type: MedioConocimientoEnum, required: false, description: 'How the person heard of CONOCER.' }),
    percepcionPortal: t.field({ type: PercepcionPortalEnum, required: false, description: "The person's perception of the portal." }),
    estandarSolicitado: t.string({ required: false, description: 'A competence standard the person asks to be developed.' }),
    asunto: t.string({ required: false, description: "The e-mail's subject." }),
    pregunta: t.string({ required: true, description: 'The request (3.1).' }),
    duracionSegundos: t.int({ required: false, description: 'Length of the call, in seconds.' }),
    recibidoAt: t.field({ type: 'DateTime', required: false, description: 'When it was received; default now. Not in the future.' }),
    unitId: t.globalID({ required: false, description: 'The contact centre; defaults to the unit where you hold the operator role.' }),
    observaciones: t.string({ required: false }),
  }),
});

creationMutation(ticketWorkflow, 'createTicket', {
  input: CreateTicketInput,
  plan: (input, ctx) => ({
    unitId: input.unitId?.id,
    unitIdPath: ['input', 'unitId'],
    comment: input.observaciones,
    validate: () => {
      const check = new InputChecker();
      checkPersona(check, input);
      checkText(check, input.pregunta, ['input', 'pregunta'], 20_000);
      check.check(input.canal !== 'CORREO' || !!input.correo, ['input', 'correo'], 'An e-mail request needs the address to answer to');
      check.check(
        input.duracionSegundos == null || (input.duracionSegundos >= 0 && input.duracionSegundos <= 86_400),
        ['input', 'duracionSegundos'],
        'Must be between 0 and 86400 seconds',
      );
      check.check(
        !input.recibidoAt || input.recibidoAt.getTime() <= Date.now() + 60_000,
        ['input', 'recibidoAt'],
        'Cannot be in the future',
      );
      return check.issues;
    },
    create: async (tx, { unit }) => {
      const recibidoAt = input.recibidoAt ?? new Date();
      const venceAt = input.canal === 'CORREO' ? (await conocerCalendar(tx)).deadline(recibidoAt, DIAS_RESPUESTA_CORREO) : null;
      return createTicketRow(tx, {
        ...checkPersona(new InputChecker(), input),
        canal: input.canal,
        asunto: input.asunto?.trim() || null,
        pregunta: input.pregunta.trim(),
        duracionSegundos: input.duracionSegundos ?? null,
        recibidoAt,
        venceAt,
        unitId: unit.id,
        createdById: ctx.viewer!.personId,
        operadorId: ctx.viewer!.personId,
      });
    },
  }),
});

/** Writes a ticket row (the API and the mailbox both go through createTicket); returns what the audit records. */
export async function createTicketRow(tx: Tx, data: Record<string, unknown> & { canal: CanalTicket; unitId: string; createdById: string }) {
  const row = await tx.ticket.create({ data: data as never, select: { id: true, folio: true, venceAt: true } });
  return { id: row.id, changes: { folio: row.folio, canal: data.canal, venceAt: row.venceAt } };
}

const UpdateTicketInput = builder.inputType('UpdateTicketInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    nombre: t.string({ required: false }),
    edad: t.int({ required: false, description: "The person's age (0-120)." }),
    sexo: t.field({ type: SexoContactoEnum, required: false, description: "The person's sex, as they give it." }),
    localidad: t.string({ required: false, description: 'The locality the person is in.' }),
    entidadFederativa: t.string({ required: false, description: 'The federal entity the person is in.' }),
    ocupacion: t.field({ type: OcupacionContactoEnum, required: false, description: "The person's occupation." }),
    escolaridad: t.field({ type: EscolaridadContactoEnum, required: false, description: "The person's schooling." }),
    correo: t.string({ required: false, description: "The person's e-mail." }),
    tipoSolicitud: t.field({ type: TipoSolicitudContactoEnum, required: false, description: 'Step 3.2 / C.4.5 2.1.' }),
    tema: t.field({ type: TemaContactoEnum, required: false, description: 'The topic of the request.' }),
    medio: t.field({ type: MedioConocimientoEnum, required: false, description: 'How the person heard of CONOCER.' }),
    percepcionPortal: t.field({ type: PercepcionPortalEnum, required: false, description: "The person's perception of the portal." }),
    estandarSolicitado: t.string({ required: false, description: 'A competence standard the person asks to be developed.' }),
  }),
});
stepMutation<EstadoTicket, keyof typeof ticketWorkflow.steps, StepArgs & Persona>(ticketWorkflow, 'updateTicket', {
  input: UpdateTicketInput,
  plan: (input) => {
    const check = new InputChecker();
    const data = checkPersona(check, { ...input, nombre: input.nombre ?? undefined });
    return {
      validate: () => [
        ...check.issues,
        ...(Object.keys(data).length ? [] : [{ path: ['input'], message: 'Give at least one field to change' }]),
      ],
      data,
    };
  },
});

const AddMensajeInput = builder.inputType('AddMensajeTicketInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    de: t.string({ required: true, description: 'The sender.' }),
    asunto: t.string({ required: true }),
    texto: t.string({ required: true }),
    messageId: t.string({ required: true, description: 'The Message-ID header of the e-mail.' }),
    inReplyTo: t.string({ required: false, description: 'Its In-Reply-To header.' }),
  }),
});
export interface MensajeArgs {
  de: string;
  asunto: string;
  texto: string;
  messageId: string;
  inReplyTo?: string | null;
}
/** An e-mail of the person attached to a ticket (addMensajeTicket, receiveTicket; also from the mailbox, src/modules/contacto/inbound.ts). */
export const mensajePlan = (input: MensajeArgs) => ({
  validate: async (tx: Tx): Promise<InputIssue[]> => {
    const check = checkText(new InputChecker(), input.texto, ['input', 'texto'], 100_000);
    checkText(check, input.messageId, ['input', 'messageId'], 998);
    if (!check.issues.length && (await tx.mensajeTicket.count({ where: { messageId: input.messageId.trim() } }))) {
      check.check(false, ['input', 'messageId'], 'This e-mail is already recorded');
    }
    return check.issues;
  },
  effects: async (tx: Tx, record: { id: string }) => {
    const m = await tx.mensajeTicket.create({
      data: {
        ticketId: record.id,
        entrante: true,
        messageId: input.messageId.trim(),
        inReplyTo: input.inReplyTo ?? null,
        de: input.de,
        para: '',
        asunto: input.asunto,
        texto: input.texto,
      },
      select: { id: true },
    });
    return { mensajeTicketId: m.id, messageId: input.messageId.trim() };
  },
});
stepMutation<EstadoTicket, keyof typeof ticketWorkflow.steps, StepArgs & MensajeArgs>(ticketWorkflow, 'addMensajeTicket', {
  input: AddMensajeInput,
  plan: (input) => mensajePlan(input),
});

const ReceiveTicketInput = builder.inputType('ReceiveTicketInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    de: t.string({ required: true, description: 'The sender.' }),
    asunto: t.string({ required: true }),
    texto: t.string({ required: true }),
    messageId: t.string({ required: true, description: 'The Message-ID header of the reply.' }),
    inReplyTo: t.string({ required: false, description: 'Its In-Reply-To header.' }),
  }),
});
stepMutation<EstadoTicket, keyof typeof ticketWorkflow.steps, StepArgs & MensajeArgs>(ticketWorkflow, 'receiveTicket', {
  input: ReceiveTicketInput,
  plan: (input, ctx) => reopenPlan(ctx.db, input),
});

/** The person's reply reopens the answered ticket with a new two-business-day deadline (receiveTicket; also from the mailbox). */
export async function reopenPlan(db: Db, input: MensajeArgs) {
  const m = mensajePlan(input);
  const now = new Date();
  return {
    ...m,
    data: { venceAt: (await conocerCalendar(db)).deadline(now, DIAS_RESPUESTA_CORREO), vencidoAt: null, atendidoAt: null },
  };
}

const SendTicketInput = builder.inputType('SendTicketInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    especialistaContacto: t.string({
      required: true,
      description: 'The specialist the person is referred to (name, e-mail or telephone; C.4.1 5.1).',
    }),
  }),
});
stepMutation<EstadoTicket, keyof typeof ticketWorkflow.steps, StepArgs & { especialistaContacto: string }>(ticketWorkflow, 'sendTicket', {
  input: SendTicketInput,
  plan: (input) => ({
    validate: () => checkText(new InputChecker(), input.especialistaContacto, ['input', 'especialistaContacto'], 500).issues,
    data: { especialistaContacto: input.especialistaContacto.trim() },
    // For a call, giving the specialist's data is the first response (5.1).
    effects: async (tx, record) => {
      await tx.ticket.updateMany({
        where: { id: record.id, canal: 'TELEFONO', primeraRespuestaAt: null },
        data: { primeraRespuestaAt: new Date() },
      });
    },
  }),
});

const AddApoyoInput = builder.inputType('AddApoyoTicketInput', {
  fields: (t) => ({ ...stepArgFields(t), texto: t.string({ required: true, description: 'The information for the operator.' }) }),
});
stepMutation<EstadoTicket, keyof typeof ticketWorkflow.steps, StepArgs & { texto: string }>(ticketWorkflow, 'addApoyoTicket', {
  input: AddApoyoInput,
  plan: (input, ctx) => ({
    validate: () => checkText(new InputChecker(), input.texto, ['input', 'texto'], 20_000).issues,
    effects: async (tx, record, actor) => {
      const a = await tx.apoyoTicket.create({
        data: { ticketId: record.id, personId: ctx.viewer!.personId, role: actor.role, texto: input.texto.trim() },
        select: { id: true },
      });
      return { apoyoTicketId: a.id };
    },
  }),
});

const CloseTicketInput = builder.inputType('CloseTicketInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    respuesta: t.string({ required: true, description: 'The answer; for an e-mail, the text sent to the person.' }),
  }),
});
stepMutation<EstadoTicket, keyof typeof ticketWorkflow.steps, StepArgs & { respuesta: string }>(ticketWorkflow, 'closeTicket', {
  input: CloseTicketInput,
  plan: (input, ctx) => {
    const now = new Date();
    return {
      validate: () => checkText(new InputChecker(), input.respuesta, ['input', 'respuesta'], 100_000).issues,
      data: { respuesta: input.respuesta.trim(), atendidoAt: now },
      effects: async (tx, record) => {
        await tx.ticket.updateMany({ where: { id: record.id, primeraRespuestaAt: null }, data: { primeraRespuestaAt: now } });
        await tx.ticket.updateMany({ where: { id: record.id, operadorId: null }, data: { operadorId: ctx.viewer!.personId } });
        return answerByMail(tx, ctx, record.id, input.respuesta.trim());
      },
      afterCommit: (result) => sendAnswer(ctx, result.changes),
    };
  },
});

// ---- CierreConocer -----------------------------------------------------------------------------

const CreateCierreInput = builder.inputType('CreateCierreConocerInput', {
  fields: (t) => ({
    fecha: t.string({ required: true, description: 'The closed day, YYYY-MM-DD.' }),
    motivo: t.string({ required: true }),
    unitId: t.globalID({ required: false, description: 'Defaults to the unit where you hold the DVD role.' }),
  }),
});
creationMutation(cierreConocerWorkflow, 'createCierreConocer', {
  input: CreateCierreInput,
  plan: (input, ctx) => ({
    unitId: input.unitId?.id,
    unitIdPath: ['input', 'unitId'],
    validate: async (tx) => {
      const check = checkText(new InputChecker(), input.motivo, ['input', 'motivo'], 500);
      const ok = parsePeriodo(input.fecha)?.desde === input.fecha && input.fecha.length === 10;
      check.check(ok, ['input', 'fecha'], 'Must be a day, YYYY-MM-DD');
      if (ok && (await tx.cierreConocer.count({ where: { fecha: new Date(`${input.fecha}T00:00:00Z`) } }))) {
        check.check(false, ['input', 'fecha'], 'This day is already declared closed');
      }
      return check.issues;
    },
    create: async (tx, { unit }) => {
      const data = { fecha: input.fecha, motivo: input.motivo.trim() };
      const { id } = await tx.cierreConocer.create({
        data: { fecha: new Date(`${input.fecha}T00:00:00Z`), motivo: data.motivo, unitId: unit.id, createdById: ctx.viewer!.personId },
        select: { id: true },
      });
      // Open e-mail tickets whose answer window holds the closed day get their deadline again.
      const calendar = await conocerCalendar(tx);
      const day = startOfLocalDay(input.fecha);
      const open = await tx.ticket.findMany({
        where: { estado: { not: 'ATENDIDO' }, vencidoAt: null, venceAt: { gte: day }, recibidoAt: { lt: day } },
        select: { id: true, recibidoAt: true },
      });
      for (const t of open)
        await tx.ticket.update({ where: { id: t.id }, data: { venceAt: calendar.deadline(t.recibidoAt, DIAS_RESPUESTA_CORREO) } });
      return { id, changes: { ...data, plazosRecalculados: open.length } };
    },
  }),
});

// ---- AnalisisContacto ----------------------------------------------------------------------------

const CreateAnalisisInput = builder.inputType('CreateAnalisisContactoInput', {
  fields: (t) => ({
    tipo: t.field({ type: TipoAnalisisContactoEnum, required: true }),
    periodo: t.string({ required: true, description: 'YYYY-MM for MENSUAL, YYYY-Tn for TRIMESTRAL.' }),
    reporteRecibidoAt: t.field({
      type: 'DateTime',
      required: false,
      description: "When the contact centre's reports were received; default now.",
    }),
    semillaSorteo: t.string({
      required: false,
      description: 'Seed of the draw of the five audios; default a random one (recorded either way).',
    }),
    unitId: t.globalID({ required: false, description: 'Defaults to the unit where you hold the Responsable de Canales role.' }),
  }),
});
creationMutation(analisisContactoWorkflow, 'createAnalisisContacto', {
  input: CreateAnalisisInput,
  plan: (input, ctx) => {
    const p = parsePeriodo(input.periodo);
    const tipo: TipoAnalisisContacto = input.tipo;
    const shapeOk = p && (tipo === 'MENSUAL' ? /^\d{4}-\d{2}$/ : /^\d{4}-T[1-4]$/).test(p.periodo);
    return {
      unitId: input.unitId?.id,
      unitIdPath: ['input', 'unitId'],
      validate: async (tx, { unit }) => {
        const check = new InputChecker().check(
          !!shapeOk,
          ['input', 'periodo'],
          tipo === 'MENSUAL' ? 'Must be a month, YYYY-MM' : 'Must be a quarter, YYYY-Tn',
        );
        check.check(
          !input.semillaSorteo || (input.semillaSorteo.trim().length > 0 && input.semillaSorteo.length <= 200),
          ['input', 'semillaSorteo'],
          'Must have 1 to 200 characters',
        );
        if (shapeOk && (await tx.analisisContacto.count({ where: { unitId: unit.id, tipo, periodo: p.periodo } }))) {
          check.check(false, ['input', 'periodo'], 'This unit already has an analysis for this period');
        }
        return check.issues;
      },
      create: async (tx, { unit }) => {
        const reporteRecibidoAt = input.reporteRecibidoAt ?? new Date();
        const semillaSorteo = input.semillaSorteo?.trim() || randomBytes(12).toString('hex');
        const desde = new Date(`${p!.desde}T00:00:00Z`);
        const hasta = new Date(`${p!.hasta}T00:00:00Z`);
        const venceAt = (await conocerCalendar(tx)).deadline(reporteRecibidoAt, DIAS_ANALISIS);
        const a = await tx.analisisContacto.create({
          data: {
            tipo,
            periodo: p!.periodo,
            desde,
            hasta,
            reporteRecibidoAt,
            venceAt,
            semillaSorteo,
            unitId: unit.id,
            createdById: ctx.viewer!.personId,
          },
          select: { id: true, createdAt: true },
        });
        const drawn = tipo === 'MENSUAL' ? await drawAudios(tx, { semillaSorteo, createdAt: a.createdAt, unit, desde, hasta }) : [];
        await tx.auditoriaAudio.createMany({ data: drawn.map((ticketId, i) => ({ analisisContactoId: a.id, ticketId, orden: i + 1 })) });
        return { id: a.id, changes: { tipo, periodo: p!.periodo, semillaSorteo, venceAt, audios: drawn } };
      },
    };
  },
});

const AuditoriaInput = builder.inputType('AuditoriaAudioInput', {
  fields: (t) => ({
    orden: t.int({ required: true, description: 'Which drawn audio (1 to 5).' }),
    comentarios: t.string({ required: true, description: 'Comments, observations and suggestions on what was heard.' }),
  }),
});
const UpdateAnalisisInput = builder.inputType('UpdateAnalisisContactoInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    comentarios: t.string({ required: false, description: 'Comments and suggestions on the charts (8.1).' }),
    estandaresSolicitados: t.stringList({
      required: false,
      description: 'The competence standards users ask to be developed (replaces the list).',
    }),
    auditorias: t.field({ type: [AuditoriaInput], required: false, description: 'Comments on audited audios (8.2).' }),
  }),
});
interface UpdateAnalisisArgs {
  comentarios?: string | null;
  estandaresSolicitados?: string[] | null;
  auditorias?: { orden: number; comentarios: string }[] | null;
}
stepMutation<EstadoAnalisisContacto, keyof typeof analisisContactoWorkflow.steps, StepArgs & UpdateAnalisisArgs>(
  analisisContactoWorkflow,
  'updateAnalisisContacto',
  {
    input: UpdateAnalisisInput,
    plan: (input) => {
      const data: Record<string, unknown> = {};
      if (input.comentarios != null) data.comentarios = input.comentarios.trim();
      if (input.estandaresSolicitados != null)
        data.estandaresSolicitados = input.estandaresSolicitados.map((s) => s.trim()).filter(Boolean);
      return {
        validate: async (tx, record) => {
          const check = new InputChecker();
          if (input.comentarios != null) checkText(check, input.comentarios, ['input', 'comentarios'], 20_000);
          const drawn = new Set(
            (await tx.auditoriaAudio.findMany({ where: { analisisContactoId: record.id }, select: { orden: true } })).map((a) => a.orden),
          );
          (input.auditorias ?? []).forEach((a, i) => {
            check.check(drawn.has(a.orden), ['input', 'auditorias', i, 'orden'], 'No audio was drawn with this number');
            checkText(check, a.comentarios, ['input', 'auditorias', i, 'comentarios'], 5000);
          });
          return check.issues;
        },
        data,
        effects: async (tx, record) => {
          for (const a of input.auditorias ?? []) {
            await tx.auditoriaAudio.update({
              where: { analisisContactoId_orden: { analisisContactoId: record.id, orden: a.orden } },
              data: { comentarios: a.comentarios.trim() },
            });
          }
          return input.auditorias?.length ? { auditorias: input.auditorias } : {};
        },
      };
    },
  },
);
stepMutation(analisisContactoWorkflow, 'submitAnalisisContacto', { plan: () => ({ data: { enviadoAt: new Date() } }) });
stepMutation(analisisContactoWorkflow, 'receiveAnalisisContacto', { plan: () => ({ data: { recibidoAt: new Date() } }) });

// ---- InformeResultadosContacto ------------------------------------------------------------------------

const CreateInformeInput = builder.inputType('CreateInformeResultadosContactoInput', {
  fields: (t) => ({
    analisisContactoId: t.globalID({ required: true, description: 'The analysis received (RECIBIDO).' }),
    resultados: t.string({ required: true, description: 'The results of the analysis (9.3).' }),
    brechas: t.string({ required: true, description: 'The gaps found (9.3).' }),
    areasOportunidad: t.string({ required: true, description: 'In the telephone service and in the daily operation of CONOCER (9.2).' }),
  }),
});
creationMutation(informeResultadosContactoWorkflow, 'createInformeResultadosContacto', {
  input: CreateInformeInput,
  plan: (input, ctx) => ({
    underId: input.analisisContactoId.id,
    underIdPath: ['input', 'analisisContactoId'],
    validate: async (tx, { under }) => {
      const check = new InputChecker();
      for (const k of ['resultados', 'brechas', 'areasOportunidad'] as const) checkText(check, input[k], ['input', k], 20_000);
      if (!check.issues.length && (await tx.informeResultadosContacto.count({ where: { analisisContactoId: under!.id } }))) {
        check.check(false, ['input', 'analisisContactoId'], 'This analysis already has its report of results');
      }
      return check.issues;
    },
    create: async (tx, { unit, under }) => {
      const a = await tx.analisisContacto.findUniqueOrThrow({ where: { id: under!.id }, select: { recibidoAt: true } });
      const venceAt = (await conocerCalendar(tx)).deadline(a.recibidoAt ?? new Date(), DIAS_INFORME);
      const data = { resultados: input.resultados.trim(), brechas: input.brechas.trim(), areasOportunidad: input.areasOportunidad.trim() };
      const { id } = await tx.informeResultadosContacto.create({
        data: { ...data, venceAt, analisisContactoId: under!.id, unitId: unit.id, createdById: ctx.viewer!.personId },
        select: { id: true },
      });
      return { id, changes: { ...data, venceAt } };
    },
  }),
});

/** A step on the report of results that writes one text (and, for some, when it happened): 9.4-9.5 and 10.1. */
function informeTextStep(
  name: 'publishInformeResultadosContacto' | 'updateInformeResultadosContacto' | 'closeInformeResultadosContacto',
  inputName: string,
  field: 'instrucciones' | 'seguimiento',
  description: string,
  stamp?: 'presentadoAt' | 'cerradoAt',
) {
  // The input's one field is named as the column it writes.
  const input = builder.inputType(inputName, {
    fields: (t) => ({ ...stepArgFields(t), [field]: t.string({ required: true, description }) }),
  }) as unknown as StepInputRef<StepArgs & Record<typeof field, string>>;
  stepMutation<
    EstadoInformeResultadosContacto,
    keyof typeof informeResultadosContactoWorkflow.steps,
    StepArgs & Record<typeof field, string>
  >(informeResultadosContactoWorkflow, name, {
    input,
    plan: (i) => ({
      validate: () => checkText(new InputChecker(), i[field], ['input', field], 20_000).issues,
      data: { [field]: i[field].trim(), ...(stamp ? { [stamp]: new Date() } : {}) },
    }),
  });
}
informeTextStep(
  'publishInformeResultadosContacto',
  'PublishInformeResultadosContactoInput',
  'instrucciones',
  'Instructions for the agreed improvement actions (9.5).',
  'presentadoAt',
);
informeTextStep(
  'updateInformeResultadosContacto',
  'UpdateInformeResultadosContactoInput',
  'seguimiento',
  'The follow-up of the improvement actions so far.',
);
informeTextStep(
  'closeInformeResultadosContacto',
  'CloseInformeResultadosContactoInput',
  'seguimiento',
  'The result of the improvement actions implemented.',
  'cerradoAt',
);
