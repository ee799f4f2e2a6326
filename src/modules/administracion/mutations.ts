// One mutation per administration step. The engine checks that the caller is
// a platform administrator whose unit reaches the unit, person or key, and
// writes the audit entry; here each step checks its input (the tree rules,
// the administrator's subtree for role assignments, e-mails already taken)
// and says what it writes. E-mail leaves after the commit.
import { randomUUID } from 'node:crypto';
import { builder } from '../../builder.js';
import type { Context } from '../../context.js';
import type { OrgUnitKind, Role } from '../../generated/prisma/enums.js';
import { issueAccountToken } from '../../lib/auth/account-tokens.js';
import { newApiKey } from '../../lib/auth/api-keys.js';
import { roleReachesUnit } from '../../lib/auth/reach.js';
import { revokeSessionsOf } from '../../lib/auth/sessions.js';
import type { Viewer } from '../../lib/auth/viewer.js';
import { InputChecker, type InputIssue } from '../../lib/errors.js';
import { UUID } from '../../lib/ids.js';
import { invitationMail } from '../../lib/mail/templates.js';
import { isOutside, OUTSIDE_ROLES, PARENT_KINDS } from '../../lib/org/tree.js';
import { checkText } from '../../lib/validation.js';
import { creationMutation, stepArgFields, stepMutation, type StepArgs } from '../../lib/workflow/mutations.js';
import type { Tx } from '../../lib/workflow/types.js';
import { OrgUnitKindEnum, RoleEnum } from '../organisation/types.js';
import { ApiKeyRef } from './types.js';
import { apiKeyWorkflow, orgUnitWorkflow, personWorkflow } from './workflow.js';

const ADMIN: Role = 'ADMINISTRADOR_PLATAFORMA';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const CODE = /^[A-Z0-9][A-Z0-9-]{1,31}$/;
const normalEmail = (email: string) => email.trim().toLowerCase();

// ---- units ---------------------------------------------------------------------

const CreateOrgUnitInput = builder.inputType('CreateOrgUnitInput', {
  fields: (t) => ({
    parentId: t.globalID({
      required: true,
      description: 'The unit it hangs under (for an outside organisation: the unit that deals with it).',
    }),
    kind: t.field({ type: OrgUnitKindEnum, required: true }),
    code: t.string({ required: true, description: 'Stable short code: capitals, digits and hyphens, e.g. "MEX-P004".' }),
    name: t.string({ required: true }),
    observaciones: t.string({ required: false }),
  }),
});
creationMutation(orgUnitWorkflow, 'createOrgUnit', {
  input: CreateOrgUnitInput,
  plan: (input) => ({
    unitId: input.parentId.id,
    unitIdPath: ['input', 'parentId'],
    comment: input.observaciones,
    validate: async (tx, { unit }) => {
      const check = new InputChecker();
      const allowed = PARENT_KINDS[input.kind];
      check.check(
        allowed.includes(unit.kind),
        ['input', 'kind'],
        allowed.length
          ? `Una unidad ${input.kind} va bajo una de: ${allowed.join(', ')}; no bajo ${unit.kind}`
          : `Una unidad ${input.kind} es raíz: no se crea aquí`,
      );
      checkText(check, input.name, ['input', 'name'], 300);
      await checkCode(tx, check, input.code, null);
      return check.issues;
    },
    create: async (tx, { unit }) => {
      const id = randomUUID();
      const data = { code: input.code.trim(), name: input.name.trim(), kind: input.kind };
      await tx.orgUnit.create({ data: { id, ...data, parentId: unit.id, path: `${unit.path}${id}/` } });
      return { id, changes: { ...data, parentId: unit.id } };
    },
  }),
});

async function checkCode(tx: Tx, check: InputChecker, code: string, self: string | null) {
  check.check(CODE.test(code.trim()), ['input', 'code'], 'Capital letters, digits and hyphens (2 to 32), e.g. "MEX-P004"');
  if (CODE.test(code.trim())) {
    const taken = await tx.orgUnit.findUnique({ where: { code: code.trim() }, select: { id: true } });
    check.check(!taken || taken.id === self, ['input', 'code'], 'There is already a unit with this code');
  }
}

const UpdateOrgUnitInput = builder.inputType('UpdateOrgUnitInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    code: t.string({ required: false, description: 'The new short code (capitals, digits and hyphens); omit to keep it.' }),
    name: t.string({ required: false }),
  }),
});
stepMutation<'ACTIVA', keyof typeof orgUnitWorkflow.steps, StepArgs & { code?: string | null; name?: string | null }>(
  orgUnitWorkflow,
  'updateOrgUnit',
  {
    input: UpdateOrgUnitInput,
    plan: (input) => {
      const data: Record<string, unknown> = {};
      return {
        validate: async (tx, record) => {
          const check = new InputChecker();
          if (input.name != null) {
            checkText(check, input.name, ['input', 'name'], 300);
            data.name = input.name.trim();
          }
          if (input.code != null) {
            await checkCode(tx, check, input.code, record.id);
            data.code = input.code.trim();
          }
          check.check(Object.keys(data).length > 0, ['input'], 'Give at least one field');
          return check.issues;
        },
        data,
      };
    },
  },
);

// ---- people ----------------------------------------------------------------------

const RoleAssignmentInput = builder.inputType('RoleAssignmentInput', {
  fields: (t) => ({
    role: t.field({ type: RoleEnum, required: true }),
    unitId: t.globalID({ required: true, description: 'Where the role is held: a unit within your subtree.' }),
  }),
});
type AssignmentArgs = { role: Role; unitId: { id: string } };

/**
 * A role the administrator may give this person: at a unit within the
 * administrator's subtree; at an outside organisation only its roles; a person
 * of an outside organisation only within it.
 */
async function assignmentIssues(
  tx: Tx,
  viewer: Viewer,
  person: { id: string | null; unitPath: string; unitKind: OrgUnitKind },
  a: AssignmentArgs,
  path: (string | number)[],
): Promise<InputIssue[]> {
  if (a.role === 'SISTEMA') return [{ path: [...path, 'role'], message: "SISTEMA is the API's own role: no person holds it" }];
  const unit = await tx.orgUnit.findUnique({ where: { id: a.unitId.id }, select: { path: true, kind: true } });
  if (!unit) return [{ path: [...path, 'unitId'], message: 'No such unit' }];
  if (!roleReachesUnit(viewer, ADMIN, unit.path))
    return [{ path: [...path, 'unitId'], message: 'The unit is outside what you administer' }];
  if (isOutside(person.unitKind) && !unit.path.startsWith(person.unitPath))
    return [{ path: [...path, 'unitId'], message: 'A person of an outside organisation holds roles only at that organisation' }];
  if (isOutside(unit.kind) && !OUTSIDE_ROLES.includes(a.role))
    return [{ path: [...path, 'role'], message: `An outside organisation holds only the roles ${OUTSIDE_ROLES.join(', ')}` }];
  if (!isOutside(unit.kind) && a.role === 'USUARIO_EXTERNO')
    return [{ path: [...path, 'role'], message: 'USUARIO_EXTERNO is held at an outside company or institution' }];
  if (person.id) {
    const held = await tx.roleAssignment.count({ where: { personId: person.id, role: a.role, unitId: a.unitId.id } });
    if (held) return [{ path, message: 'The person already holds this role at this unit' }];
  }
  return [];
}

const CreatePersonInput = builder.inputType('CreatePersonInput', {
  fields: (t) => ({
    email: t.string({ required: true, description: 'Where the invitation goes; unique among accounts.' }),
    fullName: t.string({ required: true }),
    unitId: t.globalID({
      required: true,
      description: 'The organisation the person belongs to: a unit you reach, or an outside company or institution.',
    }),
    roles: t.field({
      type: [RoleAssignmentInput],
      required: false,
      description: 'Roles to give at once (each as `addRoleAssignment` checks it).',
    }),
    observaciones: t.string({ required: false }),
  }),
});
type CreatePersonArgs = {
  email: string;
  fullName: string;
  unitId: { id: string };
  roles?: AssignmentArgs[] | null;
  observaciones?: string | null;
};

creationMutation(personWorkflow, 'createPerson', {
  input: CreatePersonInput,
  plan: (input: CreatePersonArgs, ctx: Context) => {
    const email = normalEmail(input.email);
    const roles = input.roles ?? [];
    let invitation = '';
    return {
      unitId: input.unitId.id,
      unitIdPath: ['input', 'unitId'],
      comment: input.observaciones,
      validate: async (tx, { unit }) => {
        const check = new InputChecker().check(
          EMAIL.test(email) && email.length <= 320,
          ['input', 'email'],
          'Debe ser una dirección de correo',
        );
        checkText(check, input.fullName, ['input', 'fullName'], 300);
        if (!check.issues.length) {
          const taken = await tx.person.count({ where: { email } });
          check.check(taken === 0, ['input', 'email'], 'There is already an account with this e-mail');
        }
        const issues = [...check.issues];
        for (const [i, a] of roles.entries()) {
          issues.push(
            ...(await assignmentIssues(tx, ctx.viewer!, { id: null, unitPath: unit.path, unitKind: unit.kind }, a, ['input', 'roles', i])),
          );
        }
        return issues;
      },
      create: async (tx, { unit }) => {
        const data = { email, fullName: input.fullName.trim(), unitId: unit.id };
        const person = await tx.person.create({
          data: { ...data, roles: { create: roles.map((a) => ({ role: a.role, unitId: a.unitId.id })) } },
          select: { id: true },
        });
        invitation = await issueAccountToken(tx, person.id, 'INVITACION', ctx.services.accounts.invitationTtlSeconds);
        return {
          id: person.id,
          changes: { ...data, roles: roles.map((a) => ({ role: a.role, unitId: a.unitId.id })), invitacion: 'enviada' },
        };
      },
      afterCommit: async () => {
        await ctx.services.mailer.send(
          invitationMail({
            to: email,
            fullName: input.fullName.trim(),
            invitedBy: ctx.viewer!.fullName,
            link: `${ctx.services.accounts.appUrl}/cuenta/activar?token=${invitation}`,
            ttlSeconds: ctx.services.accounts.invitationTtlSeconds,
          }),
        );
      },
    };
  },
});

type PersonStep = keyof typeof personWorkflow.steps;
const UpdatePersonInput = builder.inputType('UpdatePersonInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    fullName: t.string({ required: false }),
    active: t.boolean({ required: false, description: 'False deactivates the account: its sessions end at once and it cannot sign in.' }),
  }),
});
stepMutation<'REGISTRADA', PersonStep, StepArgs & { fullName?: string | null; active?: boolean | null }>(personWorkflow, 'updatePerson', {
  input: UpdatePersonInput,
  plan: (input, ctx) => {
    const check = new InputChecker();
    const data: Record<string, unknown> = {};
    if (input.fullName != null) {
      checkText(check, input.fullName, ['input', 'fullName'], 300);
      data.fullName = input.fullName.trim();
    }
    if (input.active != null) data.active = input.active;
    check.check(Object.keys(data).length > 0, ['input'], 'Give at least one field');
    check.check(
      !(input.active === false && input.id.id === ctx.viewer!.personId),
      ['input', 'active'],
      'You cannot deactivate your own account',
    );
    return {
      validate: () => check.issues,
      data,
      effects: async (tx, record) =>
        input.active === false ? { sesionesCerradas: await revokeSessionsOf(tx, record.id, 'DEACTIVATED') } : {},
    };
  },
});

const AddRoleAssignmentInput = builder.inputType('AddRoleAssignmentInput', {
  fields: (t) => ({ ...stepArgFields(t), role: t.field({ type: RoleEnum, required: true }), unitId: t.globalID({ required: true }) }),
});
stepMutation<'REGISTRADA', PersonStep, StepArgs & AssignmentArgs>(personWorkflow, 'addRoleAssignment', {
  input: AddRoleAssignmentInput,
  plan: (input, ctx) => ({
    validate: async (tx, record) => {
      const org = await tx.orgUnit.findUniqueOrThrow({ where: { id: record.unitId }, select: { kind: true } });
      return assignmentIssues(tx, ctx.viewer!, { id: record.id, unitPath: record.unitPath, unitKind: org.kind }, input, ['input']);
    },
    effects: async (tx, record) => {
      await tx.roleAssignment.create({ data: { personId: record.id, role: input.role, unitId: input.unitId.id } });
      return { role: input.role, unitId: input.unitId.id };
    },
  }),
});

const RemoveRoleAssignmentInput = builder.inputType('RemoveRoleAssignmentInput', {
  fields: (t) => ({ ...stepArgFields(t), roleAssignmentId: t.id({ required: true, description: 'The `RoleAssignment.id` to withdraw.' }) }),
});
stepMutation<'REGISTRADA', PersonStep, StepArgs & { roleAssignmentId: string | number }>(personWorkflow, 'removeRoleAssignment', {
  input: RemoveRoleAssignmentInput,
  plan: (input, ctx) => {
    const id = String(input.roleAssignmentId);
    let removed: { role: Role; unitId: string } | undefined;
    return {
      validate: async (tx, record) => {
        const path = ['input', 'roleAssignmentId'];
        const a = UUID.test(id)
          ? await tx.roleAssignment.findFirst({
              where: { id, personId: record.id },
              select: { role: true, unitId: true, unit: { select: { path: true } } },
            })
          : null;
        if (!a) return [{ path, message: 'The person does not hold this assignment' }];
        if (!roleReachesUnit(ctx.viewer!, ADMIN, a.unit.path)) return [{ path, message: 'The unit is outside what you administer' }];
        removed = { role: a.role, unitId: a.unitId };
        return [];
      },
      effects: async (tx) => {
        await tx.roleAssignment.delete({ where: { id } });
        return { removed };
      },
    };
  },
});

// ---- API keys ----------------------------------------------------------------------

/** Keys just issued, by id, until the mutation's answer shows them (the text is never stored or audited). */
const issued = new Map<string, string>();

const ApiKeyCreated = builder.objectRef<{ id: string; key: string }>('ApiKeyCreated').implement({
  description: 'A new API key. `key` is shown only here: store it in the partner system now; it cannot be read again.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Send as `Authorization: Bearer <key>`.' }),
    apiKey: t.prismaField({
      type: 'ApiKey',
      resolve: (query, k, _a, ctx) => ctx.db.apiKey.findUniqueOrThrow({ ...query, where: { id: k.id } }),
    }),
  }),
});

const CreateApiKeyInput = builder.inputType('CreateApiKeyInput', {
  fields: (t) => ({
    unitId: t.globalID({ required: true, description: 'The organisation the key is issued to; its role is held there.' }),
    nombre: t.string({ required: true, description: 'What it is for, e.g. "Metabase de CONALEP Estado de México".' }),
    role: t.field({
      type: RoleEnum,
      required: true,
      description: 'What it may read and do: e.g. LECTOR for a BI tool, SPDI_DPP for the partner.',
    }),
    expiresAt: t.field({ type: 'DateTime', required: false, description: 'Optional end of validity.' }),
    observaciones: t.string({ required: false }),
  }),
});
creationMutation(apiKeyWorkflow, 'createApiKey', {
  input: CreateApiKeyInput,
  plan: (input, ctx) => ({
    unitId: input.unitId.id,
    unitIdPath: ['input', 'unitId'],
    comment: input.observaciones,
    validate: (_tx, { unit }) => {
      const check = new InputChecker();
      checkText(check, input.nombre, ['input', 'nombre'], 200);
      check.check(input.role !== ADMIN, ['input', 'role'], 'An API key cannot administer the platform');
      check.check(
        !isOutside(unit.kind) || OUTSIDE_ROLES.includes(input.role),
        ['input', 'role'],
        `An outside organisation holds only the roles ${OUTSIDE_ROLES.join(', ')}`,
      );
      check.check(
        isOutside(unit.kind) || input.role !== 'USUARIO_EXTERNO',
        ['input', 'role'],
        'USUARIO_EXTERNO is held at an outside organisation',
      );
      check.check(!input.expiresAt || input.expiresAt.getTime() > Date.now(), ['input', 'expiresAt'], 'Must be a future date');
      return check.issues;
    },
    create: async (tx, { unit }) => {
      const id = randomUUID();
      const { key, secretHash } = newApiKey(id);
      const nombre = input.nombre.trim();
      const holder = await tx.person.create({
        data: {
          email: `clave.${id}@claves.invalid`,
          fullName: `Clave de API: ${nombre}`,
          unitId: unit.id,
          cuentaServicio: true,
          roles: { create: { role: input.role, unitId: unit.id } },
        },
        select: { id: true },
      });
      await tx.apiKey.create({
        data: {
          id,
          unitId: unit.id,
          personId: holder.id,
          nombre,
          role: input.role,
          secretHash,
          expiresAt: input.expiresAt ?? null,
          createdById: ctx.viewer!.personId,
        },
      });
      issued.set(id, key);
      return { id, changes: { nombre, role: input.role, unitId: unit.id, expiresAt: input.expiresAt ?? null } };
    },
  }),
  output: {
    type: ApiKeyCreated,
    resolve: (result) => {
      const key = issued.get(result.id)!;
      issued.delete(result.id);
      return Promise.resolve({ id: result.id, key });
    },
  },
});

stepMutation(apiKeyWorkflow, 'closeApiKey', {
  plan: () => ({
    effects: async (tx, record) => {
      const key = await tx.apiKey.findUniqueOrThrow({ where: { id: record.id }, select: { personId: true } });
      await tx.person.update({ where: { id: key.personId }, data: { active: false } });
      return { revocada: true };
    },
  }),
});

export { ApiKeyRef };
