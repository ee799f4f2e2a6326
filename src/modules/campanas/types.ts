// GraphQL types and the root list of the campaigns (V-CANA-MP-02 C.4.2).
import DataLoader from 'dataloader';
import { builder } from '../../builder.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { EstadoCampana, OrigenDestinatarioCampana, ResultadoEnvio, ResultadoLlamada, TipoCampana } from '../../generated/prisma/enums.js';
import { count, findMany } from '../../lib/db/read.js';
import type { Db } from '../../lib/db/client.js';
import { listWhere, orderInput, unitFilter } from '../../lib/pagination.js';
import { workflowRecordFields } from '../../lib/workflow/fields.js';
import { maskEmail, maskText, seesCallerData } from '../contacto/rules.js';
import { workbook } from '../contacto/reports.js';
import { readableCampanas } from './rules.js';
import { campanaWorkflow } from './workflow.js';

export const TipoCampanaEnum = builder.enumType(TipoCampana, {
  name: 'TipoCampana',
  description: 'How the campaign reaches its audience: recorded calls (C.4.2 7-8), operator calls (9) or e-mails (10-11).',
});
export const EstadoCampanaEnum = builder.enumType(EstadoCampana, {
  name: 'EstadoCampana',
  description:
    'EN_PLANEACION: objectives, strategy and plan (2.1); PLAN_PRESENTADO: before the DVD (3.2); EN_DISENO: design and segment (4.1, 5.1); DISENO_PRESENTADO: before the DVD (6.1); APROBADA: recording or test sends (7, 10); EN_CURSO: calls or e-mails going out; TERMINADA: ended on the calendar; REPORTADA: final report delivered to the DVD (12); CERRADA: analysed against the objectives (13).',
});
export const OrigenDestinatarioCampanaEnum = builder.enumType(OrigenDestinatarioCampana, {
  name: 'OrigenDestinatarioCampana',
  description:
    'Which records of the contact centre a recipient was drawn from (step 5.1): people who wrote (TICKET_CORREO) or called (TICKET_LLAMADA).',
});
export const ResultadoEnvioEnum = builder.enumType(ResultadoEnvio, {
  name: 'ResultadoEnvio',
  description:
    "What became of a recipient's campaign e-mail: PENDIENTE, ENVIANDO (claimed by a batch), ENVIADO (accepted by the SMTP server), REBOTADO (refused permanently), FALLIDO, OMITIDO (unsubscribed), INTERRUMPIDO (the batch was cut off; not resent so that nobody gets it twice).",
});
export const ResultadoLlamadaEnum = builder.enumType(ResultadoLlamada, {
  name: 'ResultadoLlamada',
  description: 'The outcome of one call of a campaign (8.1, 9.1); EXITOSA counts as successful in the report.',
});

export interface ReporteCampanaRow {
  id: string;
  total: number;
  exitosos: number;
  pendientes: number;
  omitidos: number;
  porResultado: { resultado: string; cantidad: number }[];
}

/** The report of step 12.1 for several campaigns at once, computed in SQL from the recorded outcomes. */
const createReporteLoader = (db: Db) =>
  new DataLoader<string, ReporteCampanaRow>(async (ids) => {
    const rows = await db.$queryRaw<{ id: string; tipo: string; resultado: string | null; cantidad: number }[]>`
      SELECT c.id::text, c.tipo::text,
             CASE WHEN c.tipo = 'CORREO' THEN d."resultadoEnvio"::text ELSE d."resultadoLlamada"::text END AS resultado,
             count(d.id)::int AS cantidad
      FROM "Campana" c JOIN "DestinatarioCampana" d ON d."campanaId" = c.id
      WHERE c.id = ANY(${[...ids]}::uuid[])
      GROUP BY 1, 2, 3
      ORDER BY 1, 3`;
    const by = new Map<string, ReporteCampanaRow>(
      ids.map((id) => [id, { id, total: 0, exitosos: 0, pendientes: 0, omitidos: 0, porResultado: [] }]),
    );
    for (const r of rows) {
      const rep = by.get(r.id)!;
      const correo = r.tipo === 'CORREO';
      if (correo ? r.resultado === 'PENDIENTE' || r.resultado === 'ENVIANDO' : r.resultado === null) rep.pendientes += r.cantidad;
      else if (r.resultado === 'OMITIDO') rep.omitidos += r.cantidad;
      else rep.total += r.cantidad;
      if (r.resultado === 'ENVIADO' || r.resultado === 'EXITOSA') rep.exitosos += r.cantidad;
      if (r.resultado) rep.porResultado.push({ resultado: r.resultado, cantidad: r.cantidad });
    }
    return ids.map((id) => by.get(id)!);
  });

const ConteoResultado = builder.objectRef<{ resultado: string; cantidad: number }>('ConteoResultadoCampana').implement({
  description: 'How many recipients of a campaign ended with one outcome.',
  fields: (t) => ({
    resultado: t.exposeString('resultado', { description: 'A ResultadoEnvio (e-mail) or ResultadoLlamada (calls) value.' }),
    cantidad: t.exposeInt('cantidad', { description: 'Recipients with that outcome.' }),
  }),
});

const ReporteCampana = builder.objectRef<ReporteCampanaRow>('ReporteCampana').implement({
  description:
    "The campaign's final report (C.4.2 step 12.1, L209): total and successful calls or e-mails, computed in SQL from what was recorded (e-mails: SMTP outcomes; calls: the outcomes the operators recorded).",
  fields: (t) => ({
    total: t.exposeInt('total', {
      description:
        'E-mails sent or attempted (sent, bounced, failed, interrupted), or calls recorded; unsubscribed and pending ones excluded.',
    }),
    exitosos: t.exposeInt('exitosos', { description: 'E-mails the SMTP server accepted, or calls with outcome EXITOSA.' }),
    pendientes: t.exposeInt('pendientes', { description: 'Recipients not yet sent or called.' }),
    omitidos: t.exposeInt('omitidos', { description: 'E-mails not sent because the address unsubscribed.' }),
    porResultado: t.field({
      type: [ConteoResultado],
      description: 'Recipients by outcome, ordered by the outcome’s name.',
      resolve: (r) => r.porResultado,
    }),
    hojaCalculo: t.string({
      description: 'The report as an Excel workbook (.xlsx), base64 (step 12.1 "en Excel"): totals and recipients by outcome.',
      resolve: (r) =>
        workbook([
          {
            name: 'Reporte',
            header: ['Totales', 'Exitosos', 'Pendientes', 'Omitidos (baja)'],
            rows: [[r.total, r.exitosos, r.pendientes, r.omitidos]],
          },
          { name: 'Por resultado', header: ['Resultado', 'Destinatarios'], rows: r.porResultado.map((c) => [c.resultado, c.cantidad]) },
        ]),
    }),
  }),
});

const DestinatarioOrder = orderInput('DestinatarioCampana', ['orden', 'enviadoAt'] as const, 'orden');

builder.prismaObject('DestinatarioCampana', {
  description:
    'A person of the campaign’s segment and what became of their e-mail or call. Name and e-mail are masked for roles that do not handle the contact centre’s people.',
  fields: (t) => ({
    id: t.exposeID('id'),
    orden: t.exposeInt('orden', { description: 'The number of the recipient in the segment (1, 2, …): how addLlamadaCampana names them.' }),
    nombre: t.string({
      description: 'The person’s name.',
      select: { nombre: true, campana: { select: { unit: { select: { path: true } } } } },
      resolve: (d, _a, ctx) => (seesCallerData(ctx.viewer, d.campana.unit.path) ? d.nombre : maskText(d.nombre)),
    }),
    correo: t.string({
      nullable: true,
      description: 'The person’s e-mail.',
      select: { correo: true, campana: { select: { unit: { select: { path: true } } } } },
      resolve: (d, _a, ctx) => (d.correo && !seesCallerData(ctx.viewer, d.campana.unit.path) ? maskEmail(d.correo) : d.correo),
    }),
    origen: t.expose('origen', { type: OrigenDestinatarioCampanaEnum, description: 'Which records the person was drawn from (5.1).' }),
    resultadoEnvio: t.expose('resultadoEnvio', { type: ResultadoEnvioEnum, description: 'E-mail campaigns: the send’s outcome.' }),
    enviadoAt: t.expose('enviadoAt', { type: 'DateTime', nullable: true, description: 'When the SMTP server answered.' }),
    messageId: t.exposeString('messageId', { nullable: true, description: 'The Message-ID of the e-mail sent.' }),
    error: t.exposeString('error', { nullable: true, description: 'The SMTP server’s answer when it refused or failed.' }),
    resultadoLlamada: t.expose('resultadoLlamada', {
      type: ResultadoLlamadaEnum,
      nullable: true,
      description: 'Call campaigns: the outcome recorded.',
    }),
    llamadaAt: t.expose('llamadaAt', { type: 'DateTime', nullable: true, description: 'When the call’s outcome was recorded.' }),
    notasLlamada: t.exposeString('notasLlamada', { nullable: true, description: 'The operator’s notes on the call.' }),
  }),
});

builder.prismaObject('PruebaCampana', {
  description: 'A test send of the campaign’s e-mail to the Responsable(s) de Canales (C.4.2 10.1) and its verdict.',
  fields: (t) => ({
    id: t.exposeID('id'),
    asunto: t.exposeString('asunto', { description: 'The subject sent.' }),
    mensaje: t.exposeString('mensaje', { description: 'The text sent.' }),
    para: t.exposeStringList('para', { description: 'The addresses the test went to.' }),
    correcta: t.exposeBoolean('correcta', {
      nullable: true,
      description: 'Received correctly (true), not (false), or not yet reviewed (null).',
    }),
    observaciones: t.exposeString('observaciones', { nullable: true, description: 'What to correct (10.2).' }),
    revisadaAt: t.expose('revisadaAt', { type: 'DateTime', nullable: true, description: 'When the Responsable gave the verdict.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.prismaNode('Campana', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableCampanas(ctx.viewer)] }),
  description:
    'A promotion or communication campaign through the contact centre (V-CANA-MP-02 C.4.2), from a CONOCER area’s request to the analysis of its results. Kept indefinitely.',
  fields: (t) => ({
    estado: t.expose('estado', { type: EstadoCampanaEnum }),
    tipo: t.expose('tipo', { type: TipoCampanaEnum }),
    nombre: t.exposeString('nombre', { description: 'The campaign’s name.' }),
    necesidad: t.exposeString('necesidad', { description: 'The request or need detected (1.1).' }),
    areaSolicitante: t.relation('areaSolicitante', { description: 'The CONOCER area that asked for the campaign (1.1, 2.1).' }),
    objetivos: t.exposeString('objetivos', { nullable: true, description: 'Objectives (2.1).' }),
    estrategia: t.exposeString('estrategia', { nullable: true, description: 'Strategy (2.1).' }),
    planAccion: t.exposeString('planAccion', { nullable: true, description: 'Plan of action (2.1).' }),
    metaExitosos: t.exposeInt('metaExitosos', { nullable: true, description: 'Successful contacts the plan aims at (compared in 13.1).' }),
    auditorio: t.exposeString('auditorio', { nullable: true, description: 'The target audience (4.1).' }),
    asunto: t.exposeString('asunto', { nullable: true, description: 'E-mail campaigns: the subject (4.1, corrected in 10.2).' }),
    mensaje: t.exposeString('mensaje', {
      nullable: true,
      description: 'The e-mail’s text (corrected in 10.2), or the recorded message of automatic calls (4.1, 7.1).',
    }),
    script: t.exposeString('script', { nullable: true, description: 'Operator calls: the call script (4.1, 9.1).' }),
    inicio: t.expose('inicio', { type: 'DateTime', nullable: true, description: 'Start of the approved calendar (4.1).' }),
    fin: t.expose('fin', { type: 'DateTime', nullable: true, description: 'End of the approved calendar (4.1).' }),
    lanzadaAt: t.expose('lanzadaAt', { type: 'DateTime', nullable: true, description: 'When it was launched (8.1, 9.1, 11.1).' }),
    terminadaAt: t.expose('terminadaAt', { type: 'DateTime', nullable: true, description: 'When it was ended (8.2, 9.2, 11.2).' }),
    reportadaAt: t.expose('reportadaAt', { type: 'DateTime', nullable: true, description: 'When the final report was delivered (12.2).' }),
    reporteTotal: t.exposeInt('reporteTotal', { nullable: true, description: 'The report’s total as delivered (12.2).' }),
    reporteExitosos: t.exposeInt('reporteExitosos', { nullable: true, description: 'The report’s successful ones as delivered (12.2).' }),
    analisis: t.exposeString('analisis', {
      nullable: true,
      description: 'The analysis against the objectives and the report of results (13.1-13.2).',
    }),
    reporte: t.field({
      type: ReporteCampana,
      description: 'The final report computed now from the recorded outcomes (12.1).',
      resolve: (c, _a, ctx) => ctx.loader(createReporteLoader).load(c.id),
    }),
    destinatarios: t.relatedConnection('destinatarios', {
      cursor: 'id',
      description: 'The segment (5.1), by `orderBy` (default: the recipient’s number).',
      args: { orderBy: t.arg({ type: DestinatarioOrder.Input, description: 'Order of the recipients.' }) },
      totalCount: true,
      query: (args) => ({ orderBy: DestinatarioOrder.toPrisma<Prisma.DestinatarioCampanaOrderByWithRelationInput>(args.orderBy) }),
    }),
    pruebas: t.relation('pruebas', {
      description: 'Test sends (10.1), oldest first.',
      query: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
    }),
    unit: t.relation('unit', { description: 'The contact centre that runs the campaign.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});
workflowRecordFields(campanaWorkflow);

const CampanaFilter = builder.inputType('CampanaFilter', {
  description: 'Which campaigns to list.',
  fields: (t) => ({
    dentroDe: t.globalID({ required: false, description: 'Owned by this unit or a unit below it.' }),
    unitId: t.globalID({ required: false, description: 'Owned by exactly this unit.' }),
    estado: t.field({ type: [EstadoCampanaEnum], required: false, description: 'Any of these states.' }),
    tipo: t.field({ type: TipoCampanaEnum, required: false, description: 'Only campaigns of this type.' }),
    search: t.string({ required: false, description: 'Part of the name, case-insensitive.' }),
  }),
});
const CampanaOrder = orderInput('Campana', ['createdAt', 'nombre', 'estado', 'inicio'] as const, 'createdAt');
const campanaWhere = listWhere(async ({ filter }: { filter?: typeof CampanaFilter.$inferInput | null }, ctx) => ({
  AND: [
    readableCampanas(ctx.viewer),
    await unitFilter(ctx, filter),
    filter?.estado?.length ? { estado: { in: filter.estado } } : {},
    filter?.tipo ? { tipo: filter.tipo } : {},
    filter?.search ? { nombre: { contains: filter.search, mode: 'insensitive' as const } } : {},
  ],
}));
builder.queryField('campanas', (t) =>
  t.prismaConnection(
    {
      type: 'Campana',
      cursor: 'id',
      description: "Campaigns of the contact centre within the viewer's reach.",
      args: {
        filter: t.arg({ type: CampanaFilter, description: 'Which campaigns.' }),
        orderBy: t.arg({ type: CampanaOrder.Input, description: 'Order (default: oldest first).' }),
      },
      totalCount: async (_c, args, ctx) => count(ctx.db, 'campana', { where: await campanaWhere(args, ctx) }),
      resolve: async (query, _root, args, ctx, info) =>
        findMany(
          ctx.db,
          'campana',
          {
            ...query,
            where: await campanaWhere(args, ctx),
            orderBy: CampanaOrder.toPrisma<Prisma.CampanaOrderByWithRelationInput>(args.orderBy),
          },
          info,
        ),
    },
    { name: 'CampanaConnection' },
    { name: 'CampanaEdge' },
  ),
);
