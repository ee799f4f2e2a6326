// The Portal CONOCER (V-CANA-MP-02 C.4.4, policy 3.1.2) through HTTP with demo
// tokens: a portal request taken to production by the provider (an outside
// organisation) through both "no" loops, the weekly statistics imported from
// CSV and XLSX files (a bad row refuses the file, nothing written), the DVD's
// quarterly trend computed in SQL, and the quarterly review of static content.
import { encodeGlobalID } from '@pothos/plugin-relay';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApproveSolicitudPortalDocument,
  CloseSolicitudPortalAsConocerProveedorPortalDocument,
  CloseSolicitudPortalAsConocerResponsableCanalesDocument,
  CreateAnalisisPortalDocument,
  CreateEstadisticaPortalDocument,
  CreateRevisionContenidoPortalDocument,
  CreateSolicitudPortalDocument,
  DeliverSolicitudPortalDocument,
  EstadisticasPortalDocument,
  ReceiveSolicitudPortalAsConocerProveedorPortalDocument,
  ReceiveSolicitudPortalAsConocerResponsableCanalesDocument,
  ReturnSolicitudPortalAsConocerDireccionVinculacionDocument,
  ReturnSolicitudPortalAsConocerResponsableCanalesDocument,
  SendAnalisisPortalDocument,
  SendSolicitudPortalAsConocerDireccionVinculacionDocument,
  SendSolicitudPortalAsConocerResponsableCanalesDocument,
  SolicitudesPortalDocument,
  SubmitAnalisisPortalDocument,
  SubmitSolicitudPortalDocument,
  UpdateAnalisisPortalDocument,
  UpdateSolicitudPortalDocument,
} from '../src/generated/graphql.js';
import { XLSX_CONTENT_TYPE } from '../src/lib/xlsx.js';
import { codeOf, demoTokens, gql, issuesOf, startServer, uploadPdf, type TestServer } from './helpers.js';

let server: TestServer;
let tokens: Record<string, string>;
let units: Record<string, string>;

beforeAll(async () => {
  server = await startServer();
  tokens = await demoTokens(server);
  const rows = await server.db.orgUnit.findMany({
    where: { code: { in: ['CONOCER-CC', 'PROV-PORTAL'] } },
    select: { id: true, code: true },
  });
  units = Object.fromEntries(rows.map((u) => [u.code, encodeGlobalID('OrgUnit', u.id)]));
});
afterAll(() => server?.stop());

const CANALES = 'conocer.canales';
const DVD = 'conocer.dvd';
const PROVEEDOR = 'proveedor.portal';

/**
 * A year with no portal statistics, analysis or review at the DVD yet (the API takes 2000-2100; factories never do;
 * docs/procedures/portal.md's example takes 2094-2095, the matrix's weeks 2101 on).
 */
async function freeYear(): Promise<number> {
  const dvd = await server.db.orgUnit.findUniqueOrThrow({ where: { code: 'CONOCER-DVD' }, select: { id: true } });
  for (;;) {
    const anio = 2030 + Math.floor(Math.random() * 60);
    const desde = new Date(Date.UTC(anio - 1, 9, 1));
    const hasta = new Date(Date.UTC(anio + 1, 0, 1));
    const [e, a, r] = await Promise.all([
      server.db.estadisticaPortal.count({ where: { unitId: dvd.id, semana: { gte: desde, lt: hasta } } }),
      server.db.analisisPortal.count({ where: { unitId: dvd.id, anio } }),
      server.db.revisionContenidoPortal.count({ where: { unitId: dvd.id, anio } }),
    ]);
    if (!e && !a && !r) return anio;
  }
}

/** The `n`th Monday (0-based) on or after the first day of `month` (0-11) of `anio`, YYYY-MM-DD. */
function monday(anio: number, month: number, n = 0): string {
  const d = new Date(Date.UTC(anio, month, 1));
  while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() + 1);
  d.setUTCDate(d.getUTCDate() + 7 * n);
  return d.toISOString().slice(0, 10);
}

async function upload(who: string, body: string | Uint8Array<ArrayBuffer>, name: string, type: string) {
  const form = new FormData();
  form.append('file', new Blob([body], { type }), name);
  const res = await fetch(`${server.url}/documents`, { method: 'POST', body: form, headers: { authorization: `Bearer ${tokens[who]}` } });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function workbook(rows: (string | number)[][]): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Estadisticas');
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('portal request (C.4.4 steps 1-7)', () => {
  const create = (titulo: string) =>
    gql(
      server,
      CreateSolicitudPortalDocument,
      {
        input: {
          tipo: 'COMUNICADOS',
          titulo,
          descripcion: 'Publicar el comunicado de la nueva convocatoria',
          areaSolicitanteId: units['CONOCER-CC'],
        },
      },
      tokens[CANALES],
    );

  it('a request that does not proceed: the area is told why (1.2 no → 1.3), and the reason is required', async () => {
    const r = await create('Comunicado sin sustento');
    const id = r.data!.createSolicitudPortal.id;
    expect(r.data!.createSolicitudPortal.estado).toBe('REGISTRADA');
    const noReason = await gql(server, CloseSolicitudPortalAsConocerResponsableCanalesDocument, { input: { id } }, tokens[CANALES]);
    expect(codeOf(noReason)).toBe('BAD_USER_INPUT');
    // Only the Responsable de Canales records it.
    const byDvd = await gql(
      server,
      CloseSolicitudPortalAsConocerResponsableCanalesDocument,
      { input: { id, observaciones: 'x' } },
      tokens[DVD],
    );
    expect(codeOf(byDvd), JSON.stringify(byDvd.errors)).toBe('FORBIDDEN');
    const closed = await gql(
      server,
      CloseSolicitudPortalAsConocerResponsableCanalesDocument,
      { input: { id, observaciones: 'La DVD no aprueba: falta el oficio del área y la fecha de publicación' } },
      tokens[CANALES],
    );
    expect(closed.errors).toBeUndefined();
    const s = closed.data!.closeSolicitudPortalAsConocerResponsableCanales;
    expect(s.estado).toBe('NO_PROCEDENTE');
    expect(s.motivosNoProcedente).toBe('La DVD no aprueba: falta el oficio del área y la fecha de publicación');
    expect(s.availableSteps).toEqual([]);
  });

  it('goes from request to production through the provider, with the DVD\'s "no" (4.1) and the requester\'s "no" (6.3)', async () => {
    const r = await create('Sección de convocatorias');
    expect(r.errors).toBeUndefined();
    const id = r.data!.createSolicitudPortal.id;
    const step = async <T>(p: Promise<{ data?: T | null; errors?: unknown }>) => {
      const x = await p;
      expect(x.errors, JSON.stringify(x.errors)).toBeUndefined();
      return Object.values(x.data as object)[0] as { estado: string; availableSteps: string[] };
    };
    // The provider does not see the request before the design is sent to it.
    const early = await gql(
      server,
      ReceiveSolicitudPortalAsConocerProveedorPortalDocument,
      { input: { id, planTrabajo: 'p' } },
      tokens[PROVEEDOR],
    );
    expect(codeOf(early)).toBe('NOT_FOUND');

    await step(gql(server, ReceiveSolicitudPortalAsConocerResponsableCanalesDocument, { input: { id } }, tokens[CANALES]));
    // 2.5 needs the whole design.
    await step(
      gql(server, UpdateSolicitudPortalDocument, { input: { id, contenido: 'Texto de la convocatoria y sus bases' } }, tokens[CANALES]),
    );
    const incomplete = await gql(server, SubmitSolicitudPortalDocument, { input: { id } }, tokens[CANALES]);
    expect(codeOf(incomplete)).toBe('INVALID_TRANSITION');
    const design = { id, requerimientosFuncionales: 'Listado filtrable por sector', solucion: 'Página nueva bajo /convocatorias' };
    await step(gql(server, UpdateSolicitudPortalDocument, { input: design }, tokens[CANALES]));
    expect((await step(gql(server, SubmitSolicitudPortalDocument, { input: { id } }, tokens[CANALES]))).estado).toBe('EN_REVISION');

    // 3.2 / 4.1 no: the DVD's observations send it back to the design.
    const back = await step(
      gql(
        server,
        ReturnSolicitudPortalAsConocerDireccionVinculacionDocument,
        { input: { id, observaciones: 'Agregar filtro por entidad' } },
        tokens[DVD],
      ),
    );
    expect(back.estado).toBe('EN_DISENO');
    await step(
      gql(
        server,
        UpdateSolicitudPortalDocument,
        { input: { id, requerimientosFuncionales: 'Filtros por sector y entidad' } },
        tokens[CANALES],
      ),
    );
    await step(gql(server, SubmitSolicitudPortalDocument, { input: { id } }, tokens[CANALES]));
    // 4.2: sent to the provider's organisation, which must be an outside one.
    const wrong = await gql(
      server,
      SendSolicitudPortalAsConocerDireccionVinculacionDocument,
      { input: { id, proveedorId: units['CONOCER-CC'] } },
      tokens[DVD],
    );
    expect(issuesOf(wrong).map((i) => i.path)).toEqual([['input', 'proveedorId', 0]]);
    const sent = await step(
      gql(
        server,
        SendSolicitudPortalAsConocerDireccionVinculacionDocument,
        { input: { id, proveedorId: units['PROV-PORTAL'] } },
        tokens[DVD],
      ),
    );
    expect(sent.estado).toBe('ENVIADA');

    // The provider now reads it; another outside organisation does not.
    const seen = await gql(server, SolicitudesPortalDocument, { filter: { estado: ['ENVIADA'] }, first: 50 }, tokens[PROVEEDOR]);
    expect(seen.data!.solicitudesPortal.edges.map((e) => e.node.id)).toContain(id);
    const other = await gql(server, SolicitudesPortalDocument, { first: 50 }, tokens['usuario.emp-mex01']);
    expect(other.data!.solicitudesPortal.totalCount).toBe(0);

    const build = async () => {
      await step(
        gql(
          server,
          ReceiveSolicitudPortalAsConocerProveedorPortalDocument,
          { input: { id, planTrabajo: 'Semana 1: maqueta; semana 2: pruebas' } },
          tokens[PROVEEDOR],
        ),
      );
    };
    const deliver = () =>
      step(
        gql(
          server,
          DeliverSolicitudPortalDocument,
          { input: { id, urlPrueba: 'https://pruebas.conocer.gob.mx/convocatorias', resultadoPruebas: 'Pruebas funcionales sin errores' } },
          tokens[PROVEEDOR],
        ),
      );
    await build();
    const badUrl = await gql(
      server,
      DeliverSolicitudPortalDocument,
      { input: { id, urlPrueba: 'ftp://x', resultadoPruebas: 'ok' } },
      tokens[PROVEEDOR],
    );
    expect(issuesOf(badUrl).map((i) => i.path)).toEqual([['input', 'urlPrueba']]);
    expect((await deliver()).estado).toBe('ENTREGADA');
    // 6.2: adjustments against the approved design go back to the provider.
    const adjust = await step(
      gql(
        server,
        SendSolicitudPortalAsConocerResponsableCanalesDocument,
        { input: { id, observaciones: 'Falta el filtro por entidad' } },
        tokens[CANALES],
      ),
    );
    expect(adjust.estado).toBe('EN_CONSTRUCCION');
    await deliver();
    // 6.3 no: the requesting area does not validate it → back to 2.1.
    const rejected = await step(
      gql(
        server,
        ReturnSolicitudPortalAsConocerResponsableCanalesDocument,
        { input: { id, observaciones: 'El área pide otra estructura de la página' } },
        tokens[CANALES],
      ),
    );
    expect(rejected.estado).toBe('EN_DISENO');
    await step(gql(server, UpdateSolicitudPortalDocument, { input: { id, solucion: 'Página con pestañas por sector' } }, tokens[CANALES]));
    await step(gql(server, SubmitSolicitudPortalDocument, { input: { id } }, tokens[CANALES]));
    await step(
      gql(
        server,
        SendSolicitudPortalAsConocerDireccionVinculacionDocument,
        { input: { id, proveedorId: units['PROV-PORTAL'] } },
        tokens[DVD],
      ),
    );
    await build();
    await deliver();
    expect((await step(gql(server, ApproveSolicitudPortalDocument, { input: { id } }, tokens[CANALES]))).estado).toBe('VALIDADA');

    // 7.1-7.3: in production, documented (at least one document, uploaded by the provider).
    const none = await gql(
      server,
      CloseSolicitudPortalAsConocerProveedorPortalDocument,
      { input: { id, urlProduccion: 'https://conocer.gob.mx/convocatorias', documentoIds: [] } },
      tokens[PROVEEDOR],
    );
    expect(issuesOf(none).map((i) => i.path)).toEqual([['input', 'documentoIds']]);
    const doc = await uploadPdf(server, tokens[PROVEEDOR], 'manual-convocatorias.pdf');
    const done = await gql(
      server,
      CloseSolicitudPortalAsConocerProveedorPortalDocument,
      { input: { id, urlProduccion: 'https://conocer.gob.mx/convocatorias', documentoIds: [doc] } },
      tokens[PROVEEDOR],
    );
    expect(done.errors).toBeUndefined();
    const s = done.data!.closeSolicitudPortalAsConocerProveedorPortal;
    expect(s.estado).toBe('EN_PRODUCCION');
    expect(s.documentos).toEqual([{ nombre: 'manual-convocatorias.pdf', tipo: 'DOCUMENTACION_PORTAL' }]);
    expect(s.destinatarios).toEqual([{ fin: 'PROVEEDOR_PORTAL', unit: { code: 'PROV-PORTAL' } }]);
    expect(s.history.map((h) => h.transition)).toEqual([
      'createSolicitudPortal',
      'receiveSolicitudPortalAsConocerResponsableCanales',
      'updateSolicitudPortal',
      'updateSolicitudPortal',
      'submitSolicitudPortal',
      'returnSolicitudPortalAsConocerDireccionVinculacion',
      'updateSolicitudPortal',
      'submitSolicitudPortal',
      'sendSolicitudPortalAsConocerDireccionVinculacion',
      'receiveSolicitudPortalAsConocerProveedorPortal',
      'deliverSolicitudPortal',
      'sendSolicitudPortalAsConocerResponsableCanales',
      'deliverSolicitudPortal',
      'returnSolicitudPortalAsConocerResponsableCanales',
      'updateSolicitudPortal',
      'submitSolicitudPortal',
      'sendSolicitudPortalAsConocerDireccionVinculacion',
      'receiveSolicitudPortalAsConocerProveedorPortal',
      'deliverSolicitudPortal',
      'approveSolicitudPortal',
      'closeSolicitudPortalAsConocerProveedorPortal',
    ]);
  });
});

describe('weekly statistics (C.4.4 step 8.1) and the quarterly trend (9-12)', () => {
  const importWeek = (semana: string, documentoId: string) =>
    gql(server, CreateEstadisticaPortalDocument, { input: { semana, documentoId } }, tokens[CANALES]);
  const count = () => server.db.estadisticaPortalPagina.count();

  it('imports a CSV and an XLSX export; a bad row refuses the file with its line and column, writing nothing; one import per week', async () => {
    const anio = await freeYear();
    const csv = 'pagina,accesos,segundos_promedio\r\n/inicio,1200,35\r\n/registro-nacional,300,"92.6"\r\n';
    const semana = monday(anio, 0);
    const r = await importWeek(semana, await upload(CANALES, csv, 'semana.csv', 'text/csv'));
    expect(r.errors).toBeUndefined();
    expect(r.data!.createEstadisticaPortal).toMatchObject({
      semana,
      accesosTotales: 1500,
      nombreArchivo: 'semana.csv',
      paginas: [
        { pagina: '/inicio', accesos: 1200, segundosPromedio: 35 },
        { pagina: '/registro-nacional', accesos: 300, segundosPromedio: 93 },
      ],
      documentos: [{ nombre: 'semana.csv', tipo: 'ESTADISTICA_PORTAL' }],
    });

    // A bad row (negative accesses, a repeated page, a missing time): refused whole, nothing written.
    const before = await count();
    const bad = 'pagina,accesos,segundos_promedio\n/inicio,10,5\n/inicio,-4,5\n/faq,7,\n';
    const refused = await importWeek(monday(anio, 0, 1), await upload(CANALES, bad, 'mala.csv', 'text/csv'));
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(issuesOf(refused)).toEqual([
      { path: ['input', 'documentoId', 3, 'pagina'], message: 'Line 3, column pagina: The page is already on line 2' },
      { path: ['input', 'documentoId', 3, 'accesos'], message: 'Line 3, column accesos: Must be a whole number, 0 or more' },
      {
        path: ['input', 'documentoId', 4, 'segundos_promedio'],
        message: 'Line 4, column segundos_promedio: Must be a number of seconds, 0 or more',
      },
    ]);
    expect(await count()).toBe(before);
    const missing = await importWeek(monday(anio, 0, 1), await upload(CANALES, 'pagina,visitas\n/a,1\n', 'x.csv', 'text/csv'));
    expect(issuesOf(missing).map((i) => i.path)).toEqual([
      ['input', 'documentoId', 1, 'accesos'],
      ['input', 'documentoId', 1, 'segundos_promedio'],
    ]);

    // The same week again, even from the same file, is refused: the week keeps its rows.
    const again = await importWeek(semana, await upload(CANALES, csv, 'semana.csv', 'text/csv'));
    expect(issuesOf(again)).toEqual([{ path: ['input', 'semana'], message: 'This week is already imported from this same file' }]);
    expect(await count()).toBe(before);
    const notMonday = await importWeek(
      `${anio}-01-0${(Number(semana.slice(-1)) % 7) + 1}`,
      await upload(CANALES, csv, 's.csv', 'text/csv'),
    );
    expect(codeOf(notMonday)).toBe('BAD_USER_INPUT');

    // An XLSX workbook with a bad row is refused with the row's number; the good one is imported.
    const badXlsx = await workbook([
      ['pagina', 'accesos', 'segundos_promedio'],
      ['/inicio', 'muchos', 20],
    ]);
    const refusedX = await importWeek(monday(anio, 0, 1), await upload(CANALES, badXlsx, 'semana.xlsx', XLSX_CONTENT_TYPE));
    expect(issuesOf(refusedX).map((i) => i.path)).toEqual([['input', 'documentoId', 2, 'accesos']]);
    expect(await count()).toBe(before);
    const xlsx = await workbook([
      ['pagina', 'accesos', 'segundos_promedio'],
      ['/inicio', 800, 40],
      ['/faq', 50, 12.4],
    ]);
    const x = await importWeek(monday(anio, 0, 1), await upload(CANALES, xlsx, 'semana.xlsx', XLSX_CONTENT_TYPE));
    expect(x.errors).toBeUndefined();
    expect(x.data!.createEstadisticaPortal.accesosTotales).toBe(850);
    const list = await gql(server, EstadisticasPortalDocument, { filter: { anio }, first: 10 }, tokens[DVD]);
    expect(list.data!.estadisticasPortal.edges.map((e) => e.node.semana)).toEqual([semana, monday(anio, 0, 1)]);

    // Only the Responsable de Canales imports.
    const byDvd = await gql(
      server,
      CreateEstadisticaPortalDocument,
      { input: { semana: monday(anio, 0, 2), documentoId: await upload(DVD, csv, 's.csv', 'text/csv') } },
      tokens[DVD],
    );
    expect(codeOf(byDvd), JSON.stringify(byDvd.errors)).toBe('FORBIDDEN');
  });

  it("the DVD's quarterly analysis compares each page with the previous quarter (SQL), and is reported to the Dirección General", async () => {
    const anio = await freeYear();
    const csv = (rows: string) => `pagina,accesos,segundos_promedio\n${rows}`;
    // Previous quarter (Q4 of anio-1): two weeks. The quarter (Q1): two weeks.
    const weeks: [string, string][] = [
      [monday(anio - 1, 9), '/inicio,100,30\n/faq,50,10\n'],
      [monday(anio - 1, 10), '/inicio,100,50\n'],
      [monday(anio, 0), '/inicio,150,20\n/nuevo,10,60\n'],
      [monday(anio, 1), '/inicio,150,40\n/faq,25,10\n'],
    ];
    for (const [semana, rows] of weeks) {
      const r = await importWeek(semana, await upload(CANALES, csv(rows), 'w.csv', 'text/csv'));
      expect(r.errors).toBeUndefined();
    }
    const created = await gql(server, CreateAnalisisPortalDocument, { input: { anio, trimestre: 1 } }, tokens[DVD]);
    expect(created.errors).toBeUndefined();
    const a = created.data!.createAnalisisPortal;
    expect(a.tendencia).toEqual({
      semanas: 2,
      semanasAnterior: 2,
      accesosTotales: 335,
      accesosTotalesAnterior: 250,
      variacion: 34,
      paginas: [
        { pagina: '/inicio', accesos: 300, accesosAnterior: 200, variacion: 50, segundosPromedio: 30, segundosPromedioAnterior: 40 },
        { pagina: '/faq', accesos: 25, accesosAnterior: 50, variacion: -50, segundosPromedio: 10, segundosPromedioAnterior: 10 },
        { pagina: '/nuevo', accesos: 10, accesosAnterior: 0, variacion: null, segundosPromedio: 60, segundosPromedioAnterior: null },
      ],
    });
    const dup = await gql(server, CreateAnalisisPortalDocument, { input: { anio, trimestre: 1 } }, tokens[DVD]);
    expect(issuesOf(dup).map((i) => i.path)).toEqual([['input', 'trimestre']]);

    const early = await gql(server, SubmitAnalisisPortalDocument, { input: { id: a.id } }, tokens[DVD]);
    expect(codeOf(early)).toBe('INVALID_TRANSITION');
    const filled = await gql(
      server,
      UpdateAnalisisPortalDocument,
      {
        input: {
          id: a.id,
          analisis: 'Los accesos crecieron 34 %',
          brechas: 'La página de preguntas frecuentes perdió la mitad de sus accesos',
          areasOportunidad: 'Enlazar las preguntas frecuentes desde el inicio',
        },
      },
      tokens[DVD],
    );
    expect(filled.errors).toBeUndefined();
    expect((await gql(server, SubmitAnalisisPortalDocument, { input: { id: a.id } }, tokens[DVD])).data!.submitAnalisisPortal.estado).toBe(
      'PRESENTADO',
    );
    const informe = await uploadPdf(server, tokens[DVD], 'informe-portal.pdf');
    const sent = await gql(server, SendAnalisisPortalDocument, { input: { id: a.id, documentoIds: [informe] } }, tokens[DVD]);
    expect(sent.errors).toBeUndefined();
    expect(sent.data!.sendAnalisisPortal.estado).toBe('REPORTADO');
    // The Responsable de Canales does not take the DVD's steps.
    const byCanales = await gql(server, CreateAnalisisPortalDocument, { input: { anio, trimestre: 2 } }, tokens[CANALES]);
    expect(codeOf(byCanales)).toBe('FORBIDDEN');
  });
});

describe('quarterly review of static content (policy 3.1.2)', () => {
  it('one record per quarter, with its findings', async () => {
    const anio = await freeYear();
    const input = {
      anio,
      trimestre: 2,
      hallazgos: 'Misión y visión vigentes; el directorio de CGC cambió',
      requiereActualizacion: true,
    };
    const r = await gql(server, CreateRevisionContenidoPortalDocument, { input }, tokens[CANALES]);
    expect(r.errors).toBeUndefined();
    expect(r.data!.createRevisionContenidoPortal).toMatchObject({ anio, trimestre: 2, requiereActualizacion: true });
    const again = await gql(server, CreateRevisionContenidoPortalDocument, { input }, tokens[CANALES]);
    expect(issuesOf(again)).toEqual([
      { path: ['input', 'trimestre'], message: 'This unit already reviewed the static content of this quarter' },
    ]);
    const byOperador = await gql(
      server,
      CreateRevisionContenidoPortalDocument,
      { input: { ...input, trimestre: 3 } },
      tokens['conocer.operador'],
    );
    expect(codeOf(byOperador)).toBe('FORBIDDEN');
  });
});
