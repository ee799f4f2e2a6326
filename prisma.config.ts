// Prisma CLI configuration. The CLI runs its Wasm schema engine over the `pg`
// driver adapter, because native engines cannot be downloaded here
// (docs/decisions/001-prisma-offline.md).
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';
import { connectionConfig } from './src/lib/db/url.js';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  adapter: () =>
    Promise.resolve(
      new PrismaPg(
        // Commands that need no database (generate, migrate diff) still build the adapter.
        connectionConfig(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres'),
      ),
    ),
});
