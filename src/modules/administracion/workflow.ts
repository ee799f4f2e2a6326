// Platform administration (issue "People, organisations and documents"): the
// unit tree, people and their roles, and API keys for machine clients. Every
// change is a declared step of ADMINISTRADOR_PLATAFORMA, taken by the engine
// like any procedure step: the administrator's unit must reach the unit, the
// person's organisation or the key's organisation (their subtree only: a
// CONALEP administrator does not reach CONOCER), and each step is audited.
import type { OrgUnitKind } from '../../generated/prisma/enums.js';
import { OrgUnitKind as Kinds } from '../../generated/prisma/enums.js';
import { unitOwnedStore } from '../../lib/workflow/stores.js';
import { defineRecordWorkflow, defineWorkflow, type RecordStore, type WorkflowRecord } from '../../lib/workflow/types.js';
import { PARENT_OF_SOMETHING } from '../../lib/org/tree.js';
import { administrablePeople, readableApiKeys, readableOrgUnits } from './rules.js';

const ADMIN = 'ADMINISTRADOR_PLATAFORMA' as const;
const ALL_KINDS = Object.values(Kinds) as OrgUnitKind[];

/** A unit is its own record: the administrator must reach the unit itself. */
const orgUnitStore: RecordStore<'ACTIVA'> = {
  readable: readableOrgUnits,
  async load(tx, id, viewer) {
    const u = await tx.orgUnit.findFirst({ where: { AND: [{ id }, readableOrgUnits(viewer)] }, select: { id: true, path: true } });
    return u ? toRecord(u) : null;
  },
  async loadMany(tx, ids) {
    return (await tx.orgUnit.findMany({ where: { id: { in: [...ids] } }, select: { id: true, path: true } })).map(toRecord);
  },
  async lock(tx, id) {
    await tx.$queryRawUnsafe(`SELECT 1 FROM "OrgUnit" WHERE id = $1::uuid FOR UPDATE`, id);
  },
  async move(tx, id, _version, _to, data) {
    if (Object.keys(data).length) await tx.orgUnit.update({ where: { id }, data });
    return true;
  },
};
const toRecord = (u: { id: string; path: string }): WorkflowRecord<'ACTIVA'> => ({
  id: u.id,
  state: 'ACTIVA',
  version: 0,
  unitId: u.id,
  unitPath: u.path,
  addressees: [],
});

export const orgUnitWorkflow = defineRecordWorkflow({
  name: 'unidad',
  procedure: 'Administración de la plataforma',
  title: 'Unidades organizacionales y organizaciones externas',
  entity: 'OrgUnit',
  store: orgUnitStore,
  state: 'ACTIVA',
  steps: {
    createOrgUnit: {
      kind: 'creation',
      step: 'A1',
      description:
        'The administrator creates a unit under one it reaches, following the tree rules (a plantel under a state college, a CAST under a plantel or state, …), or registers an outside company or institution under the unit that deals with it.',
      to: 'ACTIVA',
      role: ADMIN,
      reach: { kind: 'owner' },
      unitKinds: PARENT_OF_SOMETHING,
    },
    updateOrgUnit: {
      kind: 'action',
      step: 'A2',
      description: 'The administrator renames a unit it reaches or changes its code.',
      in: ['ACTIVA'],
      role: ADMIN,
      reach: { kind: 'owner' },
    },
  },
});

export const personWorkflow = defineRecordWorkflow({
  name: 'persona',
  procedure: 'Administración de la plataforma',
  title: 'Personas, invitaciones y asignaciones de rol',
  entity: 'Person',
  store: unitOwnedStore('person', { fixedState: 'REGISTRADA', readable: administrablePeople }),
  state: 'REGISTRADA',
  steps: {
    createPerson: {
      kind: 'creation',
      step: 'A3',
      description:
        'The administrator registers a person in an organisation it reaches (an internal unit or an outside company or institution) and the platform e-mails them an invitation to set their password.',
      to: 'REGISTRADA',
      role: ADMIN,
      reach: { kind: 'owner' },
      unitKinds: ALL_KINDS,
    },
    updatePerson: {
      kind: 'action',
      step: 'A4',
      description:
        "The administrator corrects a person's name or deactivates (or reactivates) the account; deactivation ends their sessions at once.",
      in: ['REGISTRADA'],
      role: ADMIN,
      reach: { kind: 'owner' },
    },
    addRoleAssignment: {
      kind: 'action',
      step: 'A5',
      description: 'The administrator gives the person a role at a unit within the administrator’s own subtree.',
      in: ['REGISTRADA'],
      role: ADMIN,
      reach: { kind: 'owner' },
    },
    removeRoleAssignment: {
      kind: 'action',
      step: 'A6',
      description: 'The administrator withdraws a role held at a unit within the administrator’s subtree.',
      in: ['REGISTRADA'],
      role: ADMIN,
      reach: { kind: 'owner' },
    },
  },
});

export const apiKeyWorkflow = defineWorkflow({
  name: 'api-key',
  procedure: 'Administración de la plataforma',
  title: 'Claves de API para sistemas de socios y herramientas de BI',
  entity: 'ApiKey',
  store: unitOwnedStore('apiKey', { readable: readableApiKeys }),
  states: ['ACTIVA', 'REVOCADA'],
  initial: 'ACTIVA',
  final: ['REVOCADA'],
  steps: {
    createApiKey: {
      kind: 'creation',
      step: 'A7',
      description:
        'The administrator issues a key to an organisation it reaches, with one role held at that organisation; the key is shown once and stored hashed.',
      to: 'ACTIVA',
      role: ADMIN,
      reach: { kind: 'owner' },
      unitKinds: ALL_KINDS,
    },
    closeApiKey: {
      kind: 'transition',
      step: 'A8',
      description: 'The administrator revokes the key: it stops working at the next request.',
      from: ['ACTIVA'],
      to: 'REVOCADA',
      role: ADMIN,
      reach: { kind: 'owner' },
      comment: 'optional',
    },
  },
});
