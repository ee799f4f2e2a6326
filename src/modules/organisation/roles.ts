// The role catalogue, from the "Responsables" columns of the procedure manuals
// in shared/seeds (listed with their sources in docs/roles.md).
import type { Role } from '../../generated/prisma/enums.js';

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  ADMINISTRADOR_PLATAFORMA: 'Platform administrator: manages units, people and role assignments.',
  DSTC: 'Dirección de Servicios Tecnológicos y de Capacitación (Oficinas Nacionales; 7081-MP-SI).',
  CST: 'Coordinación de Servicios Tecnológicos, under the DSTC (7081-MP-SI).',
  CSC: 'Coordinación de los Servicios de Capacitación, under the DSTC (7081-MP-SI 8.2).',
  DCAJ: 'Dirección Corporativa de Asuntos Jurídicos: technical and legal review of normativa (7081-MP-SI).',
  DVS: 'Dirección de Vinculación Social: promotional materials (7081-MP-SI).',
  DCTA: 'Dirección de Comunicación / portal: publishes the service catalogue (7081-MP-SI).',
  DAF: 'Dirección de Administración y Finanzas: CFDI and payments (7081-MP-SI It-04).',
  COSFAC: 'Federal validator of certificates: validates and releases them (30-524-PO-04).',
  DIRECTOR_GENERAL_NACIONAL: 'Director General of CONALEP: third signature of certificates (30-524-PO-04).',
  CAST: 'Director of a Centro de Asistencia y Servicios Tecnológicos (7081-MP-SI).',
  DIRECTOR_GENERAL_ESTATAL: 'Persona titular de la Dirección General of a Colegio Estatal (30-524-PO-04).',
  JEFE_SERVICIOS_ESCOLARES_ESTATAL: 'Persona titular de la Jefatura de Servicios Escolares of a Colegio Estatal (30-524-PO-04).',
  PSICOPEDAGOGIA: 'Psicopedagogía of a Colegio Estatal: receives bajas (30-524-PO-04).',
  TITULAR_CAPACITACION_CERTIFICACION_CAST: 'Titular de Capacitación, Certificación y CAST of a Colegio Estatal (15-528-PO-26).',
  COORDINADOR_ECE: 'Coordinación de la Entidad de Certificación y Evaluación of a Colegio Estatal (15-528-PO-26).',
  COORDINADOR_PROMOCION_ECE: 'Coordinación de Promoción de los Servicios de la ECE (15-528-PO-26).',
  DIRECTOR_PLANTEL: 'Persona titular de la Dirección en Plantel (30-524-PO-04).',
  TITULAR_DIRECCION_CENTRO_EVALUACION: 'Titular de la Dirección del Centro de Evaluación in a plantel (15-528-PO-26).',
  COORDINADOR_CENTRO_EVALUACION: 'Coordinación del Centro de Evaluación del plantel (15-528-PO-26).',
  SERVICIOS_ESCOLARES_PLANTEL: 'Persona titular de Servicios Escolares in a plantel (30-524-PO-04).',
  CONOCER_DIRECCION_VINCULACION: 'CONOCER Dirección de Vinculación y Difusión del Modelo de Competencia Laboral (V-CANA-MP-02).',
  CONOCER_RESPONSABLE_CANALES: 'CONOCER Responsable de Canales de Atención a Usuarios (V-CANA-MP-02).',
  CONOCER_OPERADOR_CONTACTO: 'Operador del Centro de Contacto, an outside provider of CONOCER (V-CANA-MP-02).',
  CONOCER_ESPECIALISTA: 'CONOCER specialist to whom requests are handed (V-CANA-MP-02).',
  SPDI_DPP: 'External partner SPDI-DPP: receives the MIR reports addressed to it (7081-MP-SI 8.2).',
  SESC: 'Subcoordinación de Estrategias de los Servicios de Capacitación, in the CSC (7081-MP-SI 8.2, Pd-02-It-01).',
  JDCESC: 'Jefatura de Departamento de Control Estadístico de los Servicios de Capacitación, in the CSC (7081-MP-SI 8.2, Pd-02-It-01).',
  GT_COMERI: 'Grupo de Trabajo of the COMERI: reviews training normativa projects before the committee (7081-MP-SI Pd-02-It-01 step 3).',
  COMERI:
    'Comité de Mejora Regulatoria Interna: approves training normativa, or returns it with observations (7081-MP-SI Pd-02-It-01 step 5).',
  ENLACE_CAPACITACION:
    'Responsable of training services in a Colegio Estatal, the UODCDMX or the RCEO: contributes to the training normativa and receives it (7081-MP-SI Pd-02-It-01 steps 4 and 6).',
  USUARIO_EXTERNO:
    'A person of an outside company or institution: the USUARIO of 7081-MP-SI 8.1.5 who asks for services; sees only what its organisation made or received.',
  LECTOR: 'Reader with no steps: reads what its unit reaches (CONOCER areas, BI tools and other consumers of reports through an API key).',
  JEFE_FORMACION_TECNICA_ESTATAL:
    'Persona titular de la Jefatura de Formación Técnica of a Colegio Estatal: supervises with Servicios Escolares the capture of grades in each corte (30-524-PO-04 R 7).',
  SISTEMA:
    "The API itself: takes the steps its background jobs perform (a deadline passed, an e-mail arrived), audited with the job's name; no person holds it (docs/decisions/021-system-actor.md).",
  CONOCER_PROVEEDOR_PORTAL:
    'Proveedor del desarrollo y operación del Portal CONOCER: a person of an outside organisation who builds, tests, delivers and puts in production the portal solutions sent to it (V-CANA-MP-02 C.4.4 steps 5 and 7).',
};
