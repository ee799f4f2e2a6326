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
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { demoEmail } from '../src/seed/demo.js';
import type { Db } from '../src/lib/db/client.js';
import { make, uniq, type Made } from './factories.js';
import { INDICADORES } from '../src/modules/metas/workflow.js';
import type { LineaServicio } from '../src/generated/prisma/enums.js';

/** A record the matrix acts on (or a creation's subject), as `make` returns it. */
export type Sample = Made & Record<string, unknown>;

/** The next March a matrix call of createVisitaTecnica takes (see there). */
let visitYear = 0;
/** The next registry number a matrix call of registerInstrumentoJuridico takes (unique per call). */
let registroInstrumento = 0;
/** The next CFDI folio a matrix call of receiveCoordinacionCapacitacion takes (unique per call). */
let folioCfdi = 0;

/** A document uploaded (not attached) by the demo account, as POST /documents leaves it: its global id. */
async function uploadedBy(db: Db, account = 'admin'): Promise<string> {
  const person = await db.person.findUniqueOrThrow({ where: { email: demoEmail(account) }, select: { id: true } });
  const token = uniq();
  const doc = await db.documento.create({
    data: {
      nombre: `matriz-${token}.pdf`,
      tipoContenido: 'application/pdf',
      tamano: 64,
      sha256: '0'.repeat(64),
      claveAlmacen: `matrix/${token}`,
      createdById: person.id,
    },
    select: { id: true },
  });
  return encodeGlobalID('Documento', doc.id);
}
/** Per-call counters of the contact centre's inputs (closed days, analysis periods): concurrent calls never share one. */
let cierreDay = 0;
let analisisMonth = 0;
/** Per-call counter of the portal statistics' weeks (createEstadisticaPortal). */
let portalWeek = 0;

/** Years handed to matrix calls, by scope: accounts run at once, and two must never take one year of one unit. */
const handedYears = new Set<string>();
/**
 * The first API year (2000-2100) that `taken` (the database's) does not hold and no recent call of `scope` took.
 * Refused calls take a year too and never write it: once every year was handed out, the oldest are handed again
 * (the calls that took them ended long before).
 */
function distinctYear(scope: string, taken: Iterable<number>): number {
  const used = new Set(taken);
  for (let round = 0; round < 2; round++) {
    for (let y = 2000; y <= 2100; y++)
      if (!used.has(y) && !handedYears.has(`${scope}:${y}`)) {
        handedYears.add(`${scope}:${y}`);
        return y;
      }
    for (const key of [...handedYears]) if (key.startsWith(`${scope}:`)) handedYears.delete(key);
  }
  throw new Error(`matrix inputs: every year 2000-2100 already has a record for ${scope}`);
}

export interface MatrixContext {
  db: Db;
  /** Global ids of the demo units, by code. */
  unitIds: Record<string, string>;
  /** For creations made at a unit: the unit's global id. */
  unitId?: string;
  /** For creations under several kinds of subject: the subject's GraphQL type. */
  entity?: string;
  /** For creations at a unit: the demo account about to call (e.g. to upload a document of its own). */
  account?: string;
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
const firmasOf = (db: Db, r: Sample) =>
  db.firmaInstrumentoJuridico.findMany({ where: { instrumentoJuridicoId: r.id }, orderBy: { orden: 'asc' } });
const obs = 'Observaciones de la matriz';
const id = ({ globalId }: Sample) => ({ id: globalId });
const withObs = ({ globalId }: Sample) => ({ id: globalId, observaciones: obs });
const yesterday = () => new Date(Date.now() - 86_400_000).toISOString();
/** A periodo "YYYY-S" with a random year in 1000-1999 (what factories use; the API accepts it). */
const periodo = () => `${1000 + Math.floor(Math.random() * 1000)}-${1 + Math.floor(Math.random() * 2)}`;
const ESTATUS = ['INSCRITO', 'EN_RIESGO', 'BAJA', 'EGRESADO'] as const;
const COTEJOS = ['nombreCompleto', 'fotoAdherida', 'firmaDirector', 'selloFoto', 'folioDocumento', 'fechaImpresion'] as const;
/** R 22's checks of every line of a physical-certificate delivery (the factory makes `certificados` lines): all hold, or the first fails. */
const cotejos = (r: Sample, todos: boolean) =>
  Array.from({ length: Number(r.certificados ?? 2) }, (_, i) => ({
    consecutivo: i + 1,
    ...Object.fromEntries(COTEJOS.map((k) => [k, todos || i > 0 || k !== 'nombreCompleto'])),
  }));

/** A ProyectoNormativo addressed to MEX-CAST01 for `fin` in every state (addressee reach needs it also in the wrong states). */
const addressedProyecto = (fin: 'COMENTARIOS' | 'APLICACION') => (db: Db, o: { state: string }) =>
  make.proyectoNormativo(db, { estado: o.state as never, destinatarios: [{ unit: 'MEX-CAST01', fin }] });

const TIPOS_SOLICITUD = ['MATERIAL_PROMOCIONAL', 'PUBLICACION_PORTAL'] as const;
/** A request of each kind (`roleByKind`: the DVS answers material, the DCTA the portal), addressed to its area. */
const solicitudOfKind = async (db: Db, o: { state: string; kind?: string }) => {
  const tipo = (o.kind ?? 'MATERIAL_PROMOCIONAL') as (typeof TIPOS_SOLICITUD)[number];
  return { ...(await make.solicitudDirigida(db, { estado: o.state as never, tipo })), kind: tipo };
};
const LINEAS = ['SERVICIOS_TECNOLOGICOS', 'CAPACITACION'] as const;
const uuidOf = (globalId: string) => Buffer.from(globalId, 'base64').toString('utf8').split(':')[1];
/** A year the API accepts (2000-2100) that `taken` does not hold. */
const freeApiYear = (taken: number[]) => {
  const free = Array.from({ length: 101 }, (_, i) => 2000 + i).filter((y) => !taken.includes(y));
  return free[Math.floor(Math.random() * free.length)];
};
const programaOfKind = (db: Db, o: { state: string; kind?: string }) =>
  make.programaMetas(db, { estado: o.state as never, linea: (o.kind ?? 'SERVICIOS_TECNOLOGICOS') as LineaServicio });
const registroOfKind = (db: Db, o: { state: string; kind?: string }) =>
  make.registroResultados(db, { estado: o.state as never, linea: (o.kind ?? 'SERVICIOS_TECNOLOGICOS') as LineaServicio });
const createPrograma = (linea: LineaServicio, extra: Record<string, unknown> = {}): SampleInput => ({
  input: async (_r, { db, unitId }) => {
    const taken = await db.programaMetas.findMany({ where: { unitId: uuidOf(unitId!), linea }, select: { anio: true } });
    return { unitId, anio: freeApiYear(taken.map((p) => p.anio)), ...extra };
  },
  written: async (db, _r, input) =>
    ids(
      await db.programaMetas.findMany({
        where: { unitId: uuidOf(String(input.unitId)), anio: Number(input.anio), linea },
        select: { id: true },
      }),
    ),
});
const metasOf = (db: Db, r: Sample) =>
  Promise.all([
    db.metaIndicador.findMany({ where: { programaId: r.id }, orderBy: { id: 'asc' } }),
    db.versionMetaIndicador.count({ where: { metaIndicador: { programaId: r.id } } }),
  ]);

export const SAMPLE_INPUTS: Record<string, SampleInput> = {
  // ---- 7081-MP-SI: metas y resultados
  createProgramaMetasServiciosTecnologicos: createPrograma('SERVICIOS_TECNOLOGICOS'),
  createProgramaMetasCapacitacion: createPrograma('CAPACITACION', { criterios: 'Criterios del diagnóstico situacional' }),
  updateProgramaMetas: {
    kinds: LINEAS,
    make: programaOfKind,
    input: (r) => ({ id: r.globalId, metas: [{ indicador: INDICADORES[r.kind as LineaServicio][0], trimestre: 1, valor: 55 }] }),
    extra: metasOf,
  },
  submitProgramaMetas: { kinds: LINEAS, make: programaOfKind, input: id },
  approveProgramaMetas: { kinds: LINEAS, make: programaOfKind, input: id, extra: metasOf },
  returnProgramaMetas: { kinds: LINEAS, make: programaOfKind, input: withObs },
  createRegistroResultados: {
    input: (r) => ({ programaMetasId: r.globalId, trimestre: 1 }),
    written: async (db, r) =>
      ids(await db.registroResultados.findMany({ where: { programaId: r.id, trimestre: 1 }, select: { id: true } })),
  },
  updateRegistroResultados: {
    kinds: LINEAS,
    make: registroOfKind,
    input: (r) => ({
      id: r.globalId,
      resultados: [{ indicador: INDICADORES[r.kind as LineaServicio][0], mes: 3 * Number(r.trimestre) - 2, valor: 7 }],
    }),
    extra: (db, r) => db.resultadoIndicador.findMany({ where: { registroId: r.id }, orderBy: { id: 'asc' } }),
  },
  submitRegistroResultados: { kinds: LINEAS, make: registroOfKind, input: id },
  approveRegistroResultados: { kinds: LINEAS, make: registroOfKind, input: id },
  returnRegistroResultados: { kinds: LINEAS, make: registroOfKind, input: withObs },
  createProgramaNacionalCapacitacion: {
    input: async (_r, { db, unitId }) => {
      const taken = await db.programaNacionalCapacitacion.findMany({ select: { anio: true } });
      return { anio: freeApiYear(taken.map((p) => p.anio)), puntosControl: 'Puntos de control del proceso', unitId };
    },
    written: async (db, _r, input) =>
      ids(await db.programaNacionalCapacitacion.findMany({ where: { anio: Number(input.anio) }, select: { id: true } })),
  },
  updateProgramaNacionalCapacitacion: { input: (r) => ({ id: r.globalId, programaTrabajo: 'PAT nacional' }) },
  sendProgramaNacionalCapacitacion: {
    input: id,
    extra: (db, r) =>
      Promise.all([
        db.metaNacional.count({ where: { programaId: r.id } }),
        db.programaNacionalCapacitacionDestinatario.count({ where: { programaId: r.id } }),
      ]),
  },
  returnProgramaNacionalCapacitacion: { input: withObs },
  createCursoCatalogo: {
    input: (_r, { unitId }) => ({ nombre: `Curso ${uniq()}`, descripcion: 'Curso de la oferta educativa', duracionHoras: 10, unitId }),
    written: async (db, _r, input) =>
      ids(await db.cursoCatalogo.findMany({ where: { nombre: String(input.nombre) }, select: { id: true } })),
  },
  updateCursoCatalogo: { input: (r) => ({ id: r.globalId, duracionHoras: 30 }) },
  approveCursoCatalogo: { input: (r) => ({ id: r.globalId, claveSecyt: `SECYT-${uniq()}` }) },
  publishCursoCatalogo: { input: id },

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
    input: async (r, { db }) => ({
      id: r.globalId,
      reunionTrabajoCastId: (await make.reunionTrabajoCast(db, { estado: 'CERRADA' })).globalId,
    }),
  },

  // ---- 7081-MP-SI Pd-02-It-01: normativa de capacitación
  createProyectoNormativoCapacitacion: {
    input: (_r, { unitId }) => ({ titulo: `Matriz ${uniq()}`, necesidad: 'Necesidad', unitId }),
    written: async (db, _r, input) =>
      ids(await db.proyectoNormativo.findMany({ where: { titulo: String(input.titulo) }, select: { id: true } })),
  },
  submitProyectoNormativoCapacitacion: { input: (r) => ({ id: r.globalId, documentoUrl: 'https://docs.example.org/matriz.pdf' }) },
  approveProyectoNormativoCapacitacionAsGtComeri: { input: id },
  returnProyectoNormativoCapacitacionAsGtComeri: { input: withObs },
  sendProyectoNormativoCapacitacion: {
    input: (r, { unitIds }) => ({ id: r.globalId, unitIds: [unitIds['CE-VER']] }),
    extra: (db, r) => db.proyectoNormativoDestinatario.count({ where: { proyectoId: r.id } }),
  },
  addAportacionNormativa: {
    input: (r) => ({ id: r.globalId, texto: 'Aportación de la matriz' }),
    make: (db, o) =>
      make.proyectoNormativoCapacitacion(db, { estado: o.state as never, destinatarios: [{ unit: 'CE-MEX', fin: 'APORTACIONES' }] }),
    extra: (db, r) => db.aportacionNormativa.count({ where: { proyectoId: r.id } }),
  },
  sendProyectoNormativoCapacitacionToComeri: { input: id },
  approveProyectoNormativoCapacitacionAsComeri: { input: (r) => ({ id: r.globalId, numeroRegistro: 'COMERI-1' }) },
  returnProyectoNormativoCapacitacionAsComeri: { input: withObs },
  publishProyectoNormativoCapacitacion: { input: (r, { unitIds }) => ({ id: r.globalId, unitIds: [unitIds['CE-MEX']] }) },
  receiveProyectoNormativoCapacitacion: {
    input: id,
    make: (db, o) =>
      make.proyectoNormativoCapacitacion(db, { estado: o.state as never, destinatarios: [{ unit: 'CE-MEX', fin: 'APLICACION' }] }),
  },
  closeProyectoNormativoCapacitacion: {
    input: (r) => ({
      id: r.globalId,
      fecha: yesterday(),
      modalidad: 'PRESENCIAL',
      evidenciasReunion: [{ tipo: 'LISTA_ASISTENCIA', descripcion: 'Lista de asistencia' }],
      seguimiento: 'Seguimiento trimestral',
    }),
    extra: (db, r) => db.evidenciaReunion.count({ where: { proyectoId: r.id } }),
  },

  // ---- 7081-MP-SI 8.1.5: promotion of the technological services
  createPromocionServiciosTecnologicos: {
    // One promotion per unit and year.
    input: async (_r, { unitId, db }) => {
      const unit = decodeGlobalID(unitId!).id;
      const taken = await db.promocionServiciosTecnologicos.findMany({ where: { unitId: unit }, select: { anio: true } });
      return {
        anio: distinctYear(
          `promocion:${unit}`,
          taken.map((p) => p.anio),
        ),
        instruccion: `Matriz ${uniq()}`,
        unitId,
      };
    },
    written: async (db, _r, input) =>
      ids(await db.promocionServiciosTecnologicos.findMany({ where: { instruccion: String(input.instruccion) }, select: { id: true } })),
  },
  sendPromocionServiciosTecnologicosToCast: {
    input: (r, { unitIds }) => ({ id: r.globalId, castUnitIds: [unitIds['VER-CAST01']] }),
  },
  submitPromocionServiciosTecnologicos: { input: (r) => ({ id: r.globalId, compilacion: 'Compilación' }) },
  receivePromocionServiciosTecnologicos: { input: id },
  closePromocionServiciosTecnologicos: { input: (r) => ({ id: r.globalId, verificacion: 'Verificación' }) },
  createCatalogoServicios: {
    make: (db, o) => make.promocionServiciosTecnologicos(db, { estado: o.state as never, cast: ['MEX-CAST01'], ready: false }),
    input: (r) => ({ promocionServiciosTecnologicosId: r.globalId, servicios: [{ nombre: 'Servicio', descripcion: 'Descripción' }] }),
    written: async (db, r) =>
      ids(await db.catalogoServicios.findMany({ where: { promocionServiciosTecnologicosId: r.id }, select: { id: true } })),
  },
  createSolicitudDirigida: {
    make: (db, o) => make.promocionServiciosTecnologicos(db, { estado: o.state as never, ready: false }),
    input: (r, { unitIds }) => ({
      promocionServiciosTecnologicosId: r.globalId,
      tipo: 'MATERIAL_PROMOCIONAL',
      asunto: 'Materiales promocionales',
      destinatarioUnitId: unitIds['DVS'],
    }),
    written: async (db, r) =>
      ids(await db.solicitudDirigida.findMany({ where: { promocionServiciosTecnologicosId: r.id }, select: { id: true } })),
  },
  receiveSolicitudDirigida: { input: id, kinds: TIPOS_SOLICITUD, make: solicitudOfKind },
  closeSolicitudDirigida: {
    input: (r) => ({ id: r.globalId, respuesta: 'Material elaborado', urlRespuesta: 'https://docs.example.org/m.pdf' }),
    kinds: TIPOS_SOLICITUD,
    make: solicitudOfKind,
  },

  // ---- 7081-MP-SI Pd-02-It-05: promotion of the training offer
  createOfertaCapacitacion: {
    // One offer per unit and year: each call takes its own year (accounts run at once), skipping years other tests used.
    input: async (_r, { unitId, db }) => {
      const unit = decodeGlobalID(unitId!).id;
      const taken = await db.ofertaCapacitacion.findMany({ where: { unitId: unit }, select: { anio: true } });
      return {
        anio: distinctYear(
          `oferta:${unit}`,
          taken.map((o) => o.anio),
        ),
        descripcion: `Matriz ${uniq()}`,
        unitId,
      };
    },
    written: async (db, _r, input) =>
      ids(await db.ofertaCapacitacion.findMany({ where: { descripcion: String(input.descripcion) }, select: { id: true } })),
  },
  updateOfertaCapacitacion: { input: (r) => ({ id: r.globalId, micrositioUrl: 'https://www.conalep.edu.mx/capacitacion' }) },
  addRecursoPromocion: {
    input: (r) => ({ id: r.globalId, tipo: 'INSUMO', descripcion: 'Carteles' }),
    extra: (db, r) => db.recursoPromocion.count({ where: { ofertaCapacitacionId: r.id } }),
  },
  publishOfertaCapacitacion: {
    input: (r, { unitIds }) => ({ id: r.globalId, unitIds: [unitIds['RCEO']] }),
    extra: (db, r) => db.ofertaCapacitacionDestinatario.count({ where: { ofertaCapacitacionId: r.id } }),
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
      return {
        anio: distinctYear('planTrabajoAnual', used),
        contexto: `Matriz ${uniq()}`,
        ...texts,
        metas: [{ descripcion: 'Personas certificadas', valor: 10 }],
        unitId,
      };
    },
    written: async (db, _r, input) =>
      ids(await db.planTrabajoAnual.findMany({ where: { contexto: String(input.contexto) }, select: { id: true } })),
  },
  approvePlanTrabajoAnual: { input: id },
  deliverPlanTrabajoAnual: { input: id },
  sendPlanTrabajoAnual: { input: id, extra: (db, r) => db.planAnualCentro.count({ where: { planEstatalId: r.id } }) },
  sendPlanAnualCentro: { input: id },
  updatePlanAnualCentro: { input: (r) => ({ id: r.globalId, objetivos: 'Objetivos de la matriz', contexto: 'Contexto del plantel' }) },
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
      listaAsistencia: [{ nombre: 'Madre de familia' }],
    }),
    written: async (db, r) => ids(await db.actividadRealizada.findMany({ where: { planId: r.id }, select: { id: true } })),
  },
  createActividadRealizadaAsCoordinadorPromocionEce: {
    input: (r) => ({
      planTrabajoAnualId: r.globalId,
      tipo: 'DIFUSION_ELECTRONICA',
      fecha: new Date(Date.UTC(Number(r.anio), 2, 15)).toISOString(),
      descripcion: 'Difusión en el portal estatal',
      alcance: 500,
      canal: 'Portal institucional',
      enlace: 'https://example.org/ece',
    }),
    written: async (db, r) => ids(await db.actividadRealizada.findMany({ where: { planEstatalId: r.id }, select: { id: true } })),
  },
  createTablaCostos: {
    // One table per unit and year.
    input: async (_r, { unitId, db }) => {
      const unit = decodeGlobalID(unitId!).id;
      const taken = await db.tablaCostos.findMany({ where: { unitId: unit }, select: { anio: true } });
      return {
        anio: distinctYear(
          `tablaCostos:${unit}`,
          taken.map((t) => t.anio),
        ),
        conceptos: [{ estandar: 'EC0217', curso: `Matriz ${uniq()}`, costo: 1200.5 }],
        unitId,
      };
    },
    written: async (db, _r, input) =>
      ids(
        await db.tablaCostos.findMany({
          where: { conceptos: { some: { curso: (input.conceptos as { curso: string }[])[0].curso } } },
          select: { id: true },
        }),
      ),
  },
  createVisitaTecnica: {
    // One visit per plantel and month: each call takes its own March (a counter, since accounts run at once), skipping years
    // other tests used at this plantel.
    input: async (_r, { unitId, db }) => {
      const taken = new Set(
        (await db.visitaTecnica.findMany({ where: { unitId: decodeGlobalID(unitId!).id, mes: 3 }, select: { anio: true } })).map(
          (v) => v.anio,
        ),
      );
      let anio = 2000 + (visitYear++ % 25);
      for (let i = 0; i < 25 && taken.has(anio); i++) anio = 2000 + (visitYear++ % 25);
      return {
        unitId,
        fecha: new Date(Date.UTC(anio, 2, 10)).toISOString(),
        modalidad: 'VIRTUAL',
        cumpleReglas: true,
        cumpleIdentidad: false,
        hallazgos: `Matriz ${uniq()}`,
      };
    },
    written: async (db, _r, input) =>
      ids(await db.visitaTecnica.findMany({ where: { hallazgos: String(input.hallazgos) }, select: { id: true } })),
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
    subjectStates: { Alumno: ['EGRESADO_ANTERIOR_2003', ...ESTATUS] },
    make: async (db, o) => {
      // A folio of the state office for the replacement.
      await make.loteFolios(db, { unit: 'CE-MEX', cantidad: 1 });
      if (o.entity === 'Alumno') {
        const pre2003 = o.state === 'EGRESADO_ANTERIOR_2003';
        return pre2003
          ? make.alumno(db, { estatus: 'EGRESADO', modeloAcademico: 'M1997', generacion: 1999 })
          : make.alumno(db, { estatus: o.state as never });
      }
      return make.certificado(db, { estado: o.state as never });
    },
    input: (r, { entity }) => ({ [entity === 'Alumno' ? 'alumnoId' : 'certificadoId']: r.globalId, motivo: 'Extravío' }),
    written: async (db, r) =>
      ids(
        await db.certificado.findMany({
          where: { OR: [{ reponeAId: r.id }, { alumnoId: r.id, tipo: 'REPOSICION' }] },
          select: { id: true },
        }),
      ),
  },
  updateCertificado: {
    input: (r) => ({ id: r.globalId, primerApellido: 'Corregido' }),
    extra: async (db, r) =>
      (await db.certificado.findUniqueOrThrow({ where: { id: r.id }, select: { alumno: { select: { primerApellido: true } } } })).alumno,
  },
  createImportacionSae: {
    input: async (_r, { db, unitId }) => {
      // A plantel within the importing unit (the unit itself, or the first plantel of the state).
      const u = await db.orgUnit.findUniqueOrThrow({ where: { id: decodeGlobalID(unitId!).id } });
      const plantel =
        u.kind === 'PLANTEL'
          ? u
          : await db.orgUnit.findFirst({ where: { kind: 'PLANTEL', path: { startsWith: u.path } }, orderBy: { code: 'asc' } });
      // A state office without planteles imports a file with its header only.
      const row = plantel ? `${plantel.code},MZ${uniq().slice(-8)},Docente de la matriz\n` : '';
      return { tipo: 'DOCENTES', nombreArchivo: `matriz-${uniq()}.csv`, contenido: `plantel,clave,nombre\n${row}`, unitId };
    },
    written: async (db, _r, input) =>
      ids(await db.importacionSae.findMany({ where: { nombreArchivo: String(input.nombreArchivo) }, select: { id: true } })),
  },
  queueImportacionSae: {
    input: async (_r, { db, unitId, account }) => {
      // A header-only DOCENTES file uploaded by the caller (the runner then writes nothing and closes the import).
      const person = await db.person.findUniqueOrThrow({ where: { email: demoEmail(account!) }, select: { id: true } });
      const doc = await make.documentoCsv(db, person.id);
      return { tipo: 'DOCENTES', documentoId: doc.globalId, unitId };
    },
    written: async (db, _r, input) =>
      ids(
        await db.importacionSae.findMany({
          where: { documentoId: decodeGlobalID(String(input.documentoId)).id },
          select: { id: true },
        }),
      ),
  },
  advanceImportacionSae: { input: id },
  completeImportacionSae: { input: id },
  rejectImportacionSae: { input: withObs },
  approveCertificadoAsJefeServiciosEscolaresEstatal: { input: id },
  returnCertificado: { input: withObs },
  submitCertificado: { input: id },
  signCertificadoAsDirectorPlantel: { input: id },
  signCertificadoAsDirectorGeneralEstatal: { input: id },
  signCertificadoAsDirectorGeneralNacional: { input: id },
  approveCertificadoAsCosfac: { input: id },
  deliverCertificado: { input: (r) => ({ id: r.globalId, entregadoA: 'La persona egresada' }) },
  sendCertificado: { input: id },
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
      evidenciasReunion: [{ tipo: 'MINUTA', descripcion: 'Minuta' }],
    }),
    extra: (db, r) => db.evidenciaReunion.count({ where: { reunionTrabajoCastId: r.id } }),
  },
  createAcuerdoReunion: {
    input: (r, { unitIds }) => ({
      reunionTrabajoCastId: r.globalId,
      descripcion: 'Acuerdo de la matriz',
      responsableUnitId: unitIds['MEX-CAST01'],
      fechaCompromiso: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    }),
    written: async (db, r) => ids(await db.acuerdoReunion.findMany({ where: { reunionTrabajoCastId: r.id }, select: { id: true } })),
  },
  closeAcuerdoReunion: { input: (r) => ({ id: r.globalId, resultado: 'Cumplido' }) },
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
  // ---- 30-524-PO-04 operating rules R 6, 7, 22-23, 27, 30, 32
  createRectificacionEvaluacion: {
    subjectStates: { Alumno: ESTATUS },
    make: async (db, o) => {
      const a = await make.alumno(db, { estatus: o.state as never });
      const e = await make.evaluacion(db, { alumno: a });
      return { ...a, moduloClave: e.modulo.clave, periodo: e.periodo };
    },
    input: (r) => ({
      alumnoId: r.globalId,
      moduloClave: r.moduloClave,
      periodo: r.periodo,
      corte: 2,
      calificacion: 9,
      motivo: 'Registro extemporáneo',
    }),
    written: async (db, r) => ids(await db.rectificacionEvaluacion.findMany({ where: { alumnoId: r.id }, select: { id: true } })),
  },
  approveRectificacionEvaluacion: {
    input: (r) => ({ id: r.globalId, ticketMesaServicio: 'MS-0001' }),
    extra: async (db, r) => {
      const { alumnoId } = await db.rectificacionEvaluacion.findUniqueOrThrow({ where: { id: r.id }, select: { alumnoId: true } });
      return db.evaluacion.findMany({ where: { alumnoId }, select: { id: true, calificacion: true }, orderBy: { id: 'asc' } });
    },
  },
  returnRectificacionEvaluacion: { input: withObs },
  createSupervisionCaptura: {
    input: (_r, { unitId }) => ({ periodo: periodo(), corte: 1 + Math.floor(Math.random() * 3), observaciones: obs, unitId }),
    written: async (db, _r, input) =>
      ids(
        await db.supervisionCaptura.findMany({
          where: { periodo: String(input.periodo), corte: Number(input.corte), observaciones: obs },
          select: { id: true },
        }),
      ),
  },
  approveSupervisionCaptura: { input: id },
  createEntregaCertificadosFisicos: {
    input: async (_r, { db, unitId }) => {
      const u = await db.orgUnit.findUniqueOrThrow({ where: { id: decodeGlobalID(unitId!).id } });
      const a = u.kind === 'PLANTEL' ? await make.alumno(db, { unit: u.code, planConcluido: true }) : null;
      return { oficio: `OF-${uniq()}`, certificados: a ? [{ folio: `CF-${uniq()}`, alumnoId: a.globalId }] : [], unitId };
    },
    written: async (db, _r, input) =>
      ids(await db.entregaCertificadosFisicos.findMany({ where: { oficio: String(input.oficio) }, select: { id: true } })),
  },
  approveEntregaCertificadosFisicos: {
    input: (r) => ({ id: r.globalId, cotejos: cotejos(r, true) }),
    extra: (db, r) => db.certificadoFisico.findMany({ where: { entregaId: r.id }, orderBy: { consecutivo: 'asc' } }),
  },
  returnEntregaCertificadosFisicos: {
    input: (r) => ({ id: r.globalId, observaciones: obs, cotejos: cotejos(r, false) }),
    extra: (db, r) => db.certificadoFisico.findMany({ where: { entregaId: r.id }, orderBy: { consecutivo: 'asc' } }),
  },
  submitEntregaCertificadosFisicos: { input: id },
  sendEntregaCertificadosFisicos: { input: id },
  createSolicitudFolios: {
    input: (_r, { unitId }) => ({
      folios: 50,
      formatosCertificado: 0,
      formatosTitulo: 5,
      medio: `Matriz ${uniq()}`,
      justificacion: 'Egreso',
      unitId,
    }),
    written: async (db, _r, input) =>
      ids(await db.solicitudFolios.findMany({ where: { medio: String(input.medio) }, select: { id: true } })),
  },
  createInformeJuntaDirectiva: {
    input: async (_r, { db, unitId }) => {
      const taken = await db.informeJuntaDirectiva.findMany({ where: { unitId: uuidOf(unitId!), trimestre: 2 }, select: { anio: true } });
      return {
        anio: freeApiYear(taken.map((t) => t.anio)),
        trimestre: 2,
        actividades: 'Actividades',
        avance: 'Avance',
        urlCarpeta: `https://intranet.conalep.edu.mx/${uniq()}`,
        unitId,
      };
    },
    written: async (db, _r, input) =>
      ids(await db.informeJuntaDirectiva.findMany({ where: { urlCarpeta: String(input.urlCarpeta) }, select: { id: true } })),
  },
  createSolicitudEgresado: {
    subjectStates: { Alumno: ESTATUS },
    make: (db, o) => make.alumno(db, { estatus: o.state as never, planConcluido: o.state === 'EGRESADO' }),
    input: (r) => ({ alumnoId: r.globalId, folioSiateg: `SIATEG-${uniq()}`, tramite: 'Constancia' }),
    written: async (db, r) => ids(await db.solicitudEgresado.findMany({ where: { alumnoId: r.id }, select: { id: true } })),
  },
  closeSolicitudEgresado: { input: withObs },
  // 7081-MP-SI 8.1.5 Concertación (src/modules/concertacion).
  createConcertacionServicio: {
    input: (_r, { unitId }) => ({ servicio: 'Servicio de la matriz', solicitud: `Matriz ${uniq()}`, unitId }),
    written: async (db, _r, input) =>
      ids(await db.concertacionServicio.findMany({ where: { solicitud: String(input.solicitud) }, select: { id: true } })),
  },
  receiveConcertacionServicioAsDstc: { input: id },
  sendConcertacionServicioToCast: { input: id },
  submitConcertacionServicioAsCast: { input: (r) => ({ id: r.globalId, respuestaCast: 'Respuesta', cotizacion: '12500.50' }) },
  returnConcertacionServicio: { input: (r) => ({ id: r.globalId, observaciones: 'No procede' }) },
  submitConcertacionServicioAsUsuarioExterno: { input: (r) => ({ id: r.globalId, solicitud: 'Solicitud corregida' }) },
  approveConcertacionServicio: { input: (r) => ({ id: r.globalId, compromisos: 'Compromisos', cuotaRecuperacion: '12500.50' }) },
  receiveConcertacionServicioAsCast: { input: id },
  deliverConcertacionServicio: { input: (r) => ({ id: r.globalId, entrega: 'Entrega' }) },
  approveConcertacionServicioAsUsuarioExterno: { input: (r) => ({ id: r.globalId, verificacion: 'Verificado', pagoReferencia: 'REF-1' }) },
  closeConcertacionServicio: { input: (r) => ({ id: r.globalId, montoPagado: '12500.50' }) },
  // 7081-MP-SI Pd-02-It-03 Concertación de capacitación (src/modules/concertacion).
  createConcertacionCapacitacion: {
    input: (_r, { unitId }) => ({ unitId, prospecto: `Matriz ${uniq()}` }),
    written: async (db, _r, input) =>
      ids(await db.concertacionCapacitacion.findMany({ where: { prospecto: String(input.prospecto) }, select: { id: true } })),
  },
  sendConcertacionCapacitacion: { input: (r) => ({ id: r.globalId, agenda: 'Cursos ofertados' }) },
  receiveConcertacionCapacitacion: { input: (r) => ({ id: r.globalId, requerimiento: 'Requerimiento', ambito: 'Ámbito' }) },
  approveConcertacionCapacitacion: {
    input: (r, { unitIds }) => ({ id: r.globalId, viabilidad: 'Viable', unitIds: [unitIds['CE-MEX'], unitIds.RCEO] }),
    extra: (db, r) =>
      db.concertacionCapacitacionParticipante.findMany({ where: { concertacionCapacitacionId: r.id }, orderBy: { unitId: 'asc' } }),
  },
  returnConcertacionCapacitacion: { input: withObs },
  submitConcertacionCapacitacion: { input: (r) => ({ id: r.globalId, propuesta: 'Propuesta', cuotaRecuperacion: '85000.00' }) },
  closeConcertacionCapacitacion: { input: id },
  // The instrumento jurídico (activities 6-8 of It-03, 7 of 8.1.5).
  createInstrumentoJuridico: {
    input: async (r, { db, entity, account }) => ({
      [entity === 'ConcertacionServicio' ? 'concertacionServicioId' : 'concertacionCapacitacionId']: r.globalId,
      titulo: `Matriz ${uniq()}`,
      objeto: 'Objeto',
      vigenciaDesde: '2027-01-01T00:00:00.000Z',
      vigenciaHasta: '2027-12-31T00:00:00.000Z',
      monto: '85000.00',
      partes: ['USUARIO_EXTERNO', 'DSTC'],
      documentoId: await uploadedBy(db, account),
    }),
    written: async (db, _r, input) =>
      ids(await db.instrumentoJuridico.findMany({ where: { titulo: String(input.titulo) }, select: { id: true } })),
  },
  updateInstrumentoJuridico: {
    input: async (r, { db, account }) => ({ id: r.globalId, documentoId: await uploadedBy(db, account), notas: 'Versión corregida' }),
    extra: (db, r) => db.instrumentoJuridicoVersion.findMany({ where: { instrumentoJuridicoId: r.id }, orderBy: { numero: 'asc' } }),
  },
  submitInstrumentoJuridico: { input: id },
  approveInstrumentoJuridicoAsDcaj: { input: (r) => ({ id: r.globalId, dictamen: 'Dictamen favorable' }) },
  returnInstrumentoJuridicoAsDcaj: { input: withObs },
  approveInstrumentoJuridicoAsUsuarioExterno: { input: id },
  returnInstrumentoJuridicoAsUsuarioExterno: { input: withObs },
  signInstrumentoJuridicoAsUsuarioExterno: {
    input: id,
    make: (db, { state }) => make.instrumentoJuridico(db, { estado: state as never, partes: ['USUARIO_EXTERNO', 'DSTC'], firmados: 0 }),
    extra: firmasOf,
  },
  signInstrumentoJuridicoAsDstc: {
    input: id,
    make: (db, { state }) => make.instrumentoJuridico(db, { estado: state as never, partes: ['DSTC', 'USUARIO_EXTERNO'], firmados: 0 }),
    extra: firmasOf,
  },
  signInstrumentoJuridicoAsDirectorGeneralNacional: {
    input: id,
    make: (db, { state }) =>
      make.instrumentoJuridico(db, {
        estado: state as never,
        partes: ['USUARIO_EXTERNO', 'DIRECTOR_GENERAL_NACIONAL'],
        firmados: 1,
      }),
    extra: firmasOf,
  },
  sendInstrumentoJuridicoToDcaj: { input: id },
  registerInstrumentoJuridico: {
    input: (r) => ({ id: r.globalId, numeroRegistro: `DCAJ-M-${process.pid}-${++registroInstrumento}-${uniq()}` }),
  },
  publishInstrumentoJuridico: { input: id },
  // 7081-MP-SI Pd-02-It-04 coordinación nacional (src/modules/concertacion).
  createCoordinacionCapacitacion: {
    input: (r) => ({ concertacionCapacitacionId: r.globalId, notificacion: `Matriz ${uniq()}` }),
    written: async (db, _r, input) =>
      ids(await db.coordinacionCapacitacion.findMany({ where: { notificacion: String(input.notificacion) }, select: { id: true } })),
  },
  updateCoordinacionCapacitacion: { input: (r) => ({ id: r.globalId, seguimiento: 'Seguimiento de la matriz' }) },
  submitCoordinacionCapacitacion: {
    input: async (r, { db, account }) => ({ id: r.globalId, portafolio: 'Portafolio', documentoIds: [await uploadedBy(db, account)] }),
  },
  sendCoordinacionCapacitacionToDaf: { input: (r) => ({ id: r.globalId, cuotaRecuperacion: '85000.00' }) },
  receiveCoordinacionCapacitacion: {
    input: async (r, { db, account }) => ({
      id: r.globalId,
      folioCfdi: `CFDI-M-${process.pid}-${++folioCfdi}-${uniq()}`,
      documentoId: await uploadedBy(db, account),
    }),
  },
  approveCoordinacionCapacitacion: { input: (r) => ({ id: r.globalId, montoPagado: '85000.00', referenciaPago: 'REF-M' }) },
  assignCoordinacionCapacitacion: {
    input: async (r, { db, account, unitIds }) => ({
      id: r.globalId,
      lineas: [
        { unitId: unitIds['CE-MEX'], monto: '60000.00', documentoId: await uploadedBy(db, account) },
        { unitId: unitIds.RCEO, monto: '25000.00', documentoId: await uploadedBy(db, account) },
      ],
    }),
    extra: (db, r) => db.lineaDerrama.findMany({ where: { coordinacionCapacitacionId: r.id }, orderBy: { orden: 'asc' } }),
  },
  closeCoordinacionCapacitacion: { input: (r) => ({ id: r.globalId, notificacionDerrama: 'Derrama notificada' }) },

  // ---- #14 V-CANA-MP-02: contact centre
  createTicket: {
    input: (_r, { unitId }) => ({
      canal: 'CORREO',
      nombre: `Matriz ${uniq()}`,
      correo: 'persona@example.mx',
      pregunta: 'Pregunta',
      unitId,
    }),
    written: async (db, _r, input) => ids(await db.ticket.findMany({ where: { nombre: String(input.nombre) }, select: { id: true } })),
  },
  updateTicket: { input: (r) => ({ id: r.globalId, tema: 'CONOCER_SNC' }) },
  addMensajeTicket: {
    input: (r) => ({
      id: r.globalId,
      de: 'persona@example.mx',
      asunto: 'Re: duda',
      texto: 'Otra duda',
      messageId: `<${uniq()}@example.mx>`,
    }),
    extra: (db, r) => db.mensajeTicket.count({ where: { ticketId: r.id } }),
  },
  sendTicket: { input: (r) => ({ id: r.globalId, especialistaContacto: 'Especialista de certificación' }) },
  addApoyoTicket: {
    input: (r) => ({ id: r.globalId, texto: 'Información para responder' }),
    extra: (db, r) => db.apoyoTicket.count({ where: { ticketId: r.id } }),
  },
  closeTicket: {
    input: (r) => ({ id: r.globalId, respuesta: 'Respuesta de la matriz' }),
    extra: (db, r) => db.mensajeTicket.count({ where: { ticketId: r.id } }),
  },
  receiveTicket: {
    input: (r) => ({
      id: r.globalId,
      de: 'persona@example.mx',
      asunto: 'Re: respuesta',
      texto: 'Gracias, otra duda',
      messageId: `<${uniq()}@example.mx>`,
    }),
    extra: (db, r) => db.mensajeTicket.count({ where: { ticketId: r.id } }),
  },
  createCierreConocer: {
    // A day of its own per call from 2030-01-01 (a counter): far from the deadlines other tests compute now.
    input: (_r, { unitId }) => ({
      fecha: new Date(Date.UTC(2030, 0, 1 + cierreDay++)).toISOString().slice(0, 10),
      motivo: `Matriz ${uniq()}`,
      unitId,
    }),
    written: async (db, _r, input) =>
      ids(await db.cierreConocer.findMany({ where: { motivo: String(input.motivo) }, select: { id: true } })),
  },
  createAnalisisContacto: {
    input: async (_r, { db, unitId }) => {
      const taken = new Set((await db.analisisContacto.findMany({ select: { periodo: true } })).map((a) => a.periodo));
      // A month of its own per call from 2100-01 (a counter), skipping months already analysed.
      let periodo = '';
      do {
        const n = analisisMonth++;
        periodo = `${2100 + Math.floor(n / 12)}-${String(1 + (n % 12)).padStart(2, '0')}`;
      } while (taken.has(periodo));
      return { tipo: 'MENSUAL', periodo, unitId };
    },
    written: async (db, _r, input) =>
      ids(await db.analisisContacto.findMany({ where: { periodo: String(input.periodo) }, select: { id: true } })),
  },
  updateAnalisisContacto: { input: (r) => ({ id: r.globalId, comentarios: 'Comentarios de la matriz' }) },
  submitAnalisisContacto: { input: id },
  receiveAnalisisContacto: { input: id },
  createInformeResultadosContacto: {
    input: (r) => ({ analisisContactoId: r.globalId, resultados: 'Resultados', brechas: 'Brechas', areasOportunidad: 'Áreas' }),
    written: async (db, r) =>
      ids(await db.informeResultadosContacto.findMany({ where: { analisisContactoId: r.id }, select: { id: true } })),
  },
  publishInformeResultadosContacto: { input: (r) => ({ id: r.globalId, instrucciones: 'Instrucciones de la matriz' }) },
  updateInformeResultadosContacto: { input: (r) => ({ id: r.globalId, seguimiento: 'Seguimiento de la matriz' }) },
  closeInformeResultadosContacto: { input: (r) => ({ id: r.globalId, seguimiento: 'Acciones implantadas' }) },

  // ---- #15 V-CANA-MP-02 C.4.4: Portal CONOCER
  createSolicitudPortal: {
    input: (_r, { unitId, unitIds }) => ({
      tipo: 'COMUNICADOS',
      titulo: `Matriz ${uniq()}`,
      descripcion: 'Publicar un comunicado',
      areaSolicitanteId: unitIds['CONOCER-CC'],
      unitId,
    }),
    written: async (db, _r, input) =>
      ids(await db.solicitudPortal.findMany({ where: { titulo: String(input.titulo) }, select: { id: true } })),
  },
  closeSolicitudPortalAsConocerResponsableCanales: { input: withObs },
  receiveSolicitudPortalAsConocerResponsableCanales: { input: id },
  updateSolicitudPortal: { input: (r) => ({ id: r.globalId, contenido: 'Contenido de la matriz' }) },
  submitSolicitudPortal: { input: id },
  returnSolicitudPortalAsConocerDireccionVinculacion: { input: withObs },
  sendSolicitudPortalAsConocerDireccionVinculacion: {
    // The provider's organisation is outside CONALEP: the admin's unit list does not hold it.
    input: async (r, { db }) => ({
      id: r.globalId,
      proveedorId: encodeGlobalID(
        'OrgUnit',
        (await db.orgUnit.findUniqueOrThrow({ where: { code: 'PROV-PORTAL' }, select: { id: true } })).id,
      ),
    }),
    extra: (db, r) => db.solicitudPortalDestinatario.findMany({ where: { solicitudPortalId: r.id }, orderBy: { unitId: 'asc' } }),
  },
  receiveSolicitudPortalAsConocerProveedorPortal: {
    input: (r) => ({ id: r.globalId, planTrabajo: 'Plan de la matriz' }),
    make: (db, o) => make.solicitudPortal(db, { estado: o.state as never, proveedor: 'PROV-PORTAL' }),
  },
  deliverSolicitudPortal: {
    input: (r) => ({ id: r.globalId, urlPrueba: 'https://pruebas.example.mx/matriz', resultadoPruebas: 'Pruebas de la matriz' }),
    make: (db, o) => make.solicitudPortal(db, { estado: o.state as never, proveedor: 'PROV-PORTAL' }),
  },
  sendSolicitudPortalAsConocerResponsableCanales: { input: withObs },
  returnSolicitudPortalAsConocerResponsableCanales: { input: withObs },
  approveSolicitudPortal: { input: id },
  closeSolicitudPortalAsConocerProveedorPortal: {
    input: async (r, { db, account }) => ({
      id: r.globalId,
      urlProduccion: 'https://portal.example.mx/matriz',
      documentoIds: [await uploadedBy(db, account)],
    }),
    make: (db, o) => make.solicitudPortal(db, { estado: o.state as never, proveedor: 'PROV-PORTAL' }),
    extra: (db, r) => db.documento.count({ where: { entidad: 'SolicitudPortal', registroId: r.id } }),
  },
  createEstadisticaPortal: {
    input: async (_r, { db, unitId, account }) => {
      // A week of its own per call (a counter of Mondays from 2101-01-03), skipping weeks already imported; a file of the caller's.
      const taken = new Set((await db.estadisticaPortal.findMany({ select: { semana: true } })).map((e) => e.semana.getTime()));
      let semana: Date;
      do semana = new Date(Date.UTC(2101, 0, 3 + 7 * portalWeek++));
      while (taken.has(semana.getTime()));
      const person = await db.person.findUniqueOrThrow({ where: { email: demoEmail(account!) }, select: { id: true } });
      const doc = await make.documentoCsv(db, person.id, 'pagina,accesos,segundos_promedio\n/inicio,5,10\n', `portal-${uniq()}.csv`);
      return { semana: semana.toISOString().slice(0, 10), documentoId: doc.globalId, unitId };
    },
    written: async (db, _r, input) =>
      ids(await db.estadisticaPortal.findMany({ where: { semana: new Date(`${String(input.semana)}T00:00:00Z`) }, select: { id: true } })),
  },
  createAnalisisPortal: {
    input: async (_r, { db, unitId }) => {
      const taken = (await db.analisisPortal.findMany({ where: { trimestre: 1 }, select: { anio: true } })).map((a) => a.anio);
      return { anio: distinctYear(`analisisPortal:${unitId}`, taken), trimestre: 1, unitId };
    },
    written: async (db, _r, input) =>
      ids(
        await db.analisisPortal.findMany({
          where: {
            anio: Number(input.anio),
            trimestre: 1,
            ...(typeof input.unitId === 'string' ? { unitId: decodeGlobalID(input.unitId).id } : {}),
          },
          select: { id: true },
        }),
      ),
  },
  updateAnalisisPortal: { input: (r) => ({ id: r.globalId, analisis: 'Análisis de la matriz' }) },
  submitAnalisisPortal: { input: id },
  sendAnalisisPortal: { input: id },
  createRevisionContenidoPortal: {
    input: async (_r, { db, unitId }) => {
      const taken = (await db.revisionContenidoPortal.findMany({ where: { trimestre: 1 }, select: { anio: true } })).map((a) => a.anio);
      return {
        anio: distinctYear(`revisionContenidoPortal:${unitId}`, taken),
        trimestre: 1,
        hallazgos: 'Hallazgos de la matriz',
        requiereActualizacion: false,
        unitId,
      };
    },
    written: async (db, _r, input) =>
      ids(
        await db.revisionContenidoPortal.findMany({
          where: {
            anio: Number(input.anio),
            trimestre: 1,
            ...(typeof input.unitId === 'string' ? { unitId: decodeGlobalID(input.unitId).id } : {}),
          },
          select: { id: true },
        }),
      ),
  },
  // ---- #15 V-CANA-MP-02 C.4.2: campaigns
  createCampana: {
    input: (_r, { unitId }) => ({ unitId, areaSolicitanteId: unitId, tipo: 'CORREO', nombre: `Matriz ${uniq()}`, necesidad: 'Necesidad' }),
    written: async (db, _r, input) => ids(await db.campana.findMany({ where: { nombre: String(input.nombre) }, select: { id: true } })),
  },
  updateCampana: { input: (r) => ({ id: r.globalId, auditorio: 'Auditorio de la matriz' }) },
  submitCampanaPlan: { input: id },
  approveCampanaPlan: { input: id },
  returnCampanaPlan: { input: withObs },
  addSegmentoCampana: {
    input: (r) => ({ id: r.globalId, origen: ['TICKET_CORREO'], entidadFederativa: 'Ninguna (matriz)' }),
    extra: (db, r) => db.destinatarioCampana.findMany({ where: { campanaId: r.id }, orderBy: { orden: 'asc' } }),
  },
  submitCampanaDiseno: { input: id },
  approveCampanaDiseno: { input: id },
  returnCampanaDiseno: { input: withObs },
  addPruebaCampana: {
    input: (r) => ({ id: r.globalId, mensaje: 'Mensaje corregido (matriz)' }),
    extra: (db, r) => db.pruebaCampana.count({ where: { campanaId: r.id } }),
  },
  approvePruebaCampana: {
    make: (db, { state }) => make.campana(db, { estado: state as never, pruebaPendiente: true }),
    input: id,
    extra: (db, r) => db.pruebaCampana.findMany({ where: { campanaId: r.id }, select: { correcta: true } }),
  },
  returnPruebaCampana: {
    make: (db, { state }) => make.campana(db, { estado: state as never, pruebaPendiente: true }),
    input: withObs,
    extra: (db, r) => db.pruebaCampana.findMany({ where: { campanaId: r.id }, select: { correcta: true } }),
  },
  sendCampana: { input: id },
  addLlamadaCampana: {
    make: (db, { state }) => make.campana(db, { estado: state as never, tipo: 'LLAMADA_OPERADOR', destinatarios: 3 }),
    input: (r) => ({ id: r.globalId, orden: 2, resultado: 'EXITOSA' }),
    extra: (db, r) =>
      db.destinatarioCampana.findMany({ where: { campanaId: r.id }, select: { resultadoLlamada: true }, orderBy: { orden: 'asc' } }),
  },
  closeCampanaEnvio: { input: id },
  submitCampanaReporte: { input: id },
  closeCampana: { input: (r) => ({ id: r.globalId, analisis: 'Análisis de la matriz' }) },
  // ---- #15 V-CANA-MP-02 C.4.3: surveys
  createEncuesta: {
    input: (_r, { unitId }) => ({
      unitId,
      areaSolicitanteId: unitId,
      tipo: 'OPINION',
      canal: 'TELEFONO',
      nombre: `Matriz ${uniq()}`,
      necesidad: 'Necesidad',
    }),
    written: async (db, _r, input) => ids(await db.encuesta.findMany({ where: { nombre: String(input.nombre) }, select: { id: true } })),
  },
  updateEncuesta: { input: (r) => ({ id: r.globalId, auditorio: 'Auditorio de la matriz' }) },
  submitEncuestaPlan: { input: id },
  approveEncuestaPlan: { input: id },
  returnEncuestaPlan: { input: withObs },
  addMuestraEncuesta: {
    input: (r) => ({
      id: r.globalId,
      origen: ['TICKET_LLAMADA'],
      semilla: 'matriz',
      desde: '1800-01-01T00:00:00Z',
      hasta: '1800-01-02T00:00:00Z',
    }),
    extra: (db, r) => db.muestraEncuesta.findMany({ where: { encuestaId: r.id }, orderBy: { orden: 'asc' } }),
  },
  submitEncuestaDiseno: { input: id },
  approveEncuestaDiseno: { input: id },
  returnEncuestaDiseno: { input: withObs },
  sendEncuesta: { input: id },
  addRespuestaEncuesta: {
    input: (r) => ({
      id: r.globalId,
      orden: 2,
      respuestas: [
        { pregunta: 1, valor: 5 },
        { pregunta: 2, valor: 1 },
      ],
    }),
    extra: (db, r) =>
      db.muestraEncuesta.findMany({ where: { encuestaId: r.id }, select: { respondidaAt: true }, orderBy: { orden: 'asc' } }),
  },
  submitEncuestaReporte: { input: id },
  closeEncuesta: { input: (r) => ({ id: r.globalId, analisis: 'Análisis de la matriz' }) },
};
