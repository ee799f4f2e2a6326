// `npm run prisma -- <args>`: the Prisma CLI, offline (see src/lib/db/prisma-cli.ts).
import { runPrisma } from '../src/lib/db/prisma-cli.js';

runPrisma(process.argv.slice(2)).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
