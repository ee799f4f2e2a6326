// A 300,000-row export in bounded memory: /exports/alumnos.csv and .xlsx over
// HTTP, as the national DSTC, against 300,000 students in one database. The
// server streams a cursor (2,000 rows a batch) into csv-stringify or ExcelJS's
// streaming workbook writer; the client (in the same process) counts the bytes
// and drops them. Reported: rows, bytes, seconds, and the peak growth of the
// process' heap, RSS and Buffers (external memory) over the idle server, sampled every 250 ms after a full
// collection (node --expose-gc, as npm run bench:exports runs it). The target:
// the peak heap growth stays under 64 MB whatever the row count (the rows
// themselves would take several hundred MB if held).
//
//   npm run bench:exports     (BENCH_EXPORT_ROWS to change the row count;
//                              needs PostgreSQL: BENCH_DATABASE_ADMIN_URL)
import { performance } from 'node:perf_hooks';
import { seedDemoData, DEMO_PASSWORD, demoEmail } from '../../src/seed/demo.js';
import { startBenchApi, withBenchDatabase } from './harness.js';

const ROWS = Number(process.env.BENCH_EXPORT_ROWS ?? 300_000);
const TARGET_HEAP_MB = 64;
const mb = (n: number) => n / 1024 / 1024;

await withBenchDatabase('bench_exports', async (url, db) => {
  await seedDemoData(db);
  const have = await db.alumno.count();
  if (have < ROWS) {
    const started = performance.now();
    // In chunks: each statement stays under the pool's statement timeout.
    for (let from = have + 1; from <= ROWS; from += 25_000)
      await db.$executeRawUnsafe(
        `INSERT INTO "Alumno" (id, matricula, curp, nombre, "primerApellido", generacion, carrera, "modeloAcademico", "unitId", estatus)
       SELECT gen_random_uuid(), 'BENCH' || g, 'BENC' || lpad(g::text, 6, '0') || 'HDFNNN0' || (g % 10), 'Nombre ' || g, 'Apellido', 2020 + g % 5,
              'Informática', 'M2018', (SELECT id FROM "OrgUnit" WHERE code = CASE WHEN g % 2 = 0 THEN 'MEX-P001' ELSE 'VER-P001' END),
              (CASE WHEN g % 7 = 0 THEN 'EGRESADO' ELSE 'INSCRITO' END)::"EstatusAlumno"
       FROM generate_series($1::int, $2::int) AS g`,
        from,
        Math.min(ROWS, from + 24_999),
      );
    await db.$executeRawUnsafe('ANALYZE "Alumno"');
    console.log(`inserted ${ROWS - have} students in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const api = await startBenchApi(db, url);
  try {
    const token = await api.login(demoEmail('dstc'), DEMO_PASSWORD);
    const base = api.url.replace(/\/graphql$/, '');
    console.log(`export of ${ROWS.toLocaleString('en')} rows (plus the demo's), streamed over HTTP:`);
    console.log(
      `${'format'.padEnd(7)} ${'rows'.padStart(9)} ${'MB sent'.padStart(9)} ${'seconds'.padStart(8)} ${'peak heap +MB'.padStart(14)} ${'peak RSS +MB'.padStart(13)} ${'peak Buffers +MB'.padStart(17)}`,
    );
    let worst = 0;
    for (const format of ['csv', 'xlsx'] as const) {
      global.gc?.();
      await new Promise((r) => setTimeout(r, 200));
      const base0 = process.memoryUsage();
      let peakHeap = 0;
      let peakRss = 0;
      let peakExternal = 0;
      // A full collection before each sample: the live heap, not the garbage V8 has not collected yet.
      const sampler = setInterval(() => {
        global.gc?.();
        const m = process.memoryUsage();
        peakHeap = Math.max(peakHeap, m.heapUsed - base0.heapUsed);
        peakRss = Math.max(peakRss, m.rss - base0.rss);
        peakExternal = Math.max(peakExternal, m.external - base0.external);
      }, 250);
      const started = performance.now();
      const res = await fetch(`${base}/exports/alumnos.${format}`, { headers: { authorization: `Bearer ${token}` } });
      if (res.status !== 200) throw new Error(`export answered ${res.status}: ${await res.text()}`);
      let bytes = 0;
      let newlines = 0;
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        bytes += chunk.byteLength;
        if (format === 'csv') for (const b of chunk) if (b === 10) newlines++;
      }
      const seconds = (performance.now() - started) / 1000;
      clearInterval(sampler);
      worst = Math.max(worst, peakHeap);
      const rows = format === 'csv' ? String(newlines - 1) : '(zip)';
      console.log(
        `${format.padEnd(7)} ${rows.padStart(9)} ${mb(bytes).toFixed(1).padStart(9)} ${seconds.toFixed(1).padStart(8)} ${mb(peakHeap).toFixed(1).padStart(14)} ${mb(peakRss).toFixed(1).padStart(13)} ${mb(peakExternal).toFixed(1).padStart(17)}`,
      );
    }
    console.log(
      `worst peak heap growth: ${mb(worst).toFixed(1)} MB (target < ${TARGET_HEAP_MB} MB) ${mb(worst) < TARGET_HEAP_MB ? 'OK' : 'OVER TARGET'}`,
    );
    if (mb(worst) >= TARGET_HEAP_MB) process.exitCode = 1;
  } finally {
    await api.stop();
  }
});
