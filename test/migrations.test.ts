// The committed migrations build exactly the database schema.prisma describes.
import { describe, expect, it } from 'vitest';
import { applySql, catalogSnapshot, datamodelSql } from '../src/lib/db/drift.js';
import { migrateDeploy } from '../src/lib/db/prisma-cli.js';
import { createDatabase } from './global-setup.js';

describe('migrations', () => {
  it('have not drifted from prisma/schema.prisma (if this fails: npm run db:migration -- <name>)', async () => {
    const [migrated, fromDatamodel] = await Promise.all([createDatabase('drift_migrated'), createDatabase('drift_datamodel')]);
    try {
      await migrateDeploy(migrated.url);
      await applySql(fromDatamodel.url, await datamodelSql());
      const [a, b] = await Promise.all([catalogSnapshot(migrated.url), catalogSnapshot(fromDatamodel.url)]);
      expect(a.columns.length).toBeGreaterThan(20);
      expect(a).toEqual(b);
    } finally {
      await Promise.all([migrated.drop(), fromDatamodel.drop()]);
    }
  });
});
