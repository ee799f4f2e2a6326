// SISEAC follow-up (30-524-PO-04 R 8-15): the report per corte by module and
// teacher (with missing evaluation records), the school calendar, risk-review
// meetings, asesorías complementarias (F05) and bajas (F04) routed to
// Psicopedagogía. Every write is a declared step (workflow.ts).
import { count, findMany } from '../../lib/db/read.js';
import { builder } from '../../builder.js';
import type { Context } from '../../context.js';
import { EstadoBaja as EstadoBajaValues } from '../../generated/prisma/enums.js';
import { Prisma } from '../../generated/prisma/client.js';
import { unitPath } from '../../lib/auth/scope.js';
import { readablePrefixes } from '../../lib/auth/viewer.js';
import { InputChecker, badInput, notFound } from '../../lib/errors.js';
import { UUID } from '../../lib/ids.js';
import { listWhere, orderInput, unitFilter } from '../../lib/pagination.js';
import { checkText } from '../../lib/validation.js';
import { workflowRecordFields } from '../../lib/workflow/fields.js';
import { creationMutation, stepMutation } from '../../lib/workflow/mutations.js';
import { readableByUnit } from './rules.js';
import { AlumnoRef } from './types.js';
import { asesoriaComplementariaWorkflow, bajaWorkflow, corteCalendarioWorkflow, reunionRiesgoWorkflow } from './workflow.js';
import { RISK_RULE } from './indicators.js';

builder.prismaObject('Modulo', {
  fields: (t) => ({ id: t.exposeID('id'), clave: t.exposeString('clave'), nombre: t.exposeString('nombre') }),
});
builder.prismaObject('Docente', { fields: (t) => ({ id: t.exposeID('id'), nombre: t.exposeString('nombre') }) });
builder.prismaObject('Grupo', {
  description: 'A group of a plantel in a period.',
  fields: (t) => ({
    id: t.exposeID('id'),
    clave: t.exposeString('clave'),
    periodo: t.exposeString('periodo'),
    semestre: t.exposeInt('semestre'),
  }),
});
builder.prismaObjectField('Alumno', 'grupo', (t) => t.relation('grupo', { nullable: true, description: "The student's current group." }));
builder.prismaObject('Evaluacion', {
  description: 'A grade recorded in a corte.',
  fields: (t) => ({
    periodo: t.exposeString('periodo'),
    corte: t.exposeInt('corte'),
    calificacion: t.float({ extensions: { columns: ['calificacion'] }, resolve: (e) => Number(e.calificacion) }),
    modulo: t.relation('modulo'),
    docente: t.relation('docente'),
  }),
});

builder.prismaObjectField('Alumno', 'evaluaciones', (t) =>
  t.relation('evaluaciones', {
    description: "The student's grades, optionally for one period and corte (individual progress, R 12b).",
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
    clave: t.exposeString('clave', { description: "Module key, or the teacher's id for lines by teacher." }),
    nombre: t.exposeString('nombre'),
    evaluados: t.exposeInt('evaluados'),
    reprobados: t.exposeInt('reprobados'),
    promedio: t.exposeFloat('promedio', { nullable: true }),
    faltantes: t.exposeInt('faltantes', {
      description:
        'Students who have this module (or teacher) in the period but no grade recorded in this corte (R 12c: incumplimiento al registro).',
    }),
  }),
});
const ReporteSiseacRef = builder.objectRef<{ porModulo: LineaSiseac[]; porDocente: LineaSiseac[] }>('ReporteSiseac').implement({
  description:
    'SISEAC report of a plantel for a corte: progress by module and by teacher. By student: `alumnosEnRiesgo` and `Alumno.evaluaciones`.',
  fields: (t) => ({
    porModulo: t.field({ type: [LineaRef], resolve: (r) => r.porModulo }),
    porDocente: t.field({ type: [LineaRef], resolve: (r) => r.porDocente }),
  }),
});

async function siseacLines(
  ctx: Context,
  plantelPath: string,
  periodo: string,
  corte: number,
  by: 'modulo' | 'docente',
): Promise<LineaSiseac[]> {
  const prefixes = readablePrefixes(ctx.viewer!).map((p) => `${p}%`);
  if (!prefixes.length) return [];
  const key = by === 'modulo' ? Prisma.sql`e."moduloId"` : Prisma.sql`e."docenteId"`;
  const label = by === 'modulo' ? Prisma.sql`(SELECT clave FROM "Modulo" WHERE id = k.id)` : Prisma.sql`k.id::text`;
  const name =
    by === 'modulo'
      ? Prisma.sql`(SELECT nombre FROM "Modulo" WHERE id = k.id)`
      : Prisma.sql`(SELECT nombre FROM "Docente" WHERE id = k.id)`;
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
    args: {
      plantelId: t.arg.globalID({ required: true }),
      periodo: t.arg.string({ required: true }),
      corte: t.arg.int({ required: true }),
    },
    resolve: async (_r, args, ctx) => {
      if (![1, 2, 3].includes(args.corte)) throw badInput([{ path: ['corte'], message: 'Must be 1, 2 or 3' }]);
      const path = await unitPath(ctx, args.plantelId.id);
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
workflowRecordFields(reunionRiesgoWorkflow);

const periodoValido = (periodo: string) => /^\d{4}-[12]$/.test(periodo);

const ReunionInput = builder.inputType('CreateReunionRiesgoInput', {
  fields: (t) => ({
    periodo: t.string({ required: true, description: 'e.g. "2025-1".' }),
    numero: t.int({ required: true, description: '1, 2 or 3: the meeting of the semester.' }),
    fecha: t.field({ type: 'DateTime', required: true }),
    acuerdos: t.stringList({ required: true, description: 'Agreements (at least one).' }),
    unitId: t.globalID({ required: false, description: 'The state office; defaults to the unit where you hold the role.' }),
  }),
});
creationMutation(reunionRiesgoWorkflow, 'createReunionRiesgo', {
  input: ReunionInput,
  plan: (input, ctx) => ({
    unitId: input.unitId?.id,
    validate: async (tx, { unit }) => {
      const check = new InputChecker()
        .check(periodoValido(input.periodo), ['input', 'periodo'], 'Must look like "2025-1" or "2025-2"')
        .check([1, 2, 3].includes(input.numero), ['input', 'numero'], 'There are three meetings per semester: 1, 2 or 3')
        .check(
          input.acuerdos.some((a) => a.trim()),
          ['input', 'acuerdos'],
          'Record at least one agreement',
        );
      if (check.issues.length) return check.issues;
      return (await tx.reunionRiesgo.count({ where: { unitId: unit.id, periodo: input.periodo, numero: input.numero } }))
        ? [{ path: ['input', 'numero'], message: 'This meeting of the semester is already recorded' }]
        : [];
    },
    create: async (tx, { unit }) => {
      const acuerdos = input.acuerdos.map((a) => a.trim()).filter(Boolean);
      const created = await tx.reunionRiesgo.create({
        data: {
          unitId: unit.id,
          periodo: input.periodo,
          numero: input.numero,
          fecha: input.fecha,
          acuerdos,
          createdById: ctx.viewer!.personId,
        },
        select: { id: true },
      });
      return { id: created.id, changes: { periodo: input.periodo, numero: input.numero, acuerdos: acuerdos.length } };
    },
  }),
});

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
    unit: t.relation('unit'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});
workflowRecordFields(asesoriaComplementariaWorkflow);

const AsesoriaInput = builder.inputType('CreateAsesoriaComplementariaInput', {
  fields: (t) => ({
    alumnoId: t.globalID({ required: true, for: AlumnoRef }),
    moduloClave: t.string({ required: true }),
    periodo: t.string({ required: true }),
    motivo: t.string({ required: true }),
    docenteId: t.id({ required: false, description: 'The teacher who gives it (Docente.id).' }),
  }),
});
creationMutation(asesoriaComplementariaWorkflow, 'createAsesoriaComplementaria', {
  input: AsesoriaInput,
  plan: (input, ctx) => {
    let moduloId = '';
    let docenteId: string | null = null;
    return {
      underId: input.alumnoId.id,
      validate: async (tx, { unit, under }) => {
        const modulo = await tx.modulo.findUnique({ where: { clave: input.moduloClave }, select: { id: true } });
        const docente =
          input.docenteId && UUID.test(String(input.docenteId))
            ? await tx.docente.findFirst({ where: { id: String(input.docenteId), unitId: unit.id }, select: { id: true } })
            : null;
        const check = new InputChecker()
          .check(!!modulo, ['input', 'moduloClave'], 'No module has this key')
          .check(periodoValido(input.periodo), ['input', 'periodo'], 'Must look like "2025-1" or "2025-2"')
          .check(!input.docenteId || !!docente, ['input', 'docenteId'], "Not a teacher of the student's plantel");
        checkText(check, input.motivo, ['input', 'motivo'], 500);
        if (check.issues.length) return check.issues;
        moduloId = modulo!.id;
        docenteId = docente?.id ?? null;
        return (await tx.asesoriaComplementaria.count({ where: { alumnoId: under!.id, moduloId, periodo: input.periodo } }))
          ? [{ path: ['input', 'moduloClave'], message: 'The student already has tutoring in this module this period' }]
          : [];
      },
      create: async (tx, { unit, under }) => {
        const created = await tx.asesoriaComplementaria.create({
          data: {
            alumnoId: under!.id,
            unitId: unit.id,
            moduloId,
            docenteId,
            periodo: input.periodo,
            motivo: input.motivo.trim(),
            createdById: ctx.viewer!.personId,
          },
          select: { id: true },
        });
        return { id: created.id, changes: { modulo: input.moduloClave, periodo: input.periodo } };
      },
    };
  },
});

// ---- bajas (F04, R 15) ---------------------------------------------------------------

export const EstadoBajaEnum = builder.enumType(EstadoBajaValues, { name: 'EstadoBaja' });

builder.prismaNode('Baja', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableByUnit(ctx.viewer)] }),
  description: "A student's baja with its reasons (F04), routed to Psicopedagogía.",
  fields: (t) => ({
    fecha: t.expose('fecha', { type: 'DateTime' }),
    motivo: t.exposeString('motivo'),
    solicitudTutor: t.exposeBoolean('solicitudTutor', { description: "Requested in writing by the student's tutor." }),
    estado: t.expose('estado', { type: EstadoBajaEnum }),
    atencion: t.exposeString('atencion', { nullable: true, description: 'What Psicopedagogía did.' }),
    alumno: t.relation('alumno'),
    unit: t.relation('unit'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});
workflowRecordFields(bajaWorkflow);

const CreateBajaInput = builder.inputType('CreateBajaInput', {
  fields: (t) => ({
    alumnoId: t.globalID({ required: true, for: AlumnoRef }),
    fecha: t.field({ type: 'DateTime', required: true }),
    motivo: t.string({ required: true }),
    solicitudTutor: t.boolean({ required: true }),
  }),
});
creationMutation(bajaWorkflow, 'createBaja', {
  input: CreateBajaInput,
  plan: (input) => ({
    // The engine locks the student's row and checks that the student is neither a baja nor a graduate.
    underId: input.alumnoId.id,
    validate: () =>
      checkText(
        new InputChecker().check(input.fecha.getTime() <= Date.now(), ['input', 'fecha'], 'Cannot be in the future'),
        input.motivo,
        ['input', 'motivo'],
        1000,
      ).issues,
    create: async (tx, { unit, under }) => {
      await tx.alumno.update({ where: { id: under!.id }, data: { estatus: 'BAJA' } });
      const created = await tx.baja.create({
        data: {
          alumnoId: under!.id,
          unitId: unit.id,
          fecha: input.fecha,
          motivo: input.motivo.trim(),
          solicitudTutor: input.solicitudTutor,
        },
        select: { id: true },
      });
      return { id: created.id, changes: { estatusAlumno: 'BAJA' } };
    },
  }),
});

stepMutation(bajaWorkflow, 'sendBaja');
// The observations of the attention are what Psicopedagogía did.
stepMutation(bajaWorkflow, 'closeBaja', { plan: (input) => ({ data: { atencion: input.observaciones?.trim() ?? null } }) });

// ---- lists -----------------------------------------------------------------------------

const ReunionRiesgoFilter = builder.inputType('ReunionRiesgoFilter', {
  fields: (t) => ({
    dentroDe: t.globalID({ required: false, description: 'Of this unit or a unit below it.' }),
    unitId: t.globalID({ required: false, description: 'Of exactly this unit.' }),
    periodo: t.string({ required: false }),
  }),
});
const ReunionRiesgoOrder = orderInput('ReunionRiesgo', ['fecha', 'periodo', 'numero'] as const, 'periodo');
const reunionWhere = listWhere(
  async (
    { filter }: { filter?: typeof ReunionRiesgoFilter.$inferInput | null },
    ctx: Context,
  ): Promise<Prisma.ReunionRiesgoWhereInput> => ({
    AND: [readableByUnit(ctx.viewer), await unitFilter(ctx, filter), filter?.periodo ? { periodo: filter.periodo } : {}],
  }),
);

const AsesoriaComplementariaFilter = builder.inputType('AsesoriaComplementariaFilter', {
  fields: (t) => ({
    dentroDe: t.globalID({ required: false, description: 'Of this unit or a unit below it.' }),
    unitId: t.globalID({ required: false, description: 'Of exactly this unit.' }),
    periodo: t.string({ required: false }),
  }),
});
const AsesoriaComplementariaOrder = orderInput('AsesoriaComplementaria', ['createdAt', 'periodo'] as const, 'createdAt');
const asesoriaWhere = listWhere(
  async (
    { filter }: { filter?: typeof AsesoriaComplementariaFilter.$inferInput | null },
    ctx: Context,
  ): Promise<Prisma.AsesoriaComplementariaWhereInput> => ({
    AND: [readableByUnit(ctx.viewer), await unitFilter(ctx, filter), filter?.periodo ? { periodo: filter.periodo } : {}],
  }),
);

const BajaFilter = builder.inputType('BajaFilter', {
  fields: (t) => ({
    dentroDe: t.globalID({ required: false, description: 'Of this unit or a unit below it.' }),
    unitId: t.globalID({ required: false, description: 'Of exactly this unit.' }),
    estado: t.field({ type: [EstadoBajaEnum], required: false, description: 'Any of these states.' }),
  }),
});
const BajaOrder = orderInput('Baja', ['createdAt', 'fecha', 'estado'] as const, 'createdAt');
const bajaWhere = listWhere(
  async ({ filter }: { filter?: typeof BajaFilter.$inferInput | null }, ctx: Context): Promise<Prisma.BajaWhereInput> => ({
    AND: [readableByUnit(ctx.viewer), await unitFilter(ctx, filter), filter?.estado?.length ? { estado: { in: filter.estado } } : {}],
  }),
);

builder.queryFields((t) => ({
  reunionesRiesgo: t.prismaConnection(
    {
      type: 'ReunionRiesgo',
      cursor: 'id',
      description: 'Risk-review meetings the viewer may see. Default order: by period, then meeting number.',
      args: { filter: t.arg({ type: ReunionRiesgoFilter }), orderBy: t.arg({ type: ReunionRiesgoOrder.Input }) },
      totalCount: async (_c, args, ctx) => count(ctx.db, 'reunionRiesgo', { where: await reunionWhere(args, ctx) }),
      resolve: async (query, _r, args, ctx, info) =>
        findMany(
          ctx.db,
          'reunionRiesgo',
          {
            ...query,
            where: await reunionWhere(args, ctx),
            orderBy: args.orderBy
              ? ReunionRiesgoOrder.toPrisma<Prisma.ReunionRiesgoOrderByWithRelationInput>(args.orderBy)
              : [{ periodo: 'asc' }, { numero: 'asc' }, { id: 'asc' }],
          },
          info,
        ),
    },
    { name: 'ReunionRiesgoConnection' },
    { name: 'ReunionRiesgoEdge' },
  ),
  asesoriasComplementarias: t.prismaConnection(
    {
      type: 'AsesoriaComplementaria',
      cursor: 'id',
      description: 'Asesorías complementarias the viewer may see.',
      args: { filter: t.arg({ type: AsesoriaComplementariaFilter }), orderBy: t.arg({ type: AsesoriaComplementariaOrder.Input }) },
      totalCount: async (_c, args, ctx) => count(ctx.db, 'asesoriaComplementaria', { where: await asesoriaWhere(args, ctx) }),
      resolve: async (query, _r, args, ctx, info) =>
        findMany(
          ctx.db,
          'asesoriaComplementaria',
          {
            ...query,
            where: await asesoriaWhere(args, ctx),
            orderBy: AsesoriaComplementariaOrder.toPrisma<Prisma.AsesoriaComplementariaOrderByWithRelationInput>(args.orderBy),
          },
          info,
        ),
    },
    { name: 'AsesoriaComplementariaConnection' },
    { name: 'AsesoriaComplementariaEdge' },
  ),
  bajas: t.prismaConnection(
    {
      type: 'Baja',
      cursor: 'id',
      description: 'Bajas the viewer may see.',
      args: { filter: t.arg({ type: BajaFilter }), orderBy: t.arg({ type: BajaOrder.Input }) },
      totalCount: async (_c, args, ctx) => count(ctx.db, 'baja', { where: await bajaWhere(args, ctx) }),
      resolve: async (query, _r, args, ctx, info) =>
        findMany(
          ctx.db,
          'baja',
          {
            ...query,
            where: await bajaWhere(args, ctx),
            orderBy: BajaOrder.toPrisma<Prisma.BajaOrderByWithRelationInput>(args.orderBy),
          },
          info,
        ),
    },
    { name: 'BajaConnection' },
    { name: 'BajaEdge' },
  ),
}));

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
workflowRecordFields(corteCalendarioWorkflow);

const CorteInput = builder.inputType('CorteCalendarioInput', {
  fields: (t) => ({
    corte: t.int({ required: true }),
    inicio: t.field({ type: 'DateTime', required: true }),
    fin: t.field({ type: 'DateTime', required: true }),
  }),
});
const CalendarioInput = builder.inputType('PublishCorteCalendarioInput', {
  fields: (t) => ({
    periodo: t.string({ required: true, description: 'e.g. "2025-1".' }),
    cortes: t.field({ type: [CorteInput], required: true, description: 'The three cortes, in order, without overlapping.' }),
    unitId: t.globalID({ required: false, description: 'The state office; defaults to the unit where you hold the role.' }),
  }),
});

/** The cortes of a period published by a state office, in order (1, 2, 3). */
const cortesOf = (db: Pick<Context['db'], 'corteCalendario'>, unitId: string, periodo: string) =>
  db.corteCalendario.findMany({ where: { unitId, periodo }, orderBy: { corte: 'asc' } });

creationMutation(corteCalendarioWorkflow, 'publishCorteCalendario', {
  input: CalendarioInput,
  plan: (input) => ({
    unitId: input.unitId?.id,
    validate: () => {
      const check = new InputChecker()
        .check(periodoValido(input.periodo), ['input', 'periodo'], 'Must look like "2025-1" or "2025-2"')
        .check(
          input.cortes.length === 3 && input.cortes.every((c, i) => c.corte === i + 1),
          ['input', 'cortes'],
          'Give cortes 1, 2 and 3, in order',
        );
      input.cortes.forEach((c, i) => {
        check.check(c.inicio <= c.fin, ['input', 'cortes', i, 'fin'], 'Cannot end before it starts');
        if (i > 0)
          check.check(input.cortes[i - 1].fin < c.inicio, ['input', 'cortes', i, 'inicio'], 'Must start after the previous corte ends');
      });
      return check.issues;
    },
    // Replaces an earlier version of the period's calendar in place (the cortes keep their ids); the audit entry is kept on corte 1.
    create: async (tx, { unit }) => {
      for (const c of input.cortes) {
        await tx.corteCalendario.upsert({
          where: { unitId_periodo_corte: { unitId: unit.id, periodo: input.periodo, corte: c.corte } },
          create: { unitId: unit.id, periodo: input.periodo, corte: c.corte, inicio: c.inicio, fin: c.fin },
          update: { inicio: c.inicio, fin: c.fin },
        });
      }
      await tx.corteCalendario.deleteMany({
        where: { unitId: unit.id, periodo: input.periodo, corte: { notIn: input.cortes.map((c) => c.corte) } },
      });
      const [first] = await cortesOf(tx, unit.id, input.periodo);
      return {
        id: first.id,
        changes: { periodo: input.periodo, cortes: input.cortes.map((c) => ({ corte: c.corte, inicio: c.inicio, fin: c.fin })) },
      };
    },
  }),
  output: {
    type: [CorteRef],
    resolve: async (result, input, ctx) => {
      const { unitId } = await ctx.db.corteCalendario.findUniqueOrThrow({ where: { id: result.id }, select: { unitId: true } });
      return cortesOf(ctx.db, unitId, input.periodo);
    },
  },
});

builder.queryField('cortesCalendario', (t) =>
  t.prismaField({
    type: [CorteRef],
    description:
      'The cortes of a period published by a Colegio Estatal, in order (the school calendar is not confidential: every signed-in person may read it).',
    args: { colegioEstatalId: t.arg.globalID({ required: true }), periodo: t.arg.string({ required: true }) },
    resolve: (query, _r, args, ctx, info) =>
      findMany(
        ctx.db,
        'corteCalendario',
        {
          ...query,
          where: { unitId: args.colegioEstatalId.id, periodo: args.periodo },
          orderBy: { corte: 'asc' },
        },
        info,
      ),
  }),
);
