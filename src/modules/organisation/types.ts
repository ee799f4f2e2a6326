import { count, findMany } from '../../lib/db/read.js';
import { builder } from '../../builder.js';
import type { Context } from '../../context.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { OrgUnitKind, type Role } from '../../generated/prisma/enums.js';
import { orderInput } from '../../lib/pagination.js';
import { ROLE_DESCRIPTIONS } from './roles.js';
import { readableAssignments, readableOrgUnits, readablePeople } from './rules.js';
import { scopePathOf } from '../../lib/auth/viewer.js';
import { withinUnit } from '../../lib/auth/scope.js';

export const RoleEnum = builder.enumType('Role', {
  description: 'A role named as responsible by a procedure manual (docs/roles.md).',
  values: Object.fromEntries(
    Object.entries(ROLE_DESCRIPTIONS).map(([role, description]) => [role, { value: role as Role, description }]),
  ) as { [K in Role]: { value: K; description: string } },
});

export const OrgUnitKindEnum = builder.enumType(OrgUnitKind, {
  name: 'OrgUnitKind',
  description: 'Kind of organisational unit (docs/organisation.md).',
});

const OrgUnitOrder = orderInput('OrgUnit', ['code', 'name', 'kind'] as const, 'code');
const RoleAssignmentOrder = orderInput('RoleAssignment', ['role'] as const, 'role');

export const OrgUnitRef = builder.prismaNode('OrgUnit', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableOrgUnits(ctx.viewer)] }),
  description: 'An organisational unit of CONALEP or CONOCER, or an external partner.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Stable short code, e.g. "DSTC" or "MEX-P001".' }),
    name: t.exposeString('name'),
    kind: t.expose('kind', { type: OrgUnitKindEnum }),
    parent: t.relation('parent', { nullable: true }),
    children: t.relatedConnection('children', {
      cursor: 'id',
      totalCount: true,
      args: { orderBy: t.arg({ type: OrgUnitOrder.Input }) },
      query: (args, ctx) => ({
        where: readableOrgUnits(ctx.viewer),
        orderBy: OrgUnitOrder.toPrisma<Prisma.OrgUnitOrderByWithRelationInput>(args.orderBy),
      }),
    }),
    roleAssignments: t.relatedConnection('roleAssignments', {
      description: 'Roles held at this unit, limited to what the viewer may see.',
      cursor: 'id',
      totalCount: true,
      args: { orderBy: t.arg({ type: RoleAssignmentOrder.Input }) },
      query: (args, ctx) => ({
        where: readableAssignments(ctx.viewer),
        orderBy: RoleAssignmentOrder.toPrisma<Prisma.RoleAssignmentOrderByWithRelationInput>(args.orderBy),
      }),
    }),
  }),
});

export const PersonRef = builder.prismaNode('Person', {
  id: { field: 'id' },
  // Node look-ups go through the same read filter as lists.
  findUnique: (id, ctx) => ({ id, AND: [readablePeople(ctx.viewer)] }),
  description: 'A person with an account.',
  fields: (t) => ({
    email: t.exposeString('email'),
    fullName: t.exposeString('fullName'),
    active: t.exposeBoolean('active'),
    roleAssignments: t.relation('roles', {
      description: 'Roles this person holds, limited to what the viewer may see, by role then unit.',
      query: (_args, ctx) => ({ where: readableAssignments(ctx.viewer), orderBy: [{ role: 'asc' }, { id: 'asc' }] }),
    }),
  }),
});

builder.prismaObject('RoleAssignment', {
  description:
    'A role held by a person at a unit. It reaches that unit and its descendants; held in Oficinas Nacionales it reaches the whole system.',
  fields: (t) => ({
    id: t.exposeID('id'),
    role: t.expose('role', { type: RoleEnum }),
    unit: t.relation('unit'),
    person: t.relation('person'),
    reachesWholeSystem: t.boolean({
      description: 'True for roles held in Oficinas Nacionales.',
      select: { unit: { select: { kind: true, path: true } } },
      resolve: (a) => scopePathOf(a.unit.kind, a.unit.path) !== a.unit.path,
    }),
  }),
});

const OrgUnitFilter = builder.inputType('OrgUnitFilter', {
  fields: (t) => ({
    kind: t.field({ type: [OrgUnitKindEnum], required: false, description: 'Any of these kinds.' }),
    parentId: t.globalID({ required: false, description: 'Direct children of this unit.' }),
    dentroDe: t.globalID({ required: false, description: 'This unit and all its descendants.' }),
    search: t.string({ required: false, description: 'Part of the code or name, case-insensitive.' }),
  }),
});
const PersonFilter = builder.inputType('PersonFilter', {
  fields: (t) => ({
    role: t.field({ type: RoleEnum, required: false }),
    unitId: t.globalID({ required: false, description: 'People with a role at this unit.' }),
    search: t.string({ required: false, description: 'Part of the name or e-mail, case-insensitive.' }),
  }),
});
const PersonOrder = orderInput('Person', ['fullName', 'email'] as const, 'fullName');

builder.queryFields((t) => ({
  orgUnits: t.prismaConnection(
    {
      type: 'OrgUnit',
      cursor: 'id',
      description: 'The organisational tree, filtered and ordered.',
      args: { filter: t.arg({ type: OrgUnitFilter }), orderBy: t.arg({ type: OrgUnitOrder.Input }) },
      totalCount: async (_c, args, ctx) => count(ctx.db, 'orgUnit', { where: await orgUnitWhere(ctx, args.filter) }),
      resolve: async (query, _root, args, ctx, info) =>
        findMany(
          ctx.db,
          'orgUnit',
          {
            ...query,
            where: await orgUnitWhere(ctx, args.filter),
            orderBy: OrgUnitOrder.toPrisma<Prisma.OrgUnitOrderByWithRelationInput>(args.orderBy),
          },
          info,
        ),
    },
    { name: 'OrgUnitConnection' },
    { name: 'OrgUnitEdge' },
  ),
  orgUnit: t.prismaField({
    type: 'OrgUnit',
    nullable: true,
    description: 'A unit by its code.',
    args: { code: t.arg.string({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.orgUnit.findFirst({ ...query, where: { code: args.code, AND: [readableOrgUnits(ctx.viewer)] } }),
  }),
  people: t.prismaConnection(
    {
      type: 'Person',
      cursor: 'id',
      description: "People who hold a role within the viewer's scope.",
      args: { filter: t.arg({ type: PersonFilter }), orderBy: t.arg({ type: PersonOrder.Input }) },
      totalCount: (_c, args, ctx) => count(ctx.db, 'person', { where: personWhere(ctx, args.filter) }),
      resolve: (query, _root, args, ctx, info) =>
        findMany(
          ctx.db,
          'person',
          {
            ...query,
            where: personWhere(ctx, args.filter),
            orderBy: PersonOrder.toPrisma<Prisma.PersonOrderByWithRelationInput>(args.orderBy),
          },
          info,
        ),
    },
    { name: 'PersonConnection' },
    { name: 'PersonEdge' },
  ),
}));

type Filter<T> = T | null | undefined;

async function orgUnitWhere(
  ctx: Context,
  filter: Filter<{ kind?: string[] | null; parentId?: { id: string } | null; dentroDe?: { id: string } | null; search?: string | null }>,
) {
  return {
    AND: [
      readableOrgUnits(ctx.viewer),
      filter?.kind?.length ? { kind: { in: filter.kind as OrgUnitKind[] } } : {},
      filter?.parentId ? { parentId: filter.parentId.id } : {},
      filter?.dentroDe ? (await withinUnit(ctx, filter.dentroDe.id)).unit : {},
      filter?.search
        ? {
            OR: [
              { code: { contains: filter.search, mode: 'insensitive' as const } },
              { name: { contains: filter.search, mode: 'insensitive' as const } },
            ],
          }
        : {},
    ],
  };
}

function personWhere(ctx: Context, filter: Filter<{ role?: Role | null; unitId?: { id: string } | null; search?: string | null }>) {
  return {
    AND: [
      readablePeople(ctx.viewer),
      filter?.role || filter?.unitId
        ? { roles: { some: { ...(filter.role ? { role: filter.role } : {}), ...(filter.unitId ? { unitId: filter.unitId.id } : {}) } } }
        : {},
      filter?.search
        ? {
            OR: [
              { fullName: { contains: filter.search, mode: 'insensitive' as const } },
              { email: { contains: filter.search, mode: 'insensitive' as const } },
            ],
          }
        : {},
    ],
  };
}
