// The system actor (docs/decisions/021-system-actor.md): the API itself, for
// the steps its background jobs take (a deadline passed, an e-mail arrived).
// Such writes go through the engine like anybody's: the step is declared with
// role SISTEMA (alone: no mutation exposes it; beside a person's role: the
// same step taken by a person through its mutation, or by a job), the engine
// checks state, guard and input, and the audit entry names the system person,
// role SISTEMA and the job ("[job <name>]" before any comment).
// No person holds SISTEMA: it is never assigned (administracion refuses it),
// and the system's viewer is built here, not read from RoleAssignment.
import type { Role } from '../../generated/prisma/enums.js';
import { AppError, ErrorCode } from '../errors.js';
import type { Db } from '../db/client.js';
import type { Logger } from '../logger.js';
import type { EngineContext } from './engine.js';
import { rolesOf, type StepDefinition } from './types.js';

export const SYSTEM_ROLE: Role = 'SISTEMA';

/** The Person row the audit entries of system steps name (inactive, no password: it never signs in). */
export const SYSTEM_PERSON = {
  id: '00000000-0000-4000-8000-00000000a000',
  email: 'sistema@api.invalid',
  fullName: 'Sistema (tareas programadas de la API)',
};

/** A step only the system takes: no mutation is declared for it, no person may take it. */
export const isSystemStep = (step: Pick<StepDefinition<string>, 'role'>): boolean => rolesOf(step).every((r) => r === SYSTEM_ROLE);

/**
 * What the engine needs to take a step as the system, on behalf of `job`: the
 * system person (made once, by whichever process comes first) holding SISTEMA
 * at the root of every unit tree, so it reaches every record.
 */
export async function systemContext(db: Db, log: Logger, job: string): Promise<EngineContext> {
  await db.$executeRaw`
    INSERT INTO "Person" (id, email, "fullName", active, "cuentaServicio")
    VALUES (${SYSTEM_PERSON.id}::uuid, ${SYSTEM_PERSON.email}, ${SYSTEM_PERSON.fullName}, false, true)
    ON CONFLICT (id) DO NOTHING`;
  const roots = await db.orgUnit.findMany({
    where: { parentId: null },
    select: { id: true, code: true, kind: true, path: true },
    orderBy: { path: 'asc' },
  });
  return {
    db,
    log: log.child({ job }),
    viewer: {
      personId: SYSTEM_PERSON.id,
      email: SYSTEM_PERSON.email,
      fullName: SYSTEM_PERSON.fullName,
      assignments: roots.map((u) => ({
        role: SYSTEM_ROLE,
        unitId: u.id,
        unitCode: u.code,
        unitKind: u.kind,
        unitPath: u.path,
        scopePath: u.path,
      })),
      via: 'system',
      job,
    },
  };
}

/**
 * Whether a job's step was refused only because somebody got there first: the record moved on
 * (INVALID_TRANSITION: answered, or already marked), was changed concurrently (CONFLICT), or is gone
 * (NOT_FOUND). A job skips those; anything else fails the job, which is retried.
 */
export function alreadyDone(error: unknown): boolean {
  if (!(error instanceof AppError)) return false;
  const code = error.extensions.code;
  return code === ErrorCode.INVALID_TRANSITION || code === ErrorCode.CONFLICT || code === ErrorCode.NOT_FOUND;
}
