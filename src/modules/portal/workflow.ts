// V-CANA-MP-02 (CONOCER, seed 004): C.4.4 "Administrar el Portal CONOCER"
// (L251-271) and the quarterly review of the portal's static content (policy
// 3.1.2, L74). A portal request goes from the requesting area through design,
// the DVD's review, the provider's construction and the requester's validation
// to production; the weekly statistics feed the DVD's quarterly analysis and
// its report to the Dirección General. Step numbers are the manual's.
// Who acts where the seed's "Responsable" column is shifted: docs/decisions/025-portal.md.
import { defineRecordWorkflow, defineWorkflow, type Tx, type WorkflowRecord } from '../../lib/workflow/types.js';
import { unitOwnedStore } from '../../lib/workflow/stores.js';
import type { EstadoAnalisisPortal, EstadoSolicitudPortal, Role } from '../../generated/prisma/enums.js';
import {
  readableAnalisisPortal,
  readableEstadisticasPortal,
  readableRevisionesContenidoPortal,
  readableSolicitudesPortal,
} from './rules.js';

const RESPONSABLE: Role = 'CONOCER_RESPONSABLE_CANALES';
const DVD: Role = 'CONOCER_DIRECCION_VINCULACION';
const PROVEEDOR: Role = 'CONOCER_PROVEEDOR_PORTAL';
/** The provider acts on the requests addressed to its organisation (step 4.2). */
const TO_PROVIDER = { kind: 'addressee', purpose: 'PROVEEDOR_PORTAL' } as const;

/** The labels ("column (step n)") of the `fields` still empty in `row`, joined for a guard's reason. */
function missing(row: Record<string, unknown>, fields: Record<string, string>): string {
  return Object.entries(fields)
    .filter(([k]) => !row[k])
    .map(([, label]) => label)
    .join('; ');
}

/** Step 2.5 presents a complete design: content (2.1), functional requirements (2.2) and the solution (2.4). */
async function designComplete(tx: Tx, record: WorkflowRecord<string>): Promise<string | null> {
  const s = await tx.solicitudPortal.findUniqueOrThrow({
    where: { id: record.id },
    select: { contenido: true, requerimientosFuncionales: true, solucion: true },
  });
  const fields = {
    contenido: 'contenido (step 2.1)',
    requerimientosFuncionales: 'requerimientosFuncionales (step 2.2)',
    solucion: 'solucion (step 2.4)',
  };
  const m = missing(s, fields);
  return m ? `Record the design before presenting it: ${m}` : null;
}

export const solicitudPortalStore = unitOwnedStore<EstadoSolicitudPortal>('solicitudPortal', {
  readable: readableSolicitudesPortal,
  addressees: { relation: 'destinatarios', purpose: 'fin' },
});

export const solicitudPortalWorkflow = defineWorkflow({
  name: 'solicitud-portal',
  procedure: 'V-CANA-MP-02 C.4.4',
  title: 'Solicitudes de publicación y desarrollo en el Portal CONOCER',
  entity: 'SolicitudPortal',
  store: solicitudPortalStore,
  states: [
    'REGISTRADA',
    'NO_PROCEDENTE',
    'EN_DISENO',
    'EN_REVISION',
    'ENVIADA',
    'EN_CONSTRUCCION',
    'ENTREGADA',
    'VALIDADA',
    'EN_PRODUCCION',
  ],
  initial: 'REGISTRADA',
  final: ['NO_PROCEDENTE', 'EN_PRODUCCION'],
  steps: {
    createSolicitudPortal: {
      step: '1.1',
      description:
        "The Responsable de Canales receives a CONOCER area's request to publish information or develop an application on the portal, of one of the listed kinds.",
      kind: 'creation',
      to: 'REGISTRADA',
      unitKinds: ['AREA_CONOCER'],
      role: RESPONSABLE,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    closeSolicitudPortalAsConocerResponsableCanales: {
      step: '1.2 → 1.3',
      description:
        'The initiative, validated with the DVD, does not proceed: the requesting area is told why, and what the initiative would need (the reason is required). A new request starts again at 1.1.',
      kind: 'transition',
      from: ['REGISTRADA'],
      to: 'NO_PROCEDENTE',
      role: RESPONSABLE,
      reach: { kind: 'owner' },
      comment: 'required',
    },
    receiveSolicitudPortalAsConocerResponsableCanales: {
      step: '1.2 → 2.1',
      description: 'The initiative is validated with the DVD: the Responsable de Canales takes it up to design it.',
      kind: 'transition',
      from: ['REGISTRADA'],
      to: 'EN_DISENO',
      role: RESPONSABLE,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    updateSolicitudPortal: {
      step: '2.1-2.4',
      description:
        'The Responsable de Canales designs the content, specifies the functional requirements and, with the provider, designs the solution.',
      kind: 'action',
      in: ['EN_DISENO'],
      role: RESPONSABLE,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    submitSolicitudPortal: {
      step: '2.5',
      description: 'The Responsable de Canales presents the content and functional requirements to the DVD.',
      kind: 'transition',
      from: ['EN_DISENO'],
      to: 'EN_REVISION',
      role: RESPONSABLE,
      reach: { kind: 'owner' },
      comment: 'optional',
      guard: designComplete,
    },
    returnSolicitudPortalAsConocerDireccionVinculacion: {
      step: '3.1-3.2, 4.1 → 2.1',
      description: 'The DVD reviews the proposal and does not approve it: its observations go back to the design (required).',
      kind: 'transition',
      from: ['EN_REVISION'],
      to: 'EN_DISENO',
      role: DVD,
      reach: { kind: 'owner' },
      comment: 'required',
    },
    sendSolicitudPortalAsConocerDireccionVinculacion: {
      step: '4.1 → 4.2',
      description: "The DVD approves the solution and sends the design to the portal provider's organisation to build it.",
      kind: 'transition',
      from: ['EN_REVISION'],
      to: 'ENVIADA',
      role: DVD,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    receiveSolicitudPortalAsConocerProveedorPortal: {
      step: '5.1',
      description: 'The provider takes up the design and delivers its work plan to the DVD.',
      kind: 'transition',
      from: ['ENVIADA'],
      to: 'EN_CONSTRUCCION',
      role: PROVEEDOR,
      reach: TO_PROVIDER,
      comment: 'optional',
    },
    deliverSolicitudPortal: {
      step: '5.2-5.4',
      description:
        'The provider has built the solution in the test environment and tested it: it delivers it, with the test address and the results of its tests.',
      kind: 'transition',
      from: ['EN_CONSTRUCCION'],
      to: 'ENTREGADA',
      role: PROVEEDOR,
      reach: TO_PROVIDER,
      comment: 'optional',
    },
    sendSolicitudPortalAsConocerResponsableCanales: {
      step: '6.1-6.2',
      description:
        'The Responsable de Canales checks the solution against the approved design and sends it back to the provider with the adjustments to make (required).',
      kind: 'transition',
      from: ['ENTREGADA'],
      to: 'EN_CONSTRUCCION',
      role: RESPONSABLE,
      reach: { kind: 'owner' },
      comment: 'required',
    },
    returnSolicitudPortalAsConocerResponsableCanales: {
      step: '6.3 → 2.1',
      description: 'The requesting area does not validate the solution: the request goes back to the design, with its reasons (required).',
      kind: 'transition',
      from: ['ENTREGADA'],
      to: 'EN_DISENO',
      role: RESPONSABLE,
      reach: { kind: 'owner' },
      comment: 'required',
    },
    approveSolicitudPortal: {
      step: '6.1, 6.3 → 7.1',
      description: 'The solution matches the approved design and the requesting area validates it: the provider may put it in production.',
      kind: 'transition',
      from: ['ENTREGADA'],
      to: 'VALIDADA',
      role: RESPONSABLE,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    closeSolicitudPortalAsConocerProveedorPortal: {
      step: '7.1-7.3',
      description:
        'The provider moves the solution from the test to the production environment, documents it and delivers the documentation to the DVD (at least one document).',
      kind: 'transition',
      from: ['VALIDADA'],
      to: 'EN_PRODUCCION',
      role: PROVEEDOR,
      reach: TO_PROVIDER,
      comment: 'optional',
    },
  },
});

export const estadisticaPortalWorkflow = defineRecordWorkflow({
  name: 'estadistica-portal',
  procedure: 'V-CANA-MP-02 C.4.4 8.1',
  title: 'Estadísticas semanales del Portal CONOCER',
  entity: 'EstadisticaPortal',
  store: unitOwnedStore('estadisticaPortal', { readable: readableEstadisticasPortal, fixedState: 'IMPORTADA' }),
  state: 'IMPORTADA',
  steps: {
    createEstadisticaPortal: {
      step: '8.1',
      description:
        "The Responsable de Canales imports the week's statistics exported from the portal (CSV or Excel): accesses per page and average time per page; the week's total is their sum. One import per week: a bad row refuses the whole file.",
      kind: 'creation',
      to: 'IMPORTADA',
      unitKinds: ['AREA_CONOCER'],
      role: RESPONSABLE,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
  },
});

/** Step 11.4 presents a complete report: the analysis against the objectives (9.1), the gaps (11.1) and the areas of opportunity (11.2). */
async function reportComplete(tx: Tx, record: WorkflowRecord<string>): Promise<string | null> {
  const a = await tx.analisisPortal.findUniqueOrThrow({
    where: { id: record.id },
    select: { analisis: true, brechas: true, areasOportunidad: true },
  });
  const fields = { analisis: 'analisis (step 9.1)', brechas: 'brechas (step 11.1)', areasOportunidad: 'areasOportunidad (step 11.2)' };
  const m = missing(a, fields);
  return m ? `Record before presenting the report: ${m}` : null;
}

export const analisisPortalWorkflow = defineWorkflow({
  name: 'analisis-portal',
  procedure: 'V-CANA-MP-02 C.4.4 9-12',
  title: 'Análisis trimestral de las estadísticas del Portal CONOCER e informe a la Dirección General',
  entity: 'AnalisisPortal',
  store: unitOwnedStore<EstadoAnalisisPortal>('analisisPortal', { readable: readableAnalisisPortal }),
  states: ['EN_ELABORACION', 'PRESENTADO', 'REPORTADO'],
  initial: 'EN_ELABORACION',
  final: ['REPORTADO'],
  steps: {
    createAnalisisPortal: {
      step: '9.1, 10.1',
      description:
        "The DVD opens the quarter's analysis: the trend per page against the previous quarter is computed from the imported weekly statistics.",
      kind: 'creation',
      to: 'EN_ELABORACION',
      unitKinds: ['AREA_CONOCER'],
      role: DVD,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    updateAnalisisPortal: {
      step: '9.1, 11.1-11.3',
      description: 'The DVD writes the analysis against the objectives, the gaps and the areas of opportunity and improvement actions.',
      kind: 'action',
      in: ['EN_ELABORACION'],
      role: DVD,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    submitAnalisisPortal: {
      step: '11.4',
      description: 'The report of results, gaps and areas of opportunity is presented for approval.',
      kind: 'transition',
      from: ['EN_ELABORACION'],
      to: 'PRESENTADO',
      role: DVD,
      reach: { kind: 'owner' },
      comment: 'optional',
      guard: reportComplete,
    },
    sendAnalisisPortal: {
      step: '12.1',
      description: "The DVD reports the portal's results and areas of opportunity to CONOCER's Dirección General.",
      kind: 'transition',
      from: ['PRESENTADO'],
      to: 'REPORTADO',
      role: DVD,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
  },
});

export const revisionContenidoPortalWorkflow = defineRecordWorkflow({
  name: 'revision-contenido-portal',
  procedure: 'V-CANA-MP-02 política 3.1.2',
  title: 'Revisión trimestral de la información estática del Portal CONOCER',
  entity: 'RevisionContenidoPortal',
  store: unitOwnedStore('revisionContenidoPortal', { readable: readableRevisionesContenidoPortal, fixedState: 'REGISTRADA' }),
  state: 'REGISTRADA',
  steps: {
    createRevisionContenidoPortal: {
      step: '3.1.2',
      description:
        "The Responsable de Canales records the quarter's review of the portal's static content (the Sistema Nacional de Competencias, the CGC, mission, vision, values and strategic objectives): its findings and whether an update is needed (then through a portal request, C.4.4).",
      kind: 'creation',
      to: 'REGISTRADA',
      unitKinds: ['AREA_CONOCER'],
      role: RESPONSABLE,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
  },
});
