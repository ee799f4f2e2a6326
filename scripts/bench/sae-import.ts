// The SAE import of 300,000 students (30-524-PO-04 R 9-10) the way a plantel
// does it: the CSV uploaded to POST /documents, `queueImportacionSae`, then
// the background runner checks every row and writes batches of 5,000 (one
// audited `advanceImportacionSae` step each) while the client polls the
// record's progress. Then the same file again (every row `sinCambios`).
// Reported: rows/s of each phase, seconds, and the peak growth of the
// process' heap and RSS over the idle server (server and client share the
// process), sampled every 5 seconds after a full collection (--expose-gc).
//
//   npm run bench:sae         (BENCH_SAE_ROWS to change the row count;
//                              needs PostgreSQL: BENCH_DATABASE_ADMIN_URL)
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { seedDemoData, DEMO_PASSWORD, demoEmail } from '../../src/seed/demo.js';
import { startBenchApi, withBenchDatabase } from './harness.js';

const ROWS = Number(process.env.BENCH_SAE_ROWS ?? 300_000);
const mb = (n: number) => n / 1024 / 1024;

const HEADER = 'plantel,matricula,curp,nombre,primerApellido,segundoApellido,generacion,semestreIngreso,semestre,carrera,modeloAcademico';
function file(run: string): string {
  const lines = [HEADER];
  for (let i = 0; i < ROWS; i++) {
    const n = String(i).padStart(6, '0');
    lines.push(`MEX-P001,${run}${n},GOMA${n}HMCRRN0${i % 10},Nombre ${i},Apellido,Segundo,2025,1,1,Informática,M2023`);
  }
  return `${lines.join('\n')}\n`;
}

await withBenchDatabase('bench_sae', async (url, db) => {
  await seedDemoData(db);
  const api = await startBenchApi(db, url, {
    DOCUMENTS_DIR: mkdtempSync(path.join(tmpdir(), 'bench-sae-')),
    // The SAE file's own upload limit (MAX_SAE_FILE_BYTES, 64 MiB) takes the national file; the job queue writes it.
  });
  try {
    const token = await api.login(demoEmail('escolares.p001'), DEMO_PASSWORD);
    const base = api.url.replace(/\/graphql$/, '');
    const csv = file(`B${Date.now().toString(36).slice(-5).toUpperCase()}`);
    console.log(
      `SAE import of ${ROWS.toLocaleString('en')} students (${mb(Buffer.byteLength(csv)).toFixed(1)} MB of CSV), uploaded and queued:`,
    );

    global.gc?.();
    const base0 = process.memoryUsage();
    let peakHeap = 0;
    let peakRss = 0;
    const sampler = setInterval(() => {
      global.gc?.();
      const m = process.memoryUsage();
      peakHeap = Math.max(peakHeap, m.heapUsed - base0.heapUsed);
      peakRss = Math.max(peakRss, m.rss - base0.rss);
    }, 5000);

    const run = async (label: string) => {
      const started = performance.now();
      const form = new FormData();
      form.append('tipo', 'ARCHIVO_SAE');
      form.append('file', new Blob([csv], { type: 'text/csv' }), 'alumnos.csv');
      const up = await fetch(`${base}/documents`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
      if (up.status !== 201) throw new Error(`upload answered ${up.status}: ${await up.text()}`);
      const documentoId = ((await up.json()) as { id: string }).id;
      const uploaded = performance.now();
      const q = await api.call(
        `mutation($i: QueueImportacionSaeInput!) { queueImportacionSae(input: $i) { id estado } }`,
        { i: { tipo: 'ALUMNOS', documentoId } },
        token,
      );
      if (q.errors) throw new Error(JSON.stringify(q.errors));
      const id = (q.data.queueImportacionSae as { id: string }).id;
      let last = '';
      let r: Record<string, number | string> = {};
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        // A poll that meets a keep-alive socket the server just closed is tried again on the next round.
        const p = await api
          .call(
            `query($id: ID!) { node(id: $id) { ... on ImportacionSae { estado filas filasProcesadas creadas actualizadas sinCambios } } }`,
            { id },
            token,
          )
          .catch(() => null);
        if (!p) continue;
        r = p.data.node as Record<string, number | string>;
        const line = `  ${label}: ${String(r.estado)} ${String(r.filasProcesadas)}/${String(r.filas)}`;
        if (line !== last) console.log(`${line}  (${((performance.now() - started) / 1000).toFixed(0)} s)`);
        last = line;
        if (r.estado === 'IMPORTADA' || r.estado === 'RECHAZADA') break;
      }
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `${label}: ${String(r.estado)} creadas ${String(r.creadas)} actualizadas ${String(r.actualizadas)} sinCambios ${String(r.sinCambios)}; ` +
          `upload ${((uploaded - started) / 1000).toFixed(1)} s, total ${seconds.toFixed(1)} s = ${Math.round(ROWS / seconds).toLocaleString('en')} rows/s`,
      );
      if (r.estado !== 'IMPORTADA') process.exitCode = 1;
    };
    await run('first import');
    await run('same file again');
    clearInterval(sampler);
    console.log(
      `peak heap growth ${mb(peakHeap).toFixed(0)} MB, peak RSS growth ${mb(peakRss).toFixed(0)} MB (server and client in one process)`,
    );
  } finally {
    await api.stop();
  }
});
