// 30-524-PO-04's operating rules that have a record of their own: R 6 (late
// rectification of grades), R 7 (supervision of the capture with Formación
// Técnica), R 22-23 (physical certificates: six checks, delivery by oficio
// with its list), R 27 (F01 request of forms and folios), R 30 (quarterly
// report to the Junta Directiva), R 32 (graduates' SIATEG requests), and the
// R 12c list of missing grade records per student and module. Every write is
// a step declared in workflow.ts.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { count, findMany } from '../../lib/db/read.js';
import { builder } from '../../builder.js';
import type { Context } from '../../context.js';
import type { Db } from '../../lib/db/client.js';
import { Prisma } from '../../generated/prisma/client.js';
import {
  EstadoEntregaCertificadosFisicos as EstadoEntregaValues,
  EstadoRectificacionEvaluacion as EstadoRectificacionValues,
  EstadoSolicitudEgresado as EstadoSolicitudEgresadoValues,
  EstadoSupervisionCaptura as EstadoSupervisionValues,
} from '../../generated/prisma/enums.js';
import { createUnitPathLoader } from '../../lib/auth/scope.js';
import { readablePrefixes } from '../../lib/auth/viewer.js';
import { InputChecker, badInput, notFound, type InputIssue } from '../../lib/errors.js';
import { listWhere, orderInput, unitFilter } from '../../lib/pagination.js';
import { checkText, isHttpUrl } from '../../lib/validation.js';
import { workflowRecordFields } from '../../lib/workflow/fields.js';
import { creationMutation, stepArgFields, stepMutation } from '../../lib/workflow/mutations.js';
import type { Tx } from '../../lib/workflow/types.js';
import { readableByUnit } from './rules.js';
import { AlumnoRef } from './types.js';
import {
  entregaCertificadosFisicosWorkflow as entregas,
  informeJuntaDirectivaWorkflow as informes,
  rectificacionEvaluacionWorkflow as rectificaciones,
  solicitudEgresadoWorkflow as solicitudesEgresado,
  solicitudFoliosWorkflow as solicitudesFolios,
  supervisionCapturaWorkflow as supervisiones,
} from './workflow.js';

const periodoValido = (periodo: string) => /^\d{4}-[12]$/.test(periodo);
const checkPeriodoCorte = (check: InputChecker, periodo: string, corte: number) =>
  check
    .check(periodoValido(periodo), ['input', 'periodo'], 'Must look like "2025-1" or "2025-2"')
    .check([1, 2, 3].includes(corte), ['input', 'corte'], 'Must be 1, 2 or 3');

/** Fields every record of this file shows. */
const unitOwned = {
  dentroDe: 'Of this unit or a unit below it.',
  unitId: 'Of exactly this unit.',
};

// ---- R 6: late registration or rectification of a grade -------------------------------

const EstadoRectificacionEnum = builder.enumType(EstadoRectificacionValues, {
  name: 'EstadoRectificacionEvaluacion',
  description: 'SOLICITADA (reported by the plantel), APLICADA (managed before Oficinas Nacionales and registered) or DEVUELTA.',
});
builder.prismaNode('RectificacionEvaluacion', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableByUnit(ctx.viewer)] }),
  description: 'R 6: a grade to register late or to rectify, managed by the state office before Oficinas Nacionales.',
  fields: (t) => ({
    estado: t.expose('estado', { type: EstadoRectificacionEnum }),
    alumno: t.relation('alumno'),
    modulo: t.relation('modulo'),
    periodo: t.exposeString('periodo'),
    corte: t.exposeInt('corte'),
    calificacion: t.float({ resolve: (r) => Number(r.calificacion) }),
    calificacionAnterior: t.float({
      nullable: true,
      description: 'The grade recorded when it was requested; null for a late registration.',
      resolve: (r) => (r.calificacionAnterior == null ? null : Number(r.calificacionAnterior)),
    }),
    motivo: t.exposeString('motivo'),
    ticketMesaServicio: t.exposeString('ticketMesaServicio', {
      nullable: true,
      description: "The ticket of Oficinas Nacionales' service desk under which the state office managed it.",
    }),
    unit: t.relation('unit'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});
workflowRecordFields(rectificaciones);

/** The teacher of the student's module in the period (from another corte's grade), which a late registration keeps. */
async function docenteDelModulo(tx: Tx | Db, alumnoId: string, moduloId: string, periodo: string) {
  const e = await tx.evaluacion.findFirst({
    where: { alumnoId, moduloId, periodo },
    select: { docenteId: true },
    orderBy: { corte: 'asc' },
  });
  return e?.docenteId ?? null;
}

const CreateRectificacionInput = builder.inputType('CreateRectificacionEvaluacionInput', {
  fields: (t) => ({
    alumnoId: t.globalID({ required: true, for: AlumnoRef }),
    moduloClave: t.string({ required: true }),
    periodo: t.string({ required: true, description: 'e.g. "2025-1".' }),
    corte: t.int({ required: true, description: '1, 2 or 3.' }),
    calificacion: t.float({ required: true, description: 'The right grade, 0 to 10.' }),
    motivo: t.string({ required: true, description: 'Why it is registered late or rectified.' }),
  }),
});
creationMutation(rectificaciones, 'createRectificacionEvaluacion', {
  input: CreateRectificacionInput,
  plan: (input, ctx) => {
    let moduloId = '';
    let anterior: Prisma.Decimal | null = null;
    return {
      underId: input.alumnoId.id,
      validate: async (tx, { under }): Promise<InputIssue[]> => {
        const check = checkPeriodoCorte(new InputChecker(), input.periodo, input.corte).check(
          input.calificacion >= 0 && input.calificacion <= 10,
          ['input', 'calificacion'],
          'Must be 0 to 10',
        );
        checkText(check, input.motivo, ['input', 'motivo'], 1000);
        const modulo = await tx.modulo.findUnique({ where: { clave: input.moduloClave.trim() }, select: { id: true } });
        check.check(!!modulo, ['input', 'moduloClave'], 'No module has this key');
        if (check.issues.length) return check.issues;
        moduloId = modulo!.id;
        check.check(
          !!(await docenteDelModulo(tx, under!.id, moduloId, input.periodo)),
          ['input', 'moduloClave'],
          'The student has no grade of this module in the period: import the group and its teacher first',
        );
        const pending = await tx.rectificacionEvaluacion.count({
          where: { alumnoId: under!.id, moduloId, periodo: input.periodo, corte: input.corte, estado: 'SOLICITADA' },
        });
        check.check(!pending, ['input', 'corte'], 'A request for this grade is already pending');
        const actual = await tx.evaluacion.findUnique({
          where: { alumnoId_moduloId_periodo_corte: { alumnoId: under!.id, moduloId, periodo: input.periodo, corte: input.corte } },
          select: { calificacion: true },
        });
        anterior = actual?.calificacion ?? null;
        check.check(
          anterior == null || Number(anterior) !== input.calificacion,
          ['input', 'calificacion'],
          'It is the grade already recorded',
        );
        return check.issues;
      },
      create: async (tx, { unit, under }) => {
        const created = await tx.rectificacionEvaluacion.create({
          data: {
            unitId: unit.id,
            alumnoId: under!.id,
            moduloId,
            periodo: input.periodo,
            corte: input.corte,
            calificacion: input.calificacion,
            calificacionAnterior: anterior,
            motivo: input.motivo.trim(),
            createdById: ctx.viewer!.personId,
          },
          select: { id: true },
        });
        return {
          id: created.id,
          changes: {
            moduloClave: input.moduloClave.trim(),
            periodo: input.periodo,
            corte: input.corte,
            calificacion: input.calificacion,
            calificacionAnterior: anterior == null ? null : Number(anterior),
          },
        };
      },
    };
  },
});

const ApproveRectificacionInput = builder.inputType('ApproveRectificacionEvaluacionInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    ticketMesaServicio: t.string({ required: true, description: "The ticket of Oficinas Nacionales' service desk." }),
  }),
});
stepMutation(rectificaciones, 'approveRectificacionEvaluacion', {
  input: ApproveRectificacionInput,
  plan: (input) => ({
    validate: () => checkText(new InputChecker(), input.ticketMesaServicio, ['input', 'ticketMesaServicio'], 100).issues,
    data: { ticketMesaServicio: input.ticketMesaServicio.trim() },
    // The grade is registered (or rectified) in the same transaction: the audit keeps it.
    effects: async (tx, record) => {
      const r = await tx.rectificacionEvaluacion.findUniqueOrThrow({
        where: { id: record.id },
        select: { alumnoId: true, moduloId: true, periodo: true, corte: true, calificacion: true },
      });
      const docenteId = (await docenteDelModulo(tx, r.alumnoId, r.moduloId, r.periodo))!;
      const key = { alumnoId: r.alumnoId, moduloId: r.moduloId, periodo: r.periodo, corte: r.corte };
      await tx.evaluacion.upsert({
        where: { alumnoId_moduloId_periodo_corte: key },
        create: { ...key, docenteId, calificacion: r.calificacion },
        update: { calificacion: r.calificacion },
      });
      return { calificacionRegistrada: Number(r.calificacion) };
    },
  }),
});
stepMutation(rectificaciones, 'returnRectificacionEvaluacion');

// ---- R 7: supervision of the capture of a corte -------------------------------------

const EstadoSupervisionEnum = builder.enumType(EstadoSupervisionValues, {
  name: 'EstadoSupervisionCaptura',
  description: 'REGISTRADA (by Servicios Escolares) or VALIDADA (confirmed by Formación Técnica).',
});
builder.prismaNode('SupervisionCaptura', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableByUnit(ctx.viewer)] }),
  description: "R 7: the supervision of a corte's grade capture in a state's planteles, by Servicios Escolares with Formación Técnica.",
  fields: (t) => ({
    estado: t.expose('estado', { type: EstadoSupervisionEnum }),
    periodo: t.exposeString('periodo'),
    corte: t.exposeInt('corte'),
    faltantes: t.exposeInt('faltantes', {
      description: "Missing grade records (student and module) in the state's planteles when the supervision was recorded (R 12c).",
    }),
    observaciones: t.exposeString('observaciones'),
    unit: t.relation('unit'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});
workflowRecordFields(supervisiones);

/** (student, module) pairs with a grade in the period but none in this corte, under `path`, among the paths the viewer reads. */
function faltantesSql(path: string, prefixes: string[], periodo: string, corte: number) {
  return Prisma.sql`
    SELECT e."alumnoId", e."moduloId", min(e."docenteId"::text)::uuid AS "docenteId"
    FROM "Evaluacion" e JOIN "Alumno" a ON a.id = e."alumnoId" JOIN "OrgUnit" u ON u.id = a."unitId"
    WHERE e.periodo = ${periodo} AND u.path LIKE ${path + '%'} AND u.path LIKE ANY (${prefixes}::text[]) AND a.estatus <> 'BAJA'
    GROUP BY e."alumnoId", e."moduloId"
    HAVING count(*) FILTER (WHERE e.corte = ${corte}) = 0`;
}

const CreateSupervisionInput = builder.inputType('CreateSupervisionCapturaInput', {
  fields: (t) => ({
    periodo: t.string({ required: true, description: 'e.g. "2025-1".' }),
    corte: t.int({ required: true, description: '1, 2 or 3.' }),
    observaciones: t.string({ required: true, description: 'What the supervision found and agreed.' }),
    unitId: t.globalID({ required: false, description: 'The state office; defaults to the unit where you hold the role.' }),
  }),
});
creationMutation(supervisiones, 'createSupervisionCaptura', {
  input: CreateSupervisionInput,
  plan: (input, ctx) => ({
    unitId: input.unitId?.id,
    validate: async (tx, { unit }) => {
      const check = checkPeriodoCorte(new InputChecker(), input.periodo, input.corte);
      checkText(check, input.observaciones, ['input', 'observaciones'], 5000);
      if (check.issues.length) return check.issues;
      return (await tx.supervisionCaptura.count({ where: { unitId: unit.id, periodo: input.periodo, corte: input.corte } }))
        ? [{ path: ['input', 'corte'], message: 'The supervision of this corte is already recorded' }]
        : [];
    },
    create: async (tx, { unit }) => {
      const [{ n }] = await tx.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM (${faltantesSql(unit.path, [`${unit.path}%`], input.periodo, input.corte)}) f`;
      const created = await tx.supervisionCaptura.create({
        data: {
          unitId: unit.id,
          periodo: input.periodo,
          corte: input.corte,
          faltantes: n,
          observaciones: input.observaciones.trim(),
          createdById: ctx.viewer!.personId,
        },
        select: { id: true },
      });
      return { id: created.id, changes: { periodo: input.periodo, corte: input.corte, faltantes: n } };
    },
  }),
});
stepMutation(supervisiones, 'approveSupervisionCaptura');

// ---- R 12c: missing grade records per student and module -------------------------------

interface RegistroFaltante {
  alumnoId: string;
  matricula: string;
  nombre: string;
  moduloClave: string;
  modulo: string;
  docente: string;
}
const RegistroFaltanteRef = builder.objectRef<RegistroFaltante>('RegistroFaltante').implement({
  description: 'R 12c: a student with a module in the period and no grade recorded in the corte.',
  fields: (t) => ({
    alumnoId: t.id({ resolve: (r) => encodeGlobalID('Alumno', r.alumnoId) }),
    matricula: t.exposeString('matricula'),
    nombre: t.exposeString('nombre', { description: "The student's full name." }),
    moduloClave: t.exposeString('moduloClave'),
    modulo: t.exposeString('modulo', { description: "The module's name." }),
    docente: t.exposeString('docente', { description: "The name of the module's teacher, who owes the record." }),
  }),
});
builder.queryField('registrosFaltantes', (t) =>
  t.field({
    type: [RegistroFaltanteRef],
    description:
      'R 12c: who owes what in a corte: students of a plantel (or of a state) with a module in the period and no grade in this corte, ' +
      'by matrícula and module, over the students the viewer may see. At most `first` (default 100, up to 1000).',
    args: {
      unitId: t.arg.globalID({ required: true, description: 'A plantel, or a state office for all its planteles.' }),
      periodo: t.arg.string({ required: true }),
      corte: t.arg.int({ required: true }),
      first: t.arg.int({ required: false, defaultValue: 100 }),
    },
    resolve: async (_r, args, ctx) => {
      const first = args.first ?? 100;
      const check = new InputChecker()
        .check([1, 2, 3].includes(args.corte), ['corte'], 'Must be 1, 2 or 3')
        .check(first >= 1 && first <= 1000, ['first'], 'Must be 1 to 1000');
      if (check.issues.length) throw badInput(check.issues);
      const path = await ctx.loader(createUnitPathLoader).load(args.unitId.id);
      if (!path) throw notFound('OrgUnit', args.unitId.id);
      const prefixes = readablePrefixes(ctx.viewer!).map((p) => `${p}%`);
      if (!prefixes.length) return [];
      return ctx.db.$queryRaw<RegistroFaltante[]>`
        SELECT f."alumnoId", a.matricula, concat_ws(' ', a.nombre, a."primerApellido", a."segundoApellido") AS nombre,
               m.clave AS "moduloClave", m.nombre AS modulo, d.nombre AS docente
        FROM (${faltantesSql(path, prefixes, args.periodo, args.corte)}) f
        JOIN "Alumno" a ON a.id = f."alumnoId" JOIN "Modulo" m ON m.id = f."moduloId" JOIN "Docente" d ON d.id = f."docenteId"
        ORDER BY a.matricula, m.clave LIMIT ${first}`;
    },
  }),
);

// ---- R 22-23: physical certificates -------------------------------------------------------

const EstadoEntregaEnum = builder.enumType(EstadoEntregaValues, {
  name: 'EstadoEntregaCertificadosFisicos',
  description: 'ENVIADA (by oficio), DEVUELTA (a check failed), VALIDADA (all six checks hold), ENVIADA_A_FIRMA (to the Director General).',
});
const COTEJOS = ['nombreCompleto', 'fotoAdherida', 'firmaDirector', 'selloFoto', 'folioDocumento', 'fechaImpresion'] as const;
const COTEJO_DESCRIPCION: Record<(typeof COTEJOS)[number], string> = {
  nombreCompleto: "The graduate's name written without abbreviations.",
  fotoAdherida: "The student's photo adhered.",
  firmaDirector: "The plantel director's signature.",
  selloFoto: "The plantel's seal cancelling the photo at its lower part, without touching the chin.",
  folioDocumento: "The document's folio.",
  fechaImpresion: 'The printing date.',
};
builder.prismaObject('CertificadoFisico', {
  description: "R 23: a line of the oficio's list, and R 22's six checks (null until the state office checks it).",
  fields: (t) => ({
    consecutivo: t.exposeInt('consecutivo', { description: 'Its consecutive number in the list, from 1.' }),
    folio: t.exposeString('folio'),
    alumno: t.relation('alumno', { description: 'The graduate: name, matrícula and career of the list.' }),
    ...Object.fromEntries(COTEJOS.map((c) => [c, t.exposeBoolean(c, { nullable: true, description: COTEJO_DESCRIPCION[c] })])),
  }),
});
builder.prismaNode('EntregaCertificadosFisicos', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableByUnit(ctx.viewer)] }),
  description: 'R 22-23: physical certificates a plantel delivers to the state office by oficio, with their list and checks.',
  fields: (t) => ({
    estado: t.expose('estado', { type: EstadoEntregaEnum }),
    oficio: t.exposeString('oficio', { description: "The oficio's reference (controlled by the plantel's direction, rule 4)." }),
    certificados: t.relation('certificados', {
      description: 'The list, by consecutive number.',
      query: { orderBy: { consecutivo: 'asc' } },
    }),
    unit: t.relation('unit'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});
workflowRecordFields(entregas);

const LineaEntregaInput = builder.inputType('CertificadoFisicoInput', {
  fields: (t) => ({
    folio: t.string({ required: true, description: "The certificate's printed folio." }),
    alumnoId: t.globalID({ required: true, for: AlumnoRef, description: 'The graduate, of the plantel.' }),
  }),
});
const CreateEntregaInput = builder.inputType('CreateEntregaCertificadosFisicosInput', {
  fields: (t) => ({
    oficio: t.string({ required: true, description: "The oficio's reference." }),
    certificados: t.field({ type: [LineaEntregaInput], required: true, description: 'The list, in order (1 to 500 certificates).' }),
    unitId: t.globalID({ required: false, description: 'The plantel; defaults to the unit where you hold the role.' }),
  }),
});
creationMutation(entregas, 'createEntregaCertificadosFisicos', {
  input: CreateEntregaInput,
  plan: (input, ctx) => ({
    unitId: input.unitId?.id,
    validate: async (tx, { unit }) => {
      const check = checkText(new InputChecker(), input.oficio, ['input', 'oficio'], 200).check(
        input.certificados.length >= 1 && input.certificados.length <= 500,
        ['input', 'certificados'],
        'Give 1 to 500 certificates',
      );
      const ids = input.certificados.map((c) => c.alumnoId.id);
      const egresados = new Set(
        (await tx.alumno.findMany({ where: { id: { in: ids }, unitId: unit.id, estatus: 'EGRESADO' }, select: { id: true } })).map(
          (a) => a.id,
        ),
      );
      const folios = new Set<string>();
      input.certificados.forEach((c, i) => {
        checkText(check, c.folio, ['input', 'certificados', i, 'folio'], 50);
        check.check(!folios.has(c.folio.trim()), ['input', 'certificados', i, 'folio'], 'This folio is already in the list');
        folios.add(c.folio.trim());
        check.check(egresados.has(c.alumnoId.id), ['input', 'certificados', i, 'alumnoId'], 'Not a graduate (EGRESADO) of the plantel');
      });
      return check.issues;
    },
    create: async (tx, { unit }) => {
      const created = await tx.entregaCertificadosFisicos.create({
        data: {
          unitId: unit.id,
          oficio: input.oficio.trim(),
          createdById: ctx.viewer!.personId,
          certificados: {
            create: input.certificados.map((c, i) => ({ consecutivo: i + 1, folio: c.folio.trim(), alumnoId: c.alumnoId.id })),
          },
        },
        select: { id: true },
      });
      return { id: created.id, changes: { oficio: input.oficio.trim(), certificados: input.certificados.length } };
    },
  }),
});

const CotejoInput = builder.inputType('CotejoCertificadoFisicoInput', {
  description: "R 22's six checks of one certificate of the list.",
  fields: (t) => ({
    consecutivo: t.int({ required: true, description: 'The consecutive number of the certificate in the list.' }),
    ...Object.fromEntries(COTEJOS.map((c) => [c, t.boolean({ required: true, description: COTEJO_DESCRIPCION[c] })])),
  }),
});
type Cotejo = { consecutivo: number } & Record<(typeof COTEJOS)[number], boolean>;
const CotejoEntregaInput = builder.inputType('CotejoEntregaCertificadosFisicosInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    cotejos: t.field({ type: [CotejoInput], required: true, description: 'The checks of every certificate of the list.' }),
  }),
});

/** Checks the cotejos cover the list once each; `todos`: every check must hold (validation) or not (return). */
function cotejoPlan(input: { cotejos: readonly Cotejo[] }, todos: boolean) {
  return {
    validate: async (tx: Tx, record: { id: string }) => {
      const lines = await tx.certificadoFisico.findMany({ where: { entregaId: record.id }, select: { consecutivo: true } });
      const expected = new Set(lines.map((l) => l.consecutivo));
      const given = new Set(input.cotejos.map((c) => c.consecutivo));
      const check = new InputChecker().check(
        given.size === input.cotejos.length && given.size === expected.size && [...given].every((c) => expected.has(c)),
        ['input', 'cotejos'],
        'Check every certificate of the list, once each',
      );
      if (todos)
        input.cotejos.forEach((c, i) => {
          for (const k of COTEJOS) check.check(c[k], ['input', 'cotejos', i, k], 'This check fails: return the delivery instead');
        });
      else
        check.check(
          input.cotejos.some((c) => COTEJOS.some((k) => !c[k])),
          ['input', 'cotejos'],
          'Every check holds: validate the delivery instead',
        );
      return check.issues;
    },
    effects: async (tx: Tx, record: { id: string }) => {
      for (const c of input.cotejos) {
        const { consecutivo, ...checks } = c;
        await tx.certificadoFisico.update({ where: { entregaId_consecutivo: { entregaId: record.id, consecutivo } }, data: checks });
      }
      return {
        fallidos: input.cotejos.filter((c) => COTEJOS.some((k) => !c[k])).map((c) => c.consecutivo),
      };
    },
  };
}
stepMutation(entregas, 'approveEntregaCertificadosFisicos', {
  input: CotejoEntregaInput,
  plan: (input) => cotejoPlan(input as unknown as { cotejos: Cotejo[] }, true),
});
const ReturnEntregaInput = builder.inputType('ReturnEntregaCertificadosFisicosInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    cotejos: t.field({
      type: [CotejoInput],
      required: true,
      description: 'The checks of every certificate of the list; at least one fails.',
    }),
  }),
});
stepMutation(entregas, 'returnEntregaCertificadosFisicos', {
  input: ReturnEntregaInput,
  plan: (input) => cotejoPlan(input as unknown as { cotejos: Cotejo[] }, false),
});
stepMutation(entregas, 'submitEntregaCertificadosFisicos');
stepMutation(entregas, 'sendEntregaCertificadosFisicos');

// ---- R 27: F01 request of forms and folios --------------------------------------------

builder.prismaNode('SolicitudFolios', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableByUnit(ctx.viewer)] }),
  description: 'R 27 (F01): the request of electronic folios and official forms to Oficinas Nacionales.',
  fields: (t) => ({
    folios: t.exposeInt('folios', { description: 'Electronic folios for certificates.' }),
    formatosCertificado: t.exposeInt('formatosCertificado', { description: 'Official forms for certificates.' }),
    formatosTitulo: t.exposeInt('formatosTitulo', { description: 'Official forms for titles.' }),
    medio: t.exposeString('medio', { description: 'The electronic means it was sent by (mail, ticket).' }),
    justificacion: t.exposeString('justificacion', { description: 'Why the folios and forms are needed.' }),
    lotesFolios: t.relation('lotesFolios', {
      description: 'The batches received for it (DG 2.1), oldest first.',
      query: (_a, ctx) => ({ where: readableByUnit(ctx.viewer), orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    }),
    unit: t.relation('unit'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});
workflowRecordFields(solicitudesFolios);

const CreateSolicitudFoliosInput = builder.inputType('CreateSolicitudFoliosInput', {
  fields: (t) => ({
    folios: t.int({ required: true, description: 'Electronic folios, 0 to 100000.' }),
    formatosCertificado: t.int({ required: true, description: 'Official forms for certificates, 0 to 100000.' }),
    formatosTitulo: t.int({ required: true, description: 'Official forms for titles, 0 to 100000.' }),
    medio: t.string({ required: true, description: 'The electronic means (mail, ticket) it is sent by.' }),
    justificacion: t.string({ required: true, description: 'Why the folios and forms are needed (the F01 field).' }),
    unitId: t.globalID({ required: false, description: 'The state office; defaults to the unit where you hold the role.' }),
  }),
});
const CANTIDADES = ['folios', 'formatosCertificado', 'formatosTitulo'] as const;
creationMutation(solicitudesFolios, 'createSolicitudFolios', {
  input: CreateSolicitudFoliosInput,
  plan: (input, ctx) => ({
    unitId: input.unitId?.id,
    validate: () => {
      const check = new InputChecker();
      for (const k of CANTIDADES)
        check.check(Number.isInteger(input[k]) && input[k] >= 0 && input[k] <= 100_000, ['input', k], 'Must be 0 to 100000');
      check.check(
        CANTIDADES.some((k) => input[k] > 0),
        ['input', 'folios'],
        'Request at least one folio or form',
      );
      checkText(check, input.medio, ['input', 'medio'], 200);
      checkText(check, input.justificacion, ['input', 'justificacion'], 2000);
      return check.issues;
    },
    create: async (tx, { unit }) => {
      const data = {
        folios: input.folios,
        formatosCertificado: input.formatosCertificado,
        formatosTitulo: input.formatosTitulo,
        medio: input.medio.trim(),
        justificacion: input.justificacion.trim(),
      };
      const created = await tx.solicitudFolios.create({
        data: { ...data, unitId: unit.id, createdById: ctx.viewer!.personId },
        select: { id: true },
      });
      return { id: created.id, changes: data };
    },
  }),
});

// ---- R 30: quarterly report to the Junta Directiva ----------------------------------------

builder.prismaNode('InformeJuntaDirectiva', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableByUnit(ctx.viewer)] }),
  description: "R 30: the quarter's report of activities and progress for the session of the H. Junta Directiva.",
  fields: (t) => ({
    anio: t.exposeInt('anio'),
    trimestre: t.exposeInt('trimestre'),
    actividades: t.exposeString('actividades', { description: 'The activities of the quarter.' }),
    avance: t.exposeString('avance', { description: 'The progress against the programme.' }),
    urlCarpeta: t.exposeString('urlCarpeta', { description: 'Where the carpeta (guide 30-524-PO-01-GA-01) is kept.' }),
    unit: t.relation('unit'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});
workflowRecordFields(informes);

const CreateInformeInput = builder.inputType('CreateInformeJuntaDirectivaInput', {
  fields: (t) => ({
    anio: t.int({ required: true, description: '2000 to 2100.' }),
    trimestre: t.int({ required: true, description: '1 to 4.' }),
    actividades: t.string({ required: true, description: 'The activities of the quarter.' }),
    avance: t.string({ required: true, description: 'The progress against the programme.' }),
    urlCarpeta: t.string({ required: true, description: 'http(s) address of the carpeta.' }),
    unitId: t.globalID({ required: false, description: 'The state office; defaults to the unit where you hold the role.' }),
  }),
});
creationMutation(informes, 'createInformeJuntaDirectiva', {
  input: CreateInformeInput,
  plan: (input, ctx) => ({
    unitId: input.unitId?.id,
    validate: async (tx, { unit }) => {
      const check = new InputChecker()
        .check(input.anio >= 2000 && input.anio <= 2100, ['input', 'anio'], 'Must be a year between 2000 and 2100')
        .check([1, 2, 3, 4].includes(input.trimestre), ['input', 'trimestre'], 'Must be 1 to 4')
        .check(isHttpUrl(input.urlCarpeta), ['input', 'urlCarpeta'], 'Must be an http or https URL');
      checkText(check, input.actividades, ['input', 'actividades'], 10_000);
      checkText(check, input.avance, ['input', 'avance'], 10_000);
      if (check.issues.length) return check.issues;
      return (await tx.informeJuntaDirectiva.count({ where: { unitId: unit.id, anio: input.anio, trimestre: input.trimestre } }))
        ? [{ path: ['input', 'trimestre'], message: "This quarter's report is already delivered" }]
        : [];
    },
    create: async (tx, { unit }) => {
      const created = await tx.informeJuntaDirectiva.create({
        data: {
          unitId: unit.id,
          anio: input.anio,
          trimestre: input.trimestre,
          actividades: input.actividades.trim(),
          avance: input.avance.trim(),
          urlCarpeta: input.urlCarpeta.trim(),
          createdById: ctx.viewer!.personId,
        },
        select: { id: true },
      });
      return { id: created.id, changes: { anio: input.anio, trimestre: input.trimestre, urlCarpeta: input.urlCarpeta.trim() } };
    },
  }),
});

// ---- R 32: graduates' SIATEG requests -------------------------------------------------------

const EstadoSolicitudEgresadoEnum = builder.enumType(EstadoSolicitudEgresadoValues, {
  name: 'EstadoSolicitudEgresado',
  description: 'RECIBIDA (through SIATEG) or ATENDIDA.',
});
builder.prismaNode('SolicitudEgresado', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableByUnit(ctx.viewer)] }),
  description: "R 32: a graduate's request received through SIATEG and attended by the plantel's Servicios Escolares.",
  fields: (t) => ({
    estado: t.expose('estado', { type: EstadoSolicitudEgresadoEnum }),
    alumno: t.relation('alumno'),
    folioSiateg: t.exposeString('folioSiateg', { description: "The request's folio in SIATEG." }),
    tramite: t.exposeString('tramite', { description: 'What the graduate asks for.' }),
    respuesta: t.exposeString('respuesta', { nullable: true, description: 'The answer given when attended.' }),
    unit: t.relation('unit'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});
workflowRecordFields(solicitudesEgresado);

const CreateSolicitudEgresadoInput = builder.inputType('CreateSolicitudEgresadoInput', {
  fields: (t) => ({
    alumnoId: t.globalID({ required: true, for: AlumnoRef }),
    folioSiateg: t.string({ required: true, description: "The request's folio in SIATEG." }),
    tramite: t.string({ required: true, description: 'What the graduate asks for (a duplicate, a record, a correction…).' }),
  }),
});
creationMutation(solicitudesEgresado, 'createSolicitudEgresado', {
  input: CreateSolicitudEgresadoInput,
  plan: (input, ctx) => ({
    underId: input.alumnoId.id,
    validate: async (tx) => {
      const check = checkText(new InputChecker(), input.folioSiateg, ['input', 'folioSiateg'], 50);
      checkText(check, input.tramite, ['input', 'tramite'], 500);
      if (check.issues.length) return check.issues;
      return (await tx.solicitudEgresado.count({ where: { folioSiateg: input.folioSiateg.trim() } }))
        ? [{ path: ['input', 'folioSiateg'], message: 'This SIATEG request is already recorded' }]
        : [];
    },
    create: async (tx, { unit, under }) => {
      const created = await tx.solicitudEgresado.create({
        data: {
          unitId: unit.id,
          alumnoId: under!.id,
          folioSiateg: input.folioSiateg.trim(),
          tramite: input.tramite.trim(),
          createdById: ctx.viewer!.personId,
        },
        select: { id: true },
      });
      return { id: created.id, changes: { folioSiateg: input.folioSiateg.trim(), tramite: input.tramite.trim() } };
    },
  }),
});
// The observations of the attention are the answer given.
stepMutation(solicitudesEgresado, 'closeSolicitudEgresado', {
  plan: (input) => ({ data: { respuesta: input.observaciones?.trim() ?? null } }),
});

// ---- lists -----------------------------------------------------------------------------------

function unitFilterInput(name: string) {
  return builder.inputType(name, {
    fields: (t) => ({
      dentroDe: t.globalID({ required: false, description: unitOwned.dentroDe }),
      unitId: t.globalID({ required: false, description: unitOwned.unitId }),
    }),
  });
}
const RectificacionFilter = builder.inputType('RectificacionEvaluacionFilter', {
  fields: (t) => ({
    dentroDe: t.globalID({ required: false, description: unitOwned.dentroDe }),
    unitId: t.globalID({ required: false, description: unitOwned.unitId }),
    estado: t.field({ type: [EstadoRectificacionEnum], required: false, description: 'Any of these states.' }),
  }),
});
const EntregaFilter = builder.inputType('EntregaCertificadosFisicosFilter', {
  fields: (t) => ({
    dentroDe: t.globalID({ required: false, description: unitOwned.dentroDe }),
    unitId: t.globalID({ required: false, description: unitOwned.unitId }),
    estado: t.field({ type: [EstadoEntregaEnum], required: false, description: 'Any of these states.' }),
  }),
});
const SolicitudEgresadoFilter = builder.inputType('SolicitudEgresadoFilter', {
  fields: (t) => ({
    dentroDe: t.globalID({ required: false, description: unitOwned.dentroDe }),
    unitId: t.globalID({ required: false, description: unitOwned.unitId }),
    estado: t.field({ type: [EstadoSolicitudEgresadoEnum], required: false, description: 'Any of these states.' }),
  }),
});
const SupervisionFilter = unitFilterInput('SupervisionCapturaFilter');
const SolicitudFoliosFilter = unitFilterInput('SolicitudFoliosFilter');
const InformeFilter = unitFilterInput('InformeJuntaDirectivaFilter');

type UnitStateFilter = { dentroDe?: { id: string } | null; unitId?: { id: string } | null; estado?: readonly string[] | null } | null;
/**
 * Scope, unit and (when the filter has it) state: the where of every list of
 * this file, typed `never` so that it fits each model's where input (the
 * filters give `estado` only for the models that have it).
 */
const whereOf = listWhere(
  async ({ filter }: { filter?: UnitStateFilter }, ctx: Context): Promise<never> =>
    ({
      AND: [
        readableByUnit(ctx.viewer),
        await unitFilter(ctx, filter),
        filter?.estado?.length ? { estado: { in: [...filter.estado] } } : {},
      ],
    }) as never,
);

const RectificacionOrder = orderInput('RectificacionEvaluacion', ['createdAt', 'estado'] as const, 'createdAt');
const SupervisionOrder = orderInput('SupervisionCaptura', ['createdAt', 'periodo'] as const, 'periodo');
const EntregaOrder = orderInput('EntregaCertificadosFisicos', ['createdAt', 'estado'] as const, 'createdAt');
const SolicitudFoliosOrder = orderInput('SolicitudFolios', ['createdAt'] as const, 'createdAt');
const InformeOrder = orderInput('InformeJuntaDirectiva', ['anio', 'createdAt'] as const, 'anio');
const SolicitudEgresadoOrder = orderInput('SolicitudEgresado', ['createdAt', 'estado'] as const, 'createdAt');

builder.queryFields((t) => ({
  rectificacionesEvaluacion: t.prismaConnection(
    {
      type: 'RectificacionEvaluacion',
      cursor: 'id',
      description: 'R 6 requests the viewer may see. Default order: oldest first.',
      args: { filter: t.arg({ type: RectificacionFilter }), orderBy: t.arg({ type: RectificacionOrder.Input }) },
      totalCount: async (_c, args, ctx) => count(ctx.db, 'rectificacionEvaluacion', { where: await whereOf(args, ctx) }),
      resolve: async (query, _r, args, ctx, info) =>
        findMany(
          ctx.db,
          'rectificacionEvaluacion',
          {
            ...query,
            where: await whereOf(args, ctx),
            orderBy: RectificacionOrder.toPrisma<Prisma.RectificacionEvaluacionOrderByWithRelationInput>(args.orderBy),
          },
          info,
        ),
    },
    { name: 'RectificacionEvaluacionConnection' },
    { name: 'RectificacionEvaluacionEdge' },
  ),
  supervisionesCaptura: t.prismaConnection(
    {
      type: 'SupervisionCaptura',
      cursor: 'id',
      description: 'R 7 supervisions the viewer may see. Default order: by period, then corte.',
      args: { filter: t.arg({ type: SupervisionFilter }), orderBy: t.arg({ type: SupervisionOrder.Input }) },
      totalCount: async (_c, args, ctx) => count(ctx.db, 'supervisionCaptura', { where: await whereOf(args, ctx) }),
      resolve: async (query, _r, args, ctx, info) =>
        findMany(
          ctx.db,
          'supervisionCaptura',
          {
            ...query,
            where: await whereOf(args, ctx),
            orderBy: args.orderBy
              ? SupervisionOrder.toPrisma<Prisma.SupervisionCapturaOrderByWithRelationInput>(args.orderBy)
              : [{ periodo: 'asc' }, { corte: 'asc' }, { id: 'asc' }],
          },
          info,
        ),
    },
    { name: 'SupervisionCapturaConnection' },
    { name: 'SupervisionCapturaEdge' },
  ),
  entregasCertificadosFisicos: t.prismaConnection(
    {
      type: 'EntregaCertificadosFisicos',
      cursor: 'id',
      description: 'R 22-23 deliveries of physical certificates the viewer may see. Default order: oldest first.',
      args: { filter: t.arg({ type: EntregaFilter }), orderBy: t.arg({ type: EntregaOrder.Input }) },
      totalCount: async (_c, args, ctx) => count(ctx.db, 'entregaCertificadosFisicos', { where: await whereOf(args, ctx) }),
      resolve: async (query, _r, args, ctx, info) =>
        findMany(
          ctx.db,
          'entregaCertificadosFisicos',
          {
            ...query,
            where: await whereOf(args, ctx),
            orderBy: EntregaOrder.toPrisma<Prisma.EntregaCertificadosFisicosOrderByWithRelationInput>(args.orderBy),
          },
          info,
        ),
    },
    { name: 'EntregaCertificadosFisicosConnection' },
    { name: 'EntregaCertificadosFisicosEdge' },
  ),
  solicitudesFolios: t.prismaConnection(
    {
      type: 'SolicitudFolios',
      cursor: 'id',
      description: 'R 27 (F01) requests the viewer may see. Default order: oldest first.',
      args: { filter: t.arg({ type: SolicitudFoliosFilter }), orderBy: t.arg({ type: SolicitudFoliosOrder.Input }) },
      totalCount: async (_c, args, ctx) => count(ctx.db, 'solicitudFolios', { where: await whereOf(args, ctx) }),
      resolve: async (query, _r, args, ctx, info) =>
        findMany(
          ctx.db,
          'solicitudFolios',
          {
            ...query,
            where: await whereOf(args, ctx),
            orderBy: SolicitudFoliosOrder.toPrisma<Prisma.SolicitudFoliosOrderByWithRelationInput>(args.orderBy),
          },
          info,
        ),
    },
    { name: 'SolicitudFoliosConnection' },
    { name: 'SolicitudFoliosEdge' },
  ),
  informesJuntaDirectiva: t.prismaConnection(
    {
      type: 'InformeJuntaDirectiva',
      cursor: 'id',
      description: 'R 30 quarterly reports the viewer may see. Default order: by year, then quarter.',
      args: { filter: t.arg({ type: InformeFilter }), orderBy: t.arg({ type: InformeOrder.Input }) },
      totalCount: async (_c, args, ctx) => count(ctx.db, 'informeJuntaDirectiva', { where: await whereOf(args, ctx) }),
      resolve: async (query, _r, args, ctx, info) =>
        findMany(
          ctx.db,
          'informeJuntaDirectiva',
          {
            ...query,
            where: await whereOf(args, ctx),
            orderBy: args.orderBy
              ? InformeOrder.toPrisma<Prisma.InformeJuntaDirectivaOrderByWithRelationInput>(args.orderBy)
              : [{ anio: 'asc' }, { trimestre: 'asc' }, { id: 'asc' }],
          },
          info,
        ),
    },
    { name: 'InformeJuntaDirectivaConnection' },
    { name: 'InformeJuntaDirectivaEdge' },
  ),
  solicitudesEgresado: t.prismaConnection(
    {
      type: 'SolicitudEgresado',
      cursor: 'id',
      description: "R 32 graduates' requests the viewer may see. Default order: oldest first.",
      args: { filter: t.arg({ type: SolicitudEgresadoFilter }), orderBy: t.arg({ type: SolicitudEgresadoOrder.Input }) },
      totalCount: async (_c, args, ctx) => count(ctx.db, 'solicitudEgresado', { where: await whereOf(args, ctx) }),
      resolve: async (query, _r, args, ctx, info) =>
        findMany(
          ctx.db,
          'solicitudEgresado',
          {
            ...query,
            where: await whereOf(args, ctx),
            orderBy: SolicitudEgresadoOrder.toPrisma<Prisma.SolicitudEgresadoOrderByWithRelationInput>(args.orderBy),
          },
          info,
        ),
    },
    { name: 'SolicitudEgresadoConnection' },
    { name: 'SolicitudEgresadoEdge' },
  ),
}));
