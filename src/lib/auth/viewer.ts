// The person making a request, with the roles they hold and how far each reaches.
import type { OrgUnitKind, Role } from '../../generated/prisma/enums.js';
import { Prisma } from '../../generated/prisma/client.js';
import { UUID } from '../ids.js';
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
  /**
   * Every unit within the viewer's reach (the units whose path starts with one
   * of `readablePrefixes`), read with the viewer. Record filters use it as
   * `unitId IN (…)`, which PostgreSQL plans with the record's own indexes (a
   * path prefix joined through OrgUnit is estimated poorly and scanned).
   * Absent on viewers built by hand: filters then use the path prefixes.
   */
  readableUnitIds?: string[];
  /**
   * The paths of those units (same order as `readableUnitIds`), read with the
   * viewer: a `dentroDe` filter on a unit within reach becomes `unitId IN (…)`
   * of its subtree without a statement of its own (scope.ts, `withinUnit`).
   */
  readableUnitPaths?: string[];
  /** The session of a local token (logout ends it); absent for API keys and external tokens. */
  sessionId?: string;
  /**
   * How the request authenticated; 'system' for the API's own jobs (src/lib/workflow/system.ts); 'job' for a
   * background job acting for the person who queued it (viewerOfPerson).
   */
  via: 'password' | 'external' | 'apiKey' | 'system' | 'job';
  /** For the system actor or a job acting for a person: the background job taking the step (recorded in its audit entry). */
  job?: string;
}

const NATIONAL_KINDS: ReadonlySet<OrgUnitKind> = new Set<OrgUnitKind>([
  'OFICINAS_NACIONALES',
  'DIRECCION_NACIONAL',
  'COORDINACION_NACIONAL',
]);
const NATIONAL_KIND_LIST = [...NATIONAL_KINDS];

/** "/a/b/c/" → "/a/": the root of the unit's tree. */
const rootOf = (path: string) => path.slice(0, path.indexOf('/', 1) + 1);

export function scopePathOf(kind: OrgUnitKind, path: string): string {
  return NATIONAL_KINDS.has(kind) ? rootOf(path) : path;
}

type ViewerRow = {
  id: string;
  email: string;
  full_name: string;
  active: boolean;
  external_subject: string | null;
  role: Role | null;
  unit_id: string | null;
  unit_code: string | null;
  unit_kind: OrgUnitKind | null;
  unit_path: string | null;
  readable_unit_ids: string[] | null;
  readable_unit_paths: string[] | null;
};

/** The person and their role assignments in one statement (this runs on every authenticated request). */
function viewerRows(db: Db, where: Prisma.Sql, prefix: Prisma.Sql = Prisma.empty): Promise<ViewerRow[]> {
  return db.$queryRaw<ViewerRow[]>`
    ${prefix}
    SELECT p.id, p.email, p."fullName" AS full_name, p.active, p."externalSubject" AS external_subject,
           ra.role::text AS role, u.id AS unit_id, u.code AS unit_code, u.kind::text AS unit_kind, u.path AS unit_path,
           r.ids AS readable_unit_ids, r.paths AS readable_unit_paths
    FROM "Person" p
    CROSS JOIN LATERAL (
      SELECT array_agg(o.id::text ORDER BY o.path) AS ids, array_agg(o.path ORDER BY o.path) AS paths FROM "OrgUnit" o
      WHERE EXISTS (
        SELECT 1 FROM "RoleAssignment" sa JOIN "OrgUnit" su ON su.id = sa."unitId"
        WHERE sa."personId" = p.id
          AND o.path LIKE (CASE WHEN su.kind::text = ANY(${NATIONAL_KIND_LIST}) THEN '/' || split_part(su.path, '/', 2) || '/' ELSE su.path END) || '%'
      )
    ) r
    LEFT JOIN "RoleAssignment" ra ON ra."personId" = p.id
    LEFT JOIN "OrgUnit" u ON u.id = ra."unitId"
    WHERE ${where}
    ORDER BY ra.role, u.code`;
}

/** Loads the person behind a verified token, with their role assignments. */
export async function loadViewer(db: Db, identity: TokenIdentity): Promise<Viewer | null> {
  let rows: ViewerRow[];
  if (identity.source === 'local') {
    // The token's session must still be open: logout, deactivation and a password change revoke it.
    rows =
      UUID.test(identity.subject) && UUID.test(identity.sessionId)
        ? await viewerRows(
            db,
            Prisma.sql`p.id = ${identity.subject}::uuid AND EXISTS (
              SELECT 1 FROM "Session" s WHERE s.id = ${identity.sessionId}::uuid AND s."personId" = p.id
                AND s."revokedAt" IS NULL AND s."expiresAt" > now())`,
          )
        : [];
  } else if (identity.source === 'apiKey') {
    // An active key acts as its holder (a service account). Its last use is recorded at most once a minute,
    // in the same statement.
    rows = UUID.test(identity.keyId)
      ? await viewerRows(
          db,
          Prisma.sql`p.id IN (SELECT "personId" FROM k)`,
          Prisma.sql`WITH k AS (
              SELECT id, "personId" FROM "ApiKey" WHERE id = ${identity.keyId}::uuid AND "secretHash" = ${identity.secretHash}
                AND estado = 'ACTIVA' AND ("expiresAt" IS NULL OR "expiresAt" > now())),
            used AS (
              UPDATE "ApiKey" SET "lastUsedAt" = now() WHERE id IN (SELECT id FROM k)
                AND ("lastUsedAt" IS NULL OR "lastUsedAt" < now() - interval '1 minute'))`,
        )
      : [];
  } else {
    rows = await viewerRows(db, Prisma.sql`p."externalSubject" = ${identity.subject}`);
    if (!rows.length && identity.email) {
      // First sign-in through the provider: link the account that has this e-mail.
      const linked = await db.person.updateMany({
        where: { email: identity.email, externalSubject: null },
        data: { externalSubject: identity.subject },
      });
      if (linked.count) rows = await viewerRows(db, Prisma.sql`p."externalSubject" = ${identity.subject}`);
    }
  }
  return toViewer(rows, {
    sessionId: identity.source === 'local' ? identity.sessionId : undefined,
    via: identity.source === 'local' ? 'password' : identity.source,
  });
}

/**
 * The viewer of an active person, read now, for work a background job does on their behalf (the SAE import
 * they queued): their current roles decide, and the audit names them and the job. Null when the person is
 * gone or inactive.
 */
export async function viewerOfPerson(db: Db, personId: string, job: string): Promise<Viewer | null> {
  if (!UUID.test(personId)) return null;
  return toViewer(await viewerRows(db, Prisma.sql`p.id = ${personId}::uuid`), { via: 'job', job });
}

function toViewer(rows: ViewerRow[], how: Pick<Viewer, 'sessionId' | 'via' | 'job'>): Viewer | null {
  const person = rows[0];
  if (!person || !person.active) return null;
  return {
    personId: person.id,
    email: person.email,
    fullName: person.full_name,
    ...how,
    assignments: rows
      .filter((r) => r.role && r.unit_id)
      .map((r) => ({
        role: r.role!,
        unitId: r.unit_id!,
        unitCode: r.unit_code!,
        unitKind: r.unit_kind!,
        unitPath: r.unit_path!,
        scopePath: scopePathOf(r.unit_kind!, r.unit_path!),
      })),
    readableUnitIds: person.readable_unit_ids ?? [],
    readableUnitPaths: person.readable_unit_paths ?? [],
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
