// 7081-MP-SI 8.1.5 "Promoción y difusión" of the technological services (seed
// 001, lines 627-641) and the promotion part of Pd-02-It-05 "Oferta y
// promoción de los servicios de capacitación" (lines 1129-1148). Step numbers
// are the manual's.
import { defineRecordWorkflow, defineWorkflow, type Tx, type WorkflowRecord } from '../../lib/workflow/types.js';
import { unitOwnedStore } from '../../lib/workflow/stores.js';
import type {
  EstadoOfertaCapacitacion,
  EstadoPromocionServiciosTecnologicos,
  EstadoSolicitudDirigida,
  Role,
  TipoSolicitudDirigida,
} from '../../generated/prisma/enums.js';
import { CSC_ROLES } from '../normatividad/capacitacion.js';
import { readableCatalogosServicios, readableOfertasCapacitacion, readablePromociones, readableSolicitudesDirigidas } from './rules.js';

const promocionStore = unitOwnedStore<EstadoPromocionServiciosTecnologicos>('promocionServiciosTecnologicos', {
  readable: readablePromociones,
  addressees: { relation: 'destinatarios', purpose: 'fin' },
});

/** Step 3 comes before step 4: at least one CAST has sent its catalogue. */
async function catalogueReceived(tx: Tx, record: WorkflowRecord<string>): Promise<string | null> {
  const n = await tx.catalogoServicios.count({ where: { promocionServiciosTecnologicosId: record.id } });
  return n > 0 ? null : 'No CAST has sent its updated catalogue yet (step 3 comes before step 4)';
}

/** Step 6 comes before step 7: the DVS and the DCTA were asked, and both requests are answered. */
async function promotionDone(tx: Tx, record: WorkflowRecord<string>): Promise<string | null> {
  const rows = await tx.solicitudDirigida.findMany({
    where: { promocionServiciosTecnologicosId: record.id },
    select: { tipo: true, estado: true },
  });
  const missing = (['MATERIAL_PROMOCIONAL', 'PUBLICACION_PORTAL'] as const).filter((t) => !rows.some((r) => r.tipo === t));
  if (missing.length) return `Request first (step 6): ${missing.join(', ')}`;
  const open = rows.filter((r) => r.estado !== 'ATENDIDA').length;
  return open ? `${open} request(s) of step 6 not answered yet` : null;
}

export const promocionServiciosTecnologicosWorkflow = defineWorkflow({
  name: 'promocion-servicios-tecnologicos',
  procedure: '7081-MP-SI 8.1.5',
  title: 'Promoción y difusión de los servicios tecnológicos',
  entity: 'PromocionServiciosTecnologicos',
  store: promocionStore,
  states: ['INSTRUIDA', 'EN_ACTUALIZACION', 'COMPILADA', 'EN_PROMOCION', 'VERIFICADA'],
  initial: 'INSTRUIDA',
  final: ['VERIFICADA'],
  steps: {
    createPromocionServiciosTecnologicos: {
      step: '1',
      description: 'DSTC instructs the CST to update the technological services (one round per year).',
      kind: 'creation',
      to: 'INSTRUIDA',
      unitKinds: ['DIRECCION_NACIONAL'],
      role: 'DSTC',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    sendPromocionServiciosTecnologicosToCast: {
      step: '2',
      description: 'CST receives the instruction and asks the CAST for their updated information; the CAST addressed see the round.',
      kind: 'transition',
      from: ['INSTRUIDA'],
      to: 'EN_ACTUALIZACION',
      role: 'CST',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    submitPromocionServiciosTecnologicos: {
      step: '4',
      description: 'CST compiles the updated catalogues and sends them to the DSTC.',
      kind: 'transition',
      from: ['EN_ACTUALIZACION'],
      to: 'COMPILADA',
      role: 'CST',
      reach: { kind: 'owner' },
      comment: 'optional',
      guard: catalogueReceived,
    },
    receivePromocionServiciosTecnologicos: {
      step: '5',
      description: 'DSTC receives the update of the technological services of the CAST.',
      kind: 'transition',
      from: ['COMPILADA'],
      to: 'EN_PROMOCION',
      role: 'DSTC',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    closePromocionServiciosTecnologicos: {
      step: '7',
      description: 'CST verifies and follows up the promotion and dissemination activities.',
      kind: 'transition',
      from: ['EN_PROMOCION'],
      to: 'VERIFICADA',
      role: 'CST',
      reach: { kind: 'owner' },
      comment: 'optional',
      guard: promotionDone,
    },
  },
});

export const catalogoServiciosWorkflow = defineRecordWorkflow({
  name: 'catalogo-servicios',
  procedure: '7081-MP-SI 8.1.5',
  title: 'Catálogo de servicios tecnológicos de un CAST',
  entity: 'CatalogoServicios',
  store: unitOwnedStore('catalogoServicios', { readable: readableCatalogosServicios, fixedState: 'REGISTRADO' }),
  state: 'REGISTRADO',
  steps: {
    createCatalogoServicios: {
      step: '3',
      description:
        'A CAST asked for its information sends its updated catalogue of technological services: a new edition, numbered per CAST.',
      kind: 'creation',
      to: 'REGISTRADO',
      under: {
        subject: { entity: 'PromocionServiciosTecnologicos', store: promocionStore, states: ['EN_ACTUALIZACION'] },
        description: 'a round whose CAST are being asked for their information (EN_ACTUALIZACION)',
        owner: 'actor',
      },
      unitKinds: ['CAST'],
      role: 'CAST',
      reach: { kind: 'addressee', purpose: 'INFORMACION' },
      comment: 'optional',
    },
  },
});

/** Who answers each kind of request (step 6 A: the DVS; step 6 B: the DCTA). */
export const ROLE_BY_TIPO: Readonly<Record<TipoSolicitudDirigida, Role>> = { MATERIAL_PROMOCIONAL: 'DVS', PUBLICACION_PORTAL: 'DCTA' };

export const solicitudDirigidaWorkflow = defineWorkflow({
  name: 'solicitud-dirigida',
  procedure: '7081-MP-SI 8.1.5',
  title: 'Solicitud dirigida a otra área (materiales promocionales, publicación en el portal)',
  entity: 'SolicitudDirigida',
  store: unitOwnedStore<EstadoSolicitudDirigida>('solicitudDirigida', {
    readable: readableSolicitudesDirigidas,
    addressees: { relation: 'destinatarios', purpose: 'fin' },
    kind: 'tipo',
  }),
  states: ['ENVIADA', 'RECIBIDA', 'ATENDIDA'],
  initial: 'ENVIADA',
  final: ['ATENDIDA'],
  steps: {
    createSolicitudDirigida: {
      step: '6',
      description:
        'DSTC asks the DVS for promotional material, or the DCTA to publish the updated catalogue on the CONALEP portal: a request addressed to that area.',
      kind: 'creation',
      to: 'ENVIADA',
      under: {
        subject: { entity: 'PromocionServiciosTecnologicos', store: promocionStore, states: ['EN_PROMOCION'] },
        description: 'a round whose update the DSTC has received (EN_PROMOCION)',
      },
      role: 'DSTC',
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    receiveSolicitudDirigida: {
      step: 'A / B',
      description: 'The addressed area (DVS: material; DCTA: portal) receives the request.',
      kind: 'transition',
      from: ['ENVIADA'],
      to: 'RECIBIDA',
      role: ['DVS', 'DCTA'],
      roleByKind: ROLE_BY_TIPO,
      reach: { kind: 'addressee', purpose: 'ATENCION' },
      comment: 'optional',
    },
    closeSolicitudDirigida: {
      step: 'A / B',
      description: 'The addressed area answers: the material made, or the catalogue published (with its URL).',
      kind: 'transition',
      from: ['RECIBIDA'],
      to: 'ATENDIDA',
      role: ['DVS', 'DCTA'],
      roleByKind: ROLE_BY_TIPO,
      reach: { kind: 'addressee', purpose: 'ATENCION' },
      comment: 'optional',
    },
  },
});

/** Steps 3-4 come before step 5: the micrositio and at least one promotion resource. */
async function offerReady(tx: Tx, record: WorkflowRecord<string>): Promise<string | null> {
  const o = await tx.ofertaCapacitacion.findUniqueOrThrow({
    where: { id: record.id },
    select: { micrositioUrl: true, _count: { select: { recursos: true } } },
  });
  const missing = [o.micrositioUrl ? null : 'micrositioUrl (step 3)', o._count.recursos ? null : 'a promotion resource (step 4)'].filter(
    (m) => m !== null,
  );
  return missing.length ? `Record before disseminating: ${missing.join('; ')}` : null;
}

export const ofertaCapacitacionWorkflow = defineWorkflow({
  name: 'oferta-capacitacion',
  procedure: '7081-MP-SI Pd-02-It-05',
  title: 'Oferta y promoción de los servicios de capacitación (micrositio, recursos, difusión)',
  entity: 'OfertaCapacitacion',
  store: unitOwnedStore<EstadoOfertaCapacitacion>('ofertaCapacitacion', {
    readable: readableOfertasCapacitacion,
    addressees: { relation: 'destinatarios', purpose: 'fin' },
  }),
  states: ['EN_PREPARACION', 'DIFUNDIDA'],
  initial: 'EN_PREPARACION',
  final: ['DIFUNDIDA'],
  steps: {
    createOfertaCapacitacion: {
      step: '3',
      description: "CSC / SESC / JDCESC open the year's national training offer, derived from CONALEP's educational offer (one per year).",
      kind: 'creation',
      to: 'EN_PREPARACION',
      unitKinds: ['COORDINACION_NACIONAL'],
      role: CSC_ROLES,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    updateOfertaCapacitacion: {
      step: '3',
      description: 'The offer is registered on the institutional portal (micrositio): its URL and description.',
      kind: 'action',
      in: ['EN_PREPARACION'],
      role: CSC_ROLES,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    addRecursoPromocion: {
      step: '4',
      description: 'A project, resource or input arranged with the areas concerned for promoting the offer.',
      kind: 'action',
      in: ['EN_PREPARACION'],
      role: CSC_ROLES,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
    publishOfertaCapacitacion: {
      step: '5',
      description:
        'The offer is disseminated to the Colegios Estatales, UODCDMX and RCEO for promotion, concertación and operation; they read it.',
      kind: 'transition',
      from: ['EN_PREPARACION'],
      to: 'DIFUNDIDA',
      role: CSC_ROLES,
      reach: { kind: 'owner' },
      comment: 'optional',
      guard: offerReady,
    },
  },
});
