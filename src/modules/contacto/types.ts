// GraphQL types and root lists of the contact centre (V-CANA-MP-02 C.4.1, C.4.5).
import DataLoader from 'dataloader';
import { builder } from '../../builder.js';
import type { Prisma } from '../../generated/prisma/client.js';
import {
  CanalTicket,
  EscolaridadContacto,
  EstadoAnalisisContacto,
  EstadoInformeResultadosContacto,
  EstadoTicket,
  MedioConocimiento,
  OcupacionContacto,
  PercepcionPortal,
  SexoContacto,
  TemaContacto,
  TipoAnalisisContacto,
  TipoSolicitudContacto,
} from '../../generated/prisma/enums.js';
import { count, findMany } from '../../lib/db/read.js';
import type { Db } from '../../lib/db/client.js';
import { listWhere, orderInput, unitFilter } from '../../lib/pagination.js';
import { workflowRecordFields } from '../../lib/workflow/fields.js';
import { RoleEnum } from '../organisation/types.js';
import {
  maskEmail,
  maskText,
  readableAnalisisContacto,
  readableCierresConocer,
  readableCorreosCuarentena,
  readableInformesResultadosContacto,
  readableTickets,
  seesCallerData,
} from './rules.js';
import {
  analisisContactoWorkflow,
  cierreConocerWorkflow,
  correoCuarentenaWorkflow,
  informeResultadosContactoWorkflow,
  ticketWorkflow,
} from './workflow.js';
import { chartsOfMany, drawAudiosMany, type Charts, type ChartsOf, type DrawOf } from './reports.js';

export const CanalTicketEnum = builder.enumType(CanalTicket, { name: 'CanalTicket', description: 'A call (C.4.1) or an e-mail (C.4.5).' });
export const EstadoTicketEnum = builder.enumType(EstadoTicket, {
  name: 'EstadoTicket',
  description: 'ABIERTO: received; CANALIZADO: handed to the Responsable de Canales and a specialist; ATENDIDO: answered.',
});
export const TipoSolicitudContactoEnum = builder.enumType(TipoSolicitudContacto, {
  name: 'TipoSolicitudContacto',
  description: 'The five request types of C.4.1 step 3.2: information, support of training programmes, clarifications, complaints, others.',
});
export const TemaContactoEnum = builder.enumType(TemaContacto, {
  name: 'TemaContacto',
  description: 'Topic of the request, as the monthly analysis charts it (C.4.1 step 8.1).',
});
export const MedioConocimientoEnum = builder.enumType(MedioConocimiento, {
  name: 'MedioConocimiento',
  description: 'How the person heard of CONOCER (C.4.1 step 8.1).',
});
export const PercepcionPortalEnum = builder.enumType(PercepcionPortal, {
  name: 'PercepcionPortal',
  description: 'How friendly the person found the CONOCER portal (C.4.1 step 8.1).',
});
export const OcupacionContactoEnum = builder.enumType(OcupacionContacto, {
  name: 'OcupacionContacto',
  description: 'Occupation of the person.',
});
export const EscolaridadContactoEnum = builder.enumType(EscolaridadContacto, {
  name: 'EscolaridadContacto',
  description: 'Schooling of the person.',
});
export const SexoContactoEnum = builder.enumType(SexoContacto, { name: 'SexoContacto', description: 'Sex of the person.' });
export const TipoAnalisisContactoEnum = builder.enumType(TipoAnalisisContacto, {
  name: 'TipoAnalisisContacto',
  description: 'MENSUAL (C.4.1 8.1, C.4.5 7.1) or TRIMESTRAL (profile changes, C.4.1 8.3).',
});
export const EstadoAnalisisContactoEnum = builder.enumType(EstadoAnalisisContacto, {
  name: 'EstadoAnalisisContacto',
  description: 'EN_ELABORACION by the Responsable de Canales, ENVIADO to the DVD, RECIBIDO by it.',
});
export const EstadoInformeResultadosContactoEnum = builder.enumType(EstadoInformeResultadosContacto, {
  name: 'EstadoInformeResultadosContacto',
  description: 'ELABORADO by the DVD, PRESENTADO to the areas with instructions, CERRADO when the improvement actions are implemented.',
});

/** "CC-000042": the folio of a ticket. */
export const folioText = (n: number) => `CC-${String(n).padStart(6, '0')}`;

interface SlaRow {
  id: string;
  primera: number | null;
  resolucion: number | null;
  vencido: boolean;
}
/** A ticket's SLA figures, computed by PostgreSQL for a page of tickets in one statement (a call has no deadline: not breached). */
const createSlaLoader = (db: Db) =>
  new DataLoader<string, SlaRow | null>(async (ids) => {
    const rows = await db.$queryRaw<SlaRow[]>`
      SELECT id::text,
             (EXTRACT(EPOCH FROM ("primeraRespuestaAt" - "recibidoAt")) / 60)::int AS primera,
             (EXTRACT(EPOCH FROM ("atendidoAt" - "recibidoAt")) / 60)::int AS resolucion,
             coalesce("vencidoAt" IS NOT NULL OR ("venceAt" < now() AND estado <> 'ATENDIDO'), false) AS vencido
      FROM "Ticket" WHERE id = ANY(${[...ids]}::uuid[])`;
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });

const SlaTicket = builder.objectRef<SlaRow>('SlaTicket').implement({
  description: "A ticket's service figures, like a helpdesk's (computed in SQL).",
  fields: (t) => ({
    primeraRespuestaMinutos: t.int({
      nullable: true,
      description: 'Minutes from receipt to the first response (an answer, or the specialist referred to); null before.',
      resolve: (s) => s.primera,
    }),
    resolucionMinutos: t.int({
      nullable: true,
      description: 'Minutes from receipt to the answer; null while open.',
      resolve: (s) => s.resolucion,
    }),
    vencido: t.boolean({
      description: 'Whether the deadline passed before the answer (marked by the scheduler, or due now and still open).',
      resolve: (s) => s.vencido,
    }),
  }),
});

const callerField = <K extends 'nombre' | 'localidad'>(field: K) => ({
  select: { [field]: true, unit: { select: { path: true } } } as { [P in K]: true } & { unit: { select: { path: true } } },
});

export const TicketRef = builder.prismaNode('Ticket', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableTickets(ctx.viewer)] }),
  description:
    "A request of the public to CONOCER's contact centre: a call (C.4.1) or an e-mail (C.4.5), with its folio. The person's name, age, locality and e-mail are masked for roles that do not handle requests. Kept indefinitely (§7).",
  fields: (t) => ({
    folio: t.string({ description: 'The folio, e.g. CC-000042.', select: { folio: true }, resolve: (x) => folioText(x.folio) }),
    canal: t.expose('canal', { type: CanalTicketEnum }),
    estado: t.expose('estado', { type: EstadoTicketEnum }),
    nombre: t.string({
      ...callerField('nombre'),
      description: "The person's name (masked for roles that do not handle requests).",
      resolve: (x, _a, ctx) => (seesCallerData(ctx.viewer, x.unit.path) ? x.nombre : maskText(x.nombre)),
    }),
    edad: t.int({
      nullable: true,
      description: 'Age (null when masked).',
      select: { edad: true, unit: { select: { path: true } } },
      resolve: (x, _a, ctx) => (seesCallerData(ctx.viewer, x.unit.path) ? x.edad : null),
    }),
    sexo: t.expose('sexo', { type: SexoContactoEnum, nullable: true, description: "The person's sex, as they gave it (charted)." }),
    localidad: t.string({
      nullable: true,
      ...callerField('localidad'),
      description: 'Locality (masked for roles that do not handle requests).',
      resolve: (x, _a, ctx) => (x.localidad && !seesCallerData(ctx.viewer, x.unit.path) ? maskText(x.localidad) : x.localidad),
    }),
    entidadFederativa: t.exposeString('entidadFederativa', {
      nullable: true,
      description: 'The federal entity the person is in (charted).',
    }),
    ocupacion: t.expose('ocupacion', { type: OcupacionContactoEnum, nullable: true, description: "The person's occupation (charted)." }),
    escolaridad: t.expose('escolaridad', {
      type: EscolaridadContactoEnum,
      nullable: true,
      description: "The person's schooling (charted).",
    }),
    correo: t.string({
      nullable: true,
      description: "The person's e-mail (masked for roles that do not handle requests).",
      select: { correo: true, unit: { select: { path: true } } },
      resolve: (x, _a, ctx) => (x.correo && !seesCallerData(ctx.viewer, x.unit.path) ? maskEmail(x.correo) : x.correo),
    }),
    tipoSolicitud: t.expose('tipoSolicitud', {
      type: TipoSolicitudContactoEnum,
      nullable: true,
      description: 'Step 3.2; null until classified.',
    }),
    tema: t.expose('tema', {
      type: TemaContactoEnum,
      nullable: true,
      description: 'The topic of the request (C.4.1 8.1 charts); null until classified.',
    }),
    medio: t.expose('medio', { type: MedioConocimientoEnum, nullable: true, description: 'How the person heard of CONOCER (charted).' }),
    percepcionPortal: t.expose('percepcionPortal', {
      type: PercepcionPortalEnum,
      nullable: true,
      description: "The person's perception of CONOCER's portal (charted).",
    }),
    estandarSolicitado: t.exposeString('estandarSolicitado', {
      nullable: true,
      description: 'A competence standard the person asks CONOCER to develop.',
    }),
    asunto: t.exposeString('asunto', { nullable: true, description: "The e-mail's subject." }),
    pregunta: t.exposeString('pregunta', { description: 'The request, as received.' }),
    respuesta: t.exposeString('respuesta', { nullable: true, description: 'The answer given (step 4.1).' }),
    especialistaContacto: t.exposeString('especialistaContacto', {
      nullable: true,
      description: 'The specialist the person was referred to (C.4.1 step 5.1).',
    }),
    duracionSegundos: t.exposeInt('duracionSegundos', { nullable: true, description: 'Length of the call.' }),
    recibidoAt: t.expose('recibidoAt', { type: 'DateTime' }),
    primeraRespuestaAt: t.expose('primeraRespuestaAt', { type: 'DateTime', nullable: true }),
    atendidoAt: t.expose('atendidoAt', { type: 'DateTime', nullable: true }),
    venceAt: t.expose('venceAt', {
      type: 'DateTime',
      nullable: true,
      description: "Deadline of an e-mail's answer: end of the second business day after receipt (C.4.5 4.1); null for calls.",
    }),
    vencidoAt: t.expose('vencidoAt', { type: 'DateTime', nullable: true, description: 'When the scheduler found the deadline passed.' }),
    sla: t.field({
      type: SlaTicket,
      description: 'First response, resolution and breach.',
      resolve: async (x, _a, ctx) => (await ctx.loader(createSlaLoader).load(x.id))!,
    }),
    operadorName: t.string({
      nullable: true,
      description: 'The operator who took the call or answered the e-mail.',
      select: { operador: { select: { fullName: true } } },
      resolve: (x) => x.operador?.fullName ?? null,
    }),
    mensajes: t.relation('mensajes', {
      description: 'The e-mails of the ticket, received and sent, oldest first.',
      query: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
    }),
    apoyos: t.relation('apoyos', {
      description: 'Information given by the Responsable or specialists (C.4.5 3.2), oldest first.',
      query: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
    }),
    unit: t.relation('unit', { description: 'The contact centre.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});
workflowRecordFields(ticketWorkflow);

builder.prismaObject('MensajeTicket', {
  description: 'An e-mail of a ticket.',
  fields: (t) => ({
    id: t.exposeID('id'),
    entrante: t.exposeBoolean('entrante', { description: 'True: received from the person; false: sent by the contact centre.' }),
    messageId: t.exposeString('messageId', { description: 'The Message-ID header.' }),
    de: t.exposeString('de', { description: 'The sender (From).' }),
    para: t.exposeString('para', { description: 'The addressee (To); empty for a received e-mail.' }),
    asunto: t.exposeString('asunto'),
    texto: t.exposeString('texto'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.prismaObject('ApoyoTicket', {
  description: 'Information given to the operator to answer a handed-on request (C.4.5 step 3.2).',
  fields: (t) => ({
    id: t.exposeID('id'),
    role: t.expose('role', { type: RoleEnum }),
    personName: t.string({
      description: 'Who gave the information.',
      select: { person: { select: { fullName: true } } },
      resolve: (a) => a.person.fullName,
    }),
    texto: t.exposeString('texto'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const TicketFilter = builder.inputType('TicketFilter', {
  fields: (t) => ({
    dentroDe: t.globalID({ required: false, description: 'Owned by this unit or a unit below it.' }),
    unitId: t.globalID({ required: false, description: 'Owned by exactly this unit.' }),
    estado: t.field({ type: [EstadoTicketEnum], required: false, description: 'Any of these states.' }),
    canal: t.field({ type: CanalTicketEnum, required: false }),
    vencido: t.boolean({ required: false, description: 'Only tickets the scheduler marked as past their deadline (or not).' }),
    folio: t.int({ required: false, description: 'The number of the folio (42 for CC-000042).' }),
  }),
});
const TicketOrder = orderInput('Ticket', ['recibidoAt', 'folio', 'venceAt', 'estado'] as const, 'recibidoAt');
const ticketWhere = listWhere(async ({ filter }: { filter?: typeof TicketFilter.$inferInput | null }, ctx) => ({
  AND: [
    readableTickets(ctx.viewer),
    await unitFilter(ctx, filter),
    filter?.estado?.length ? { estado: { in: filter.estado } } : {},
    filter?.canal ? { canal: filter.canal } : {},
    filter?.vencido != null ? { vencidoAt: filter.vencido ? { not: null } : null } : {},
    filter?.folio != null ? { folio: filter.folio } : {},
  ],
}));
builder.queryField('tickets', (t) =>
  t.prismaConnection(
    {
      type: 'Ticket',
      cursor: 'id',
      description: "Tickets of the contact centre within the viewer's reach.",
      args: { filter: t.arg({ type: TicketFilter }), orderBy: t.arg({ type: TicketOrder.Input }) },
      totalCount: async (_c, args, ctx) => count(ctx.db, 'ticket', { where: await ticketWhere(args, ctx) }),
      resolve: async (query, _root, args, ctx, info) =>
        findMany(
          ctx.db,
          'ticket',
          {
            ...query,
            where: await ticketWhere(args, ctx),
            orderBy: TicketOrder.toPrisma<Prisma.TicketOrderByWithRelationInput>(args.orderBy),
          },
          info,
        ),
    },
    { name: 'TicketConnection' },
    { name: 'TicketEdge' },
  ),
);

// ---- CierreConocer ------------------------------------------------------------------------

builder.prismaNode('CierreConocer', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableCierresConocer(ctx.viewer)] }),
  description: "A day CONOCER declared closed, besides Mexico's official holidays: business-day deadlines skip it.",
  fields: (t) => ({
    fecha: t.string({ description: 'The day, YYYY-MM-DD.', select: { fecha: true }, resolve: (c) => c.fecha.toISOString().slice(0, 10) }),
    motivo: t.exposeString('motivo'),
    unit: t.relation('unit'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});
workflowRecordFields(cierreConocerWorkflow);

const CierreOrder = orderInput('CierreConocer', ['fecha'] as const, 'fecha');
builder.queryField('cierresConocer', (t) =>
  t.prismaConnection(
    {
      type: 'CierreConocer',
      cursor: 'id',
      description: 'Days CONOCER declared closed, within the viewer’s reach.',
      args: { orderBy: t.arg({ type: CierreOrder.Input }) },
      totalCount: (_c, _args, ctx) => count(ctx.db, 'cierreConocer', { where: readableCierresConocer(ctx.viewer) }),
      resolve: (query, _root, args, ctx, info) =>
        findMany(
          ctx.db,
          'cierreConocer',
          {
            ...query,
            where: readableCierresConocer(ctx.viewer),
            orderBy: CierreOrder.toPrisma<Prisma.CierreConocerOrderByWithRelationInput>(args.orderBy),
          },
          info,
        ),
    },
    { name: 'CierreConocerConnection' },
    { name: 'CierreConocerEdge' },
  ),
);

// ---- AnalisisContacto -------------------------------------------------------------------------

const Conteo = builder.objectRef<{ clave: string; total: number }>('ConteoContacto').implement({
  description: 'How many tickets fall in one category.',
  fields: (t) => ({
    clave: t.exposeString('clave', { description: 'The category (an enum value, a federal entity, or SIN_DATO).' }),
    total: t.exposeInt('total'),
  }),
});
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
/** The charts of a page of analyses in one statement (keyed by subtree and period: analyses over the same share them). */
const createChartsLoader = (db: Db) =>
  new DataLoader<ChartsOf, Charts, string>((items) => chartsOfMany(db, items), {
    cacheKeyFn: (a) => `${a.unit.path}|${isoDay(a.desde)}|${isoDay(a.hasta)}`,
  });
/** The draws of a page of analyses again, in one statement. */
const createDrawLoader = (db: Db) =>
  new DataLoader<DrawOf, string[], string>((items) => drawAudiosMany(db, items), {
    cacheKeyFn: (a) => JSON.stringify([a.semillaSorteo, a.createdAt?.toISOString(), a.unit.path, isoDay(a.desde), isoDay(a.hasta)]),
  });

const Graficas = builder.objectRef<Charts>('GraficasContacto').implement({
  description: "The data of the analysis' charts (C.4.1 step 8.1), computed in SQL from the period's tickets, by channel where it matters.",
  fields: (t) => ({
    temasTelefono: t.field({ type: [Conteo], description: 'Topics of calls.', resolve: (g) => g.temasTelefono }),
    temasCorreo: t.field({ type: [Conteo], description: 'Topics of e-mails.', resolve: (g) => g.temasCorreo }),
    estandaresSolicitados: t.field({
      type: [Conteo],
      description: 'Competence standards users ask to be developed.',
      resolve: (g) => g.estandares,
    }),
    medios: t.field({ type: [Conteo], description: 'How users heard of CONOCER.', resolve: (g) => g.medios }),
    percepcionPortal: t.field({ type: [Conteo], description: 'Perception of the portal.', resolve: (g) => g.percepcion }),
    ocupaciones: t.field({ type: [Conteo], resolve: (g) => g.ocupaciones, description: 'Occupations.' }),
    escolaridades: t.field({ type: [Conteo], resolve: (g) => g.escolaridades, description: 'Schooling.' }),
    sexos: t.field({ type: [Conteo], resolve: (g) => g.sexos, description: 'Sex of users.' }),
    entidades: t.field({ type: [Conteo], resolve: (g) => g.entidades, description: 'Federal entity of users.' }),
  }),
});

export const AnalisisContactoRef = builder.prismaNode('AnalisisContacto', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableAnalisisContacto(ctx.viewer)] }),
  description: "The Responsable de Canales' monthly or quarterly analysis of the contact centre (C.4.1 7-8, C.4.5 6-7).",
  fields: (t) => ({
    tipo: t.expose('tipo', { type: TipoAnalisisContactoEnum }),
    periodo: t.exposeString('periodo', { description: 'YYYY-MM for a month, YYYY-Tn for a quarter.' }),
    desde: t.string({ description: 'First day, YYYY-MM-DD.', select: { desde: true }, resolve: (a) => a.desde.toISOString().slice(0, 10) }),
    hasta: t.string({ description: 'Last day, YYYY-MM-DD.', select: { hasta: true }, resolve: (a) => a.hasta.toISOString().slice(0, 10) }),
    reporteRecibidoAt: t.expose('reporteRecibidoAt', { type: 'DateTime', description: "When the contact centre's reports were received." }),
    venceAt: t.expose('venceAt', {
      type: 'DateTime',
      description: '10 business days after the reports were received (C.4.1 8.1: 7 to 10).',
    }),
    semillaSorteo: t.exposeString('semillaSorteo', { description: 'The seed of the draw of the five audited audios (C.4.1 8.2).' }),
    sorteoVerificado: t.boolean({
      description: 'Whether drawing again from `semillaSorteo` gives the recorded audios, in order.',
      select: {
        id: true,
        semillaSorteo: true,
        createdAt: true,
        unit: { select: { path: true } },
        desde: true,
        hasta: true,
        // The same arguments as the `auditorias` relation below, so that Pothos merges both into the page's read.
        auditorias: { select: { ticketId: true, orden: true }, orderBy: { orden: 'asc' } },
      },
      resolve: async (a, _x, ctx) => {
        const again = await ctx.loader(createDrawLoader).load(a);
        const recorded = [...a.auditorias].sort((x, y) => x.orden - y.orden).map((x) => x.ticketId);
        return JSON.stringify(again) === JSON.stringify(recorded);
      },
    }),
    comentarios: t.exposeString('comentarios', {
      nullable: true,
      description: "The Responsable's comments and suggestions on the charts (C.4.1 8.1).",
    }),
    estandaresSolicitados: t.stringList({
      description: 'Standards users ask to be developed (C.4.1 8.1).',
      select: { estandaresSolicitados: true },
      // A row made without the list holds NULL (read as [] by Prisma, as null by a compiled read).
      resolve: (a) => a.estandaresSolicitados ?? [],
    }),
    graficas: t.field({
      type: Graficas,
      select: { unit: { select: { path: true } }, desde: true, hasta: true },
      description: "The charts' data.",
      resolve: (a, _x, ctx) => ctx.loader(createChartsLoader).load(a),
    }),
    auditorias: t.relation('auditorias', {
      description: 'The five audited audios, in the order drawn.',
      query: { orderBy: { orden: 'asc' } },
    }),
    informes: t.relation('informes', { description: "The DVD's report of results on this analysis." }),
    estado: t.expose('estado', { type: EstadoAnalisisContactoEnum }),
    enviadoAt: t.expose('enviadoAt', { type: 'DateTime', nullable: true }),
    recibidoAt: t.expose('recibidoAt', { type: 'DateTime', nullable: true }),
    unit: t.relation('unit'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});
workflowRecordFields(analisisContactoWorkflow);

builder.prismaObject('AuditoriaAudio', {
  description: 'A call audio drawn at random and audited (C.4.1 step 8.2): folio, operator, comments.',
  fields: (t) => ({
    id: t.exposeID('id'),
    orden: t.exposeInt('orden', { description: '1 to 5, the order of the draw.' }),
    folio: t.string({
      select: { ticket: { select: { folio: true } } },
      resolve: (a) => folioText(a.ticket.folio),
      description: "The call's folio.",
    }),
    operadorName: t.string({
      nullable: true,
      description: 'The operator who took the call.',
      select: { ticket: { select: { operador: { select: { fullName: true } } } } },
      resolve: (a) => a.ticket.operador?.fullName ?? null,
    }),
    comentarios: t.exposeString('comentarios', {
      nullable: true,
      description: 'Comments, observations and suggestions on what was heard.',
    }),
  }),
});

const AnalisisOrder = orderInput('AnalisisContacto', ['createdAt', 'periodo', 'estado'] as const, 'createdAt');
const AnalisisFilter = builder.inputType('AnalisisContactoFilter', {
  fields: (t) => ({
    dentroDe: t.globalID({ required: false, description: 'Owned by this unit or a unit below it.' }),
    unitId: t.globalID({ required: false, description: 'Owned by exactly this unit.' }),
    estado: t.field({ type: [EstadoAnalisisContactoEnum], required: false, description: 'Any of these states.' }),
    tipo: t.field({ type: TipoAnalisisContactoEnum, required: false }),
  }),
});
const analisisWhere = listWhere(async ({ filter }: { filter?: typeof AnalisisFilter.$inferInput | null }, ctx) => ({
  AND: [
    readableAnalisisContacto(ctx.viewer),
    await unitFilter(ctx, filter),
    filter?.estado?.length ? { estado: { in: filter.estado } } : {},
    filter?.tipo ? { tipo: filter.tipo } : {},
  ],
}));
builder.queryField('analisisContacto', (t) =>
  t.prismaConnection(
    {
      type: 'AnalisisContacto',
      cursor: 'id',
      description: "Monthly and quarterly analyses of the contact centre within the viewer's reach.",
      args: { filter: t.arg({ type: AnalisisFilter }), orderBy: t.arg({ type: AnalisisOrder.Input }) },
      totalCount: async (_c, args, ctx) => count(ctx.db, 'analisisContacto', { where: await analisisWhere(args, ctx) }),
      resolve: async (query, _root, args, ctx, info) =>
        findMany(
          ctx.db,
          'analisisContacto',
          {
            ...query,
            where: await analisisWhere(args, ctx),
            orderBy: AnalisisOrder.toPrisma<Prisma.AnalisisContactoOrderByWithRelationInput>(args.orderBy),
          },
          info,
        ),
    },
    { name: 'AnalisisContactoConnection' },
    { name: 'AnalisisContactoEdge' },
  ),
);

// ---- InformeResultadosContacto ---------------------------------------------------------------------

builder.prismaNode('InformeResultadosContacto', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableInformesResultadosContacto(ctx.viewer)] }),
  description:
    "The DVD's report of results, gaps and opportunities, with its improvement instructions, followed until closed (C.4.1 9-10).",
  fields: (t) => ({
    resultados: t.exposeString('resultados', { description: 'The results of the analysis (C.4.1 9.3).' }),
    brechas: t.exposeString('brechas', { description: 'The gaps found (C.4.1 9.3).' }),
    areasOportunidad: t.exposeString('areasOportunidad', {
      description: "Areas of opportunity in the telephone service and in CONOCER's daily operation (C.4.1 9.2).",
    }),
    instrucciones: t.exposeString('instrucciones', {
      nullable: true,
      description: 'Instructions for the agreed improvement actions (9.5).',
    }),
    seguimiento: t.exposeString('seguimiento', { nullable: true, description: 'Follow-up of the improvement actions (10.1).' }),
    venceAt: t.expose('venceAt', { type: 'DateTime', description: '7 business days after the analysis was received (9.4: 5 to 7).' }),
    presentadoAt: t.expose('presentadoAt', { type: 'DateTime', nullable: true }),
    cerradoAt: t.expose('cerradoAt', { type: 'DateTime', nullable: true }),
    estado: t.expose('estado', { type: EstadoInformeResultadosContactoEnum }),
    analisisContacto: t.relation('analisisContacto', { description: 'The analysis it answers.' }),
    unit: t.relation('unit'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});
workflowRecordFields(informeResultadosContactoWorkflow);

const InformeOrder = orderInput('InformeResultadosContacto', ['createdAt', 'estado'] as const, 'createdAt');
builder.queryField('informesResultadosContacto', (t) =>
  t.prismaConnection(
    {
      type: 'InformeResultadosContacto',
      cursor: 'id',
      description: "The DVD's reports of results within the viewer's reach.",
      args: { orderBy: t.arg({ type: InformeOrder.Input }) },
      totalCount: (_c, _args, ctx) => count(ctx.db, 'informeResultadosContacto', { where: readableInformesResultadosContacto(ctx.viewer) }),
      resolve: (query, _root, args, ctx, info) =>
        findMany(
          ctx.db,
          'informeResultadosContacto',
          {
            ...query,
            where: readableInformesResultadosContacto(ctx.viewer),
            orderBy: InformeOrder.toPrisma<Prisma.InformeResultadosContactoOrderByWithRelationInput>(args.orderBy),
          },
          info,
        ),
    },
    { name: 'InformeResultadosContactoConnection' },
    { name: 'InformeResultadosContactoEdge' },
  ),
);

// ---- CorreoCuarentena ------------------------------------------------------------------------

builder.prismaNode('CorreoCuarentena', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableCorreosCuarentena(ctx.viewer)] }),
  description:
    "An e-mail that reached the contact centre's mailbox but could not be read as a request (C.4.5 1.1): kept whole, with the reason, for the operators to review. The sender and the message are masked for roles that do not handle requests. Kept indefinitely (§7).",
  fields: (t) => ({
    remitente: t.string({
      nullable: true,
      description: 'The sender as the message gave it, when it had one (masked for roles that do not handle requests).',
      select: { remitente: true, unit: { select: { path: true } } },
      resolve: (c, _a, ctx) => (c.remitente && !seesCallerData(ctx.viewer, c.unit.path) ? maskEmail(c.remitente) : c.remitente),
    }),
    motivo: t.exposeString('motivo', { description: 'Why it could not be read as a request.' }),
    crudo: t.string({
      nullable: true,
      description: 'The whole message as received (RFC 5322), base64; null for roles that do not handle requests.',
      select: { crudo: true, unit: { select: { path: true } } },
      resolve: (c, _a, ctx) => (seesCallerData(ctx.viewer, c.unit.path) ? Buffer.from(c.crudo).toString('base64') : null),
    }),
    unit: t.relation('unit', { description: "The mailbox's contact centre, whose operators review it." }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was received.' }),
  }),
});
workflowRecordFields(correoCuarentenaWorkflow);

const CorreoCuarentenaFilter = builder.inputType('CorreoCuarentenaFilter', {
  fields: (t) => ({
    dentroDe: t.globalID({ required: false, description: 'Kept by this unit or a unit below it.' }),
    unitId: t.globalID({ required: false, description: 'Kept by exactly this unit.' }),
    recibidoDesde: t.field({ type: 'DateTime', required: false, description: 'Received at or after this instant.' }),
    recibidoHasta: t.field({ type: 'DateTime', required: false, description: 'Received before this instant.' }),
    conRemitente: t.boolean({ required: false, description: 'Only messages with a sender address (true) or without one (false).' }),
  }),
});
const CorreoCuarentenaOrder = orderInput('CorreoCuarentena', ['createdAt'] as const, 'createdAt');
const correoCuarentenaWhere = listWhere(async ({ filter }: { filter?: typeof CorreoCuarentenaFilter.$inferInput | null }, ctx) => ({
  AND: [
    readableCorreosCuarentena(ctx.viewer),
    await unitFilter(ctx, filter),
    filter?.recibidoDesde ? { createdAt: { gte: filter.recibidoDesde } } : {},
    filter?.recibidoHasta ? { createdAt: { lt: filter.recibidoHasta } } : {},
    filter?.conRemitente != null ? { remitente: filter.conRemitente ? { not: null } : null } : {},
  ],
}));
builder.queryField('correosCuarentena', (t) =>
  t.prismaConnection(
    {
      type: 'CorreoCuarentena',
      cursor: 'id',
      description:
        "Quarantined e-mails of the contact centre's mailbox within the viewer's reach, in order of reception unless `orderBy` says otherwise.",
      args: { filter: t.arg({ type: CorreoCuarentenaFilter }), orderBy: t.arg({ type: CorreoCuarentenaOrder.Input }) },
      totalCount: async (_c, args, ctx) => count(ctx.db, 'correoCuarentena', { where: await correoCuarentenaWhere(args, ctx) }),
      resolve: async (query, _root, args, ctx, info) =>
        findMany(
          ctx.db,
          'correoCuarentena',
          {
            ...query,
            where: await correoCuarentenaWhere(args, ctx),
            orderBy: CorreoCuarentenaOrder.toPrisma<Prisma.CorreoCuarentenaOrderByWithRelationInput>(args.orderBy),
          },
          info,
        ),
    },
    { name: 'CorreoCuarentenaConnection' },
    { name: 'CorreoCuarentenaEdge' },
  ),
);
