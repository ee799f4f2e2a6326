// Issue #13 through the API: the training normativa (Pd-02-It-01) returned by
// the COMERI and approved on the second round; a CAST's catalogue updated and
// published through the DCTA request (8.1.5); a semester meeting whose two
// agreements are followed, one closed and one listed as overdue (It-01 step 8);
// the training offer disseminated to the state offices (Pd-02-It-05). Each
// test builds its own records (factories or API calls inside the test).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AcuerdosReunionDocument,
  AddAportacionNormativaDocument,
  AddRecursoPromocionDocument,
  ApproveProyectoNormativoCapacitacionAsComeriDocument,
  ApproveProyectoNormativoCapacitacionAsGtComeriDocument,
  ApproveProyectoNormativoAsDstcDocument,
  CatalogosServiciosDocument,
  CloseAcuerdoReunionDocument,
  ClosePromocionServiciosTecnologicosDocument,
  CloseProyectoNormativoCapacitacionDocument,
  CloseReunionTrabajoCastDocument,
  CloseSolicitudDirigidaDocument,
  CreateAcuerdoReunionDocument,
  CreateCatalogoServiciosDocument,
  CreateOfertaCapacitacionDocument,
  CreatePromocionServiciosTecnologicosDocument,
  CreateProyectoNormativoCapacitacionDocument,
  CreateSolicitudDirigidaDocument,
  OfertasCapacitacionDocument,
  ProyectoNormativoDocument,
  PublishOfertaCapacitacionDocument,
  PublishProyectoNormativoCapacitacionDocument,
  ReceivePromocionServiciosTecnologicosDocument,
  ReceiveProyectoNormativoCapacitacionDocument,
  ReceiveSolicitudDirigidaDocument,
  ReturnProyectoNormativoCapacitacionAsComeriDocument,
  SendPromocionServiciosTecnologicosToCastDocument,
  SendProyectoNormativoCapacitacionDocument,
  SendProyectoNormativoCapacitacionToComeriDocument,
  SubmitPromocionServiciosTecnologicosDocument,
  SubmitProyectoNormativoCapacitacionDocument,
  UpdateOfertaCapacitacionDocument,
  type ProyectoNormativoFieldsFragment,
} from '../src/generated/graphql.js';
import { make } from './factories.js';
import { codeOf, demoTokens, expectOnlyAllowed, gql, startServer, unitIdsByCode, type GqlResponse, type TestServer } from './helpers.js';

let server: TestServer;
let tokens: Record<string, string>;
let unitIds: Record<string, string>;

beforeAll(async () => {
  server = await startServer();
  tokens = await demoTokens(server);
  unitIds = await unitIdsByCode(server, tokens.admin);
});
afterAll(() => server.stop());

/** The call succeeded: its data. */
async function ok<T>(p: Promise<GqlResponse<T>>): Promise<T> {
  const r = await p;
  expect(r.errors).toBeUndefined();
  return r.data!;
}
const yesterday = () => new Date(Date.now() - 86_400_000).toISOString();
/** A year (2000-2100, as the API takes) for which the unit has no record of the model yet. */
async function freeYear(model: 'promocionServiciosTecnologicos' | 'ofertaCapacitacion', code: string): Promise<number> {
  const { id: unitId } = await server.db.orgUnit.findUniqueOrThrow({ where: { code }, select: { id: true } });
  const delegate = server.db[model] as unknown as { count(args: object): Promise<number> };
  for (;;) {
    const anio = 2000 + Math.floor(Math.random() * 101);
    if (!(await delegate.count({ where: { unitId, anio } }))) return anio;
  }
}

describe('Normativa de los servicios de capacitación (Pd-02-It-01)', () => {
  const read = async (id: string, as = 'admin') =>
    (await gql(server, ProyectoNormativoDocument, { id }, tokens[as])).data!.node as ProyectoNormativoFieldsFragment | null;

  it('returned by the COMERI and approved on the second round: the whole instruction through the API', async () => {
    const p = await ok(
      gql(
        server,
        CreateProyectoNormativoCapacitacionDocument,
        { input: { titulo: 'Lineamientos de capacitación 2027', necesidad: 'Nuevas cuotas de recuperación' } },
        tokens.sesc,
      ),
    );
    const id = p.createProyectoNormativoCapacitacion.id;
    expect(p.createProyectoNormativoCapacitacion).toMatchObject({ tipo: 'CAPACITACION', estado: 'EN_ELABORACION', unit: { code: 'CSC' } });
    const doc = { id, documentoUrl: 'https://docs.example.org/capacitacion/lineamientos-2027.pdf' };
    const round = async (contributor: string) => {
      await ok(gql(server, SubmitProyectoNormativoCapacitacionDocument, { input: doc }, tokens.csc));
      await ok(gql(server, ApproveProyectoNormativoCapacitacionAsGtComeriDocument, { input: { id } }, tokens['gt.comeri']));
      await ok(
        gql(
          server,
          SendProyectoNormativoCapacitacionDocument,
          { input: { id, unitIds: [unitIds['CE-MEX'], unitIds.RCEO] } },
          tokens.jdcesc,
        ),
      );
      await ok(gql(server, AddAportacionNormativaDocument, { input: { id, texto: `Aportación de ${contributor}` } }, tokens[contributor]));
      await ok(gql(server, SendProyectoNormativoCapacitacionToComeriDocument, { input: { id } }, tokens.csc));
    };
    await round('enlace.mex');
    const returned = await ok(
      gql(
        server,
        ReturnProyectoNormativoCapacitacionAsComeriDocument,
        { input: { id, observaciones: 'Falta el anexo de cuotas' } },
        tokens.comeri,
      ),
    );
    expect(returned.returnProyectoNormativoCapacitacionAsComeri.estado).toBe('EN_ELABORACION');
    await round('enlace.rceo');
    await ok(
      gql(server, ApproveProyectoNormativoCapacitacionAsComeriDocument, { input: { id, numeroRegistro: 'COMERI-2027-03' } }, tokens.comeri),
    );
    await ok(
      gql(server, PublishProyectoNormativoCapacitacionDocument, { input: { id, unitIds: [unitIds['CE-MEX'], unitIds.RCEO] } }, tokens.csc),
    );
    await ok(gql(server, ReceiveProyectoNormativoCapacitacionDocument, { input: { id } }, tokens['enlace.mex']));
    const closed = await ok(
      gql(
        server,
        CloseProyectoNormativoCapacitacionDocument,
        {
          input: {
            id,
            fecha: yesterday(),
            modalidad: 'VIRTUAL',
            evidenciasReunion: [{ tipo: 'CAPTURA_PANTALLA', descripcion: 'Sesión de asesoría a responsables' }],
            seguimiento: 'Reporte trimestral de aplicación por Colegio Estatal',
          },
        },
        tokens.csc,
      ),
    );
    const record = closed.closeProyectoNormativoCapacitacion;
    expect(record).toMatchObject({ estado: 'CERRADO', numeroRegistro: 'COMERI-2027-03', availableSteps: [] });
    expect(record.aportaciones.map((a) => [a.unit.code, a.texto])).toEqual([
      ['CE-MEX', 'Aportación de enlace.mex'],
      ['RCEO', 'Aportación de enlace.rceo'],
    ]);
    const steps = record.history.map((h) => [h.transition, h.toState, h.actorRole]);
    expect(steps.filter(([t]) => t === 'returnProyectoNormativoCapacitacionAsComeri')).toEqual([
      ['returnProyectoNormativoCapacitacionAsComeri', 'EN_ELABORACION', 'COMERI'],
    ]);
    expect(steps.filter(([t]) => t === 'submitProyectoNormativoCapacitacion')).toHaveLength(2);
    expect(steps.at(-4)).toEqual(['approveProyectoNormativoCapacitacionAsComeri', 'APROBADO_COMERI', 'COMERI']);
    expect(record.history.find((h) => h.transition === 'returnProyectoNormativoCapacitacionAsComeri')!.comment).toBe(
      'Falta el anexo de cuotas',
    );
    // The state offices it went to read it; another does not.
    expect((await read(id, 'enlace.mex'))?.id).toBe(id);
    expect(await read(id, 'dg.ver')).toBeNull();
  });

  it('only the COMERI approves or returns, only an addressed state office contributes, and nobody else takes a step', async () => {
    const review = await make.proyectoNormativoCapacitacion(server.db, { estado: 'EN_REVISION_COMERI' });
    await expectOnlyAllowed(
      tokens,
      ['comeri'],
      (t) => gql(server, ApproveProyectoNormativoCapacitacionAsComeriDocument, { input: { id: review.globalId, numeroRegistro: 'X' } }, t),
      async () => (await read(review.globalId))?.version,
    );
    const consensus = await make.proyectoNormativoCapacitacion(server.db, {
      estado: 'EN_CONSENSO',
      destinatarios: [{ unit: 'RCEO', fin: 'APORTACIONES' }],
    });
    await expectOnlyAllowed(
      tokens,
      ['enlace.rceo'],
      (t) => gql(server, AddAportacionNormativaDocument, { input: { id: consensus.globalId, texto: 'Aportación' } }, t),
      async () => (await read(consensus.globalId))?.aportaciones.length,
    );
  });

  it('step 5 waits for a contribution; a return needs observations', async () => {
    const p = await make.proyectoNormativoCapacitacion(server.db, { estado: 'EN_CONSENSO', ready: false });
    const early = await gql(server, SendProyectoNormativoCapacitacionToComeriDocument, { input: { id: p.globalId } }, tokens.csc);
    expect(codeOf(early)).toBe('INVALID_TRANSITION');
    expect(early.errors![0].message).toBe('No Colegio Estatal, UODCDMX or RCEO has contributed yet (step 4 comes before step 5)');
    const q = await make.proyectoNormativoCapacitacion(server.db, { estado: 'EN_REVISION_COMERI' });
    const bare = await gql(server, ReturnProyectoNormativoCapacitacionAsComeriDocument, { input: { id: q.globalId } }, tokens.comeri);
    expect(codeOf(bare)).toBe('BAD_USER_INPUT');
    expect((await read(q.globalId))?.estado).toBe('EN_REVISION_COMERI');
  });

  it('the two procedures over one record type never cross: a step of one does not find a project of the other', async () => {
    const capacitacion = await make.proyectoNormativoCapacitacion(server.db, { estado: 'EN_ELABORACION' });
    const tecnologico = await make.proyectoNormativo(server.db, { estado: 'EN_REVISION_DSTC' });
    expect(codeOf(await gql(server, ApproveProyectoNormativoAsDstcDocument, { input: { id: capacitacion.globalId } }, tokens.dstc))).toBe(
      'NOT_FOUND',
    );
    const doc = { id: tecnologico.globalId, documentoUrl: 'https://docs.example.org/x.pdf' };
    expect(codeOf(await gql(server, SubmitProyectoNormativoCapacitacionDocument, { input: doc }, tokens.csc))).toBe('NOT_FOUND');
    expect((await read(capacitacion.globalId))?.availableSteps).toEqual([]);
    expect((await read(capacitacion.globalId, 'csc'))?.availableSteps).toEqual(['submitProyectoNormativoCapacitacion']);
    expect((await read(tecnologico.globalId, 'dstc'))?.availableSteps.sort()).toEqual([
      'approveProyectoNormativoAsDstc',
      'returnProyectoNormativoAsDstc',
    ]);
  });
});

describe('Promoción y difusión de los servicios tecnológicos (8.1.5)', () => {
  it("a CAST's catalogue updated and published through the DCTA request", async () => {
    const anio = await freeYear('promocionServiciosTecnologicos', 'DSTC');
    const created = await ok(
      gql(
        server,
        CreatePromocionServiciosTecnologicosDocument,
        { input: { anio, instruccion: `Actualizar servicios ${anio}` } },
        tokens.dstc,
      ),
    );
    const id = created.createPromocionServiciosTecnologicos.id;
    await ok(
      gql(server, SendPromocionServiciosTecnologicosToCastDocument, { input: { id, castUnitIds: [unitIds['VER-CAST01']] } }, tokens.cst),
    );
    // A CAST not asked cannot answer; the one asked sends its catalogue, then an updated edition.
    const servicios = [{ nombre: 'Mantenimiento industrial', descripcion: 'Diagnóstico y mantenimiento preventivo' }];
    const refused = await gql(
      server,
      CreateCatalogoServiciosDocument,
      { input: { promocionServiciosTecnologicosId: id, servicios } },
      tokens['cast.mex'],
    );
    expect(codeOf(refused)).toBe('NOT_FOUND');
    const first = (
      await ok(
        gql(server, CreateCatalogoServiciosDocument, { input: { promocionServiciosTecnologicosId: id, servicios } }, tokens['cast.ver']),
      )
    ).createCatalogoServicios;
    const updated = (
      await ok(
        gql(
          server,
          CreateCatalogoServiciosDocument,
          {
            input: {
              promocionServiciosTecnologicosId: id,
              servicios: [...servicios, { nombre: 'Metrología', descripcion: 'Calibración de equipos' }],
            },
          },
          tokens['cast.ver'],
        ),
      )
    ).createCatalogoServicios;
    expect(updated.unit.code).toBe('VER-CAST01');
    expect(updated.edicion).toBe(first.edicion + 1);
    expect(updated.servicios.map((s) => s.nombre)).toEqual(['Mantenimiento industrial', 'Metrología']);
    // Step 7 cannot come before step 6.
    await ok(
      gql(server, SubmitPromocionServiciosTecnologicosDocument, { input: { id, compilacion: 'Catálogo nacional compilado' } }, tokens.cst),
    );
    await ok(gql(server, ReceivePromocionServiciosTecnologicosDocument, { input: { id } }, tokens.dstc));
    const tooEarly = await gql(server, ClosePromocionServiciosTecnologicosDocument, { input: { id, verificacion: 'x' } }, tokens.cst);
    expect(codeOf(tooEarly)).toBe('INVALID_TRANSITION');
    // Step 6: the DSTC asks the DVS and the DCTA; each receives and answers.
    const ask = async (tipo: 'MATERIAL_PROMOCIONAL' | 'PUBLICACION_PORTAL', to: string) =>
      (
        await ok(
          gql(
            server,
            CreateSolicitudDirigidaDocument,
            { input: { promocionServiciosTecnologicosId: id, tipo, asunto: `Solicitud ${tipo}`, destinatarioUnitId: unitIds[to] } },
            tokens.dstc,
          ),
        )
      ).createSolicitudDirigida.id;
    const material = await ask('MATERIAL_PROMOCIONAL', 'DVS');
    const portal = await ask('PUBLICACION_PORTAL', 'DCTA');
    // The DVS cannot take the DCTA's request, nor ask the DVS to publish the portal.
    expect(codeOf(await gql(server, ReceiveSolicitudDirigidaDocument, { input: { id: portal } }, tokens.dvs))).toBe('FORBIDDEN');
    const misaddressed = await gql(
      server,
      CreateSolicitudDirigidaDocument,
      { input: { promocionServiciosTecnologicosId: id, tipo: 'PUBLICACION_PORTAL', asunto: 'Portal', destinatarioUnitId: unitIds.DVS } },
      tokens.dstc,
    );
    expect(codeOf(misaddressed)).toBe('BAD_USER_INPUT');
    await ok(gql(server, ReceiveSolicitudDirigidaDocument, { input: { id: material } }, tokens.dvs));
    await ok(gql(server, CloseSolicitudDirigidaDocument, { input: { id: material, respuesta: 'Trípticos y carteles' } }, tokens.dvs));
    await ok(gql(server, ReceiveSolicitudDirigidaDocument, { input: { id: portal } }, tokens.dcta));
    const noUrl = await gql(server, CloseSolicitudDirigidaDocument, { input: { id: portal, respuesta: 'Publicado' } }, tokens.dcta);
    expect(noUrl.errors![0].extensions!.issues).toEqual([
      { path: ['input', 'urlRespuesta'], message: 'Give the URL where the catalogue is published' },
    ]);
    const url = `https://www.conalep.edu.mx/servicios-tecnologicos/${anio}`;
    await ok(
      gql(
        server,
        CloseSolicitudDirigidaDocument,
        { input: { id: portal, respuesta: 'Catálogo publicado', urlRespuesta: url } },
        tokens.dcta,
      ),
    );
    const verified = (
      await ok(gql(server, ClosePromocionServiciosTecnologicosDocument, { input: { id, verificacion: 'Difusión verificada' } }, tokens.cst))
    ).closePromocionServiciosTecnologicos;
    expect(verified).toMatchObject({ estado: 'VERIFICADA', publicacion: { url } });
    // The CAST reads its latest edition and where it was published.
    const mine = await ok(
      gql(
        server,
        CatalogosServiciosDocument,
        { filter: { unitId: unitIds['VER-CAST01'] }, orderBy: { field: 'edicion', direction: 'DESC' }, first: 1 },
        tokens['cast.ver'],
      ),
    );
    expect(mine.catalogosServicios.edges[0].node).toMatchObject({
      id: updated.id,
      promocionServiciosTecnologicos: { id, publicacion: { url } },
    });
    // Another CAST does not see it.
    const other = await ok(
      gql(server, CatalogosServiciosDocument, { filter: { unitId: unitIds['VER-CAST01'] }, first: 5 }, tokens['cast.mex']),
    );
    expect(other.catalogosServicios.totalCount).toBe(0);
  });
});

describe('Acuerdos y compromisos de la reunión de trabajo (It-01 step 8)', () => {
  it("a semester's meeting whose two agreements are followed: one closed, one listed as overdue", async () => {
    const meeting = await make.reunionTrabajoCast(server.db, { estado: 'CONVOCADA', ready: false });
    const agree = async (descripcion: string, responsable: string, fechaCompromiso: string) =>
      (
        await ok(
          gql(
            server,
            CreateAcuerdoReunionDocument,
            { input: { reunionTrabajoCastId: meeting.globalId, descripcion, responsableUnitId: unitIds[responsable], fechaCompromiso } },
            tokens.cst,
          ),
        )
      ).createAcuerdoReunion;
    const kept = await agree('Actualizar el catálogo de servicios', 'MEX-CAST01', new Date(Date.now() - 2 * 86_400_000).toISOString());
    const late = await agree('Enviar casos de éxito', 'VER-CAST01', new Date(Date.now() - 86_400_000).toISOString());
    expect([kept.vencido, late.vencido]).toEqual([true, true]);
    await ok(
      gql(
        server,
        CloseReunionTrabajoCastDocument,
        {
          input: {
            id: meeting.globalId,
            fecha: yesterday(),
            modalidad: 'PRESENCIAL',
            resultados: 'Se acordó actualizar catálogos y compartir casos de éxito',
            evidenciasReunion: [{ tipo: 'MINUTA', descripcion: 'Minuta firmada' }],
          },
        },
        tokens.cst,
      ),
    );
    await expectOnlyAllowed(
      tokens,
      ['cst'],
      (t) => gql(server, CloseAcuerdoReunionDocument, { input: { id: kept.id, resultado: 'x' } }, t),
      async () => (await server.db.acuerdoReunion.findUniqueOrThrow({ where: { id: idOf(kept.id) } })).version,
    );
    const closed = (
      await ok(
        gql(server, CloseAcuerdoReunionDocument, { input: { id: kept.id, resultado: 'Catálogo actualizado en el portal' } }, tokens.cst),
      )
    ).closeAcuerdoReunion;
    expect(closed).toMatchObject({ estado: 'CUMPLIDO', vencido: false, resultado: 'Catálogo actualizado en el portal' });
    const list = async (filter: object, as = 'cst') =>
      (
        await ok(
          gql(server, AcuerdosReunionDocument, { filter: { reunionTrabajoCastId: meeting.globalId, ...filter }, first: 10 }, tokens[as]),
        )
      ).acuerdosReunion.edges.map((e) => e.node.id);
    expect(await list({ vencido: true })).toEqual([late.id]);
    expect(await list({ vencido: false })).toEqual([kept.id]);
    expect(await list({})).toEqual([kept.id, late.id]);
    // Each responsible unit sees its own agreement only.
    expect(await list({}, 'cast.ver')).toEqual([late.id]);
    expect(await list({}, 'cast.mex')).toEqual([kept.id]);
  });
});

/** The database id of a global id. */
const idOf = (globalId: string) => Buffer.from(globalId, 'base64').toString('utf8').split(':')[1];

describe('Oferta y promoción de los servicios de capacitación (Pd-02-It-05 steps 3-5)', () => {
  it('micrositio and resources first, then disseminated: the state offices addressed read it', async () => {
    const anio = await freeYear('ofertaCapacitacion', 'CSC');
    const created = await ok(
      gql(server, CreateOfertaCapacitacionDocument, { input: { anio, descripcion: `Oferta nacional ${anio}` } }, tokens.csc),
    );
    const id = created.createOfertaCapacitacion.id;
    const early = await gql(server, PublishOfertaCapacitacionDocument, { input: { id } }, tokens.csc);
    expect(codeOf(early)).toBe('INVALID_TRANSITION');
    await ok(
      gql(
        server,
        UpdateOfertaCapacitacionDocument,
        { input: { id, micrositioUrl: 'https://www.conalep.edu.mx/capacitacion' } },
        tokens.sesc,
      ),
    );
    await ok(
      gql(
        server,
        AddRecursoPromocionDocument,
        { input: { id, tipo: 'PROYECTO', descripcion: 'Campaña en redes sociales' } },
        tokens.jdcesc,
      ),
    );
    const published = (
      await ok(gql(server, PublishOfertaCapacitacionDocument, { input: { id, unitIds: [unitIds['CE-MEX'], unitIds.UODCDMX] } }, tokens.csc))
    ).publishOfertaCapacitacion;
    expect(published.destinatarios.map((d) => d.unit.code)).toEqual(['CE-MEX', 'UODCDMX']);
    const seen = async (as: string) =>
      (
        await ok(gql(server, OfertasCapacitacionDocument, { filter: { estado: ['DIFUNDIDA'] }, first: 100 }, tokens[as]))
      ).ofertasCapacitacion.edges.some((e) => e.node.id === id);
    expect(await seen('enlace.mex')).toBe(true);
    expect(await seen('dg.mex')).toBe(true);
    expect(await seen('dg.ver')).toBe(false);
    expect(await seen('enlace.rceo')).toBe(false);
  });
});
