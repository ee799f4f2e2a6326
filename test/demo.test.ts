// The demo: on a first start the embedded engine holds the organisation, the
// demo accounts, students, and one record of every workflow model in each of
// its states (src/seed/records.ts over the factories), so every list has rows
// in more than one state and every step something to act on.
import { describe, expect, it } from 'vitest';
import { applyMigrations } from '../src/lib/db/migrate.js';
import { createPrisma } from '../src/lib/db/client.js';
import { seedDemoData } from '../src/seed/demo.js';
import { seedDemoRecords } from '../src/seed/records.js';
import { createDatabase } from './global-setup.js';
import { WORKFLOW_MODELS } from './factories.js';

describe('demo data', () => {
  it('holds a record of every workflow model in every state', async () => {
    const database = await createDatabase('demo_states');
    const db = createPrisma(database.url, { poolMax: 2 });
    try {
      await applyMigrations(database.url);
      expect(await seedDemoData(db)).toBe(true);
      const made = await seedDemoRecords(db, WORKFLOW_MODELS);
      // Two workflows may share a record type (ProyectoNormativo: normatividad and normativa de capacitación).
      expect(Object.keys(made).sort()).toEqual([...new Set(WORKFLOW_MODELS.map((m) => m.typename))].sort());

      let multiState = 0;
      for (const model of WORKFLOW_MODELS) {
        const table = model.typename;
        const column = await db.$queryRawUnsafe<{ n: bigint }[]>(
          `SELECT count(*) AS n FROM information_schema.columns WHERE table_name = $1 AND column_name = 'estado'`,
          table,
        );
        if (Number(column[0].n) === 0) continue; // a state derived from dates (RegistroPromocion)
        const rows = await db.$queryRawUnsafe<{ estado: string }[]>(`SELECT DISTINCT estado::text AS estado FROM "${table}"`);
        expect(
          rows.map((r) => r.estado),
          table,
        ).toEqual(expect.arrayContaining([...model.workflow.states]));
        if (model.workflow.states.length > 1) multiState++;
      }
      expect(multiState).toBeGreaterThanOrEqual(8);
      // A second first start seeds nothing again.
      expect(await seedDemoData(db)).toBe(false);
    } finally {
      await db.$disconnect();
      await database.drop();
    }
  });
});
