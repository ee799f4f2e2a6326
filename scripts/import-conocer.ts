// `npm run conocer:import`: loads CONOCER's Informe de Gestión 2018-2024 (seed 002) into DATABASE_URL (docs/conocer.md).
import { createPrisma } from '../src/lib/db/client.js';
import { importarInformeConocer } from '../src/modules/conocer/import.js';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('Set DATABASE_URL to the database to load');
  process.exit(1);
}
const db = createPrisma(url);
try {
  const n = await importarInformeConocer(db);
  console.log(`CONOCER report loaded: ${n.cifras} figures, ${n.indicadores} stated indicator values`);
} finally {
  await db.$disconnect();
}
