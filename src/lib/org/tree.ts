// The rules of the unit tree (docs/organisation.md): which kinds of unit may
// hang under which, and which are outside organisations. Administration
// (`createOrgUnit`, `updateOrgUnit`) and the read filters use them.
import type { OrgUnitKind, Role } from '../../generated/prisma/enums.js';

/** Companies, institutions and partners outside CONALEP and CONOCER. */
export const OUTSIDE_KINDS: readonly OrgUnitKind[] = ['EMPRESA', 'INSTITUCION', 'SOCIO_EXTERNO'];

export const isOutside = (kind: OrgUnitKind) => OUTSIDE_KINDS.includes(kind);

/** Roles a person of an outside organisation may hold (at that organisation only). */
export const OUTSIDE_ROLES: readonly Role[] = ['USUARIO_EXTERNO', 'LECTOR', 'SPDI_DPP', 'CONOCER_PROVEEDOR_PORTAL'];

const INTERNAL: OrgUnitKind[] = [
  'SISTEMA',
  'OFICINAS_NACIONALES',
  'DIRECCION_NACIONAL',
  'COORDINACION_NACIONAL',
  'COLEGIO_ESTATAL',
  'UODCDMX',
  'RCEO',
  'AREA_ESTATAL',
  'PLANTEL',
  'AREA_PLANTEL',
  'CAST',
  'CONOCER',
  'AREA_CONOCER',
];
const STATE: OrgUnitKind[] = ['COLEGIO_ESTATAL', 'UODCDMX', 'RCEO'];

/**
 * The kinds of unit each kind may be created under. `SISTEMA` and `CONOCER`
 * are roots and made only by the seed or a migration. An outside organisation
 * hangs under the internal unit that registered it and deals with it: that
 * unit's people (and the offices above it) reach its records; its own people
 * reach only their organisation.
 */
export const PARENT_KINDS: Readonly<Record<OrgUnitKind, readonly OrgUnitKind[]>> = {
  SISTEMA: [],
  CONOCER: [],
  OFICINAS_NACIONALES: ['SISTEMA'],
  DIRECCION_NACIONAL: ['OFICINAS_NACIONALES'],
  COORDINACION_NACIONAL: ['DIRECCION_NACIONAL'],
  COLEGIO_ESTATAL: ['SISTEMA'],
  UODCDMX: ['SISTEMA'],
  RCEO: ['SISTEMA'],
  AREA_ESTATAL: STATE,
  PLANTEL: STATE,
  AREA_PLANTEL: ['PLANTEL'],
  CAST: ['PLANTEL', ...STATE],
  AREA_CONOCER: ['CONOCER', 'AREA_CONOCER'],
  EMPRESA: INTERNAL,
  INSTITUCION: INTERNAL,
  SOCIO_EXTERNO: INTERNAL,
};

/** Every kind that some kind may be created under. */
export const PARENT_OF_SOMETHING: readonly OrgUnitKind[] = [...new Set(Object.values(PARENT_KINDS).flat())];
