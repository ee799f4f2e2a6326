// Sample inputs of the roles × steps × states matrix (test/matrix.test.ts):
// for every declared step, a valid input for a record (or, for a creation, a
// parent or subject, or a unit), and where needed how to make that record and
// how to see what a creation wrote. A declared step without an entry here
// fails the matrix, so a new step cannot escape it.
//
// - `input(record, ctx)`: the step's `input` argument for `record` (made in an
//   allowed state, or in a wrong one: the input must not depend on the state).
// - `make(db, { state, entity, kind })`: the step's record in `state` (for a
//   creation: its subject of type `entity`); default: the workflow's factory
//   (WORKFLOW_MODELS in test/factories.ts, `ready: true`).
// - `subjectStates`: every state of a subject that is not a workflow record
//   (a student), so the wrong ones are tried too.
// - `kinds`: for steps whose role depends on the record's kind (`roleByKind`).
// - `written(db, record, input)`: for creations, the ids of the rows of the
//   created type that this attempt could have made (under `record`, or with
//   the input's unique marker); the matrix checks refused attempts add none.
// - `extra(db, record)`: for transitions and actions, what else a refused step
//   must leave untouched (lines, folios) besides the row and its audit trail.
import type { Db } from '../src/lib/db/client.js';
import { make, uniq, type Made } from './factories.js';

/** A record the matrix acts on (or a creation's subject), as `make` returns it. */
export type Sample = Made & Record<string, unknown>;

export interface MatrixContext {
  db: Db;
  /** Global ids of the demo units, by code. */
  unitIds: Record<string, string>;
  /** For creations made at a unit: the unit's global id. */
  unitId?: string;
  /** For creations under several kinds of subject: the subject's GraphQL type. */
  entity?: string;
}

export interface SampleInput {
  input: (record: Sample, ctx: MatrixContext) => Record<string, unknown> | Promise<Record<string, unknown>>;
  make?: (db: Db, o: { state: string; entity: string; kind?: string }) => Promise<Sample>;
  subjectStates?: Record<string, readonly string[]>;
  kinds?: readonly string[];
  written?: (db: Db, record: Sample, input: Record<string, unknown>) => Promise<string[]>;
  extra?: (db: Db, record: Sample) => Promise<unknown>;
}

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
const obs = 'Observaciones de la matriz';
const id = ({ globalId }: Sample) => ({ id: globalId });
const withObs = ({ globalId }: Sample) => ({ id: globalId, observaciones: obs });
const yesterday = () => new Date(Date.now() - 86_400_000).toISOString();
/** A periodo "YYYY-S" with a random year in 1000-1999 (what factories use; the API accepts it). */
const periodo = () => `${1000 + Math.floor(Math.random() * 1000)}-${1 + Math.floor(Math.random() * 2)}`;
const ESTATUS = ['INSCRITO', 'EN_RIESGO', 'BAJA', 'EGRESADO'] as const;

/** A ProyectoNormativo addressed to MEX-CAST01 for `fin` in every state (addressee reach needs it also in the wrong states). */
const addressedProyecto = (fin: 'COMENTARIOS' | 'APLICACION') => (db: Db, o: { state: string }) =>
  make.proyectoNormativo(db, { estado: o.state as never, destinatarios: [{ unit: 'MEX-CAST01', fin }] });

export const SAMPLE_INPUTS: Record<string, SampleInput> = {
  // ---- 7081-MP-SI: normatividad
  createProyectoNormativo: {
    input: (_r, { unitId }) => ({ titulo: `Matriz ${uniq()}`, necesidad: 'Necesidad', unitId }),
    written: async (db, _r, input) =>
      ids(await db.proyectoNormativo.findMany({ where: { titulo: String(input.titulo) }, select: { id: true } })),
  },
  sendProyectoNormativoToCst: { input: id },
  sendProyectoNormativoToCast: { input: (r, { unitIds }) => ({ id: r.globalId, castUnitIds: [unitIds['MEX-CAST01']] }) },
  submitProyectoNormativoAsCast: { input: withObs, make: addressedProyecto('COMENTARIOS') },
  receiveProyectoNormativoAsCst: { input: id },
  submitProyectoNormativoAsCst: { input: (r) => ({ id: r.globalId, documentoUrl: 'https://docs.example.org/matriz.pdf' }) },
  approveProyectoNormativoAsDstc: { input: id },
  returnProyectoNormativoAsDstc: { input: withObs },
  approveProyectoNormativoAsDcaj: { input: (r) => ({ id: r.globalId, numeroRegistro: 'DCAJ-1' }) },
  returnProyectoNormativoAsDcaj: { input: withObs },
  publishProyectoNormativo: { input: (r, { unitIds }) => ({ id: r.globalId, castUnitIds: [unitIds['MEX-CAST01']] }) },
  receiveProyectoNormativoAsCast: { input: id, make: addressedProyecto('APLICACION') },
  closeProyectoNormativo: {
    input: (r) => ({
      id: r.globalId,
      fecha: yesterday(),
      modalidad: 'VIRTUAL',
      evidenciasReunion: [{ tipo: 'MINUTA', descripcion: 'Minuta' }],
    }),
    extra: (db, r) => db.evidenciaReunion.count({ where: { proyectoId: r.id } }),
  },

  // ---- 15-528-PO-26: promotion
  createPlanTrabajoAnual: {
    input: async (_r, { unitId, db }) => {
      const texts = Object.fromEntries(
        ['fortalezas', 'oportunidades', 'debilidades', 'amenazas', 'riesgos', 'prioridades', 'resultadosHistoricos'].map((f) => [f, f]),
      );
      // A year no plan of any unit has (one plan a year per unit).
      const used = new Set(
        (await db.planTrabajoAnual.findMany({ where: { anio: { gte: 2000 } }, select: { anio: true } })).map((p) => p.anio),
      );
      const free = Array.from({ length: 101 }, (_, i) => 2000 + i).filter((y) => !used.has(y));
      return { anio: free[Math.floor(Math.random() * free.length)], contexto: `Matriz ${uniq()}`, ...texts, unitId };
    },
    written: async (db, _r, input) =>
      ids(await db.planTrabajoAnual.findMany({ where: { contexto: String(input.contexto) }, select: { id: true } })),
  },
  approvePlanTrabajoAnual: { input: id },
  deliverPlanTrabajoAnual: { input: id },
  sendPlanTrabajoAnual: { input: id, extra: (db, r) => db.planAnualCentro.count({ where: { planEstatalId: r.id } }) },
  sendPlanAnualCentro: { input: id },
  updatePlanAnualCentro: { input: (r) => ({ id: r.globalId, objetivos: 'Objetivos de la matriz' }) },
  addActividadProgramada: {
    input: (r) => ({
      planAnualCentroId: r.globalId,
      mes: 3,
      tipo: 'REUNION_PADRES',
      descripcion: 'Reunión',
      audiencia: 'Padres',
      meta: 10,
    }),
    extra: (db, r) => db.actividadProgramada.findMany({ where: { planId: r.id }, select: { id: true }, orderBy: { id: 'asc' } }),
  },
  removeActividadProgramada: {
    // The plan has one scheduled activity in every state (also POR_TURNAR), so the step has a line to remove.
    make: async (db, o) => make.planAnualCentro(db, { estado: o.state as never, actividades: 1 }),
    input: (r) => ({ actividadProgramadaId: (r.actividades as Made[])[0].globalId }),
    extra: (db, r) => db.actividadProgramada.findMany({ where: { planId: r.id }, select: { id: true }, orderBy: { id: 'asc' } }),
  },
  submitPlanAnualCentro: { input: id },
  approvePlanAnualCentro: { input: id },
  returnPlanAnualCentro: { input: withObs },
  createActividadRealizada: {
    input: (r) => ({
      planAnualCentroId: r.globalId,
      tipo: 'REUNION_PADRES',
      fecha: new Date(Date.UTC(Number(r.anio), 2, 15)).toISOString(),
      descripcion: 'Reunión con padres',
      alcance: 10,
      evento: 'Reunión',
      asistentes: 10,
    }),
    written: async (db, r) => ids(await db.actividadRealizada.findMany({ where: { planId: r.id }, select: { id: true } })),
  },
  createReporteTrimestral: {
    input: (r) => ({ planAnualCentroId: r.globalId, trimestre: 1, analisis: 'Análisis de la matriz' }),
    written: async (db, r) => ids(await db.reporteTrimestral.findMany({ where: { planId: r.id }, select: { id: true } })),
  },
  receiveReporteTrimestral: { input: id },
  createConcentradoEstatal: {
    input: (r) => ({ planTrabajoAnualId: r.globalId, semestre: 1 }),
    written: async (db, r) => ids(await db.concentradoEstatal.findMany({ where: { planEstatalId: r.id }, select: { id: true } })),
  },
  createAccionMejora: {
    input: (r, { entity }) => ({
      tipo: 'ACCION_CORRECTIVA',
      descripcion: 'Acción de la matriz',
      [entity === 'ConcentradoEstatal' ? 'concentradoEstatalId' : 'reporteTrimestralId']: r.globalId,
    }),
    written: async (db, r) =>
      ids(await db.accionMejora.findMany({ where: { OR: [{ reporteId: r.id }, { concentradoId: r.id }] }, select: { id: true } })),
  },
  closeAccionMejora: { input: (r) => ({ id: r.globalId, resultado: 'Resultado' }) },
  destroyRegistroPromocion: {
    kinds: ['F01', 'F02', 'F03', 'F04', 'F05'],
    make: (db, o) => make.registroPromocion(db, { estado: o.state as never, formato: o.kind as never }),
    input: (r) => ({ id: r.globalId, motivo: 'Acta de destrucción' }),
  },

  // ---- 30-524-PO-04: certificates, folios, bajas, SISEAC
  createCertificado: {
    subjectStates: { Alumno: ['PLAN_CONCLUIDO', ...ESTATUS] },
    make: async (db, o) => {
      // A folio for the certificate at the student's plantel.
      await make.loteFolios(db, { plantel: 'MEX-P001', cantidad: 1 });
      const done = o.state === 'PLAN_CONCLUIDO';
      return make.alumno(db, { planConcluido: done, estatus: done ? 'EGRESADO' : (o.state as never) });
    },
    input: (r) => ({ alumnoId: r.globalId }),
    written: async (db, r) => ids(await db.certificado.findMany({ where: { alumnoId: r.id }, select: { id: true } })),
  },
  createCertificadoReposicion: {
    make: async (db, o) => {
      // A folio of the state office for the replacement.
      await make.loteFolios(db, { unit: 'CE-MEX', cantidad: 1 });
      return make.certificado(db, { estado: o.state as never });
    },
    input: (r) => ({ certificadoId: r.globalId, motivo: 'Extravío' }),
    written: async (db, r) => ids(await db.certificado.findMany({ where: { reponeAId: r.id }, select: { id: true } })),
  },
  approveCertificadoAsJefeServiciosEscolaresEstatal: { input: id },
  returnCertificado: { input: withObs },
  submitCertificado: { input: id },
  signCertificadoAsDirectorPlantel: { input: id },
  signCertificadoAsDirectorGeneralEstatal: { input: id },
  signCertificadoAsDirectorGeneralNacional: { input: id },
  approveCertificadoAsCosfac: { input: id },
  deliverCertificado: { input: (r) => ({ id: r.globalId, entregadoA: 'La persona egresada' }) },
  createLoteFolios: {
    input: (_r, { unitId }) => ({
      referencia: `Matriz ${uniq()}`,
      prefijo: `M${uniq().slice(-12)}-`,
      numeroInicial: 1,
      cantidad: 2,
      unitId,
    }),
    written: async (db, _r, input) =>
      ids(await db.loteFolios.findMany({ where: { referencia: String(input.referencia) }, select: { id: true } })),
  },
  assignLoteFolios: {
    input: (r, { unitIds }) => ({ id: r.globalId, plantelId: unitIds['MEX-P001'], cantidad: 1 }),
    extra: (db, r) => db.folio.findMany({ where: { loteId: r.id }, select: { id: true, unitId: true }, orderBy: { id: 'asc' } }),
  },
  createBaja: {
    subjectStates: { Alumno: ESTATUS },
    make: (db, o) => make.alumno(db, { estatus: o.state as never }),
    input: (r) => ({ alumnoId: r.globalId, fecha: yesterday(), motivo: 'Cambio de domicilio', solicitudTutor: false }),
    written: async (db, r) => ids(await db.baja.findMany({ where: { alumnoId: r.id }, select: { id: true } })),
  },
  sendBaja: { input: id },
  closeBaja: { input: withObs },
  publishCorteCalendario: {
    input: (_r, { unitId }) => {
      const p = periodo();
      const year = Number(p.slice(0, 4));
      const cortes = [1, 2, 3].map((corte) => ({
        corte,
        inicio: new Date(Date.UTC(year, corte * 2 - 1, 1)).toISOString(),
        fin: new Date(Date.UTC(year, corte * 2, 1)).toISOString(),
      }));
      return { periodo: p, cortes, unitId };
    },
    written: async (db, _r, input) =>
      ids(
        await db.corteCalendario.findMany({
          where: { periodo: String(input.periodo), unit: { code: { in: ['CE-MEX', 'CE-VER'] } } },
          select: { id: true },
        }),
      ),
  },
  createReunionRiesgo: {
    input: (_r, { unitId }) => ({
      periodo: periodo(),
      numero: 1 + Math.floor(Math.random() * 3),
      fecha: yesterday(),
      acuerdos: ['Acuerdo'],
      unitId,
    }),
    written: async (db, _r, input) =>
      ids(
        await db.reunionRiesgo.findMany({ where: { periodo: String(input.periodo), numero: Number(input.numero) }, select: { id: true } }),
      ),
  },
  // ---- 7081-MP-SI Pd-01-It-01: working meeting with CAST directors
  createReunionTrabajoCast: {
    input: (_r, { unitId }) => ({ periodo: periodo(), requerimientos: 'Actualización en normatividad de servicios tecnológicos', unitId }),
    written: async (db, _r, input) =>
      ids(await db.reunionTrabajoCast.findMany({ where: { periodo: String(input.periodo) }, select: { id: true } })),
  },
  updateReunionTrabajoCast: { input: (r) => ({ id: r.globalId, gestiones: 'Sala y conexión reservadas' }) },
  sendReunionTrabajoCast: {
    input: id,
    extra: (db, r) => db.reunionTrabajoCastDestinatario.count({ where: { reunionTrabajoCastId: r.id } }),
  },
  closeReunionTrabajoCast: {
    input: (r) => ({
      id: r.globalId,
      fecha: yesterday(),
      modalidad: 'VIRTUAL',
      resultados: 'Resultados de la reunión',
      acuerdos: ['Acuerdo'],
      evidenciasReunion: [{ tipo: 'MINUTA', descripcion: 'Minuta' }],
    }),
    extra: (db, r) => db.evidenciaReunion.count({ where: { reunionTrabajoCastId: r.id } }),
  },
  // ---- platform administration
  createOrgUnit: {
    input: (_r, { unitId }) => ({
      parentId: unitId,
      kind: 'EMPRESA',
      code: `EMP-M${uniq()
        .toUpperCase()
        .replace(/[^A-Z0-9]/g, '')
        .slice(0, 20)}`,
      name: 'Empresa de la matriz',
    }),
    written: async (db, _r, input) => ids(await db.orgUnit.findMany({ where: { code: String(input.code) }, select: { id: true } })),
  },
  updateOrgUnit: {
    // The demo unit keeps its name: the step writes back what it reads, so other tests are not disturbed.
    input: async (r, { db }) => ({
      id: r.globalId,
      name: (await db.orgUnit.findUniqueOrThrow({ where: { id: r.id }, select: { name: true } })).name,
    }),
  },
  createPerson: {
    input: (_r, { unitId }) => ({ email: `matriz.${uniq()}@example.mx`.toLowerCase(), fullName: 'Persona de la matriz', unitId }),
    written: async (db, _r, input) => ids(await db.person.findMany({ where: { email: String(input.email) }, select: { id: true } })),
  },
  updatePerson: { input: (r) => ({ id: r.globalId, fullName: 'Nombre corregido' }) },
  addRoleAssignment: {
    input: (r, { unitIds }) => ({ id: r.globalId, role: 'LECTOR', unitId: unitIds['CE-MEX'] }),
    extra: (db, r) => db.roleAssignment.count({ where: { personId: r.id } }),
  },
  removeRoleAssignment: {
    make: (db) => make.person(db, { roles: [['LECTOR', 'CE-MEX']] }),
    input: async (r, { db }) => ({
      id: r.globalId,
      roleAssignmentId: (await db.roleAssignment.findFirstOrThrow({ where: { personId: r.id }, select: { id: true } })).id,
    }),
    extra: (db, r) => db.roleAssignment.count({ where: { personId: r.id } }),
  },
  createApiKey: {
    input: (_r, { unitId }) => ({ unitId, nombre: `Clave de la matriz ${uniq()}`, role: 'LECTOR' }),
    written: async (db, _r, input) => ids(await db.apiKey.findMany({ where: { nombre: String(input.nombre) }, select: { id: true } })),
  },
  closeApiKey: { input: id },
  createAsesoriaComplementaria: {
    subjectStates: { Alumno: ESTATUS },
    make: async (db, o) => ({ ...(await make.alumno(db, { estatus: o.state as never })), modulo: await make.modulo(db) }),
    input: (r) => ({
      alumnoId: r.globalId,
      moduloClave: (r.modulo as { clave: string }).clave,
      periodo: '2025-1',
      motivo: 'Reprobó el corte',
    }),
    written: async (db, r) => ids(await db.asesoriaComplementaria.findMany({ where: { alumnoId: r.id }, select: { id: true } })),
  },
};
