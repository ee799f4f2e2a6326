// 30-524-PO-04 "Seguimiento Académico de Alumnos" (CONALEP Veracruz): the
// electronic Certificado de Terminación de Estudios, its folios, the bajas
// (F04) and the records of the SISEAC follow-up. Every write of the module is
// a step declared here. Step numbers are the manual's (DG: Dirección General's
// table; P: the planteles' table; R: operating rules).
import type {
  EstadoBaja,
  EstadoCertificado,
  EstadoEntregaCertificadosFisicos,
  EstadoImportacionSae,
  EstadoRectificacionEvaluacion,
  EstadoSolicitudEgresado,
  EstadoSupervisionCaptura,
  EstatusAlumno,
  ModeloAcademico,
} from '../../generated/prisma/enums.js';
import { readableByUnit } from '../../lib/auth/scope.js';
import { unitOwnedStore } from '../../lib/workflow/stores.js';
import { defineRecordWorkflow, defineWorkflow, type RecordStore, type Subject, type WorkflowRecord } from '../../lib/workflow/types.js';

// ---- the student, as the subject of creations ------------------------------------

interface AlumnoRow {
  id: string;
  unitId: string;
  estatus: EstatusAlumno;
  planConcluido: boolean;
  modeloAcademico: ModeloAcademico;
  unit: { path: string };
}
const alumnoSelect = {
  id: true,
  unitId: true,
  estatus: true,
  planConcluido: true,
  modeloAcademico: true,
  unit: { select: { path: true } },
} as const;

/**
 * A student is not a workflow record (`estatus` is not a state); creations
 * about a student read it through this store, with a state derived from its row.
 */
function alumnoStore(stateOf: (row: AlumnoRow) => string): RecordStore {
  const toRecord = (row: AlumnoRow): WorkflowRecord => ({
    id: row.id,
    state: stateOf(row),
    version: 0,
    unitId: row.unitId,
    unitPath: row.unit.path,
    addressees: [],
  });
  return {
    readable: readableByUnit,
    async load(tx, id, viewer) {
      const row = await tx.alumno.findFirst({ where: { AND: [{ id }, readableByUnit(viewer)] }, select: alumnoSelect });
      return row ? toRecord(row) : null;
    },
    async loadMany(tx, ids) {
      return (await tx.alumno.findMany({ where: { id: { in: [...ids] } }, select: alumnoSelect })).map(toRecord);
    },
    async lock(tx, id) {
      await tx.$queryRaw`SELECT 1 FROM "Alumno" WHERE id = ${id}::uuid FOR UPDATE`;
    },
    move() {
      throw new Error('A student is not moved by workflow steps');
    },
  };
}

const ESTATUS = ['INSCRITO', 'EN_RIESGO', 'BAJA', 'EGRESADO'] as const satisfies readonly EstatusAlumno[];

/** The student by `estatus`. */
const alumnoPorEstatus = alumnoStore((a) => a.estatus);
/** The student by what a certificate needs: PLAN_CONCLUIDO when the plan is completed and the student is not a baja; otherwise the `estatus`. */
const alumnoPorPlan = alumnoStore((a) => (a.planConcluido && a.estatus !== 'BAJA' ? 'PLAN_CONCLUIDO' : a.estatus));

/** The models whose certificates the pre-2003 guide covers (R 18, 28, 29: L272, L313, L315-316). */
export const MODELOS_ANTERIORES_2003: readonly ModeloAcademico[] = ['M1990', 'M1997'];
/** The graduate of a model before 2003, whose certificate was never issued through this system. */
const alumnoPorModelo = alumnoStore((a) =>
  a.estatus === 'EGRESADO' && MODELOS_ANTERIORES_2003.includes(a.modeloAcademico) ? 'EGRESADO_ANTERIOR_2003' : a.estatus,
);
const egresadoAnterior2003: Subject = { entity: 'Alumno', store: alumnoPorModelo, states: ['EGRESADO_ANTERIOR_2003'] };

const alumnoConPlanConcluido: Subject = { entity: 'Alumno', store: alumnoPorPlan, states: ['PLAN_CONCLUIDO'] };
const alumnoActivo: Subject = {
  entity: 'Alumno',
  store: alumnoPorEstatus,
  states: ESTATUS.filter((e) => e !== 'BAJA' && e !== 'EGRESADO'),
};
const cualquierAlumno: Subject = { entity: 'Alumno', store: alumnoPorEstatus, states: ESTATUS };

// ---- the certificate ------------------------------------------------------------------

const certificadoStore = unitOwnedStore<EstadoCertificado>('certificado');

export const certificadoWorkflow = defineWorkflow({
  name: 'certificado-terminacion',
  procedure: '30-524-PO-04',
  title: 'Certificado de Terminación de Estudios (electrónico)',
  entity: 'Certificado',
  store: certificadoStore,
  states: [
    'SOLICITADO',
    'EN_CORRECCION',
    'POR_FIRMAR_PLANTEL',
    'POR_FIRMAR_DG_ESTATAL',
    'POR_FIRMAR_DG_NACIONAL',
    'POR_VALIDAR_COSFAC',
    'LIBERADO',
    'POR_ENTREGAR',
    'ENTREGADO',
  ] as const satisfies readonly EstadoCertificado[],
  initial: 'SOLICITADO',
  final: ['ENTREGADO'],
  steps: {
    createCertificado: {
      step: 'P 2.2-2.3, R 20',
      description:
        "The plantel's Servicios Escolares requests the certificate through CENTRES for a regular student who completed the plan, and assigns one of the plantel's folios.",
      kind: 'creation',
      to: 'SOLICITADO',
      role: 'SERVICIOS_ESCOLARES_PLANTEL',
      reach: { kind: 'owner' },
      comment: 'optional',
      under: {
        subject: alumnoConPlanConcluido,
        description:
          'a student who completed the plan of studies and is not a baja (a student who has not completed the plan gets no certificate and no folio)',
      },
    },
    createCertificadoReposicion: {
      step: 'R 18, 28, 29 (F03)',
      description:
        "The state office operates the replacement of a delivered certificate, or of a 1990 or 1997 model graduate's (the pre-2003 guide), whose original was never issued here; a new folio of the state office, then the same chain.",
      kind: 'creation',
      to: 'SOLICITADO',
      role: 'JEFE_SERVICIOS_ESCOLARES_ESTATAL',
      reach: { kind: 'owner' },
      comment: 'optional',
      under: {
        subject: [{ entity: 'Certificado', store: certificadoStore, states: ['ENTREGADO'] }, egresadoAnterior2003],
        description:
          'a delivered certificate, or a graduate (EGRESADO) of the 1990 or 1997 academic model (only a delivered certificate, or a graduate of those models, can be replaced)',
      },
    },
    updateCertificado: {
      step: 'R 24 (L309)',
      description:
        "Names, surnames and career are corrected for the certificate: by the state's Jefatura during its review, or by the plantel when the request was returned.",
      kind: 'action',
      in: ['SOLICITADO', 'EN_CORRECCION'],
      role: ['JEFE_SERVICIOS_ESCOLARES_ESTATAL', 'SERVICIOS_ESCOLARES_PLANTEL'],
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    approveCertificadoAsJefeServiciosEscolaresEstatal: {
      step: 'P 2.4, DG 3, R 19, 21, 24',
      description: "The state's Jefatura de Servicios Escolares authorises the request and validates the spelling of names and career.",
      kind: 'transition',
      from: ['SOLICITADO'],
      to: 'POR_FIRMAR_PLANTEL',
      role: 'JEFE_SERVICIOS_ESCOLARES_ESTATAL',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    returnCertificado: {
      step: 'R 21, 24',
      description: 'The spelling review finds errors: back to the plantel, with observations.',
      kind: 'transition',
      from: ['SOLICITADO'],
      to: 'EN_CORRECCION',
      role: 'JEFE_SERVICIOS_ESCOLARES_ESTATAL',
      reach: { kind: 'owner' },
      comment: 'required',
    },
    submitCertificado: {
      step: 'P 2.4',
      description: 'The plantel corrects the data and sends it back for review.',
      kind: 'transition',
      from: ['EN_CORRECCION'],
      to: 'SOLICITADO',
      role: 'SERVICIOS_ESCOLARES_PLANTEL',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    signCertificadoAsDirectorPlantel: {
      step: 'R 17 (1st signature)',
      description: "The plantel's director signs digitally.",
      kind: 'transition',
      from: ['POR_FIRMAR_PLANTEL'],
      to: 'POR_FIRMAR_DG_ESTATAL',
      role: 'DIRECTOR_PLANTEL',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    signCertificadoAsDirectorGeneralEstatal: {
      step: 'R 17 (2nd signature), after DG 4.1',
      description: "The state's Director General signs digitally.",
      kind: 'transition',
      from: ['POR_FIRMAR_DG_ESTATAL'],
      to: 'POR_FIRMAR_DG_NACIONAL',
      role: 'DIRECTOR_GENERAL_ESTATAL',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    signCertificadoAsDirectorGeneralNacional: {
      step: 'R 17 (3rd signature)',
      description: "CONALEP's Director General signs digitally; the certificate goes to COSFAC.",
      kind: 'transition',
      from: ['POR_FIRMAR_DG_NACIONAL'],
      to: 'POR_VALIDAR_COSFAC',
      role: 'DIRECTOR_GENERAL_NACIONAL',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    approveCertificadoAsCosfac: {
      step: 'DG 6.1',
      description: 'COSFAC validates and releases the certificate for download and delivery.',
      kind: 'transition',
      from: ['POR_VALIDAR_COSFAC'],
      to: 'LIBERADO',
      role: 'COSFAC',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    sendCertificado: {
      step: 'DG 7 (L441)',
      description:
        "The state's Jefatura de Servicios Escolares instructs the plantel's Servicios Escolares to deliver the released certificate to the graduate.",
      kind: 'transition',
      from: ['LIBERADO'],
      to: 'POR_ENTREGAR',
      role: 'JEFE_SERVICIOS_ESCOLARES_ESTATAL',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    deliverCertificado: {
      step: 'DG 7, P 3.1 (F02)',
      description: 'The plantel delivers the certificate to the graduate, as the state office instructed, with the receipt.',
      kind: 'transition',
      from: ['POR_ENTREGAR'],
      to: 'ENTREGADO',
      role: 'SERVICIOS_ESCOLARES_PLANTEL',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
  },
});

// ---- folios (DG 2.1-2.3) ------------------------------------------------------------------

/** A batch of electronic folios received from Oficinas Nacionales: registered once, then handed out to planteles. */
export const loteFoliosWorkflow = defineRecordWorkflow({
  name: 'lote-folios',
  procedure: '30-524-PO-04 DG 2.1-2.3',
  title: 'Lote de folios electrónicos',
  entity: 'LoteFolios',
  store: unitOwnedStore('loteFolios', { fixedState: 'REGISTRADO' }),
  state: 'REGISTRADO',
  steps: {
    createLoteFolios: {
      step: 'DG 2.1, R 27',
      description:
        "The state's Jefatura de Servicios Escolares records a batch of electronic folios received from Oficinas Nacionales (requested with F01).",
      kind: 'creation',
      to: 'REGISTRADO',
      unitKinds: ['COLEGIO_ESTATAL'],
      role: 'JEFE_SERVICIOS_ESCOLARES_ESTATAL',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    assignLoteFolios: {
      step: 'DG 2.2-2.3',
      description:
        "The state's Jefatura de Servicios Escolares moves unused folios of the batch to one of its planteles. Concurrent assignments never move the same folio.",
      kind: 'action',
      in: ['REGISTRADO'],
      bumpsVersion: false,
      role: 'JEFE_SERVICIOS_ESCOLARES_ESTATAL',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
  },
});

// ---- bajas (F04, R 15) ------------------------------------------------------------------------

export const bajaWorkflow = defineWorkflow({
  name: 'baja-alumno',
  procedure: '30-524-PO-04 R 15',
  title: 'Baja de una persona estudiante (F04)',
  entity: 'Baja',
  store: unitOwnedStore<EstadoBaja>('baja'),
  states: ['REPORTADA', 'CANALIZADA', 'ATENDIDA'] as const satisfies readonly EstadoBaja[],
  initial: 'REPORTADA',
  final: ['ATENDIDA'],
  steps: {
    createBaja: {
      step: 'R 15',
      description: "The plantel reports the baja at once, with its reasons (F04); the student's status becomes BAJA.",
      kind: 'creation',
      to: 'REPORTADA',
      role: 'SERVICIOS_ESCOLARES_PLANTEL',
      reach: { kind: 'owner' },
      comment: 'optional',
      under: { subject: alumnoActivo, description: 'a student who is neither a baja already nor a graduate' },
    },
    sendBaja: {
      step: 'R 15',
      description: "The state's Jefatura de Servicios Escolares routes it to Psicopedagogía for immediate attention.",
      kind: 'transition',
      from: ['REPORTADA'],
      to: 'CANALIZADA',
      role: 'JEFE_SERVICIOS_ESCOLARES_ESTATAL',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    closeBaja: {
      step: 'R 15',
      description: 'Psicopedagogía attends the student and records what was done.',
      kind: 'transition',
      from: ['CANALIZADA'],
      to: 'ATENDIDA',
      role: 'PSICOPEDAGOGIA',
      reach: { kind: 'owner' },
      comment: 'required',
    },
  },
});

// ---- SISEAC follow-up records (R 8, 12, 14) ------------------------------------------------------

/** The school calendar of a period: its three cortes, published as a set by the state office. */
export const corteCalendarioWorkflow = defineRecordWorkflow({
  name: 'corte-calendario',
  procedure: '30-524-PO-04 R 8, 12a',
  title: 'Calendario escolar: cortes de seguimiento',
  entity: 'CorteCalendario',
  store: unitOwnedStore('corteCalendario', { fixedState: 'PUBLICADO' }),
  state: 'PUBLICADO',
  steps: {
    publishCorteCalendario: {
      step: 'R 8, 12a',
      description:
        "The state's Jefatura de Servicios Escolares publishes to its planteles the cortes of a period, as received from Oficinas Nacionales; replaces an earlier version.",
      kind: 'creation',
      to: 'PUBLICADO',
      unitKinds: ['COLEGIO_ESTATAL'],
      role: 'JEFE_SERVICIOS_ESCOLARES_ESTATAL',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
  },
});

export const reunionRiesgoWorkflow = defineRecordWorkflow({
  name: 'reunion-riesgo',
  procedure: '30-524-PO-04 R 12c',
  title: 'Reunión de revisión de seguimiento académico',
  entity: 'ReunionRiesgo',
  store: unitOwnedStore('reunionRiesgo', { fixedState: 'REGISTRADO' }),
  state: 'REGISTRADO',
  steps: {
    createReunionRiesgo: {
      step: 'R 12c',
      description:
        "The state's Jefatura de Servicios Escolares records one of the three risk-review meetings of the semester, with its agreements.",
      kind: 'creation',
      to: 'REGISTRADO',
      unitKinds: ['COLEGIO_ESTATAL'],
      role: 'JEFE_SERVICIOS_ESCOLARES_ESTATAL',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
  },
});

export const asesoriaComplementariaWorkflow = defineRecordWorkflow({
  name: 'asesoria-complementaria',
  procedure: '30-524-PO-04 R 14 (F05)',
  title: 'Asesoría complementaria',
  entity: 'AsesoriaComplementaria',
  store: unitOwnedStore('asesoriaComplementaria', { fixedState: 'REGISTRADO' }),
  state: 'REGISTRADO',
  steps: {
    createAsesoriaComplementaria: {
      step: 'R 14 (F05)',
      description: "The plantel's Servicios Escolares assigns a student of the plantel to complementary tutoring in a module.",
      kind: 'creation',
      to: 'REGISTRADO',
      role: 'SERVICIOS_ESCOLARES_PLANTEL',
      reach: { kind: 'owner' },
      comment: 'optional',
      under: { subject: cualquierAlumno, description: 'a student of the plantel' },
    },
  },
});

const SAE_ROLES = ['JEFE_SERVICIOS_ESCOLARES_ESTATAL', 'SERVICIOS_ESCOLARES_PLANTEL'] as const;

/**
 * R 9-10 (L199-200): the SAE's files (students, groups, teachers, grades per corte), imported whole or not at all:
 * inline (small files, at once) or uploaded through POST /documents and written in the background, batch by batch.
 */
export const importacionSaeWorkflow = defineWorkflow({
  name: 'importacion-sae',
  procedure: '30-524-PO-04 R 9-10',
  title: 'Importación de archivos del SAE',
  entity: 'ImportacionSae',
  store: unitOwnedStore<EstadoImportacionSae>('importacionSae'),
  states: ['EN_COLA', 'EN_PROCESO', 'IMPORTADA', 'RECHAZADA'] as const satisfies readonly EstadoImportacionSae[],
  initial: 'EN_COLA',
  final: ['IMPORTADA', 'RECHAZADA'],
  steps: {
    queueImportacionSae: {
      step: 'R 9-10',
      description:
        'Servicios Escolares (or the Jefatura) queues an SAE file uploaded through POST /documents (with tipo ARCHIVO_SAE, any size up to MAX_SAE_FILE_BYTES): the server checks every row and writes it in the background, batch by batch, reporting progress on the record.',
      kind: 'creation',
      to: 'EN_COLA',
      unitKinds: ['COLEGIO_ESTATAL', 'PLANTEL'],
      role: [...SAE_ROLES],
      reach: { kind: 'owner' },
    },
    createImportacionSae: {
      step: 'R 9-10',
      description:
        "Servicios Escolares imports one SAE file (CSV, sent inline, up to the request limit) for its plantel, or the state's Jefatura for its planteles: every row is validated; a file with a bad row imports nothing; a re-import changes nothing.",
      kind: 'creation',
      to: 'IMPORTADA',
      unitKinds: ['COLEGIO_ESTATAL', 'PLANTEL'],
      role: [...SAE_ROLES],
      reach: { kind: 'owner' },
    },
    advanceImportacionSae: {
      step: 'R 9-10',
      description:
        'Writes the next batch of rows of a queued file (the first batch only once every row of the file has been checked). The background runner takes it on behalf of the person who queued the file; a person takes it to go on when the runner stopped (a restart).',
      kind: 'transition',
      from: ['EN_COLA', 'EN_PROCESO'],
      to: 'EN_PROCESO',
      role: [...SAE_ROLES],
      reach: { kind: 'owner' },
    },
    completeImportacionSae: {
      step: 'R 9-10',
      description: 'Closes an import once every row of its file is written.',
      kind: 'transition',
      from: ['EN_PROCESO'],
      to: 'IMPORTADA',
      role: [...SAE_ROLES],
      reach: { kind: 'owner' },
      guard: async (tx, record) => {
        const row = await tx.importacionSae.findUniqueOrThrow({ where: { id: record.id }, select: { filas: true, filasProcesadas: true } });
        return row.filasProcesadas < row.filas ? `Faltan ${row.filas - row.filasProcesadas} de ${row.filas} filas por escribir` : null;
      },
    },
    rejectImportacionSae: {
      step: 'R 9-10',
      description:
        'Ends a queued import without importing the rest: the runner takes it when the file has bad rows (nothing written; the record keeps them in `errores`), a person to abandon it (rows already written stay; a re-import matches them).',
      kind: 'transition',
      from: ['EN_COLA', 'EN_PROCESO'],
      to: 'RECHAZADA',
      role: [...SAE_ROLES],
      reach: { kind: 'owner' },
      comment: 'required',
    },
  },
});

// ---- operating rules R 6, 7, 22-23, 27, 30, 32 --------------------------------------------

/** R 6 (L196): a late registration or rectification of a grade, managed by the state office before Oficinas Nacionales. */
export const rectificacionEvaluacionWorkflow = defineWorkflow({
  name: 'rectificacion-evaluacion',
  procedure: '30-524-PO-04 R 6',
  title: 'Rectificación o registro extemporáneo de evaluaciones',
  entity: 'RectificacionEvaluacion',
  store: unitOwnedStore<EstadoRectificacionEvaluacion>('rectificacionEvaluacion'),
  states: ['SOLICITADA', 'APLICADA', 'DEVUELTA'] as const satisfies readonly EstadoRectificacionEvaluacion[],
  initial: 'SOLICITADA',
  final: ['APLICADA', 'DEVUELTA'],
  steps: {
    createRectificacionEvaluacion: {
      step: 'R 6 (L196)',
      description:
        "The plantel's Servicios Escolares reports a grade to register late or to rectify (module, period, corte, the right grade and why).",
      kind: 'creation',
      to: 'SOLICITADA',
      role: 'SERVICIOS_ESCOLARES_PLANTEL',
      reach: { kind: 'owner' },
      comment: 'optional',
      under: { subject: cualquierAlumno, description: 'a student of the plantel' },
    },
    approveRectificacionEvaluacion: {
      step: 'R 6 (L196)',
      description:
        "The state's Jefatura de Servicios Escolares manages it before Oficinas Nacionales (service-desk ticket) and registers the grade.",
      kind: 'transition',
      from: ['SOLICITADA'],
      to: 'APLICADA',
      role: 'JEFE_SERVICIOS_ESCOLARES_ESTATAL',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    returnRectificacionEvaluacion: {
      step: 'R 6 (L196)',
      description: 'The state office does not take the request to Oficinas Nacionales, and says why.',
      kind: 'transition',
      from: ['SOLICITADA'],
      to: 'DEVUELTA',
      role: 'JEFE_SERVICIOS_ESCOLARES_ESTATAL',
      reach: { kind: 'owner' },
      comment: 'required',
    },
  },
});

/** R 7 (L197): the supervision of a corte's grade capture, by Servicios Escolares with Formación Técnica. */
export const supervisionCapturaWorkflow = defineWorkflow({
  name: 'supervision-captura',
  procedure: '30-524-PO-04 R 7',
  title: 'Supervisión del registro de evaluaciones de un corte',
  entity: 'SupervisionCaptura',
  store: unitOwnedStore<EstadoSupervisionCaptura>('supervisionCaptura'),
  states: ['REGISTRADA', 'VALIDADA'] as const satisfies readonly EstadoSupervisionCaptura[],
  initial: 'REGISTRADA',
  final: ['VALIDADA'],
  steps: {
    createSupervisionCaptura: {
      step: 'R 7 (L197)',
      description:
        "The state's Jefatura de Servicios Escolares records the supervision of a corte's capture: the missing grade records of its planteles are counted then, with its observations.",
      kind: 'creation',
      to: 'REGISTRADA',
      unitKinds: ['COLEGIO_ESTATAL'],
      role: 'JEFE_SERVICIOS_ESCOLARES_ESTATAL',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    approveSupervisionCaptura: {
      step: 'R 7 (L197)',
      description: "The state's Jefatura de Formación Técnica, who supervises with Servicios Escolares, confirms the supervision.",
      kind: 'transition',
      from: ['REGISTRADA'],
      to: 'VALIDADA',
      role: 'JEFE_FORMACION_TECNICA_ESTATAL',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
  },
});

/** R 22-23 (L276-290): physical certificates delivered by a plantel by oficio with its list, checked by the state office. */
export const entregaCertificadosFisicosWorkflow = defineWorkflow({
  name: 'entrega-certificados-fisicos',
  procedure: '30-524-PO-04 R 22-23',
  title: 'Entrega de Certificados de Terminación de Estudios físicos',
  entity: 'EntregaCertificadosFisicos',
  store: unitOwnedStore<EstadoEntregaCertificadosFisicos>('entregaCertificadosFisicos'),
  states: ['ENVIADA', 'DEVUELTA', 'VALIDADA', 'ENVIADA_A_FIRMA'] as const satisfies readonly EstadoEntregaCertificadosFisicos[],
  initial: 'ENVIADA',
  final: ['ENVIADA_A_FIRMA'],
  steps: {
    createEntregaCertificadosFisicos: {
      step: 'R 23 (L283-288)',
      description:
        "The plantel's Servicios Escolares delivers physical certificates by oficio, with the list: consecutive number, folio, graduate's name, matrícula and career.",
      kind: 'creation',
      to: 'ENVIADA',
      unitKinds: ['PLANTEL'],
      role: 'SERVICIOS_ESCOLARES_PLANTEL',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    approveEntregaCertificadosFisicos: {
      step: 'R 22 (L276-282)',
      description:
        "The state's Jefatura de Servicios Escolares checks every certificate (name without abbreviations, photo, director's signature, seal over the photo, folio, printing date): all six must hold.",
      kind: 'transition',
      from: ['ENVIADA'],
      to: 'VALIDADA',
      role: 'JEFE_SERVICIOS_ESCOLARES_ESTATAL',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    returnEntregaCertificadosFisicos: {
      step: 'R 22 (L276-282)',
      description: 'A check fails: the delivery goes back to the plantel, with the checks and observations.',
      kind: 'transition',
      from: ['ENVIADA'],
      to: 'DEVUELTA',
      role: 'JEFE_SERVICIOS_ESCOLARES_ESTATAL',
      reach: { kind: 'owner' },
      comment: 'required',
    },
    submitEntregaCertificadosFisicos: {
      step: 'R 23',
      description: 'The plantel corrects the certificates and delivers them again.',
      kind: 'transition',
      from: ['DEVUELTA'],
      to: 'ENVIADA',
      role: 'SERVICIOS_ESCOLARES_PLANTEL',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    sendEntregaCertificadosFisicos: {
      step: 'R 23 (L290)',
      description:
        "Once validated, the state office hands them to the Subcoordinación de Servicios Institucionales for the Director General's physical signature.",
      kind: 'transition',
      from: ['VALIDADA'],
      to: 'ENVIADA_A_FIRMA',
      role: 'JEFE_SERVICIOS_ESCOLARES_ESTATAL',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
  },
});

/** R 27 (L312): the F01 request of official forms and electronic folios. */
export const solicitudFoliosWorkflow = defineRecordWorkflow({
  name: 'solicitud-folios',
  procedure: '30-524-PO-04 R 27 (F01)',
  title: 'Solicitud de formatería oficial y folios electrónicos (F01)',
  entity: 'SolicitudFolios',
  store: unitOwnedStore('solicitudFolios', { fixedState: 'ENVIADA' }),
  state: 'ENVIADA',
  steps: {
    createSolicitudFolios: {
      step: 'R 27 (L312)',
      description:
        "The state's Jefatura de Servicios Escolares requests from Oficinas Nacionales, with F01 and by electronic means, electronic folios and official forms for certificates and titles.",
      kind: 'creation',
      to: 'ENVIADA',
      unitKinds: ['COLEGIO_ESTATAL'],
      role: 'JEFE_SERVICIOS_ESCOLARES_ESTATAL',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
  },
});

/** R 30 (L352): the quarterly report for the H. Junta Directiva. */
export const informeJuntaDirectivaWorkflow = defineRecordWorkflow({
  name: 'informe-junta-directiva',
  procedure: '30-524-PO-04 R 30',
  title: 'Informe trimestral de actividades y avance para la H. Junta Directiva',
  entity: 'InformeJuntaDirectiva',
  store: unitOwnedStore('informeJuntaDirectiva', { fixedState: 'ENTREGADO' }),
  state: 'ENTREGADO',
  steps: {
    createInformeJuntaDirectiva: {
      step: 'R 30 (L352)',
      description:
        "The state's Jefatura de Servicios Escolares delivers the quarter's report of activities and progress for the Junta Directiva's session (guide 30-524-PO-01-GA-01).",
      kind: 'creation',
      to: 'ENTREGADO',
      unitKinds: ['COLEGIO_ESTATAL'],
      role: 'JEFE_SERVICIOS_ESCOLARES_ESTATAL',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
  },
});

const egresado: Subject = { entity: 'Alumno', store: alumnoPorEstatus, states: ['EGRESADO'] };

/** R 32 (L354): graduates' requests received through SIATEG. */
export const solicitudEgresadoWorkflow = defineWorkflow({
  name: 'solicitud-egresado',
  procedure: '30-524-PO-04 R 32',
  title: 'Trámite de una persona egresada (SIATEG)',
  entity: 'SolicitudEgresado',
  store: unitOwnedStore<EstadoSolicitudEgresado>('solicitudEgresado'),
  states: ['RECIBIDA', 'ATENDIDA'] as const satisfies readonly EstadoSolicitudEgresado[],
  initial: 'RECIBIDA',
  final: ['ATENDIDA'],
  steps: {
    createSolicitudEgresado: {
      step: 'R 32 (L354)',
      description:
        "The plantel's Servicios Escolares records a graduate's request received through SIATEG (its folio and the procedure asked for).",
      kind: 'creation',
      to: 'RECIBIDA',
      role: 'SERVICIOS_ESCOLARES_PLANTEL',
      reach: { kind: 'owner' },
      comment: 'optional',
      under: { subject: egresado, description: 'a graduate (EGRESADO) of the plantel' },
    },
    closeSolicitudEgresado: {
      step: 'R 32 (L354)',
      description: "The plantel's Servicios Escolares attends the request; the observations are the answer given.",
      kind: 'transition',
      from: ['RECIBIDA'],
      to: 'ATENDIDA',
      role: 'SERVICIOS_ESCOLARES_PLANTEL',
      reach: { kind: 'owner' },
      comment: 'required',
    },
  },
});

export const academicoWorkflows = [
  importacionSaeWorkflow,
  certificadoWorkflow,
  loteFoliosWorkflow,
  bajaWorkflow,
  corteCalendarioWorkflow,
  reunionRiesgoWorkflow,
  asesoriaComplementariaWorkflow,
  rectificacionEvaluacionWorkflow,
  supervisionCapturaWorkflow,
  entregaCertificadosFisicosWorkflow,
  solicitudFoliosWorkflow,
  informeJuntaDirectivaWorkflow,
  solicitudEgresadoWorkflow,
];
