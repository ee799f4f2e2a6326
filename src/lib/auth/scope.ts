// Row filters shared by lists, nested fields, item look-ups and aggregates, so
// that a person never sees a record outside their scope by any path.
import DataLoader from 'dataloader';
import type { Db } from '../db/client.js';
import { UUID } from '../ids.js';
import type { Viewer } from './viewer.js';
import { readablePrefixes } from './viewer.js';

/** Prisma filter on an OrgUnit relation: the unit lies within the viewer's reach. */
export function unitWithinScope(viewer: Viewer | null): { OR: { path: { startsWith: string } }[] } {
  // No viewer, no prefixes: `OR: []` matches nothing (deny by default).
  const prefixes = viewer ? readablePrefixes(viewer) : [];
  return { OR: prefixes.map((p) => ({ path: { startsWith: p } })) };
}

/**
 * Filter for records that belong to one unit (`unitId`, `unit`): readable when
 * that unit is within reach. With the viewer's unit ids (loaded with the
 * viewer) it is `unitId IN (…)`, which uses the record's indexes.
 */
export function readableByUnit(viewer: Viewer | null): { unitId: { in: string[] } } | { unit: ReturnType<typeof unitWithinScope> } {
  if (viewer?.readableUnitIds) return { unitId: { in: viewer.readableUnitIds } };
  return { unit: unitWithinScope(viewer) };
}

/** Unit paths by id, batched per request (filters name units by id; subtrees are path prefixes). */
export function createUnitPathLoader(db: Db) {
  return new DataLoader<string, string | null>(async (ids) => {
    const units = await db.orgUnit.findMany({ where: { id: { in: ids.filter((id) => UUID.test(id)) } }, select: { id: true, path: true } });
    const byId = new Map(units.map((u) => [u.id, u.path]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** The viewer's readable units by path, indexed once per viewer (cached viewers are reused across requests). */
const readableIndex = new WeakMap<Viewer, Map<string, { path: string; subtree?: string[] }>>();

/**
 * What the viewer already knows of unit `unitId` when it is within their reach:
 * its path and, on demand, the ids of its subtree (all within reach too, since
 * reach is a set of whole subtrees). Undefined for a unit out of reach, or a
 * viewer loaded without its units.
 */
function readableUnit(viewer: Viewer | null, unitId: string) {
  const ids = viewer?.readableUnitIds;
  const paths = viewer?.readableUnitPaths;
  if (!viewer || !ids || !paths || ids.length !== paths.length) return undefined;
  let index = readableIndex.get(viewer);
  if (!index) {
    index = new Map(ids.map((id, i) => [id, { path: paths[i] }]));
    readableIndex.set(viewer, index);
  }
  const unit = index.get(unitId);
  if (!unit) return undefined;
  return {
    path: unit.path,
    subtree: () => (unit.subtree ??= ids.filter((_, i) => paths[i].startsWith(unit.path))),
  };
}

/** The path of unit `unitId`: from the viewer when within reach, else one batched look-up per request (null for an unknown unit). */
export async function unitPath(ctx: { loader: <T>(factory: (db: Db) => T) => T; viewer?: Viewer | null }, unitId: string) {
  return readableUnit(ctx.viewer ?? null, unitId)?.path ?? (await ctx.loader(createUnitPathLoader).load(unitId));
}

/** Prisma filter "the record's unit is `unitId` or below it"; matches nothing for an unknown unit. */
export async function withinUnit(
  ctx: { loader: <T>(factory: (db: Db) => T) => T; viewer?: Viewer | null },
  unitId: string,
): Promise<{ unit: { path: { startsWith: string } } }> {
  const path = await unitPath(ctx, unitId);
  return { unit: { path: { startsWith: path ?? '\u0000' } } };
}

/**
 * The same filter for records with a `unitId`: for a unit within the viewer's
 * reach, `unitId IN (its subtree)` from the units read with the viewer (no
 * statement, and planned on the record's own indexes); otherwise as
 * `withinUnit`.
 */
export async function withinUnitById(
  ctx: { loader: <T>(factory: (db: Db) => T) => T; viewer?: Viewer | null },
  unitId: string,
): Promise<{ unitId: { in: string[] } } | { unit: { path: { startsWith: string } } }> {
  const unit = readableUnit(ctx.viewer ?? null, unitId);
  if (unit) return { unitId: { in: unit.subtree() } };
  return withinUnit(ctx, unitId);
}

/**
 * Filter for records that belong to one unit and are addressed to others (a
 * `destinatarios` relation of `{ unit }` rows): readable when the owner or an
 * addressee lies within the viewer's reach, so an addressed unit and the
 * offices above it see the record.
 */
export function readableByUnitOrAddressee(viewer: Viewer | null) {
  const units = unitWithinScope(viewer);
  return { OR: [{ unit: units }, { destinatarios: { some: { unit: units } } }] };
}
