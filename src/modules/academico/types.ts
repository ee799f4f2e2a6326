// GraphQL types and queries of 30-524-PO-04: students, certificates, folios, indicators.
// Writes are the declared steps (workflow.ts, mutations.ts).
import { count, findMany } from '../../lib/db/read.js';
import { encodeGlobalID } from '@pothos/plugin-relay';
import DataLoader from 'dataloader';
import type { Db } from '../../lib/db/client.js';
import { builder } from '../../builder.js';
import { documentosField } from '../../lib/documents/schema.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { EstadoCertificado, EstatusAlumno, ModeloAcademico } from '../../generated/prisma/enums.js';
import { unitPath, withinUnit } from '../../lib/auth/scope.js';
import { loadReadable, loadReadableBy } from '../../lib/auth/relations.js';
import { badInput, notFound } from '../../lib/errors.js';
import { listWhere, orderInput, unitFilter } from '../../lib/pagination.js';
import { workflowRecordFields } from '../../lib/workflow/fields.js';
import { maskCurp, readableByUnit, seesPersonalData } from './rules.js';
import { certificadoWorkflow, importacionSaeWorkflow, loteFoliosWorkflow } from './workflow.js';
import type { SaeIssue } from './sae.js';
import { NivelIndicadorEnum } from '../../lib/indicators.js';
import { alumnosEnRiesgo, eficienciaTerminal, RISK_RULE, type EficienciaTerminalRow } from './indicators.js';

export const ModeloAcademicoEnum = builder.enumType(ModeloAcademico, {
  name: 'ModeloAcademico',
  description: 'Academic model: 1990, 1997, 2003, 2008, 2018, 2023.',
});
export const EstatusAlumnoEnum = builder.enumType(EstatusAlumno, { name: 'EstatusAlumno' });
export const EstadoCertificadoEnum = builder.enumType(EstadoCertificado, { name: 'EstadoCertificado' });

export const AlumnoRef = builder.prismaNode('Alumno', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableByUnit(ctx.viewer)] }),
  description: 'A student of a plantel.',
  fields: (t) => ({
    matricula: t.exposeString('matricula'),
    curp: t.string({
      description:
        "Personal data: shown whole only to roles that need it (school services, psycho-pedagogy, the plantel's director, COSFAC) within their reach; masked for everyone else.",
      select: { curp: true, unit: { select: { path: true } } },
      resolve: (a, _args, ctx) => (seesPersonalData(ctx.viewer, a.unit.path) ? a.curp : maskCurp(a.curp)),
    }),
    nombre: t.exposeString('nombre'),
    primerApellido: t.exposeString('primerApellido'),
    segundoApellido: t.exposeString('segundoApellido', { nullable: true }),
    generacion: t.exposeInt('generacion', {
      description: 'Year of first-semester enrolment (or of entry, for a student who entered later).',
    }),
    semestreIngreso: t.exposeInt('semestreIngreso', {
      description:
        'The semester the student entered in: 1 for a first-semester enrolment, the only ones eficiencia terminal divides by (L169).',
    }),
    carrera: t.exposeString('carrera'),
    modeloAcademico: t.expose('modeloAcademico', { type: ModeloAcademicoEnum }),
    semestre: t.exposeInt('semestre'),
    estatus: t.expose('estatus', { type: EstatusAlumnoEnum }),
    planConcluido: t.exposeBoolean('planConcluido', { description: 'Regular and accredited the whole plan: may get a certificate.' }),
    unit: t.relation('unit'),
    certificados: t.relation('certificados', {
      query: (_a, ctx) => ({ where: readableByUnit(ctx.viewer), orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    }),
  }),
});

builder.prismaObject('Folio', {
  description: 'An electronic folio for a certificate.',
  fields: (t) => ({ numero: t.exposeString('numero'), asignadoAt: t.expose('asignadoAt', { type: 'DateTime', nullable: true }) }),
});

/** The lowest and highest folio of each batch of a response, in one statement (each from the index on loteId, numero). */
const folioRangeLoader = (db: Db) =>
  new DataLoader<string, { primero: string; ultimo: string } | undefined>(async (ids) => {
    const rows = await db.$queryRaw<{ id: string; primero: string | null; ultimo: string | null }[]>`
      SELECT l.id::text AS id,
             (SELECT min(f.numero) FROM "Folio" f WHERE f."loteId" = l.id) AS primero,
             (SELECT max(f.numero) FROM "Folio" f WHERE f."loteId" = l.id) AS ultimo
      FROM unnest(${[...ids]}::uuid[]) AS l(id)`;
    const byLote = new Map(rows.map((r) => [r.id, { primero: r.primero ?? '', ultimo: r.ultimo ?? '' }]));
    return ids.map((id) => byLote.get(id));
  });

export const LoteFoliosRef = builder.prismaNode('LoteFolios', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableByUnit(ctx.viewer)] }),
  description:
    'A batch of electronic folios received from Oficinas Nacionales and held by a state office (DG 2.1); `assignLoteFolios` hands them out to planteles.',
  fields: (t) => ({
    referencia: t.exposeString('referencia'),
    cantidad: t.exposeInt('cantidad'),
    primero: t.string({
      description: 'The lowest folio of the batch.',
      resolve: async (l, _a, ctx) => (await ctx.loader(folioRangeLoader).load(l.id))?.primero ?? '',
    }),
    ultimo: t.string({
      description: 'The highest folio of the batch.',
      resolve: async (l, _a, ctx) => (await ctx.loader(folioRangeLoader).load(l.id))?.ultimo ?? '',
    }),
    unit: t.relation('unit', { description: 'The state office that holds the batch.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});
workflowRecordFields(loteFoliosWorkflow);

export const CertificadoRef = builder.prismaNode('Certificado', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableByUnit(ctx.viewer)] }),
  description:
    'Certificado de Terminación de Estudios (electronic): CENTRES request, spelling review, three signatures in order, COSFAC release, delivery.',
  fields: (t) => ({
    estado: t.expose('estado', { type: EstadoCertificadoEnum }),
    alumno: t.relation('alumno'),
    folio: t.relation('folio'),
    unit: t.relation('unit'),
    tipo: t.exposeString('tipo', { description: 'ORIGINAL or REPOSICION (F03).' }),
    reponeA: t.prismaField({
      type: 'Certificado',
      nullable: true,
      description: 'For a replacement: the certificate it replaces (null when the viewer may not read it).',
      resolve: (query, c, _a, ctx) => loadReadable(ctx, 'certificado', c.reponeAId, readableByUnit(ctx.viewer), query),
    }),
    repuestoPor: t.prismaField({
      type: 'Certificado',
      nullable: true,
      description: 'The certificate that replaced this one, when the viewer may read it.',
      resolve: (query, c, _a, ctx) => loadReadableBy(ctx, 'certificado', 'reponeAId', c.id, readableByUnit(ctx.viewer), query),
    }),
    motivoReposicion: t.exposeString('motivoReposicion', { nullable: true }),
    entregadoA: t.exposeString('entregadoA', { nullable: true, description: 'Receipt (F02): who received it.' }),
    entregadoAt: t.expose('entregadoAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});
workflowRecordFields(certificadoWorkflow);

const AlumnoFilter = builder.inputType('AlumnoFilter', {
  fields: (t) => ({
    dentroDe: t.globalID({ required: false, description: 'Students of this unit and below.' }),
    unitId: t.globalID({ required: false, description: 'Students of exactly this unit.' }),
    generacion: t.int({ required: false }),
    estatus: t.field({ type: [EstatusAlumnoEnum], required: false }),
    carrera: t.string({ required: false }),
    matricula: t.string({ required: false, description: 'Exact matrícula.' }),
  }),
});
const AlumnoOrder = orderInput('Alumno', ['matricula', 'primerApellido', 'generacion'] as const, 'matricula');

const alumnoWhere = listWhere(
  async ({ filter }: { filter?: typeof AlumnoFilter.$inferInput | null }, ctx): Promise<Prisma.AlumnoWhereInput> => ({
    AND: [
      readableByUnit(ctx.viewer),
      await unitFilter(ctx, filter),
      filter?.generacion ? { generacion: filter.generacion } : {},
      filter?.estatus?.length ? { estatus: { in: filter.estatus } } : {},
      filter?.carrera ? { carrera: filter.carrera } : {},
      filter?.matricula ? { matricula: filter.matricula } : {},
    ],
  }),
);

const CertificadoFilter = builder.inputType('CertificadoFilter', {
  fields: (t) => ({
    dentroDe: t.globalID({ required: false, description: 'Owned by this unit or a unit below it.' }),
    unitId: t.globalID({ required: false, description: 'Owned by exactly this unit.' }),
    estado: t.field({ type: [EstadoCertificadoEnum], required: false, description: 'Any of these states.' }),
  }),
});
const CertificadoOrder = orderInput('Certificado', ['createdAt', 'estado'] as const, 'createdAt');
const certificadoWhere = listWhere(
  async ({ filter }: { filter?: typeof CertificadoFilter.$inferInput | null }, ctx): Promise<Prisma.CertificadoWhereInput> => ({
    AND: [readableByUnit(ctx.viewer), await unitFilter(ctx, filter), filter?.estado?.length ? { estado: { in: filter.estado } } : {}],
  }),
);

const EficienciaTerminalRef = builder.objectRef<EficienciaTerminalRow>('EficienciaTerminal').implement({
  description: 'Eficiencia terminal = egresados de la generación N / inscritos en primer semestre de la generación N × 100.',
  fields: (t) => ({
    nivel: t.expose('nivel', { type: NivelIndicadorEnum }),
    unitId: t.id({ nullable: true, resolve: (r) => (r.unitId ? encodeGlobalID('OrgUnit', r.unitId) : null) }),
    unitCode: t.exposeString('unitCode', { nullable: true }),
    unitName: t.exposeString('unitName', { nullable: true }),
    generacion: t.exposeInt('generacion'),
    inscritos: t.exposeInt('inscritos', { description: 'Denominator.' }),
    egresados: t.exposeInt('egresados', { description: 'Numerator.' }),
    eficiencia: t.exposeFloat('eficiencia', { nullable: true }),
  }),
});

type AtRisk = { alumnoId: string; evaluados: number; reprobados: number; promedio: number | null };
const AlumnoEnRiesgoRef = builder.objectRef<AtRisk>('AlumnoEnRiesgo').implement({
  fields: (t) => ({
    // Prisma batches the findUnique calls of one tick into a single statement.
    alumno: t.prismaField({
      type: 'Alumno',
      resolve: (query, r, _a, ctx) => ctx.db.alumno.findUniqueOrThrow({ ...query, where: { id: r.alumnoId } }),
    }),
    evaluados: t.exposeInt('evaluados', { description: 'Grades recorded in the corte.' }),
    reprobados: t.exposeInt('reprobados', { description: 'Modules below the passing grade.' }),
    promedio: t.exposeFloat('promedio', { nullable: true }),
  }),
});
const EficienciaTerminalOrder = orderInput('EficienciaTerminal', ['unitCode', 'eficiencia'] as const, 'unitCode');
const AlumnoEnRiesgoOrder = orderInput('AlumnoEnRiesgo', ['reprobados', 'promedio', 'matricula'] as const, 'reprobados');

const RiesgoPage = builder.objectRef<{ total: number; items: AtRisk[]; regla: string }>('ReporteRiesgoSiseac').implement({
  description: 'SISEAC: students at risk in a corte, by the documented rule.',
  fields: (t) => ({
    total: t.exposeInt('total'),
    regla: t.exposeString('regla', { description: 'The rule applied, in words.' }),
    alumnos: t.field({ type: [AlumnoEnRiesgoRef], resolve: (p) => p.items }),
  }),
});

builder.queryFields((t) => ({
  alumnos: t.prismaConnection(
    {
      type: 'Alumno',
      cursor: 'id',
      description: 'Students the viewer may see (a plantel sees its own; a state its planteles; national offices all).',
      args: { filter: t.arg({ type: AlumnoFilter }), orderBy: t.arg({ type: AlumnoOrder.Input }) },
      totalCount: async (_c, args, ctx) => count(ctx.db, 'alumno', { where: await alumnoWhere(args, ctx) }),
      resolve: async (query, _r, args, ctx, info) =>
        findMany(
          ctx.db,
          'alumno',
          {
            ...query,
            where: await alumnoWhere(args, ctx),
            orderBy: AlumnoOrder.toPrisma<Prisma.AlumnoOrderByWithRelationInput>(args.orderBy),
          },
          info,
        ),
    },
    { name: 'AlumnoConnection' },
    { name: 'AlumnoEdge' },
  ),
  certificados: t.prismaConnection(
    {
      type: 'Certificado',
      cursor: 'id',
      description: 'Certificates the viewer may see.',
      args: { filter: t.arg({ type: CertificadoFilter }), orderBy: t.arg({ type: CertificadoOrder.Input }) },
      totalCount: async (_c, args, ctx) => count(ctx.db, 'certificado', { where: await certificadoWhere(args, ctx) }),
      resolve: async (query, _r, args, ctx, info) =>
        findMany(
          ctx.db,
          'certificado',
          {
            ...query,
            where: await certificadoWhere(args, ctx),
            orderBy: CertificadoOrder.toPrisma<Prisma.CertificadoOrderByWithRelationInput>(args.orderBy),
          },
          info,
        ),
    },
    { name: 'CertificadoConnection' },
    { name: 'CertificadoEdge' },
  ),
  eficienciaTerminal: t.field({
    type: [EficienciaTerminalRef],
    description:
      'Eficiencia terminal of a generation per plantel, per state or for the nation, over what the viewer may see. One SQL statement.',
    args: {
      generacion: t.arg.int({ required: true }),
      nivel: t.arg({ type: NivelIndicadorEnum, required: true }),
      dentroDe: t.arg.globalID({ required: false }),
      orderBy: t.arg({ type: EficienciaTerminalOrder.Input, description: 'Default: by unit code, the national row first.' }),
    },
    resolve: async (_r, args, ctx) => {
      const within = args.dentroDe ? (await withinUnit(ctx, args.dentroDe.id)).unit.path.startsWith : null;
      const rows = await eficienciaTerminal(ctx.db, ctx.viewer!, args.nivel, args.generacion, within);
      if (!args.orderBy) return rows;
      const { field, direction } = args.orderBy;
      const sign = direction === 'DESC' ? -1 : 1;
      // Nulls (the national row, a generation without students) first, as in the default order.
      const cmp = (a: EficienciaTerminalRow, b: EficienciaTerminalRow) => {
        const x = a[field];
        const y = b[field];
        if (x === y) return (a.unitCode ?? '').localeCompare(b.unitCode ?? '');
        if (x === null) return -1;
        if (y === null) return 1;
        return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y)));
      };
      return [...rows].sort(cmp);
    },
  }),
  alumnosEnRiesgo: t.field({
    type: RiesgoPage,
    description: `SISEAC at-risk list of a plantel for a corte. Default rule: at least ${RISK_RULE.minReprobados} modules below ${RISK_RULE.aprobatoria} (RIESGO_MIN_REPROBADOS, RIESGO_CALIFICACION_APROBATORIA); the arguments override it.`,
    args: {
      plantelId: t.arg.globalID({ required: true }),
      periodo: t.arg.string({ required: true, description: 'e.g. "2025-1".' }),
      corte: t.arg.int({ required: true, description: '1, 2 or 3.' }),
      minReprobados: t.arg.int({ required: false }),
      aprobatoria: t.arg.float({ required: false }),
      first: t.arg.int({ required: false, defaultValue: 50 }),
      offset: t.arg.int({ required: false, defaultValue: 0 }),
      orderBy: t.arg({ type: AlumnoEnRiesgoOrder.Input, description: 'Default: most modules failed first, then by matrícula.' }),
    },
    resolve: async (_r, args, ctx) => {
      const issues = [];
      if (![1, 2, 3].includes(args.corte)) issues.push({ path: ['corte'], message: 'Must be 1, 2 or 3' });
      if ((args.first ?? 50) < 1 || (args.first ?? 50) > 500) issues.push({ path: ['first'], message: 'Must be 1 to 500' });
      if (issues.length) throw badInput(issues);
      const plantel = await unitPath(ctx, args.plantelId.id);
      if (!plantel) throw notFound('OrgUnit', args.plantelId.id);
      const minReprobados = args.minReprobados ?? RISK_RULE.minReprobados;
      const aprobatoria = args.aprobatoria ?? RISK_RULE.aprobatoria;
      const { rows, total } = await alumnosEnRiesgo(ctx.db, ctx.viewer!, {
        plantelPath: plantel,
        periodo: args.periodo,
        corte: args.corte,
        minReprobados,
        aprobatoria,
        first: args.first ?? 50,
        offset: args.offset ?? 0,
        order: args.orderBy ?? null,
      });
      return {
        total,
        regla: `${minReprobados} o más módulos con calificación menor a ${aprobatoria} en el corte ${args.corte}`,
        items: rows,
      };
    },
  }),
}));

builder.queryField('foliosDisponibles', (t) =>
  t.int({
    description: 'Folios held by a unit (a state office or a plantel) and not yet used by a certificate.',
    args: { unitId: t.arg.globalID({ required: true }) },
    resolve: async (_r, args, ctx) =>
      count(ctx.db, 'folio', { where: { AND: [readableByUnit(ctx.viewer), { unitId: args.unitId.id }, { certificado: null }] } }),
  }),
);

const SaeErrorRef = builder.objectRef<SaeIssue>('ErrorImportacionSae').implement({
  description: 'A bad row (or field) of an SAE file.',
  fields: (t) => ({
    linea: t.exposeInt('linea', { description: 'Line of the file (the header is line 1).' }),
    campo: t.exposeString('campo', { description: "The column; '' when the fault is not in one column (e.g. an unclosed quote)." }),
    mensaje: t.exposeString('mensaje', { description: 'What is wrong, in Spanish.' }),
  }),
});

builder.prismaNode('ImportacionSae', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableByUnit(ctx.viewer)] }),
  description: 'An import of one SAE file (R 9-10): what it held and what it changed.',
  fields: (t) => ({
    tipo: t.exposeString('tipo'),
    nombreArchivo: t.exposeString('nombreArchivo'),
    sha256: t.exposeString('sha256', { description: 'Of the content imported.' }),
    filas: t.exposeInt('filas'),
    creadas: t.exposeInt('creadas'),
    actualizadas: t.exposeInt('actualizadas'),
    sinCambios: t.exposeInt('sinCambios', {
      description: 'Rows equal to what the system held: a re-import of the same file has only these.',
    }),
    estado: t.exposeString('estado', {
      description: 'IMPORTADA at once for an inline file; an uploaded one goes EN_COLA → EN_PROCESO → IMPORTADA, or RECHAZADA.',
    }),
    filasProcesadas: t.exposeInt('filasProcesadas', {
      description: 'Progress of an uploaded file: rows written so far, of `filas` (known once the whole file has been checked).',
    }),
    errores: t.field({
      type: [SaeErrorRef],
      description: 'The bad rows of a RECHAZADA file (the first 1,000), each with its line, column and message; empty otherwise.',
      resolve: (r) => (Array.isArray(r.errores) ? (r.errores as unknown as SaeIssue[]) : []),
    }),
    unit: t.relation('unit'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});
workflowRecordFields(importacionSaeWorkflow);
documentosField('ImportacionSae', 'The uploaded SAE file of a queued import (`queueImportacionSae`).');
documentosField(
  'Certificado',
  'Files attached by its steps: the signed delivery receipt F02 (`deliverCertificado`), in the order attached.',
);
