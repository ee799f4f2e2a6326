// GraphQL types of administration: API keys (and their list), and the
// administration fields of units and people (history, available steps,
// organisation, account state).
import { builder } from '../../builder.js';
import { count, findMany } from '../../lib/db/read.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { EstadoApiKey } from '../../generated/prisma/enums.js';
import { listWhere, orderInput, unitFilter } from '../../lib/pagination.js';
import { workflowRecordFields } from '../../lib/workflow/fields.js';
import { RoleEnum } from '../organisation/types.js';
import { apiKeyWorkflow, orgUnitWorkflow, personWorkflow } from './workflow.js';
import { readableApiKeys } from './rules.js';

export const EstadoApiKeyEnum = builder.enumType(EstadoApiKey, {
  name: 'EstadoApiKey',
  description: 'State of an API key: ACTIVA until revoked (`closeApiKey`).',
});

export const ApiKeyRef = builder.prismaNode('ApiKey', {
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, AND: [readableApiKeys(ctx.viewer)] }),
  description:
    'A key for a partner system or BI tool: send it as `Authorization: Bearer cak_…`. It acts with one role at its organisation, ' +
    'with the same read filters and step checks as a person (docs/accounts.md#api-keys). The secret is shown only by `createApiKey`.',
  fields: (t) => ({
    nombre: t.exposeString('nombre', { description: 'What the key is for, e.g. "Power BI de la DSTC".' }),
    role: t.expose('role', { type: RoleEnum }),
    estado: t.expose('estado', { type: EstadoApiKeyEnum }),
    unit: t.relation('unit', { description: 'The organisation it was issued to, where its role is held.' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true }),
    lastUsedAt: t.expose('lastUsedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'Last request made with it (recorded at most once a minute).',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    createdByName: t.string({ select: { createdBy: { select: { fullName: true } } }, resolve: (k) => k.createdBy.fullName }),
  }),
});
workflowRecordFields(apiKeyWorkflow);
workflowRecordFields(personWorkflow);
workflowRecordFields(orgUnitWorkflow);

builder.prismaObjectFields('Person', (t) => ({
  organizacion: t.relation('unit', {
    nullable: true,
    description: 'The organisation the person belongs to (an internal unit, or an outside company or institution).',
  }),
  emailVerified: t.boolean({
    description: 'Whether the person proved they read this address (invitation accepted or verification link).',
    select: { emailVerifiedAt: true },
    resolve: (p) => p.emailVerifiedAt !== null,
  }),
  invitationPending: t.boolean({
    description: 'Invited but has not set a password yet.',
    select: { passwordHash: true, cuentaServicio: true, externalSubject: true },
    resolve: (p) => !p.passwordHash && !p.cuentaServicio && !p.externalSubject,
  }),
  cuentaServicio: t.exposeBoolean('cuentaServicio', { description: "An API key's holder, not a person who signs in." }),
}));

const Filter = builder.inputType('ApiKeyFilter', {
  fields: (t) => ({
    dentroDe: t.globalID({ required: false, description: 'Issued to this unit or a unit below it.' }),
    unitId: t.globalID({ required: false, description: 'Issued to exactly this unit.' }),
    estado: t.field({ type: [EstadoApiKeyEnum], required: false }),
  }),
});
const Order = orderInput('ApiKey', ['createdAt', 'nombre', 'lastUsedAt'] as const, 'createdAt');
const where = listWhere(async ({ filter }: { filter?: typeof Filter.$inferInput | null }, ctx) => ({
  AND: [readableApiKeys(ctx.viewer), await unitFilter(ctx, filter), filter?.estado?.length ? { estado: { in: filter.estado } } : {}],
}));

builder.queryField('apiKeys', (t) =>
  t.prismaConnection(
    {
      type: 'ApiKey',
      cursor: 'id',
      description: "API keys issued to units within the viewer's reach.",
      args: { filter: t.arg({ type: Filter }), orderBy: t.arg({ type: Order.Input }) },
      totalCount: async (_c, args, ctx) => count(ctx.db, 'apiKey', { where: await where(args, ctx) }),
      resolve: async (query, _root, args, ctx, info) =>
        findMany(
          ctx.db,
          'apiKey',
          {
            ...query,
            where: await where(args, ctx),
            orderBy: Order.toPrisma<Prisma.ApiKeyOrderByWithRelationInput>(args.orderBy),
          },
          info,
        ),
    },
    { name: 'ApiKeyConnection' },
    { name: 'ApiKeyEdge' },
  ),
);
