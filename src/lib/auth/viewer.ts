// The person making a request, with the roles they hold and how far each reaches.
import type { OrgUnitKind, Role } from '../../generated/prisma/enums.js';
import type { Db } from '../db/client.js';
import type { TokenIdentity } from './tokens.js';

export interface Assignment {
  role: Role;
  unitId: string;
  unitCode: string;
  unitKind: OrgUnitKind;
  unitPath: string;
  /**
   * Path prefix of the records this assignment reaches. A role held at a unit
   * reaches that unit and its descendants; a role held in Oficinas Nacionales
   * reaches its whole system ("national offices see all").
   */
  scopePath: string;
}

export interface Viewer {
  personId: string;
  email: string;
  fullName: string;
  assignments: Assignment[];
}

const NATIONAL_KINDS: ReadonlySet<OrgUnitKind> = new Set<OrgUnitKind>([
  'OFICINAS_NACIONALES',
  'DIRECCION_NACIONAL',
  'COORDINACION_NACIONAL',
]);

/** "/a/b/c/" → "/a/": the root of the unit's tree. */
const rootOf = (path: string) => path.slice(0, path.indexOf('/', 1) + 1);

export function scopePathOf(kind: OrgUnitKind, path: string): string {
  return NATIONAL_KINDS.has(kind) ? rootOf(path) : path;
}

/** Loads the person behind a verified token, with their role assignments (one query). */
export async function loadViewer(db: Db, identity: TokenIdentity): Promise<Viewer | null> {
  const include = { roles: { include: { unit: true } } } as const;
  let person =
    identity.source === 'local'
      ? await db.person.findUnique({ where: { id: identity.subject }, include })
      : await db.person.findUnique({ where: { externalSubject: identity.subject }, include });
  if (!person && identity.source === 'external' && identity.email) {
    // First sign-in through the provider: link the account that has this e-mail.
    const byEmail = await db.person.findUnique({ where: { email: identity.email }, include });
    if (byEmail && !byEmail.externalSubject) {
      person = await db.person.update({ where: { id: byEmail.id }, data: { externalSubject: identity.subject }, include });
    }
  }
  if (!person || !person.active) return null;
  return {
    personId: person.id,
    email: person.email,
    fullName: person.fullName,
    assignments: person.roles.map((r) => ({
      role: r.role,
      unitId: r.unitId,
      unitCode: r.unit.code,
      unitKind: r.unit.kind,
      unitPath: r.unit.path,
      scopePath: scopePathOf(r.unit.kind, r.unit.path),
    })),
  };
}

export function holdsRole(viewer: Viewer | null, roles: readonly Role[]): boolean {
  return !!viewer?.assignments.some((a) => roles.includes(a.role));
}

/** Path prefixes of everything the viewer may read, through any of their roles. */
export function readablePrefixes(viewer: Viewer): string[] {
  const prefixes = [...new Set(viewer.assignments.map((a) => a.scopePath))].sort();
  // Drop prefixes already covered by a shorter one.
  return prefixes.filter((p, i) => !prefixes.slice(0, i).some((q) => p.startsWith(q)));
}
