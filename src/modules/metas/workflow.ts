// 7081-MP-SI "Metas y resultados": how CONALEP plans and accounts for its two
// service lines. Seed 001: 8.1.5 "Seguimiento" (L653-668) with Pd-01-It-02
// "Registro y reporte de los Servicios Tecnológicos" (L763-784); 8.2.6
// (L910-939) with Pd-02-It-02 "Programa Anual de Trabajo" (L981-1019), the
// catalogue part of "Oferta y promoción" (L1129-1148, labelled It-05 there)
// and Pd-02-It-06 "Registro y evaluación de resultados" (L1161-1194).
//
// Four records:
// - ProgramaMetas: a unit's goals of one line and year (CAST / plantel for
//   technological services; Colegio Estatal, UODCDMX, RCEO for training, with
//   its diagnosis and PAT), requested, registered, verified until congruent,
//   reprogrammed when asked. Every goal value is kept (VersionMetaIndicador).
// - RegistroResultados: a unit's results of one quarter against its goals.
// - ProgramaNacionalCapacitacion: the national PAT and training goals sent to
//   SPDI-DPP for the MIR, adjusted when SPDI-DPP asks.
// - CursoCatalogo: the national course catalogue, registered in the SECyT.
// Step numbers: "Seg" = 8.1.5 Seguimiento, "ST-It02" = Pd-01-It-02,
// "PAT" = Pd-02-It-02, "It05" = Oferta (catálogo), "It06" = Pd-02-It-06.
import type {
  EstadoCursoCatalogo,
  EstadoProgramaMetas,
  EstadoProgramaNacionalCapacitacion,
  EstadoRegistroResultados,
  IndicadorMeta,
  LineaServicio,
  Role,
} from '../../generated/prisma/enums.js';
import { unitOwnedStore } from '../../lib/workflow/stores.js';
import { defineWorkflow, type Tx, type WorkflowRecord } from '../../lib/workflow/types.js';
import { readableCursosCatalogo, readableProgramasNacionalesCapacitacion } from './rules.js';

/** The indicators of each line (INGRESOS_* in integer centavos). */
export const INDICADORES: Record<LineaServicio, readonly IndicadorMeta[]> = {
  SERVICIOS_TECNOLOGICOS: ['SERVICIOS_PROPORCIONADOS', 'FIRMAS_ATENDIDAS', 'USUARIOS_ATENDIDOS', 'INGRESOS_SERVICIOS'],
  CAPACITACION: ['CURSOS_IMPARTIDOS', 'PERSONAS_CAPACITADAS', 'EMPRESAS_ATENDIDAS', 'INGRESOS_CAPACITACION'],
};

/** The unit-side roles: a CAST director, a plantel director, and the state's Titular de Capacitación, Certificación y CAST. */
export const UNIT_ROLES: readonly Role[] = ['CAST', 'DIRECTOR_PLANTEL', 'TITULAR_CAPACITACION_CERTIFICACION_CAST'];
/** Who verifies each line: the CST technological services, the CSC training. */
export const VERIFIER: Readonly<Record<LineaServicio, Role>> = { SERVICIOS_TECNOLOGICOS: 'CST', CAPACITACION: 'CSC' };

// ---- ProgramaMetas --------------------------------------------------------------

/** What is still missing before the unit sends its programme, or null. */
async function programaCompleto(tx: Tx, record: WorkflowRecord<string>): Promise<string | null> {
  const p = await tx.programaMetas.findUniqueOrThrow({
    where: { id: record.id },
    select: { linea: true, diagnostico: true, programaTrabajo: true, _count: { select: { metas: true } } },
  });
  const missing = [
    p._count.metas ? null : 'at least one goal (metas)',
    p.linea === 'CAPACITACION' && !p.diagnostico ? 'the situational diagnosis (diagnostico, PAT step 1)' : null,
    p.linea === 'CAPACITACION' && !p.programaTrabajo ? 'the annual work programme (programaTrabajo, PAT step 7)' : null,
  ].filter((m) => m !== null);
  return missing.length ? `Record before sending: ${missing.join('; ')}` : null;
}

export const PROGRAMA_METAS_STATES = [
  'SOLICITADO',
  'ENVIADO',
  'EN_CORRECCION',
  'APROBADO',
] as const satisfies readonly EstadoProgramaMetas[];

export const programaMetasWorkflow = defineWorkflow({
  name: 'programa-metas',
  procedure: '7081-MP-SI 8.1.5 Seguimiento, Pd-01-It-02, Pd-02-It-02, Pd-02-It-06',
  title: 'Programación, verificación y reprogramación de metas',
  entity: 'ProgramaMetas',
  store: unitOwnedStore('programaMetas', { kind: 'linea' }),
  states: PROGRAMA_METAS_STATES,
  initial: 'SOLICITADO',
  final: ['APROBADO'],
  steps: {
    createProgramaMetasServiciosTecnologicos: {
      step: 'Seg 1-2; ST-It02 1',
      description:
        "CST, as the DSTC instructs, asks a CAST or plantel to register its year's goals of technological services in the system, with a due date.",
      kind: 'creation',
      to: 'SOLICITADO',
      unitKinds: ['CAST', 'PLANTEL'],
      role: 'CST',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    createProgramaMetasCapacitacion: {
      step: 'PAT 1, 4, 7; It06 1',
      description:
        "CSC proposes the diagnosis criteria and asks a Colegio Estatal, UODCDMX or RCEO (in the second quarter) for its diagnosis, next year's goals of the training indicators by quarter and plantel/CAST, and its PAT.",
      kind: 'creation',
      to: 'SOLICITADO',
      unitKinds: ['COLEGIO_ESTATAL', 'UODCDMX', 'RCEO'],
      role: 'CSC',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    updateProgramaMetas: {
      step: 'Seg 3, 5; PAT 5, 6.1; It06 1',
      description:
        'The unit registers (or corrects, or reprograms) its goals by indicator, quarter and unit, and for training its diagnosis and PAT; every goal value is kept with who set it and why.',
      kind: 'action',
      in: ['SOLICITADO', 'EN_CORRECCION'],
      role: UNIT_ROLES,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    submitProgramaMetas: {
      step: 'Seg 3; PAT 5, 8',
      description: 'The unit sends its registered goals (and diagnosis and PAT) for verification.',
      kind: 'transition',
      from: ['SOLICITADO', 'EN_CORRECCION'],
      to: 'ENVIADO',
      role: UNIT_ROLES,
      reach: { kind: 'owner' },
      comment: 'optional',
      guard: programaCompleto,
    },
    approveProgramaMetas: {
      step: 'Seg 4 (SI), 6; ST-It02 2; PAT 2, 5, 8; It06 2',
      description:
        'The CST (technological services) or CSC (training) verifies the goals against the programme: congruent. The approved values become the goals progress is measured against.',
      kind: 'transition',
      from: ['ENVIADO'],
      to: 'APROBADO',
      role: ['CST', 'CSC'],
      roleByKind: VERIFIER,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    returnProgramaMetas: {
      step: 'Seg 4 (NO)-5; PAT 2, 8, 6.1',
      description:
        'The CST or CSC sends the goals back with observations: different from the programme (Seg 5), feedback on the diagnosis or PAT, or a reprogramming SPDI-DPP asked for (PAT 6.1, from APROBADO).',
      kind: 'transition',
      from: ['ENVIADO', 'APROBADO'],
      to: 'EN_CORRECCION',
      role: ['CST', 'CSC'],
      roleByKind: VERIFIER,
      reach: { kind: 'owner' },
      comment: 'required',
    },
  },
});

// ---- RegistroResultados ---------------------------------------------------------

async function hayResultados(tx: Tx, record: WorkflowRecord<string>): Promise<string | null> {
  const n = await tx.resultadoIndicador.count({ where: { registroId: record.id } });
  return n ? null : 'Record at least one result (resultados) before sending';
}

export const REGISTRO_RESULTADOS_STATES = [
  'EN_CAPTURA',
  'ENVIADO',
  'EN_CORRECCION',
  'VALIDADO',
] as const satisfies readonly EstadoRegistroResultados[];

export const registroResultadosWorkflow = defineWorkflow({
  name: 'registro-resultados',
  procedure: '7081-MP-SI Pd-01-It-02 II, Pd-02-It-06 II',
  title: 'Registro y validación trimestral de resultados',
  entity: 'RegistroResultados',
  store: unitOwnedStore('registroResultados', { kind: 'linea' }),
  states: REGISTRO_RESULTADOS_STATES,
  initial: 'EN_CAPTURA',
  final: ['VALIDADO'],
  steps: {
    createRegistroResultados: {
      step: 'ST-It02 3; It06 3',
      description: "The unit opens a quarter's results against its approved goal programme (once the quarter has begun).",
      kind: 'creation',
      to: 'EN_CAPTURA',
      under: {
        subject: { entity: 'ProgramaMetas', store: programaMetasWorkflow.store, states: ['APROBADO'] },
        description: 'an approved ProgramaMetas',
      },
      role: UNIT_ROLES,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    updateRegistroResultados: {
      step: 'ST-It02 3; It06 3',
      description:
        'The unit registers the services and courses delivered, new firms, users and participants, and income, by indicator, month and unit.',
      kind: 'action',
      in: ['EN_CAPTURA', 'EN_CORRECCION'],
      role: UNIT_ROLES,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    submitRegistroResultados: {
      step: 'ST-It02 4; It06 3',
      description: "The unit sends the quarter's results for validation.",
      kind: 'transition',
      from: ['EN_CAPTURA', 'EN_CORRECCION'],
      to: 'ENVIADO',
      role: UNIT_ROLES,
      reach: { kind: 'owner' },
      comment: 'optional',
      guard: hayResultados,
    },
    approveRegistroResultados: {
      step: 'ST-It02 4; It06 5',
      description:
        'The CST (technological services) or CSC (training) verifies and agrees the results with the unit: they count in the progress of the goals.',
      kind: 'transition',
      from: ['ENVIADO'],
      to: 'VALIDADO',
      role: ['CST', 'CSC'],
      roleByKind: VERIFIER,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    returnRegistroResultados: {
      step: 'ST-It02 4; It06 5',
      description: 'The CST or CSC sends the results back with feedback for correction.',
      kind: 'transition',
      from: ['ENVIADO'],
      to: 'EN_CORRECCION',
      role: ['CST', 'CSC'],
      roleByKind: VERIFIER,
      reach: { kind: 'owner' },
      comment: 'required',
    },
  },
});

// ---- ProgramaNacionalCapacitacion -------------------------------------------------

/** Before sending to SPDI-DPP: the national PAT is written and every unit's training goals of the year are approved. */
async function listoParaEnviar(tx: Tx, record: WorkflowRecord<string>): Promise<string | null> {
  const p = await tx.programaNacionalCapacitacion.findUniqueOrThrow({
    where: { id: record.id },
    select: { anio: true, programaTrabajo: true },
  });
  const programas = await tx.programaMetas.groupBy({
    by: ['estado'],
    where: { anio: p.anio, linea: 'CAPACITACION' },
    _count: { _all: true },
  });
  const total = programas.reduce((n, g) => n + g._count._all, 0);
  const pending = programas.filter((g) => g.estado !== 'APROBADO').reduce((n, g) => n + g._count._all, 0);
  const missing = [
    p.programaTrabajo ? null : 'the national PAT (programaTrabajo, PAT step 9)',
    total ? null : `a training goal programme of ${p.anio} (createProgramaMetasCapacitacion)`,
    pending ? `${pending} training goal programme(s) of ${p.anio} not yet approved` : null,
  ].filter((m) => m !== null);
  return missing.length ? `Before sending to SPDI-DPP: ${missing.join('; ')}` : null;
}

export const PROGRAMA_NACIONAL_STATES = [
  'EN_INTEGRACION',
  'ENVIADO',
  'EN_AJUSTE',
] as const satisfies readonly EstadoProgramaNacionalCapacitacion[];

export const programaNacionalCapacitacionWorkflow = defineWorkflow({
  name: 'programa-nacional-capacitacion',
  procedure: '7081-MP-SI Pd-02-It-02',
  title: 'Programa Anual de Trabajo y metas nacionales de capacitación para la MIR',
  entity: 'ProgramaNacionalCapacitacion',
  store: unitOwnedStore('programaNacionalCapacitacion', {
    readable: readableProgramasNacionalesCapacitacion,
    addressees: { relation: 'destinatarios', purpose: 'fin' },
  }),
  states: PROGRAMA_NACIONAL_STATES,
  initial: 'EN_INTEGRACION',
  final: ['ENVIADO'],
  steps: {
    createProgramaNacionalCapacitacion: {
      step: 'PAT 3',
      description:
        "CSC identifies the control points of the training process from the states' diagnoses, to propose actions for the institutional PAT.",
      kind: 'creation',
      to: 'EN_INTEGRACION',
      unitKinds: ['COORDINACION_NACIONAL'],
      role: 'CSC',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    updateProgramaNacionalCapacitacion: {
      step: 'PAT 3, 9, 9.1',
      description: 'CSC writes (or adjusts) the control points and the national PAT.',
      kind: 'action',
      in: ['EN_INTEGRACION', 'EN_AJUSTE'],
      role: 'CSC',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    sendProgramaNacionalCapacitacion: {
      step: 'PAT 6, 9',
      description:
        "CSC sends SPDI-DPP the national PAT and the national goals of the training indicators (the sum of every unit's approved goals, kept per send) for the MIR.",
      kind: 'transition',
      from: ['EN_INTEGRACION', 'EN_AJUSTE'],
      to: 'ENVIADO',
      role: 'CSC',
      reach: { kind: 'owner' },
      comment: 'optional',
      guard: listoParaEnviar,
    },
    returnProgramaNacionalCapacitacion: {
      step: 'PAT 6.1, 9.1',
      description:
        'CSC reopens the programme when SPDI-DPP asks for a reprogramming of the goals or an adjustment of the PAT (observaciones: what SPDI-DPP asked).',
      kind: 'transition',
      from: ['ENVIADO'],
      to: 'EN_AJUSTE',
      role: 'CSC',
      reach: { kind: 'owner' },
      comment: 'required',
    },
  },
});

// ---- CursoCatalogo -----------------------------------------------------------------

export const CURSO_STATES = ['PROPUESTO', 'REGISTRADO', 'PUBLICADO'] as const satisfies readonly EstadoCursoCatalogo[];

export const cursoCatalogoWorkflow = defineWorkflow({
  name: 'curso-catalogo',
  procedure: '7081-MP-SI Pd-02 Oferta y promoción (catálogo), Pd-02-It-06',
  title: 'Catálogo nacional de cursos de capacitación',
  entity: 'CursoCatalogo',
  store: unitOwnedStore('cursoCatalogo', { readable: readableCursosCatalogo }),
  states: CURSO_STATES,
  initial: 'PROPUESTO',
  final: ['PUBLICADO'],
  steps: {
    createCursoCatalogo: {
      step: 'It05 1; It06 4',
      description:
        'CSC designs a course of the national catalogue from the educational offer and the demand, or one a Colegio Estatal, UODCDMX or RCEO asks to add.',
      kind: 'creation',
      to: 'PROPUESTO',
      unitKinds: ['COORDINACION_NACIONAL'],
      role: 'CSC',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    updateCursoCatalogo: {
      step: 'It05 1',
      description: 'CSC edits the proposed course.',
      kind: 'action',
      in: ['PROPUESTO'],
      role: 'CSC',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    approveCursoCatalogo: {
      step: 'It05 2; It06 4',
      description: 'CSC validates the new course and registers it in the SECyT, keeping the SECyT identifier.',
      kind: 'transition',
      from: ['PROPUESTO'],
      to: 'REGISTRADO',
      role: 'CSC',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    publishCursoCatalogo: {
      step: 'It05 3',
      description: 'CSC publishes the registered course in the catalogue offered for promotion: every signed-in reader sees it.',
      kind: 'transition',
      from: ['REGISTRADO'],
      to: 'PUBLICADO',
      role: 'CSC',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
  },
});
