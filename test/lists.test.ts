// SQL goldens of every root list query (test/__sql__/list-<field>.sql): each
// list read as a representative account over a few factory records, with a
// representative selection (nested relations, history). A change in the
// number or shape of the statements shows in review. Every Query field that
// returns a Connection or a list of objects must have one (last test).
import { getNamedType, isListType, isNonNullType, isObjectType, type GraphQLOutputType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSchema } from '../src/schema.js';
import { make, uniq } from './factories.js';
import { expectSqlGolden } from './golden.js';
import { demoTokens, gql, startServer, unitIdsByCode, type TestServer } from './helpers.js';

let server: TestServer;
let tokens: Record<string, string>;
let unitIds: Record<string, string>;

beforeAll(async () => {
  server = await startServer();
  tokens = await demoTokens(server);
  unitIds = await unitIdsByCode(server, tokens.admin);
});
afterAll(() => server.stop());

const history = 'history { transition fromState toState actor { email } actorUnit { code } }';

/** Reports (one object per request, not a list). */
const single = new Set(['alumnosEnRiesgo', 'reporteSiseac', 'registrosFaltantes', 'calidadServicioConocer']);

/** Runs `query` as `account` under the golden `list-<field>`; the list must have rows, so nested selections run. */
async function golden(field: string, account: string, query: string, variables: Record<string, unknown> = {}) {
  const r = await expectSqlGolden(
    `list-${field}`,
    () => gql<Record<string, unknown>, Record<string, unknown>>(server, query, variables, tokens[account]),
    {
      sort: true,
    },
  );
  expect(r.errors).toBeUndefined();
  const data = r.data![field] as { edges?: unknown[] } | unknown[];
  const rows: unknown[] = Array.isArray(data) ? data : (data.edges ?? [data]);
  // Prisma reads one related row with `= $1` and several with `IN (…)`: with two rows or more the statements do not depend on the count.
  if (!single.has(field))
    expect(rows.length, `${field} must return at least two rows, so its statements do not depend on the count`).toBeGreaterThanOrEqual(2);
}

/** Each root list field, and how its golden is made. */
const LISTS: Record<string, () => Promise<void>> = {
  proyectosNormativos: async () => {
    const tag = `Golden ${uniq()}`;
    await make.proyectoNormativo(server.db, { estado: 'REMITIDO_A_CAST', titulo: `${tag} a` });
    await make.proyectoNormativo(server.db, { estado: 'EN_COMENTARIOS_CAST', titulo: `${tag} b` });
    await golden(
      'proyectosNormativos',
      'dstc',
      `query($search: String) { proyectosNormativos(first: 10, filter: { search: $search }) { totalCount edges { node { id titulo estado version unit { code }
         destinatarios { fin unit { code } } availableSteps ${history} } } } }`,
      { search: tag },
    );
  },
  planesTrabajoAnuales: async () => {
    // Two state plans of one year (the filter): a year neither state has yet. Other test files add plans to the
    // same database meanwhile, so a year taken between the read and the insert is drawn again.
    let plan: { anio: number } | undefined;
    for (let i = 0; !plan; i++) {
      const states = { unit: { code: { in: ['CE-MEX', 'CE-VER'] } } };
      const taken = new Set((await server.db.planTrabajoAnual.findMany({ where: states, select: { anio: true } })).map((p) => p.anio));
      const anio = 1000 + Math.floor(Math.random() * 1000);
      if (taken.has(anio)) continue;
      try {
        await make.planTrabajoAnual(server.db, { estado: 'TURNADO', planesCentro: true, anio });
        await make.planTrabajoAnual(server.db, { estado: 'ENTREGADO', planesCentro: true, unit: 'CE-VER', anio });
        plan = { anio };
      } catch (e) {
        if (i >= 5) throw e;
      }
    }
    await golden(
      'planesTrabajoAnuales',
      'dstc',
      `query($anio: Int) { planesTrabajoAnuales(first: 10, filter: { anio: $anio }) { totalCount edges { node { id anio estado unit { code }
         planesAnualesCentro(first: 5) { totalCount edges { node { id estado unit { code } } } } availableSteps ${history} } } } }`,
      { anio: plan.anio },
    );
  },
  planesAnualesCentro: async () => {
    const plan = await make.planAnualCentro(server.db, { estado: 'VALIDADO', actividades: 2 });
    const other = await make.planAnualCentro(server.db, { estado: 'VALIDADO', actividades: 2, unit: 'MEX-P002', anio: plan.anio });
    for (const p of [plan, other]) {
      await make.actividadRealizada(server.db, { plan: p });
      await make.reporteTrimestral(server.db, { plan: p });
    }
    await golden(
      'planesAnualesCentro',
      'ece.mex',
      `query($anio: Int) { planesAnualesCentro(first: 10, filter: { anio: $anio }) { totalCount edges { node { id anio estado objetivos unit { code }
         planTrabajoAnual { id anio } actividadesProgramadas { id mes tipo meta } actividadesRealizadas(first: 5) { edges { node { id tipo alcance } } }
         reportesTrimestrales { id trimestre estado } availableSteps ${history} } } } }`,
      { anio: plan.anio },
    );
  },
  reportesTrimestrales: async () => {
    const r = await make.reporteTrimestral(server.db, { estado: 'RECIBIDO' });
    await make.accionMejora(server.db, { reporte: r });
    await make.accionMejora(server.db, { reporte: await make.reporteTrimestral(server.db, { plan: { id: r.planId } }) });
    const { anio } = await server.db.planAnualCentro.findUniqueOrThrow({ where: { id: r.planId }, select: { anio: true } });
    await golden(
      'reportesTrimestrales',
      'promocion.mex',
      `query($anio: Int) { reportesTrimestrales(first: 10, filter: { anio: $anio }) { totalCount edges { node { id anio trimestre estado unit { code }
         planAnualCentro { id } accionesMejora { id estado } resultado { programadas realizadas eficiencia } availableSteps ${history} } } } }`,
      { anio },
    );
  },
  concentradosEstatales: async () => {
    const plan = await make.planTrabajoAnual(server.db, { estado: 'TURNADO' });
    for (let i = 0; i < 2; i++)
      await make.accionMejora(server.db, { concentrado: await make.concentradoEstatal(server.db, { planEstatal: plan }) });
    await golden(
      'concentradosEstatales',
      'promocion.mex',
      `query($anio: Int) { concentradosEstatales(first: 10, filter: { anio: $anio }) { totalCount edges { node { id anio semestre unit { code }
         planTrabajoAnual { id } accionesMejora { id } lineas { unitCode programadas realizadas } total { eficiencia } ${history} } } } }`,
      { anio: plan.anio },
    );
  },
  accionesMejora: async () => {
    const r = await make.reporteTrimestral(server.db, { estado: 'RECIBIDO' });
    await make.accionMejora(server.db, { reporte: r });
    await make.accionMejora(server.db, { reporte: r, estado: 'CERRADA' });
    const { anio } = await server.db.planAnualCentro.findUniqueOrThrow({ where: { id: r.planId }, select: { anio: true } });
    await golden(
      'accionesMejora',
      'promocion.mex',
      `query($anio: Int) { accionesMejora(first: 10, filter: { anio: $anio }) { totalCount edges { node { id tipo estado unit { code }
         reporteTrimestral { id trimestre } availableSteps ${history} } } } }`,
      { anio },
    );
  },
  alumnos: async () => {
    const a = await make.alumno(server.db, { planConcluido: true });
    await make.certificado(server.db, { alumno: a });
    await golden(
      'alumnos',
      'escolares.mex',
      `query($unitId: ID) { alumnos(first: 10, filter: { unitId: $unitId, estatus: [EGRESADO] }) { totalCount edges { node { id matricula estatus unit { code }
         certificados { id estado folio { numero } } } } } }`,
      { unitId: unitIds['MEX-P001'] },
    );
  },
  certificados: async () => {
    await make.certificado(server.db, { estado: 'POR_FIRMAR_PLANTEL' });
    await make.certificado(server.db, { estado: 'POR_FIRMAR_PLANTEL' });
    await golden(
      'certificados',
      'escolares.mex',
      `query($unitId: ID) { certificados(first: 10, filter: { unitId: $unitId, estado: [POR_FIRMAR_PLANTEL] }) { totalCount edges { node { id estado tipo
         alumno { matricula } folio { numero } unit { code } availableSteps ${history} } } } }`,
      { unitId: unitIds['MEX-P001'] },
    );
  },
  bajas: async () => {
    await make.baja(server.db, { estado: 'CANALIZADA' });
    await make.baja(server.db, { estado: 'CANALIZADA' });
    await golden(
      'bajas',
      'psicopedagogia.mex',
      `query($unitId: ID) { bajas(first: 10, filter: { unitId: $unitId, estado: [CANALIZADA] }) { totalCount edges { node { id estado motivo
         alumno { matricula } unit { code } availableSteps ${history} } } } }`,
      { unitId: unitIds['MEX-P001'] },
    );
  },
  // ---- 30-524-PO-04 operating rules R 6, 7, 22-23, 27, 30, 32
  rectificacionesEvaluacion: async () => {
    await make.rectificacionEvaluacion(server.db);
    await make.rectificacionEvaluacion(server.db);
    await golden(
      'rectificacionesEvaluacion',
      'escolares.mex',
      `query($unitId: ID) { rectificacionesEvaluacion(first: 10, filter: { unitId: $unitId, estado: [SOLICITADA] }) { totalCount edges { node { id estado
         periodo corte calificacion alumno { matricula } modulo { clave } unit { code } availableSteps ${history} } } } }`,
      { unitId: unitIds['MEX-P001'] },
    );
  },
  supervisionesCaptura: async () => {
    await make.supervisionCaptura(server.db);
    await make.supervisionCaptura(server.db);
    await golden(
      'supervisionesCaptura',
      'formacion.mex',
      `query($unitId: ID) { supervisionesCaptura(first: 10, filter: { unitId: $unitId }) { totalCount edges { node { id estado periodo corte faltantes
         unit { code } availableSteps ${history} } } } }`,
      { unitId: unitIds['CE-MEX'] },
    );
  },
  entregasCertificadosFisicos: async () => {
    await make.entregaCertificadosFisicos(server.db);
    await make.entregaCertificadosFisicos(server.db);
    await golden(
      'entregasCertificadosFisicos',
      'escolares.mex',
      `query($unitId: ID) { entregasCertificadosFisicos(first: 10, filter: { unitId: $unitId, estado: [ENVIADA] }) { totalCount edges { node { id estado oficio
         certificados { consecutivo folio nombreCompleto alumno { matricula carrera } } unit { code } availableSteps ${history} } } } }`,
      { unitId: unitIds['MEX-P001'] },
    );
  },
  solicitudesFolios: async () => {
    await make.solicitudFolios(server.db);
    await make.solicitudFolios(server.db);
    await golden(
      'solicitudesFolios',
      'escolares.mex',
      `query($unitId: ID) { solicitudesFolios(first: 10, filter: { unitId: $unitId }) { totalCount edges { node { id folios formatosTitulo
         lotesFolios { referencia } unit { code } ${history} } } } }`,
      { unitId: unitIds['CE-MEX'] },
    );
  },
  informesJuntaDirectiva: async () => {
    await make.informeJuntaDirectiva(server.db);
    await make.informeJuntaDirectiva(server.db);
    await golden(
      'informesJuntaDirectiva',
      'escolares.mex',
      `query($unitId: ID) { informesJuntaDirectiva(first: 10, filter: { unitId: $unitId }) { totalCount edges { node { id anio trimestre urlCarpeta
         unit { code } ${history} } } } }`,
      { unitId: unitIds['CE-MEX'] },
    );
  },
  solicitudesEgresado: async () => {
    await make.solicitudEgresado(server.db);
    await make.solicitudEgresado(server.db);
    await golden(
      'solicitudesEgresado',
      'escolares.p001',
      `query($unitId: ID) { solicitudesEgresado(first: 10, filter: { unitId: $unitId, estado: [RECIBIDA] }) { totalCount edges { node { id estado folioSiateg
         alumno { matricula } unit { code } availableSteps ${history} } } } }`,
      { unitId: unitIds['MEX-P001'] },
    );
  },
  reunionesRiesgo: async () => {
    await make.reunionRiesgo(server.db);
    await make.reunionRiesgo(server.db);
    await golden(
      'reunionesRiesgo',
      'escolares.mex',
      `query($unitId: ID) { reunionesRiesgo(first: 10, filter: { unitId: $unitId }) { totalCount edges { node { id periodo numero acuerdos unit { code } ${history} } } } }`,
      { unitId: unitIds['CE-MEX'] },
    );
  },
  tablasCostos: async () => {
    await make.tablaCostos(server.db);
    await make.tablaCostos(server.db);
    await golden(
      'tablasCostos',
      'promocion.mex',
      `query($unitId: ID) { tablasCostos(first: 10, filter: { unitId: $unitId }) { totalCount edges { node { id anio enPlazo
         conceptos { orden estandar costo } unit { code } ${history} } } } }`,
      { unitId: unitIds['CE-MEX'] },
    );
  },
  visitasTecnicas: async () => {
    await make.visitaTecnica(server.db, { mes: 6 });
    await make.visitaTecnica(server.db, { mes: 6 });
    await golden(
      'visitasTecnicas',
      'ece.mex',
      `query($unitId: ID) { visitasTecnicas(first: 10, filter: { unitId: $unitId, mes: 6 }) { totalCount edges { node { id anio mes modalidad
         cumpleReglas unit { code } ${history} } } } }`,
      { unitId: unitIds['MEX-P001'] },
    );
  },
  reunionesTrabajoCast: async () => {
    await make.reunionTrabajoCast(server.db, { estado: 'CERRADA' });
    await make.reunionTrabajoCast(server.db, { estado: 'CONVOCADA' });
    await golden(
      'reunionesTrabajoCast',
      'cst',
      `query($dentroDe: ID) { reunionesTrabajoCast(first: 10, filter: { dentroDe: $dentroDe }) { totalCount edges { node { id periodo estado unit { code }
         destinatarios { fin unit { code } } evidenciasReunion { tipo } availableSteps ${history} } } } }`,
      { dentroDe: unitIds.CST },
    );
  },
  acuerdosReunion: async () => {
    const a = await make.acuerdoReunion(server.db, { responsable: 'MEX-CAST01', fechaCompromiso: new Date(Date.now() - 86_400_000) });
    await make.acuerdoReunion(server.db, { responsable: 'VER-CAST01', estado: 'CUMPLIDO' });
    await golden(
      'acuerdosReunion',
      'cst',
      `query { acuerdosReunion(first: 10, filter: { dentroDe: "${unitIds.CST}", estado: [PENDIENTE, CUMPLIDO] }, orderBy: { field: createdAt, direction: DESC })
         { totalCount edges { node { id descripcion vencido estado responsable { code } unit { code } reunionTrabajoCast { id periodo } availableSteps ${history} } } } }`,
    );
    expect(a.estado).toBe('PENDIENTE');
  },
  promocionesServiciosTecnologicos: async () => {
    await make.promocionServiciosTecnologicos(server.db, { estado: 'VERIFICADA', cast: ['MEX-CAST01'] });
    await make.promocionServiciosTecnologicos(server.db, { estado: 'EN_PROMOCION', cast: ['VER-CAST01'] });
    await golden(
      'promocionesServiciosTecnologicos',
      'dstc',
      `query { promocionesServiciosTecnologicos(first: 10, filter: { estado: [VERIFICADA, EN_PROMOCION] }, orderBy: { field: createdAt, direction: DESC })
         { totalCount edges { node { id anio estado unit { code } destinatarios { fin unit { code } } catalogosServicios { edicion unit { code } }
         solicitudesDirigidas { tipo estado } publicacion { url } availableSteps ${history} } } } }`,
    );
  },
  catalogosServicios: async () => {
    await make.catalogoServicios(server.db, { unit: 'MEX-CAST01' });
    await make.catalogoServicios(server.db, { unit: 'MEX-CAST01' });
    await golden(
      'catalogosServicios',
      'cast.mex',
      `query { catalogosServicios(first: 10, orderBy: { field: createdAt, direction: DESC }) { totalCount edges { node { id edicion unit { code }
         servicios { nombre } promocionServiciosTecnologicos { anio publicacion { url } } ${history} } } } }`,
    );
  },
  solicitudesDirigidas: async () => {
    await make.solicitudDirigida(server.db, { tipo: 'PUBLICACION_PORTAL', estado: 'ATENDIDA' });
    await make.solicitudDirigida(server.db, { tipo: 'PUBLICACION_PORTAL', estado: 'RECIBIDA' });
    await golden(
      'solicitudesDirigidas',
      'dcta',
      `query { solicitudesDirigidas(first: 10, filter: { tipo: PUBLICACION_PORTAL }, orderBy: { field: createdAt, direction: DESC }) { totalCount edges { node { id tipo estado
         unit { code } destinatarios { fin unit { code } } promocionServiciosTecnologicos { anio } availableSteps ${history} } } } }`,
    );
  },
  ofertasCapacitacion: async () => {
    await make.ofertaCapacitacion(server.db, { estado: 'DIFUNDIDA' });
    await make.ofertaCapacitacion(server.db, { estado: 'DIFUNDIDA' });
    await golden(
      'ofertasCapacitacion',
      'enlace.mex',
      `query { ofertasCapacitacion(first: 10, filter: { estado: [DIFUNDIDA] }, orderBy: { field: createdAt, direction: DESC }) { totalCount edges { node { id anio estado
         micrositioUrl unit { code } recursos { tipo descripcion } destinatarios { fin unit { code } } availableSteps ${history} } } } }`,
    );
  },
  programasMetas: async () => {
    const a = await make.programaMetas(server.db, { estado: 'APROBADO', linea: 'CAPACITACION' });
    await make.programaMetas(server.db, { estado: 'ENVIADO', linea: 'CAPACITACION', unit: 'CE-VER', anio: a.anio });
    await golden(
      'programasMetas',
      'csc',
      `query($anio: Int) { programasMetas(first: 10, filter: { anio: $anio, linea: CAPACITACION }) { totalCount edges { node { id anio linea estado unit { code }
         metas { unit { code } indicador trimestre valor versiones { version valor createdByName } } availableSteps ${history} } } } }`,
      { anio: a.anio },
    );
  },
  registrosResultados: async () => {
    const programa = await make.programaMetas(server.db, { estado: 'APROBADO' });
    await make.registroResultados(server.db, { estado: 'VALIDADO', programa, trimestre: 1 });
    await make.registroResultados(server.db, { estado: 'ENVIADO', programa, trimestre: 2 });
    await golden(
      'registrosResultados',
      'cst',
      `query($anio: Int) { registrosResultados(first: 10, filter: { anio: $anio, dentroDe: "${unitIds['MEX-CAST01']}" }) { totalCount edges { node { id trimestre estado vencido
         unit { code } programaMetas { anio } resultados { unit { code } indicador mes valor } availableSteps ${history} } } } }`,
      { anio: programa.anio },
    );
  },
  programasNacionalesCapacitacion: async () => {
    const a = await make.programaNacionalCapacitacion(server.db, { estado: 'ENVIADO' });
    const b = await make.programaNacionalCapacitacion(server.db, { estado: 'ENVIADO' });
    await golden(
      'programasNacionalesCapacitacion',
      'spdi',
      `query { programasNacionalesCapacitacion(first: 10, filter: { estado: [ENVIADO] }) { totalCount edges { node { id anio estado envios
         destinatarios { fin unit { code } } metas { indicador trimestre valor } ${history} } } } }`,
    );
    void [a, b];
  },
  cursosCatalogo: async () => {
    const tag = `Golden ${uniq()}`;
    await make.cursoCatalogo(server.db, { estado: 'PUBLICADO', nombre: `${tag} a` });
    await make.cursoCatalogo(server.db, { estado: 'REGISTRADO', nombre: `${tag} b` });
    await golden(
      'cursosCatalogo',
      'csc',
      `query($search: String) { cursosCatalogo(first: 10, filter: { search: $search }) { totalCount edges { node { id nombre claveSecyt estado unit { code }
         createdByName availableSteps ${history} } } } }`,
      { search: tag },
    );
  },
  asesoriasComplementarias: async () => {
    await make.asesoriaComplementaria(server.db);
    await make.asesoriaComplementaria(server.db);
    await golden(
      'asesoriasComplementarias',
      'escolares.p001',
      `query($unitId: ID) { asesoriasComplementarias(first: 10, filter: { unitId: $unitId }) { totalCount edges { node { id periodo motivo
         alumno { matricula } modulo { clave } unit { code } ${history} } } } }`,
      { unitId: unitIds['MEX-P001'] },
    );
  },
  orgUnits: () =>
    golden(
      'orgUnits',
      'admin',
      `{ orgUnits(first: 10, filter: { kind: [COLEGIO_ESTATAL] }) { totalCount edges { node { id code kind parent { code }
         children(first: 10) { totalCount edges { node { code } } } roleAssignments(first: 5) { edges { node { role person { email } } } } } } } }`,
    ),
  people: () =>
    golden(
      'people',
      'admin',
      `{ people(first: 10, filter: { search: "demo" }) { totalCount edges { node { id email fullName active roleAssignments { role unit { code } } } } } }`,
    ),
  apiKeys: async () => {
    await make.apiKey(server.db, { unit: 'CE-VER' });
    await make.apiKey(server.db, { unit: 'CE-VER', estado: 'REVOCADA' });
    await golden(
      'apiKeys',
      'admin.ver',
      `{ apiKeys(first: 10) { totalCount edges { node { id nombre role estado lastUsedAt unit { code } availableSteps ${history} } } } }`,
    );
  },
  cortesCalendario: async () => {
    const c = await make.corteCalendario(server.db);
    await golden(
      'cortesCalendario',
      'escolares.p001',
      `query($u: ID!, $p: String!) { cortesCalendario(colegioEstatalId: $u, periodo: $p) { periodo corte inicio fin ${history} } }`,
      {
        u: unitIds['CE-MEX'],
        p: c.periodo,
      },
    );
  },
  avanceMetas: async () => {
    const a = await make.programaMetas(server.db, { estado: 'APROBADO' });
    await make.programaMetas(server.db, { estado: 'APROBADO', unit: 'VER-CAST01', anio: a.anio });
    await make.registroResultados(server.db, { estado: 'VALIDADO', programa: a, trimestre: 1 });
    await golden(
      'avanceMetas',
      'cst',
      `query($anio: Int!) { avanceMetas(anio: $anio, nivel: PLANTEL, indicador: SERVICIOS_PROPORCIONADOS) { nivel unitId unitCode metaVigente resultado avance } }`,
      { anio: a.anio },
    );
  },
  // SPDI-DPP's MIR report: scope and figures in one statement on the reporting connection, so the golden holds the viewer's statement.
  reporteMir: async () => {
    const p = await make.programaNacionalCapacitacion(server.db, { estado: 'ENVIADO' });
    await make.registroResultados(server.db, {
      estado: 'VALIDADO',
      programa: await make.programaMetas(server.db, { estado: 'APROBADO', linea: 'CAPACITACION', anio: p.anio }),
      trimestre: 1,
    });
    await golden(
      'reporteMir',
      'spdi',
      `query($anio: Int) { reporteMir(anio: $anio, indicador: PERSONAS_CAPACITADAS) { periodo numerador denominador avanceAcumulado } }`,
      { anio: p.anio },
    );
  },
  eficienciaPromocion: async () => {
    const plan = await make.planAnualCentro(server.db, { estado: 'VALIDADO' });
    await make.actividadRealizada(server.db, { plan });
    await make.actividadRealizada(server.db, {
      plan: await make.planAnualCentro(server.db, { estado: 'VALIDADO', unit: 'MEX-P002', anio: plan.anio }),
    });
    await golden(
      'eficienciaPromocion',
      'promocion.mex',
      `query($anio: Int!) { eficienciaPromocion(anio: $anio, nivel: PLANTEL) { nivel unitCode programadas realizadas fueraDeCronograma eficiencia } }`,
      { anio: plan.anio },
    );
  },
  // CONOCER's national figures (seed 002), read by SPDI-DPP. They are read on the reporting connection (REPORTING_DATABASE_URL),
  // so the golden holds only the viewer's statement: it fails if a figure query moves onto the procedures' pool.
  cifrasConocer: () =>
    golden('cifrasConocer', 'spdi', `{ cifrasConocer(anioDesde: 2022, anioHasta: 2023) { anio concepto desglose estimado fuenteLinea } }`),
  conciliacionesConocer: () =>
    golden('conciliacionesConocer', 'spdi', `{ conciliacionesConocer(soloDescuadres: true) { anio concepto desglose cuadra diferencia } }`),
  indicadoresConocer: () =>
    golden(
      'indicadoresConocer',
      'spdi',
      `{ indicadoresConocer(anioDesde: 2021, anioHasta: 2023) { anio concepto coincide diferencia fuenteLinea } }`,
    ),
  eficienciaTerminal: () =>
    golden(
      'eficienciaTerminal',
      'escolares.mex',
      `{ eficienciaTerminal(generacion: 2022, nivel: PLANTEL) { nivel unitCode inscritos egresados eficiencia } }`,
    ),
  pendientesPromocion: async () => {
    const plan = await make.planTrabajoAnual(server.db, { estado: 'BORRADOR' });
    await make.planTrabajoAnual(server.db, { estado: 'BORRADOR', unit: 'CE-VER', anio: plan.anio });
    // Overdue items of every kind (plantel plans not submitted, F05 not sent), so each kind's statements read rows.
    for (const unit of ['MEX-P001', 'MEX-P002']) {
      await make.planAnualCentro(server.db, { estado: 'EN_ELABORACION', unit, anio: plan.anio });
      await make.planAnualCentro(server.db, { estado: 'VALIDADO', unit: unit === 'MEX-P001' ? 'MEX-P003' : 'VER-P001', anio: plan.anio });
    }
    await golden(
      'pendientesPromocion',
      'dstc',
      `query($anio: Int!) { pendientesPromocion(anio: $anio) { clave descripcion fechaLimite unitCode registroId } }`,
      {
        anio: plan.anio,
      },
    );
  },
  obligacionesPromocion: () =>
    golden('obligacionesPromocion', 'tccc.mex', `{ obligacionesPromocion(anio: 2025) { clave descripcion fechaLimite responsable } }`),
  registrosPromocionPorDestruir: async () => {
    // Two of every format, so each format's statements read rows (Prisma sends `IN (NULL)` for none, `=` for one).
    for (const formato of ['F01', 'F02', 'F03', 'F04', 'F05'] as const) {
      for (let i = 0; i < 2; i++) await make.registroPromocion(server.db, { formato });
    }
    await golden(
      'registrosPromocionPorDestruir',
      'promocion.mex',
      `{ registrosPromocionPorDestruir { formato nombre registroId unitCode conservarHasta } }`,
    );
  },
  workflows: () =>
    golden(
      'workflows',
      'dstc',
      `{ workflows { name entity states steps { name kind roles reach preconditions { entity states } unitKinds } } }`,
    ),
  // Reports that are not lists but read many rows.
  alumnosEnRiesgo: () =>
    golden(
      'alumnosEnRiesgo',
      'escolares.mex',
      `query($p: ID!) { alumnosEnRiesgo(plantelId: $p, periodo: "2025-1", corte: 1) { total regla alumnos { reprobados promedio alumno { matricula unit { code } } } } }`,
      { p: unitIds['MEX-P001'] },
    ),
  registrosFaltantes: () =>
    golden(
      'registrosFaltantes',
      'escolares.mex',
      `query($u: ID!) { registrosFaltantes(unitId: $u, periodo: "2025-1", corte: 3) { matricula moduloClave docente } }`,
      { u: unitIds['CE-MEX'] },
    ),
  reporteSiseac: () =>
    golden(
      'reporteSiseac',
      'escolares.mex',
      `query($p: ID!) { reporteSiseac(plantelId: $p, periodo: "2025-1", corte: 1) { porModulo { clave evaluados reprobados } porDocente { clave promedio } } }`,
      { p: unitIds['MEX-P001'] },
    ),
  concertacionesServicio: async () => {
    await make.concertacionServicio(server.db, { estado: 'PAGADA' });
    await make.concertacionServicio(server.db, { estado: 'CONCERTADA' });
    await golden(
      'concertacionesServicio',
      'usuario.emp-mex01',
      `query { concertacionesServicio(first: 10, orderBy: { field: createdAt, direction: DESC }) { totalCount edges { node { id servicio estado
         cotizacion cuotaRecuperacion montoPagado unit { code } documentos { nombre } availableSteps ${history} } } } }`,
    );
  },
  concertacionesCapacitacion: async () => {
    await make.concertacionCapacitacion(server.db, { estado: 'FORMALIZADA' });
    await make.concertacionCapacitacion(server.db, { estado: 'VIABLE' });
    await golden(
      'concertacionesCapacitacion',
      'usuario.emp-mex01',
      `query { concertacionesCapacitacion(first: 10, orderBy: { field: createdAt, direction: DESC }) { totalCount edges { node { id prospecto estado
         cuotaRecuperacion participantes { unit { code } } instrumentosJuridicos { estado } unit { code } documentos { nombre } availableSteps ${history} } } } }`,
    );
  },
  instrumentosJuridicos: async () => {
    await make.instrumentoJuridico(server.db, { estado: 'EN_FIRMA', firmados: 1 });
    await make.instrumentoJuridico(server.db, { estado: 'REGISTRADO', servicio: true });
    await golden(
      'instrumentosJuridicos',
      'usuario.emp-mex01',
      `query { instrumentosJuridicos(first: 10, orderBy: { field: createdAt, direction: DESC }) { totalCount edges { node { id titulo estado monto
         numeroRegistro versiones { numero documento { nombre } } firmas { orden parte firmadoAt } concertacionServicio { estado }
         concertacionCapacitacion { estado } unit { code } documentos { nombre } availableSteps ${history} } } } }`,
    );
  },
  coordinacionesCapacitacion: async () => {
    await make.coordinacionCapacitacion(server.db, { estado: 'DERRAMA_NOTIFICADA' });
    await make.coordinacionCapacitacion(server.db, { estado: 'FACTURADA' });
    await golden(
      'coordinacionesCapacitacion',
      'enlace.rceo',
      `query { coordinacionesCapacitacion(first: 10, orderBy: { field: createdAt, direction: DESC }) { totalCount edges { node { id estado
         cuotaRecuperacion montoPagado lineasDerrama { orden monto unit { code } documento { nombre } } concertacionCapacitacion { estado
         instrumentosJuridicos { estado } } unit { code } documentos { nombre } availableSteps ${history} } } } }`,
    );
  },
  // #15 campaigns
  campanas: async () => {
    await make.campana(server.db, { estado: 'REPORTADA' });
    await make.campana(server.db, { estado: 'EN_CURSO', tipo: 'LLAMADA_OPERADOR' });
    await golden(
      'campanas',
      'conocer.canales',
      `query { campanas(first: 10, orderBy: { field: createdAt, direction: DESC }) { totalCount edges { node { id nombre estado tipo
         areaSolicitante { code } reporte { total exitosos pendientes porResultado { resultado cantidad } } pruebas { asunto correcta }
         destinatarios(first: 5) { totalCount edges { node { orden nombre correo resultadoEnvio resultadoLlamada } } }
         unit { code } availableSteps ${history} } } } }`,
    );
  },
  encuestas: async () => {
    await make.encuesta(server.db, { estado: 'REPORTADA' });
    await make.encuesta(server.db, { estado: 'EN_DISENO', canal: 'CORREO' });
    await golden(
      'encuestas',
      'conocer.canales',
      `query { encuestas(first: 10, orderBy: { field: createdAt, direction: DESC }) { totalCount edges { node { id nombre estado tipo canal
         preguntas { numero texto tipo } resultados { muestra respondidas tasaRespuesta porPregunta { numero respuestas promedio } }
         muestra(first: 5) { totalCount edges { node { orden nombre correo respondidaAt canalRespuesta } } }
         areaSolicitante { code } unit { code } availableSteps ${history} } } } }`,
    );
  },
  calidadServicioConocer: async () => {
    await make.encuesta(server.db, { estado: 'REPORTADA' });
    await make.encuesta(server.db, { estado: 'CERRADA' });
    await golden(
      'calidadServicioConocer',
      'conocer.dvd',
      `query { calidadServicioConocer(anio: 1999) { anio encuestas respuestas promedio porcentaje } }`,
    );
  },
  // #14 contact centre
  tickets: async () => {
    await make.ticket(server.db, { estado: 'ATENDIDO' });
    await make.ticket(server.db, { estado: 'CANALIZADO', canal: 'TELEFONO' });
    await golden(
      'tickets',
      'conocer.operador',
      `query { tickets(first: 10, orderBy: { field: folio, direction: DESC }) { totalCount edges { node { id folio estado canal nombre correo
         venceAt sla { vencido resolucionMinutos } operadorName mensajes { de asunto } apoyos { texto personName } unit { code } availableSteps ${history} } } } }`,
    );
  },
  slaContacto: async () => {
    const recibidoAt = new Date('2026-11-10T16:00:00Z');
    await make.ticket(server.db, { estado: 'ATENDIDO', recibidoAt });
    await make.ticket(server.db, { estado: 'ABIERTO', canal: 'CORREO', recibidoAt, operadorId: null });
    await golden(
      'slaContacto',
      'conocer.canales',
      `query { slaContacto(periodo: "2026-11") { operadorName tickets atendidos vencidos primeraRespuestaPromedioMinutos resolucionPromedioMinutos } }`,
    );
  },
  cierresConocer: async () => {
    await make.cierreConocer(server.db);
    await make.cierreConocer(server.db);
    await golden(
      'cierresConocer',
      'conocer.dvd',
      `query { cierresConocer(first: 10) { totalCount edges { node { id fecha motivo unit { code } ${history} } } } }`,
    );
  },
  analisisContacto: async () => {
    await make.analisisContacto(server.db, { estado: 'ENVIADO' });
    await make.analisisContacto(server.db, { estado: 'EN_ELABORACION' });
    await golden(
      'analisisContacto',
      'conocer.canales',
      `query { analisisContacto(first: 10) { totalCount edges { node { id tipo periodo estado venceAt comentarios unit { code } availableSteps ${history} graficas { temasTelefono { clave total } sexos { clave total } } sorteoVerificado } } } }`,
    );
  },
  informesResultadosContacto: async () => {
    await make.informeResultadosContacto(server.db, { estado: 'PRESENTADO' });
    await make.informeResultadosContacto(server.db, { estado: 'CERRADO' });
    await golden(
      'informesResultadosContacto',
      'conocer.dvd',
      `query { informesResultadosContacto(first: 10) { totalCount edges { node { id estado resultados instrucciones venceAt unit { code } availableSteps ${history} } } } }`,
    );
  },
  // #15 Portal CONOCER
  solicitudesPortal: async () => {
    await make.solicitudPortal(server.db, { estado: 'EN_CONSTRUCCION' });
    await make.solicitudPortal(server.db, { estado: 'VALIDADA' });
    await golden(
      'solicitudesPortal',
      'proveedor.portal',
      `query { solicitudesPortal(first: 10, orderBy: { field: createdAt, direction: DESC }) { totalCount edges { node { id titulo estado planTrabajo
         areaSolicitante { code } destinatarios { fin unit { code } } documentos { nombre } unit { code } availableSteps ${history} } } } }`,
    );
  },
  estadisticasPortal: async () => {
    await make.estadisticaPortal(server.db);
    await make.estadisticaPortal(server.db);
    await golden(
      'estadisticasPortal',
      'conocer.canales',
      `query { estadisticasPortal(first: 10, orderBy: { field: semana, direction: DESC }) { totalCount edges { node { id semana accesosTotales
         paginas { pagina accesos segundosPromedio } documentos { nombre } unit { code } ${history} } } } }`,
    );
  },
  analisisPortal: async () => {
    await make.analisisPortal(server.db, { estado: 'PRESENTADO' });
    await make.analisisPortal(server.db, { estado: 'EN_ELABORACION' });
    await golden(
      'analisisPortal',
      'conocer.dvd',
      `query { analisisPortal(first: 10) { totalCount edges { node { id anio trimestre estado analisis tendencia { semanas accesosTotales variacion paginas { pagina accesos } }
         unit { code } availableSteps ${history} } } } }`,
    );
  },
  revisionesContenidoPortal: async () => {
    await make.revisionContenidoPortal(server.db);
    await make.revisionContenidoPortal(server.db);
    await golden(
      'revisionesContenidoPortal',
      'conocer.canales',
      `query { revisionesContenidoPortal(first: 10) { totalCount edges { node { id anio trimestre hallazgos requiereActualizacion unit { code } ${history} } } } }`,
    );
  },
  correosCuarentena: async () => {
    await make.correoCuarentena(server.db);
    await make.correoCuarentena(server.db, { motivo: 'Unparseable message' });
    await golden(
      'correosCuarentena',
      'conocer.operador',
      `query { correosCuarentena(first: 10, filter: { conRemitente: true }, orderBy: { field: createdAt, direction: DESC }) { totalCount edges { node { id remitente motivo crudo createdAt unit { code } ${history} } } } }`,
    );
  },
};

describe('SQL goldens of the root lists', () => {
  for (const [field, run] of Object.entries(LISTS)) it(field, run);
});

/** A Connection, or a list of an object type. */
function isList(type: GraphQLOutputType): boolean {
  const inner = isNonNullType(type) ? type.ofType : type;
  return getNamedType(type).name.endsWith('Connection') || (isListType(inner) && isObjectType(getNamedType(inner)));
}

describe('every root list has a golden', () => {
  const fields = Object.values(buildSchema().getQueryType()!.getFields()).filter((f) => isList(f.type));
  it.each(fields.map((f) => f.name))('%s', (field) => {
    expect(LISTS[field], `Query.${field} has no SQL golden: add it to LISTS in test/lists.test.ts`).toBeDefined();
  });
});
