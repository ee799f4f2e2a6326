// SISEAC follow-up (30-524-PO-04 R 10-15): the report per corte by module and
// teacher (with missing evaluation records), risk-review meetings, asesorías
// complementarias (F05) and bajas (F04) routed to Psicopedagogía.
import { builder } from '../../builder.js';
import type { Context } from '../../context.js';
import type { EstadoBaja } from '../../generated/prisma/enums.js';
import { EstadoBaja as EstadoBajaValues } from '../../generated/prisma/enums.js';
import { Prisma } from '../../generated/prisma/client.js';
import { createUnitPathLoader, withinUnit } from '../../lib/auth/scope.js';
import { readablePrefixes } from '../../lib/auth/viewer.js';
import { InputChecker, badInput, forbidden, notFound } from '../../lib/errors.js';
import { UUID } from '../../lib/ids.js';
import { checkText } from '../../lib/validation.js';
import { assignmentReaching, createRecord } from '../../lib/workflow/engine.js';
import { createHistoryLoader } from '../../lib/workflow/history.js';
import { registerWorkflow } from '../../lib/workflow/registry.js';
import { WorkflowTransitionRef } from '../../lib/workflow/schema.js';
import { availableSteps, stepMutation, unitOwnedStore, type StepArgs } from '../../lib/workflow/steps.js';
import { readableByUnit } from './rules.js';
import { AlumnoRef } from './types.js';
import { BAJA_MUTATIONS, bajaWorkflow, SEGUIMIENTO_ROLES } from './workflow.js';
import { RISK_RULE } from './indicators.js';

registerWorkflow(bajaWorkflow, BAJA_MUTATIONS);

builder.prismaObject('Modulo', { fields: (t) => ({ id: t.exposeID('id'), clave: t.exposeString('clave'), nombre: t.exposeString('nombre') }) });
builder.prismaObject('Docente', { fields: (t) => ({ id: t.exposeID('id'), nombre: t.exposeString('nombre') }) });
builder.prismaObject('Grupo', {
  description: 'A group of a plantel in a period.',
  fields: (t) => ({ id: t.exposeID('id'), clave: t.exposeString('clave'), periodo: t.exposeString('periodo'), semestre: t.exposeInt('semestre') }),
});
builder.prismaObjectField('Alumno', 'grupo', (t) => t.relation('grupo', { nullable: true, description: 'The student\'s current group.' }));
builder.prismaObject('Evaluacion', {
  description: 'A grade recorded in a corte.',
  fields: (t) => ({
    periodo: t.exposeString('periodo'),
    corte: t.exposeInt('corte'),
    calificacion: t.float({ resolve: (e) => Number(e.calificacion) }),
    modulo: t.relation('modulo'),
    docente: t.relation('docente'),
  }),
});

builder.prismaObjectField('Alumno', 'evaluaciones', (t) =>
  t.relation('evaluaciones', {
    description: 'The student\'s grades, optionally for one period and corte (individual progress, R 12b).',
    args: { periodo: t.arg.string({ required: false }), corte: t.arg.int({ required: false }) },
    query: (args) => ({
      where: { ...(args.periodo ? { periodo: args.periodo } : {}), ...(args.corte ? { corte: args.corte } : {}) },
      orderBy: [{ periodo: 'asc' }, { corte: 'asc' }, { moduloId: 'asc' }],
    }),
  }),
);

// ---- the SISEAC report of a corte ----------------------------------------------

interface LineaSiseac {
  clave: string;
  nombre: string;
  evaluados: number;
  reprobados: number;
  promedio: number | null;
  faltantes: number;
}
const LineaRef = builder.objectRef<LineaSiseac>('LineaSiseac').implement({
  fields: (t) => ({
    clave: t.exposeString('clave', { description: 'Module key, or the teacher\'s id for lines by teacher.' }),
    nombre: t.exposeString('nombre'),
    evaluados: t.exposeInt('evaluados'),
    reprobados: t.exposeInt('reprobados'),
    promedio: t.exposeFloat('promedio', { nullable: true }),
    faltantes: t.exposeInt('faltantes', {
      description: 'Students who have this module (or teacher) in the period but no grade recorded in this corte (R 12c: incumplimiento al registro).',
    }),
  }),
});
const ReporteSiseacRef = builder.objectRef<{ porModulo: LineaSiseac[]; porDocente: LineaSiseac[] }>('ReporteSiseac').implement({
  description: 'SISEAC report of a plantel for a corte: progress by module and by teacher. By student: `alumnosEnRiesgo` and `Alumno.evaluaciones`.',
  fields: (t) => ({
    porModulo: t.field({ type: [LineaRef], resolve: (r) => r.porModulo }),
    porDocente: t.field({ type: [LineaRef], resolve: (r) => r.porDocente }),
  }),
});

async function siseacLines(ctx: Context, plantelPath: string, periodo: string, corte: number, by: 'modulo' | 'docente'): Promise<LineaSiseac[]> {
  const prefixes = readablePrefixes(ctx.viewer!).map((p) => `${p}%`);
  if (!prefixes.length) return [];
  const key = by === 'modulo' ? Prisma.sql`e."moduloId"` : Prisma.sql`e."docenteId"`;
  const label = by === 'modulo' ? Prisma.sql`(SELECT clave FROM "Modulo" WHERE id = k.id)` : Prisma.sql`k.id::text`;
  const name = by === 'modulo' ? Prisma.sql`(SELECT nombre FROM "Modulo" WHERE id = k.id)` : Prisma.sql`(SELECT nombre FROM "Docente" WHERE id = k.id)`;
  return ctx.db.$queryRaw<LineaSiseac[]>`
    WITH scoped AS (
      SELECT a.id FROM "Alumno" a JOIN "OrgUnit" u ON u.id = a."unitId"
      WHERE u.path LIKE ${plantelPath + '%'} AND u.path LIKE ANY (${prefixes}::text[]) AND a.estatus <> 'BAJA'
    ), period AS (
      SELECT ${key} AS id, e."alumnoId", e.corte, e.calificacion
      FROM "Evaluacion" e JOIN scoped s ON s.id = e."alumnoId" WHERE e.periodo = ${periodo}
    ), k AS (
      SELECT id,
             count(*) FILTER (WHERE corte = ${corte})::int AS evaluados,
             count(*) FILTER (WHERE corte = ${corte} AND calificacion < ${RISK_RULE.aprobatoria})::int AS reprobados,
             round(avg(calificacion) FILTER (WHERE corte = ${corte}), 2)::float8 AS promedio,
             (count(DISTINCT "alumnoId") - count(DISTINCT "alumnoId") FILTER (WHERE corte = ${corte}))::int AS faltantes
      FROM period GROUP BY id
    )
    SELECT ${label} AS clave, ${name} AS nombre, k.evaluados, k.reprobados, k.promedio, k.faltantes FROM k ORDER BY 1`;
}

builder.queryField('reporteSiseac', (t) =>
  t.field({
    type: ReporteSiseacRef,
    description: 'SISEAC report of a plantel for a period and corte, over the students the viewer may see.',
    args: { plantelId: t.arg.globalID({ required: true }), periodo: t.arg.string({ required: true }), corte: t.arg.int({ required: true }) },
    resolve: async (_r, args, ctx) => {
      if (![1, 2, 3].includes(args.corte)) throw badInput([{ path: ['corte'], message: 'Must be 1, 2 or 3' }]);
      const path = await ctx.loader(createUnitPathLoader).load(args.plantelId.id);
      if (!path) throw notFound('OrgUnit', args.plantelId.id);
      const [porModulo, porDocente] = await Promise.all([
        siseacLines(ctx, path, args.periodo, args.corte, 'modulo'),
        siseacLines(ctx, path, args.periodo, args.corte, 'docente'),
      ]);
      return { porModulo, porDocente };
    },
  }),
);

// ---- risk-review meetings (R 12c) --------------------------------------------------

builder.prismaNode('ReunionRiesgo', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableByUnit(ctx.viewer)] }),
  description: 'Reunión de revisión de seguimiento académico: three per semester, with their agreements.',
  fields: (t) => ({
    periodo: t.exposeString('periodo'),
    numero: t.exposeInt('numero'),
    fecha: t.expose('fecha', { type: 'DateTime' }),
    acuerdos: t.exposeStringList('acuerdos'),
    unit: t.relation('unit'),
  }),
});

const ReunionInput = builder.inputType('RecordRiskReviewMeetingInput', {
  fields: (t) => ({
    periodo: t.string({ required: true, description: 'e.g. "2025-1".' }),
    numero: t.int({ required: true, description: '1, 2 or 3: the meeting of the semester.' }),
    fecha: t.field({ type: 'DateTime', required: true }),
    acuerdos: t.stringList({ required: true, description: 'Agreements (at least one).' }),
  }),
});
builder.mutationField('recordRiskReviewMeeting', (t) =>
  t.prismaField({
    type: 'ReunionRiesgo',
    description: 'R 12c (JEFE_SERVICIOS_ESCOLARES_ESTATAL): records one of the three risk-review meetings of the semester, with its agreements.',
    args: { input: t.arg({ type: ReunionInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const actor = ctx.viewer!.assignments.find((a) => a.role === SEGUIMIENTO_ROLES.recordRiskReviewMeeting)!;
      const check = new InputChecker()
        .check(/^\d{4}-[12]$/.test(input.periodo), ['input', 'periodo'], 'Must look like "2025-1" or "2025-2"')
        .check([1, 2, 3].includes(input.numero), ['input', 'numero'], 'There are three meetings per semester: 1, 2 or 3')
        .check(input.acuerdos.some((a) => a.trim()), ['input', 'acuerdos'], 'Record at least one agreement');
      check.throwIfAny();
      if (await ctx.db.reunionRiesgo.count({ where: { unitId: actor.unitId, periodo: input.periodo, numero: input.numero } })) {
        throw badInput([{ path: ['input', 'numero'], message: 'This meeting of the semester is already recorded' }]);
      }
      return ctx.db.reunionRiesgo.create({
        ...query,
        data: { unitId: actor.unitId, periodo: input.periodo, numero: input.numero, fecha: input.fecha, acuerdos: input.acuerdos.map((a) => a.trim()).filter(Boolean), createdById: ctx.viewer!.personId },
      });
    },
  }),
);

// ---- asesorías complementarias (F05, R 14) ---------------------------------------

builder.prismaNode('AsesoriaComplementaria', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableByUnit(ctx.viewer)] }),
  description: 'Assignment of a student to complementary tutoring in a module (F05).',
  fields: (t) => ({
    periodo: t.exposeString('periodo'),
    motivo: t.exposeString('motivo'),
    alumno: t.relation('alumno'),
    modulo: t.relation('modulo'),
    docente: t.relation('docente', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const AsesoriaInput = builder.inputType('AssignComplementaryTutoringInput', {
  fields: (t) => ({
    alumnoId: t.globalID({ required: true, for: AlumnoRef }),
    moduloClave: t.string({ required: true }),
    periodo: t.string({ required: true }),
    motivo: t.string({ required: true }),
    docenteId: t.id({ required: false, description: 'The teacher who gives it (Docente.id).' }),
  }),
});
builder.mutationField('assignComplementaryTutoring', (t) =>
  t.prismaField({
    type: 'AsesoriaComplementaria',
    description: 'R 14 (SERVICIOS_ESCOLARES_PLANTEL): assigns a student of your plantel to complementary tutoring (F05).',
    args: { input: t.arg({ type: AsesoriaInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const alumno = await readableAlumno(ctx, input.alumnoId.id);
      const actor = assignmentReaching(ctx.viewer!, SEGUIMIENTO_ROLES.assignComplementaryTutoring, alumno.unit.path);
      if (!actor) throw forbidden('assignComplementaryTutoring is for the school services of the student\'s plantel');
      const modulo = await ctx.db.modulo.findUnique({ where: { clave: input.moduloClave } });
      const docente = input.docenteId && UUID.test(String(input.docenteId))
        ? await ctx.db.docente.findFirst({ where: { id: String(input.docenteId), unitId: alumno.unit.id } })
        : null;
      const check = new InputChecker()
        .check(!!modulo, ['input', 'moduloClave'], 'No module has this key')
        .check(/^\d{4}-[12]$/.test(input.periodo), ['input', 'periodo'], 'Must look like "2025-1" or "2025-2"')
        .check(!input.docenteId || !!docente, ['input', 'docenteId'], 'Not a teacher of the student\'s plantel');
      checkText(check, input.motivo, ['input', 'motivo'], 500);
      check.throwIfAny();
      if (await ctx.db.asesoriaComplementaria.count({ where: { alumnoId: alumno.id, moduloId: modulo!.id, periodo: input.periodo } })) {
        throw badInput([{ path: ['input', 'moduloClave'], message: 'The student already has tutoring in this module this period' }]);
      }
      return ctx.db.asesoriaComplementaria.create({
        ...query,
        data: { alumnoId: alumno.id, unitId: alumno.unit.id, moduloId: modulo!.id, docenteId: docente?.id ?? null, periodo: input.periodo, motivo: input.motivo.trim(), createdById: ctx.viewer!.personId },
      });
    },
  }),
);

// ---- bajas (F04, R 15) ---------------------------------------------------------------

export const EstadoBajaEnum = builder.enumType(EstadoBajaValues, { name: 'EstadoBaja' });
const bajaStore = unitOwnedStore<EstadoBaja>('Baja', (tx) => tx.baja);

const BajaRef = builder.prismaNode('Baja', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableByUnit(ctx.viewer)] }),
  description: 'A student\'s baja with its reasons (F04), routed to Psicopedagogía.',
  fields: (t) => ({
    fecha: t.expose('fecha', { type: 'DateTime' }),
    motivo: t.exposeString('motivo'),
    solicitudTutor: t.exposeBoolean('solicitudTutor', { description: 'Requested in writing by the student\'s tutor.' }),
    estado: t.expose('estado', { type: EstadoBajaEnum }),
    version: t.exposeInt('version'),
    atencion: t.exposeString('atencion', { nullable: true, description: 'What Psicopedagogía did.' }),
    alumno: t.relation('alumno'),
    unit: t.relation('unit'),
    history: t.field({ type: [WorkflowTransitionRef], resolve: (b, _a, ctx) => ctx.loader(createHistoryLoader).load({ workflow: bajaWorkflow.name, recordId: b.id }) }),
    availableSteps: t.stringList({
      select: { estado: true, unit: { select: { path: true } } },
      resolve: (b, _a, ctx) => availableSteps(bajaWorkflow, BAJA_MUTATIONS)(b, ctx.viewer),
    }),
  }),
});

const ReportBajaInput = builder.inputType('ReportDropoutInput', {
  fields: (t) => ({
    alumnoId: t.globalID({ required: true, for: AlumnoRef }),
    fecha: t.field({ type: 'DateTime', required: true }),
    motivo: t.string({ required: true }),
    solicitudTutor: t.boolean({ required: true }),
  }),
});
builder.mutationField('reportDropout', (t) =>
  t.prismaField({
    type: 'Baja',
    description: 'R 15 (SERVICIOS_ESCOLARES_PLANTEL): reports a baja at once, with its reasons (F04); the student\'s status becomes BAJA.',
    args: { input: t.arg({ type: ReportBajaInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const alumno = await readableAlumno(ctx, input.alumnoId.id);
      const check = new InputChecker().check(input.fecha.getTime() <= Date.now(), ['input', 'fecha'], 'Cannot be in the future');
      checkText(check, input.motivo, ['input', 'motivo'], 1000);
      const id = await createRecord(ctx, bajaWorkflow, 'reportDropout', alumno.unit, async (tx) => {
        check.throwIfAny();
        const { count } = await tx.alumno.updateMany({ where: { id: alumno.id, estatus: { notIn: ['BAJA', 'EGRESADO'] } }, data: { estatus: 'BAJA' } });
        if (!count) throw badInput([{ path: ['input', 'alumnoId'], message: 'The student is already a baja or has graduated' }]);
        return tx.baja.create({
          data: { alumnoId: alumno.id, unitId: alumno.unit.id, fecha: input.fecha, motivo: input.motivo.trim(), solicitudTutor: input.solicitudTutor },
          select: { id: true },
        });
      });
      return ctx.db.baja.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);

const BajaStepInput = builder.inputType('BajaStepInput', {
  fields: (t) => ({
    id: t.globalID({ required: true, for: BajaRef }),
    version: t.int({ required: false }),
    observaciones: t.string({ required: false, description: 'Required to close the attention: what was done.' }),
  }),
});
for (const field of ['channelDropoutToPsicopedagogia', 'attendDropout'] as const) {
  stepMutation<EstadoBaja, (typeof BAJA_MUTATIONS)[typeof field], StepArgs>({
    workflow: bajaWorkflow,
    store: bajaStore,
    readable: readableByUnit,
    model: 'Baja',
    field,
    transition: BAJA_MUTATIONS[field],
    input: BajaStepInput,
    options: field === 'attendDropout' ? (input) => ({ data: { atencion: input.observaciones?.trim() ?? null } }) : undefined,
  });
}

// ---- lists -----------------------------------------------------------------------------

const SeguimientoFilter = builder.inputType('SeguimientoFilter', {
  fields: (t) => ({
    dentroDe: t.globalID({ required: false }),
    periodo: t.string({ required: false }),
    estadoBaja: t.field({ type: [EstadoBajaEnum], required: false, description: 'Bajas only.' }),
  }),
});
type Filter = typeof SeguimientoFilter.$inferInput | null | undefined;
const where = async (ctx: Context, filter: Filter, extra: object = {}) => ({
  AND: [readableByUnit(ctx.viewer), filter?.dentroDe ? await withinUnit(ctx, filter.dentroDe.id) : {}, extra],
});

builder.queryFields((t) => ({
  reunionesRiesgo: t.prismaConnection({
    type: 'ReunionRiesgo',
    cursor: 'id',
    args: { filter: t.arg({ type: SeguimientoFilter }) },
    totalCount: async (_c, args, ctx) => ctx.db.reunionRiesgo.count({ where: await where(ctx, args.filter, args.filter?.periodo ? { periodo: args.filter.periodo } : {}) }),
    resolve: async (query, _r, args, ctx) =>
      ctx.db.reunionRiesgo.findMany({ ...query, where: await where(ctx, args.filter, args.filter?.periodo ? { periodo: args.filter.periodo } : {}), orderBy: [{ periodo: 'asc' }, { numero: 'asc' }, { id: 'asc' }] }),
  }, { name: 'ReunionRiesgoConnection' }, { name: 'ReunionRiesgoEdge' }),
  asesoriasComplementarias: t.prismaConnection({
    type: 'AsesoriaComplementaria',
    cursor: 'id',
    args: { filter: t.arg({ type: SeguimientoFilter }) },
    totalCount: async (_c, args, ctx) => ctx.db.asesoriaComplementaria.count({ where: await where(ctx, args.filter, args.filter?.periodo ? { periodo: args.filter.periodo } : {}) }),
    resolve: async (query, _r, args, ctx) =>
      ctx.db.asesoriaComplementaria.findMany({ ...query, where: await where(ctx, args.filter, args.filter?.periodo ? { periodo: args.filter.periodo } : {}), orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
  }, { name: 'AsesoriaComplementariaConnection' }, { name: 'AsesoriaComplementariaEdge' }),
  bajas: t.prismaConnection({
    type: 'Baja',
    cursor: 'id',
    args: { filter: t.arg({ type: SeguimientoFilter }) },
    totalCount: async (_c, args, ctx) => ctx.db.baja.count({ where: await where(ctx, args.filter, args.filter?.estadoBaja?.length ? { estado: { in: args.filter.estadoBaja } } : {}) }),
    resolve: async (query, _r, args, ctx) =>
      ctx.db.baja.findMany({ ...query, where: await where(ctx, args.filter, args.filter?.estadoBaja?.length ? { estado: { in: args.filter.estadoBaja } } : {}), orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
  }, { name: 'BajaConnection' }, { name: 'BajaEdge' }),
}));

async function readableAlumno(ctx: Context, id: string) {
  const alumno = await ctx.db.alumno.findFirst({ where: { AND: [{ id }, readableByUnit(ctx.viewer)] }, select: { id: true, unit: { select: { id: true, path: true } } } });
  if (!alumno) throw notFound('Alumno', id);
  return alumno;
}


// ---- school calendar (R 8, 12a) --------------------------------------------------------

const CorteRef = builder.prismaObject('CorteCalendario', {
  description: 'A corte de seguimiento al aprovechamiento académico of the school calendar.',
  fields: (t) => ({
    periodo: t.exposeString('periodo'),
    corte: t.exposeInt('corte'),
    inicio: t.expose('inicio', { type: 'DateTime' }),
    fin: t.expose('fin', { type: 'DateTime' }),
  }),
});

const CorteInput = builder.inputType('CorteCalendarioInput', {
  fields: (t) => ({
    corte: t.int({ required: true }),
    inicio: t.field({ type: 'DateTime', required: true }),
    fin: t.field({ type: 'DateTime', required: true }),
  }),
});
const CalendarioInput = builder.inputType('PublishSchoolCalendarInput', {
  fields: (t) => ({
    periodo: t.string({ required: true, description: 'e.g. "2025-1".' }),
    cortes: t.field({ type: [CorteInput], required: true, description: 'The three cortes, in order, without overlapping.' }),
  }),
});

builder.mutationField('publishSchoolCalendar', (t) =>
  t.prismaField({
    type: [CorteRef],
    description: 'R 8 (JEFE_SERVICIOS_ESCOLARES_ESTATAL): publishes to your planteles the cortes of a period, as received from Oficinas Nacionales; replaces an earlier version.',
    args: { input: t.arg({ type: CalendarioInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const actor = ctx.viewer!.assignments.find((a) => a.role === SEGUIMIENTO_ROLES.publishSchoolCalendar)!;
      const check = new InputChecker()
        .check(/^\d{4}-[12]$/.test(input.periodo), ['input', 'periodo'], 'Must look like "2025-1" or "2025-2"')
        .check(input.cortes.length === 3 && input.cortes.every((c, i) => c.corte === i + 1), ['input', 'cortes'], 'Give cortes 1, 2 and 3, in order');
      input.cortes.forEach((c, i) => {
        check.check(c.inicio <= c.fin, ['input', 'cortes', i, 'fin'], 'Cannot end before it starts');
        if (i > 0) check.check(input.cortes[i - 1].fin < c.inicio, ['input', 'cortes', i, 'inicio'], 'Must start after the previous corte ends');
      });
      check.throwIfAny();
      await ctx.db.$transaction([
        ctx.db.corteCalendario.deleteMany({ where: { unitId: actor.unitId, periodo: input.periodo } }),
        ctx.db.corteCalendario.createMany({ data: input.cortes.map((c) => ({ unitId: actor.unitId, periodo: input.periodo, corte: c.corte, inicio: c.inicio, fin: c.fin })) }),
      ]);
      return ctx.db.corteCalendario.findMany({ ...query, where: { unitId: actor.unitId, periodo: input.periodo }, orderBy: { corte: 'asc' } });
    },
  }),
);

builder.queryField('calendarioEscolar', (t) =>
  t.prismaField({
    type: [CorteRef],
    description: 'The cortes of a period published by a state (the school calendar is not confidential: any signed-in person may read it).',
    args: { estadoId: t.arg.globalID({ required: true }), periodo: t.arg.string({ required: true }) },
    resolve: (query, _r, args, ctx) =>
      ctx.db.corteCalendario.findMany({ ...query, where: { unitId: args.estadoId.id, periodo: args.periodo }, orderBy: { corte: 'asc' } }),
  }),
);
