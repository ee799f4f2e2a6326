// 30-524-PO-04 "Seguimiento Académico de Alumnos" (CONALEP Veracruz): the
// electronic Certificado de Terminación de Estudios. Step numbers are the
// manual's (DG: Dirección General's table; P: the planteles' table; R: operating rules).
import { defineWorkflow } from '../../lib/workflow/types.js';

export const certificadoWorkflow = defineWorkflow({
  name: 'certificado-terminacion',
  procedure: '30-524-PO-04',
  title: 'Certificado de Terminación de Estudios (electrónico)',
  states: [
    'SOLICITADO',
    'EN_CORRECCION',
    'POR_FIRMAR_PLANTEL',
    'POR_FIRMAR_DG_ESTATAL',
    'POR_FIRMAR_DG_NACIONAL',
    'POR_VALIDAR_COSFAC',
    'LIBERADO',
    'ENTREGADO',
  ] as const,
  initial: 'SOLICITADO',
  final: ['ENTREGADO'],
  transitions: {
    requestCertificate: {
      step: 'P 2.2-2.3, R 20', description: 'The plantel\'s Servicios Escolares requests the certificate through CENTRES for a regular student who completed the plan, and assigns a folio.',
      from: null, to: 'SOLICITADO', role: 'SERVICIOS_ESCOLARES_PLANTEL', reach: { kind: 'owner' }, comment: 'optional',
    },
    requestReplacement: {
      step: 'R 18, 28 (F03)', description: 'The state office operates the replacement of a delivered certificate (rules of the older models); a new folio, then the same chain.',
      from: null, to: 'SOLICITADO', role: 'JEFE_SERVICIOS_ESCOLARES_ESTATAL', reach: { kind: 'owner' }, comment: 'optional',
    },
    validateSpelling: {
      step: 'P 2.4, DG 3, R 19, 21, 24', description: 'The state\'s Jefatura de Servicios Escolares authorises the request and validates the spelling of names and career.',
      from: ['SOLICITADO'], to: 'POR_FIRMAR_PLANTEL', role: 'JEFE_SERVICIOS_ESCOLARES_ESTATAL', reach: { kind: 'owner' }, comment: 'optional',
    },
    returnForCorrection: {
      step: 'R 21, 24', description: 'The spelling review finds errors: back to the plantel, with observations.',
      from: ['SOLICITADO'], to: 'EN_CORRECCION', role: 'JEFE_SERVICIOS_ESCOLARES_ESTATAL', reach: { kind: 'owner' }, comment: 'required',
    },
    resubmitCertificate: {
      step: 'P 2.4', description: 'The plantel corrects the data and sends it back for review.',
      from: ['EN_CORRECCION'], to: 'SOLICITADO', role: 'SERVICIOS_ESCOLARES_PLANTEL', reach: { kind: 'owner' }, comment: 'optional',
    },
    signAsPlantelDirector: {
      step: 'R 17 (1st signature)', description: 'The plantel\'s director signs digitally.',
      from: ['POR_FIRMAR_PLANTEL'], to: 'POR_FIRMAR_DG_ESTATAL', role: 'DIRECTOR_PLANTEL', reach: { kind: 'owner' }, comment: 'optional',
    },
    signAsStateDirector: {
      step: 'DG 4, R 17 (2nd signature)', description: 'The state\'s Director General signs digitally.',
      from: ['POR_FIRMAR_DG_ESTATAL'], to: 'POR_FIRMAR_DG_NACIONAL', role: 'DIRECTOR_GENERAL_ESTATAL', reach: { kind: 'owner' }, comment: 'optional',
    },
    signAsNationalDirector: {
      step: 'DG 5, R 17 (3rd signature)', description: 'CONALEP\'s Director General signs digitally; the certificate goes to COSFAC.',
      from: ['POR_FIRMAR_DG_NACIONAL'], to: 'POR_VALIDAR_COSFAC', role: 'DIRECTOR_GENERAL_NACIONAL', reach: { kind: 'owner' }, comment: 'optional',
    },
    releaseCertificate: {
      step: 'DG 6.1', description: 'COSFAC validates and releases the certificate for download and delivery.',
      from: ['POR_VALIDAR_COSFAC'], to: 'LIBERADO', role: 'COSFAC', reach: { kind: 'owner' }, comment: 'optional',
    },
    deliverCertificate: {
      step: 'DG 7, P 3.1 (F02)', description: 'The plantel delivers the certificate to the graduate, with the receipt.',
      from: ['LIBERADO'], to: 'ENTREGADO', role: 'SERVICIOS_ESCOLARES_PLANTEL', reach: { kind: 'owner' }, comment: 'optional',
    },
  },
});

export const CERTIFICADO_MUTATIONS = {
  requestCertificate: 'requestCertificate',
  requestCertificateReplacement: 'requestReplacement',
  validateCertificateSpelling: 'validateSpelling',
  returnCertificateForCorrection: 'returnForCorrection',
  resubmitCertificate: 'resubmitCertificate',
  signCertificateAsPlantelDirector: 'signAsPlantelDirector',
  signCertificateAsStateDirector: 'signAsStateDirector',
  signCertificateAsNationalDirector: 'signAsNationalDirector',
  releaseCertificate: 'releaseCertificate',
  deliverCertificate: 'deliverCertificate',
} as const;

/** Folio handling (DG 2.1-2.2): not state changes of a certificate. */
export const FOLIO_ROLES = {
  registerFolioBatch: 'JEFE_SERVICIOS_ESCOLARES_ESTATAL',
  assignFoliosToPlantel: 'JEFE_SERVICIOS_ESCOLARES_ESTATAL',
} as const;

/** R 15: a baja reported with F04, routed by the state's school services to Psicopedagogía. */
export const bajaWorkflow = defineWorkflow({
  name: 'baja-alumno',
  procedure: '30-524-PO-04 R 15',
  title: 'Baja de una persona estudiante (F04)',
  states: ['REPORTADA', 'CANALIZADA', 'ATENDIDA'] as const,
  initial: 'REPORTADA',
  final: ['ATENDIDA'],
  transitions: {
    reportDropout: {
      step: 'R 15', description: 'The plantel reports the baja at once, with its reasons (F04).',
      from: null, to: 'REPORTADA', role: 'SERVICIOS_ESCOLARES_PLANTEL', reach: { kind: 'owner' }, comment: 'optional',
    },
    channelDropout: {
      step: 'R 15', description: 'The state\'s Jefatura de Servicios Escolares routes it to Psicopedagogía for immediate attention.',
      from: ['REPORTADA'], to: 'CANALIZADA', role: 'JEFE_SERVICIOS_ESCOLARES_ESTATAL', reach: { kind: 'owner' }, comment: 'optional',
    },
    attendDropout: {
      step: 'R 15', description: 'Psicopedagogía attends the student and records what was done.',
      from: ['CANALIZADA'], to: 'ATENDIDA', role: 'PSICOPEDAGOGIA', reach: { kind: 'owner' }, comment: 'required',
    },
  },
});

export const BAJA_MUTATIONS = {
  reportDropout: 'reportDropout',
  channelDropoutToPsicopedagogia: 'channelDropout',
  attendDropout: 'attendDropout',
} as const;

/** Records of the follow-up that are not state changes, with the role that keeps them. */
export const SEGUIMIENTO_ROLES = {
  publishSchoolCalendar: 'JEFE_SERVICIOS_ESCOLARES_ESTATAL',
  recordRiskReviewMeeting: 'JEFE_SERVICIOS_ESCOLARES_ESTATAL',
  assignComplementaryTutoring: 'SERVICIOS_ESCOLARES_PLANTEL',
} as const;
