// Per-request batch loaders of the normatividad module.
import DataLoader from 'dataloader';
import type { Db } from '../../lib/db/client.js';

/** Where a proyecto normativo sits and to whom it was addressed: what the engine's reach check needs. */
export function createReachLoader(db: Db) {
  return new DataLoader(async (ids: readonly string[]) => {
    const rows = await db.proyectoNormativo.findMany({
      where: { id: { in: [...ids] } },
      select: { id: true, unit: { select: { path: true } }, destinatarios: { select: { fin: true, unit: { select: { path: true } } } } },
    });
    const byId = new Map(
      rows.map((r) => [r.id, { unitPath: r.unit.path, addressees: r.destinatarios.map((d) => ({ purpose: d.fin, unitPath: d.unit.path })) }]),
    );
    return ids.map((id) => byId.get(id) ?? new Error(`ProyectoNormativo ${id} not found`));
  });
}
