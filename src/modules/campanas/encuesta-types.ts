// GraphQL types, the root list and the service-quality indicator of the surveys (V-CANA-MP-02 C.4.3).
import DataLoader from 'dataloader';
import { builder } from '../../builder.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { CanalEncuesta, EstadoEncuesta, TipoEncuesta } from '../../generated/prisma/enums.js';
import { count, findMany } from '../../lib/db/read.js';
import type { Db } from '../../lib/db/client.js';
import { listWhere, orderInput, unitFilter } from '../../lib/pagination.js';
import { workflowRecordFields } from '../../lib/workflow/fields.js';
import { withinUnitById } from '../../lib/auth/scope.js';
import { maskEmail, maskText, seesCallerData } from '../contacto/rules.js';
import type { Pregunta } from './encuesta-mail.js';
import { readableEncuestas } from './rules.js';
import { encuestaWorkflow } from './encuesta-workflow.js';

export const TipoEncuestaEnum = builder.enumType(TipoEncuesta, {
  name: 'TipoEncuesta',
  description: 'An opinion survey, a poll, or a service satisfaction survey (the latter feeds `calidadServicioConocer`).',
});
export const CanalEncuestaEnum = builder.enumType(CanalEncuesta, {
  name: 'CanalEncuesta',
  description: 'Operator calls (C.4.3 step 7) or an e-mailed single-use link (step 8).',
});
export const EstadoEncuestaEnum = builder.enumType(EstadoEncuesta, {
  name: 'EstadoEncuesta',
  description:
    'EN_PLANEACION (2.1); PLAN_PRESENTADO (3.2); EN_DISENO: design and sample (4.1); DISENO_PRESENTADO (5.2); APROBADA; EN_CURSO: calls or links, answers recorded (6-8); REPORTADA: results report delivered to the DVD (9); CERRADA: analysed (10).',
});
export const TipoPreguntaEncuestaEnum = builder.enumType('TipoPreguntaEncuesta', {
  description: 'How a question is answered: ESCALA 1-5, SI_NO (1 yes, 0 no), ABIERTA (text).',
  values: ['ESCALA', 'SI_NO', 'ABIERTA'] as const,
});

const PreguntaRef = builder.objectRef<Pregunta & { numero: number }>('PreguntaEncuesta').implement({
  description: 'A question of a survey.',
  fields: (t) => ({
    numero: t.exposeInt('numero', { description: 'Its number (1, 2, …): how answers name it.' }),
    texto: t.exposeString('texto', { description: 'The question.' }),
    tipo: t.field({ type: TipoPreguntaEncuestaEnum, description: 'How it is answered.', resolve: (p) => p.tipo }),
  }),
});

interface ResultadoPregunta {
  numero: number;
  respuestas: number;
  promedio: number | null;
  afirmativas: number;
}
interface ResultadosRow {
  muestra: number;
  enviadas: number;
  respondidas: number;
  porPregunta: ResultadoPregunta[];
}

/** The results of step 9.1 for several surveys at once, in SQL. */
const createResultadosLoader = (db: Db) =>
  new DataLoader<string, ResultadosRow>(async (ids) => {
    const totals = await db.$queryRaw<{ id: string; muestra: number; enviadas: number; respondidas: number }[]>`
      SELECT e.id::text, count(m.id)::int AS muestra, count(m."enviadoAt")::int AS enviadas, count(m."respondidaAt")::int AS respondidas
      FROM "Encuesta" e LEFT JOIN "MuestraEncuesta" m ON m."encuestaId" = e.id
      WHERE e.id = ANY(${[...ids]}::uuid[]) GROUP BY e.id`;
    const per = await db.$queryRaw<{ id: string; numero: number; respuestas: number; promedio: number | null; afirmativas: number }[]>`
      SELECT m."encuestaId"::text AS id, r.pregunta AS numero, count(*)::int AS respuestas,
             avg(r.valor)::float8 AS promedio, count(*) FILTER (WHERE r.valor = 1)::int AS afirmativas
      FROM "RespuestaEncuesta" r JOIN "MuestraEncuesta" m ON m.id = r."muestraId"
      WHERE m."encuestaId" = ANY(${[...ids]}::uuid[])
      GROUP BY 1, 2 ORDER BY 1, 2`;
    return ids.map((id) => {
      const t = totals.find((x) => x.id === id);
      return {
        muestra: t?.muestra ?? 0,
        enviadas: t?.enviadas ?? 0,
        respondidas: t?.respondidas ?? 0,
        porPregunta: per
          .filter((p) => p.id === id)
          .map(({ numero, respuestas, promedio, afirmativas }) => ({ numero, respuestas, promedio, afirmativas })),
      };
    });
  });

const ResultadoPreguntaRef = builder.objectRef<ResultadoPregunta>('ResultadoPreguntaEncuesta').implement({
  description: 'The answers to one question.',
  fields: (t) => ({
    numero: t.exposeInt('numero', { description: 'The question’s number.' }),
    respuestas: t.exposeInt('respuestas', { description: 'People who answered it.' }),
    promedio: t.exposeFloat('promedio', {
      nullable: true,
      description: 'ESCALA: the average (1-5); SI_NO: the share of yes (0-1); null for ABIERTA.',
    }),
    afirmativas: t.exposeInt('afirmativas', { description: 'SI_NO: the yes answers (for ESCALA: the answers of 1).' }),
  }),
});

const ResultadosRef = builder.objectRef<ResultadosRow>('ResultadosEncuesta').implement({
  description: 'The results report of C.4.3 step 9.1, computed in SQL from the recorded answers.',
  fields: (t) => ({
    muestra: t.exposeInt('muestra', { description: 'People in the sample.' }),
    enviadas: t.exposeInt('enviadas', { description: 'E-mail surveys: links sent.' }),
    respondidas: t.exposeInt('respondidas', { description: 'People who answered.' }),
    tasaRespuesta: t.float({
      nullable: true,
      description: 'respondidas / muestra (0-1); null with an empty sample.',
      resolve: (r) => (r.muestra ? r.respondidas / r.muestra : null),
    }),
    porPregunta: t.field({ type: [ResultadoPreguntaRef], description: 'Answers per question, by number.', resolve: (r) => r.porPregunta }),
  }),
});

const MuestraOrder = orderInput('MuestraEncuesta', ['orden', 'respondidaAt'] as const, 'orden');

builder.prismaObject('MuestraEncuesta', {
  description:
    'A person of the survey’s sample (4.1): whether their link was sent and whether they answered. Name and e-mail are masked for roles that do not handle the contact centre’s people.',
  fields: (t) => ({
    id: t.exposeID('id'),
    orden: t.exposeInt('orden', { description: 'The person’s number in the sample, in the order of the seeded draw.' }),
    nombre: t.string({
      description: 'The person’s name.',
      select: { nombre: true, encuesta: { select: { unit: { select: { path: true } } } } },
      resolve: (m, _a, ctx) => (seesCallerData(ctx.viewer, m.encuesta.unit.path) ? m.nombre : maskText(m.nombre)),
    }),
    correo: t.string({
      nullable: true,
      description: 'The person’s e-mail.',
      select: { correo: true, encuesta: { select: { unit: { select: { path: true } } } } },
      resolve: (m, _a, ctx) => (m.correo && !seesCallerData(ctx.viewer, m.encuesta.unit.path) ? maskEmail(m.correo) : m.correo),
    }),
    enviadoAt: t.expose('enviadoAt', { type: 'DateTime', nullable: true, description: 'When the link was e-mailed.' }),
    venceAt: t.expose('venceAt', { type: 'DateTime', nullable: true, description: 'When the link expires.' }),
    respondidaAt: t.expose('respondidaAt', { type: 'DateTime', nullable: true, description: 'When the answers were recorded.' }),
    canalRespuesta: t.expose('canalRespuesta', { type: CanalEncuestaEnum, nullable: true, description: 'By call or by the link.' }),
  }),
});

builder.prismaNode('Encuesta', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableEncuestas(ctx.viewer)] }),
  description: 'A survey or poll of the public through the contact centre (V-CANA-MP-02 C.4.3). Kept indefinitely.',
  fields: (t) => ({
    estado: t.expose('estado', { type: EstadoEncuestaEnum }),
    tipo: t.expose('tipo', { type: TipoEncuestaEnum }),
    canal: t.expose('canal', { type: CanalEncuestaEnum }),
    nombre: t.exposeString('nombre', { description: 'The survey’s name.' }),
    necesidad: t.exposeString('necesidad', { description: 'The request or need detected (1.1).' }),
    areaSolicitante: t.relation('areaSolicitante', { description: 'The CONOCER area that asked for it.' }),
    objetivos: t.exposeString('objetivos', { nullable: true, description: 'Objectives (2.1).' }),
    estrategia: t.exposeString('estrategia', { nullable: true, description: 'Strategy (2.1).' }),
    planAccion: t.exposeString('planAccion', { nullable: true, description: 'Plan of action (2.1).' }),
    auditorio: t.exposeString('auditorio', { nullable: true, description: 'Target audience (4.1).' }),
    tamanoMuestra: t.exposeInt('tamanoMuestra', { nullable: true, description: 'Sample size (4.1).' }),
    preguntas: t.field({
      type: [PreguntaRef],
      description: 'The questions, in order (4.1).',
      select: { preguntas: true },
      resolve: (e) => (Array.isArray(e.preguntas) ? (e.preguntas as unknown as Pregunta[]) : []).map((p, i) => ({ ...p, numero: i + 1 })),
    }),
    inicio: t.expose('inicio', { type: 'DateTime', nullable: true, description: 'Start date (4.1).' }),
    diasVigencia: t.exposeInt('diasVigencia', { description: 'Days an e-mailed link stays valid.' }),
    semillaMuestra: t.exposeString('semillaMuestra', { nullable: true, description: 'The seed of the sample’s draw (reproducible).' }),
    lanzadaAt: t.expose('lanzadaAt', { type: 'DateTime', nullable: true, description: 'When it started (6.1).' }),
    reportadaAt: t.expose('reportadaAt', { type: 'DateTime', nullable: true, description: 'When the results report was delivered (9.2).' }),
    analisis: t.exposeString('analisis', { nullable: true, description: 'The analysis and report of results (10).' }),
    resultados: t.field({
      type: ResultadosRef,
      description: 'The results computed now from the answers (9.1).',
      resolve: (e, _a, ctx) => ctx.loader(createResultadosLoader).load(e.id),
    }),
    muestra: t.relatedConnection('muestra', {
      cursor: 'id',
      description: 'The sample (4.1), by `orderBy` (default: the order of the draw).',
      args: { orderBy: t.arg({ type: MuestraOrder.Input, description: 'Order of the sample.' }) },
      totalCount: true,
      query: (args) => ({ orderBy: MuestraOrder.toPrisma<Prisma.MuestraEncuestaOrderByWithRelationInput>(args.orderBy) }),
    }),
    unit: t.relation('unit', { description: 'The contact centre that runs the survey.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});
workflowRecordFields(encuestaWorkflow);

const EncuestaFilter = builder.inputType('EncuestaFilter', {
  description: 'Which surveys to list.',
  fields: (t) => ({
    dentroDe: t.globalID({ required: false, description: 'Owned by this unit or a unit below it.' }),
    unitId: t.globalID({ required: false, description: 'Owned by exactly this unit.' }),
    estado: t.field({ type: [EstadoEncuestaEnum], required: false, description: 'Any of these states.' }),
    tipo: t.field({ type: TipoEncuestaEnum, required: false, description: 'Only surveys of this type.' }),
    search: t.string({ required: false, description: 'Part of the name, case-insensitive.' }),
  }),
});
const EncuestaOrder = orderInput('Encuesta', ['createdAt', 'nombre', 'estado', 'inicio'] as const, 'createdAt');
const encuestaWhere = listWhere(async ({ filter }: { filter?: typeof EncuestaFilter.$inferInput | null }, ctx) => ({
  AND: [
    readableEncuestas(ctx.viewer),
    await unitFilter(ctx, filter),
    filter?.estado?.length ? { estado: { in: filter.estado } } : {},
    filter?.tipo ? { tipo: filter.tipo } : {},
    filter?.search ? { nombre: { contains: filter.search, mode: 'insensitive' as const } } : {},
  ],
}));
builder.queryField('encuestas', (t) =>
  t.prismaConnection(
    {
      type: 'Encuesta',
      cursor: 'id',
      description: "Surveys of the contact centre within the viewer's reach.",
      args: {
        filter: t.arg({ type: EncuestaFilter, description: 'Which surveys.' }),
        orderBy: t.arg({ type: EncuestaOrder.Input, description: 'Order (default: oldest first).' }),
      },
      totalCount: async (_c, args, ctx) => count(ctx.db, 'encuesta', { where: await encuestaWhere(args, ctx) }),
      resolve: async (query, _root, args, ctx, info) =>
        findMany(
          ctx.db,
          'encuesta',
          {
            ...query,
            where: await encuestaWhere(args, ctx),
            orderBy: EncuestaOrder.toPrisma<Prisma.EncuestaOrderByWithRelationInput>(args.orderBy),
          },
          info,
        ),
    },
    { name: 'EncuestaConnection' },
    { name: 'EncuestaEdge' },
  ),
);

interface CalidadRow {
  anio: number;
  encuestas: number;
  respuestas: number;
  promedio: number | null;
}
const CalidadRef = builder.objectRef<CalidadRow>('CalidadServicioConocer').implement({
  description: `CONOCER's indicator "encuesta de calidad en el servicio" for a year (seed 002 reports it yearly), computed in SQL from the ESCALA answers of the satisfaction surveys (tipo SATISFACCION) reported or closed, launched that year, within the viewer's reach.`,
  fields: (t) => ({
    anio: t.exposeInt('anio', { description: 'The year.' }),
    encuestas: t.exposeInt('encuestas', { description: 'Satisfaction surveys counted.' }),
    respuestas: t.exposeInt('respuestas', { description: 'ESCALA answers counted.' }),
    promedio: t.exposeFloat('promedio', { nullable: true, description: 'Average of the answers (1-5); null without answers.' }),
    porcentaje: t.float({
      nullable: true,
      description: 'The indicator: the average as a percentage of the top of the scale (promedio / 5 × 100), two decimals.',
      resolve: (r) => (r.promedio == null ? null : Math.round((r.promedio / 5) * 10_000) / 100),
    }),
  }),
});

builder.queryField('calidadServicioConocer', (t) =>
  t.field({
    type: CalidadRef,
    description: 'The indicator "encuesta de calidad en el servicio" of a year, from the satisfaction surveys (C.4.3).',
    args: {
      anio: t.arg.int({ required: true, description: 'The year (2000-2100).' }),
      dentroDe: t.arg.globalID({ required: false, description: 'Only surveys of this unit and the units below it.' }),
    },
    resolve: async (_root, args, ctx) => {
      // The same read filter as the list, then the aggregate in SQL over the surveys it lets through.
      const where = { AND: [readableEncuestas(ctx.viewer), args.dentroDe ? await withinUnitById(ctx, args.dentroDe.id) : {}] };
      const ids = (
        await ctx.db.encuesta.findMany({
          where: { ...where, tipo: 'SATISFACCION', estado: { in: ['REPORTADA', 'CERRADA'] } },
          select: { id: true },
        })
      ).map((e) => e.id);
      const [r] = await ctx.db.$queryRaw<{ encuestas: number; respuestas: number; promedio: number | null }[]>`
        SELECT count(DISTINCT e.id)::int AS encuestas, count(r.id)::int AS respuestas, avg(r.valor)::float8 AS promedio
        FROM "Encuesta" e
        CROSS JOIN LATERAL jsonb_array_elements(e.preguntas) WITH ORDINALITY AS q(p, n)
        JOIN "MuestraEncuesta" m ON m."encuestaId" = e.id
        JOIN "RespuestaEncuesta" r ON r."muestraId" = m.id AND r.pregunta = q.n
        WHERE e.id = ANY(${ids}::uuid[]) AND q.p->>'tipo' = 'ESCALA'
          AND e."lanzadaAt" >= make_date(${args.anio}::int, 1, 1) AND e."lanzadaAt" < make_date(${args.anio}::int + 1, 1, 1)`;
      return { anio: args.anio, encuestas: r.encuestas, respuestas: r.respuestas, promedio: r.promedio };
    },
  }),
);
