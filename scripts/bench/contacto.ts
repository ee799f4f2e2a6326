// Benchmark: a year of the contact centre (V-CANA-MP-02, #14). 100,000 tickets
// (calls and e-mails, spread over 2025, with operators, types, topics and
// answers) are generated in one SQL statement at CONOCER-CC; then the monthly
// reports are read by the Responsable de Canales through the real HTTP
// endpoint: p50/p95 latency and SQL statements per request, and the monthly
// counts checked against a count made directly in SQL.
//
//   npm run bench:contacto   (needs PostgreSQL: BENCH_DATABASE_ADMIN_URL,
//                             default postgresql://postgres@127.0.0.1:5432/postgres)
//   BENCH_CONTACTO_TICKETS (default 100000), BENCH_RUNS (default 30)
import { performance } from 'node:perf_hooks';
import { seedDemoData, DEMO_PASSWORD, demoEmail } from '../../src/seed/demo.js';
import { measure, startBenchApi, withBenchDatabase } from './harness.js';

const TICKETS = Number(process.env.BENCH_CONTACTO_TICKETS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const MONTH = '2025-06';

await withBenchDatabase('bench_contacto', async (url, db) => {
  await seedDemoData(db);
  const started = performance.now();
  // The tickets of a year in SQL, 10,000 per statement (each within the statement timeout): every 5th an
  // e-mail, each with the analysis' classifications.
  for (let first = 1; first <= TICKETS; first += 10_000) {
    await db.$executeRawUnsafe(`
    WITH cc AS (SELECT id FROM "OrgUnit" WHERE code = 'CONOCER-CC'),
         ops AS (SELECT array_agg(p.id ORDER BY p.email) AS ids FROM "Person" p
                 JOIN "RoleAssignment" ra ON ra."personId" = p.id AND ra.role = 'CONOCER_OPERADOR_CONTACTO')
    INSERT INTO "Ticket" (id, canal, estado, "unitId", "createdById", "operadorId", nombre, edad, sexo, correo, "tipoSolicitud", tema,
                          medio, ocupacion, escolaridad, "entidadFederativa", asunto, pregunta, respuesta, "duracionSegundos",
                          "recibidoAt", "primeraRespuestaAt", "atendidoAt", "venceAt", "createdAt", "updatedAt")
    SELECT gen_random_uuid(),
           (CASE WHEN g % 5 = 0 THEN 'CORREO' ELSE 'TELEFONO' END)::"CanalTicket",
           (CASE WHEN g % 50 = 0 THEN 'ABIERTO' ELSE 'ATENDIDO' END)::"EstadoTicket",
           cc.id, ops.ids[1 + g % cardinality(ops.ids)], ops.ids[1 + g % cardinality(ops.ids)],
           'Persona ' || g, 18 + g % 50,
           (ARRAY['MUJER','HOMBRE','NO_ESPECIFICADO'])[1 + g % 3]::"SexoContacto",
           CASE WHEN g % 5 = 0 THEN 'persona' || g || '@example.mx' END,
           (ARRAY['INFORMACION','SOPORTE_CAPACITACION','ACLARACION','QUEJA','OTRO'])[1 + g % 5]::"TipoSolicitudContacto",
           (ARRAY['CONOCER_SNC','PASOS_CERTIFICACION','COMITES_GESTION','REGISTROS_NACIONALES','SISTEMA_ACREDITACION',
                  'CENTRO_VIRTUAL','RED_PRESTADORES','QUEJAS_SUGERENCIAS_OTROS'])[1 + g % 8]::"TemaContacto",
           (ARRAY['INTERNET','AMISTAD','CERTIFICACION','LICITACION','CORREO_ELECTRONICO','OTRO'])[1 + g % 6]::"MedioConocimiento",
           (ARRAY['EMPLEADO_PRIVADO','EMPLEADO_PUBLICO','ESTUDIANTE','DESEMPLEADO','OTRA'])[1 + g % 5]::"OcupacionContacto",
           (ARRAY['SECUNDARIA','PREPARATORIA','TECNICA_COMERCIAL','LICENCIATURA','MAESTRIA_DOCTORADO'])[1 + g % 5]::"EscolaridadContacto",
           'Entidad ' || (1 + g % 32), CASE WHEN g % 5 = 0 THEN 'Consulta ' || g END,
           'Pregunta ' || g, CASE WHEN g % 50 <> 0 THEN 'Respuesta ' || g END, 60 + g % 600,
           r.at, CASE WHEN g % 50 <> 0 THEN r.at + interval '2 hours' END, CASE WHEN g % 50 <> 0 THEN r.at + interval '3 hours' END,
           CASE WHEN g % 5 = 0 THEN r.at + interval '2 days' END, r.at, r.at
    FROM generate_series(${first}, ${Math.min(TICKETS, first + 9_999)}) g CROSS JOIN cc CROSS JOIN ops
    CROSS JOIN LATERAL (SELECT timestamp '2025-01-01 14:00' + (g::float8 / ${TICKETS}) * interval '364 days' AS at) r`);
  }
  await db.$executeRawUnsafe('ANALYZE "Ticket"');
  console.log(
    `data: ${TICKETS.toLocaleString('en')} tickets over 2025 at CONOCER-CC, generated in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const api = await startBenchApi(db, url);
  try {
    const token = await api.login(demoEmail('conocer.canales'), DEMO_PASSWORD);
    const reports = {
      reporteLlamadas: `query($p: String!) { reporteLlamadas(periodo: $p) { totalLlamadas duracionPromedioSegundos porOperador { operadorName total } porTipoSolicitud { clave total } porTema { clave total } } }`,
      reporteCorreos: `query($p: String!) { reporteCorreos(periodo: $p) { totalCorreos correos { folio recibidoAt respuestaAt nombre correo pregunta tema } } }`,
      slaContacto: `query($p: String!) { slaContacto(periodo: $p) { operadorName tickets atendidos vencidos primeraRespuestaPromedioMinutos resolucionPromedioMinutos } }`,
    } as const;
    console.log(`monthly reports for ${MONTH} as the Responsable de Canales, ${RUNS} runs each:`);
    console.log('report            rows     p50 ms   p95 ms   SQL/request');
    const answers: Record<string, Record<string, unknown>> = {};
    for (const [name, query] of Object.entries(reports)) {
      const m = await measure(RUNS, async () => {
        const r = await api.call(query, { p: MONTH }, token);
        if (r.errors) throw new Error(JSON.stringify(r.errors));
        return r.data[name] as Record<string, unknown>;
      });
      answers[name] = m.last;
      const rows = Array.isArray(m.last) ? m.last.length : ((m.last.totalLlamadas ?? m.last.totalCorreos) as number);
      console.log(
        `${name.padEnd(16)} ${String(rows).padStart(6)} ${m.p50.toFixed(1).padStart(10)} ${m.p95.toFixed(1).padStart(8)} ${m.statementsPerRequest.toFixed(1).padStart(13)}`,
      );
    }
    // The month in Mexico City (UTC-6 all year since 2022): the reports' own bounds.
    const [exact] = await db.$queryRawUnsafe<{ llamadas: number; correos: number }[]>(`
      SELECT count(*) FILTER (WHERE canal = 'TELEFONO')::int AS llamadas, count(*) FILTER (WHERE canal = 'CORREO')::int AS correos
      FROM "Ticket" WHERE "recibidoAt" >= timestamp '2025-06-01 06:00' AND "recibidoAt" < timestamp '2025-07-01 06:00'`);
    const ok = answers.reporteLlamadas.totalLlamadas === exact.llamadas && answers.reporteCorreos.totalCorreos === exact.correos;
    console.log(
      `counts against SQL: calls ${String(answers.reporteLlamadas.totalLlamadas)}/${exact.llamadas}, e-mails ${String(answers.reporteCorreos.totalCorreos)}/${exact.correos}: ${ok ? 'exact' : 'MISMATCH'}`,
    );
    console.log('(SQL/request includes the statement that loads the viewer for the bearer token, when the viewer cache misses)');
    if (!ok) process.exitCode = 1;
  } finally {
    await api.stop();
  }
});
