// One mutation per step of V-CANA-MP-02 C.4.4 and of the quarterly review of
// static content, named as the step. The engine checks role, reach and state
// and writes the audit entry; here each step only says what it writes.
import { builder } from '../../builder.js';
import { InputChecker, type InputIssue } from '../../lib/errors.js';
import { stepDocuments } from '../../lib/documents/access.js';
import { isHttpUrl, checkText } from '../../lib/validation.js';
import type { Tx } from '../../lib/workflow/types.js';
import { addressPlan } from '../../lib/workflow/addressees.js';
import { creationMutation, stepArgFields, stepMutation } from '../../lib/workflow/mutations.js';
import { ESTADISTICA_CONTENT_TYPES, leerEstadistica, type FilaEstadistica } from './import.js';
import { TipoSolicitudPortalEnum } from './types.js';
import { analisisPortalWorkflow, estadisticaPortalWorkflow, revisionContenidoPortalWorkflow, solicitudPortalWorkflow } from './workflow.js';

const LONG = 20_000;

/** Checks optional texts of an input and returns the trimmed columns to write (only those given). */
function texts<K extends string>(check: InputChecker, input: Partial<Record<K, string | null>>, keys: readonly K[], max = LONG) {
  const data: Partial<Record<K, string>> = {};
  for (const k of keys) {
    const v = input[k];
    if (v == null) continue;
    checkText(check, v, ['input', k], max);
    data[k] = v.trim();
  }
  return data;
}

function checkUrl(check: InputChecker, value: string, key: string) {
  checkText(check, value, ['input', key], 2000).check(!value.trim() || isHttpUrl(value), ['input', key], 'Must be an http or https URL');
}

// ---- SolicitudPortal ----------------------------------------------------------------------------

const CreateSolicitudPortalInput = builder.inputType('CreateSolicitudPortalInput', {
  fields: (t) => ({
    tipo: t.field({ type: TipoSolicitudPortalEnum, required: true, description: 'The kind of request (step 1.1).' }),
    titulo: t.string({ required: true, description: 'What the area asks for, in a line (at most 300 characters).' }),
    descripcion: t.string({ required: true, description: 'The request as the area made it.' }),
    areaSolicitanteId: t.globalID({
      required: true,
      description: 'The CONOCER area making the request (an AREA_CONOCER or CONOCER unit).',
    }),
    unitId: t.globalID({ required: false, description: 'The area receiving it; defaults to the unit where you hold the role.' }),
  }),
});
creationMutation(solicitudPortalWorkflow, 'createSolicitudPortal', {
  input: CreateSolicitudPortalInput,
  plan: (input, ctx) => ({
    unitId: input.unitId?.id,
    validate: async (tx) => {
      const check = checkText(new InputChecker(), input.titulo, ['input', 'titulo'], 300);
      checkText(check, input.descripcion, ['input', 'descripcion'], LONG);
      const area =
        input.areaSolicitanteId.typename === 'OrgUnit'
          ? await tx.orgUnit.findUnique({ where: { id: input.areaSolicitanteId.id }, select: { kind: true } })
          : null;
      check.check(!!area && ['AREA_CONOCER', 'CONOCER'].includes(area.kind), ['input', 'areaSolicitanteId'], 'Must be an area of CONOCER');
      return check.issues;
    },
    create: async (tx, { unit }) => {
      const data = {
        tipo: input.tipo,
        titulo: input.titulo.trim(),
        descripcion: input.descripcion.trim(),
        areaSolicitanteId: input.areaSolicitanteId.id,
      };
      const { id } = await tx.solicitudPortal.create({
        data: { ...data, unitId: unit.id, createdById: ctx.viewer!.personId },
        select: { id: true },
      });
      return { id, changes: data };
    },
  }),
});

// 1.3: the reason is the step's required observaciones; it is kept on the request for the area to read.
stepMutation(solicitudPortalWorkflow, 'closeSolicitudPortalAsConocerResponsableCanales', {
  plan: (input) => ({ data: { motivosNoProcedente: input.observaciones?.trim() ?? null } }),
});
stepMutation(solicitudPortalWorkflow, 'receiveSolicitudPortalAsConocerResponsableCanales');

const UpdateSolicitudPortalInput = builder.inputType('UpdateSolicitudPortalInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    contenido: t.string({ required: false, description: 'The content to publish (step 2.1).' }),
    requerimientosFuncionales: t.string({ required: false, description: "The portal's functional requirements (step 2.2)." }),
    solucion: t.string({ required: false, description: 'The solution designed with the provider (step 2.4).' }),
  }),
});
const DESIGN = ['contenido', 'requerimientosFuncionales', 'solucion'] as const;
stepMutation(solicitudPortalWorkflow, 'updateSolicitudPortal', {
  input: UpdateSolicitudPortalInput,
  plan: (input) => {
    const check = new InputChecker();
    const data = texts(check, input, DESIGN);
    if (!Object.keys(data).length && !check.issues.length) check.check(false, ['input'], 'Give at least one field to change');
    return { validate: () => check.issues, data };
  },
});
stepMutation(solicitudPortalWorkflow, 'submitSolicitudPortal');
stepMutation(solicitudPortalWorkflow, 'returnSolicitudPortalAsConocerDireccionVinculacion');

const SendSolicitudPortalInput = builder.inputType('SendSolicitudPortalAsConocerDireccionVinculacionInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    proveedorId: t.globalID({
      required: true,
      description: "The portal provider's organisation (an outside company or institution) that builds the solution.",
    }),
  }),
});
stepMutation(solicitudPortalWorkflow, 'sendSolicitudPortalAsConocerDireccionVinculacion', {
  input: SendSolicitudPortalInput,
  plan: (input) =>
    addressPlan([input.proveedorId], {
      kinds: ['EMPRESA', 'INSTITUCION'],
      label: "the portal provider's organisation (a company or institution)",
      path: ['input', 'proveedorId'],
      purpose: 'PROVEEDOR_PORTAL',
      allWhenOmitted: false,
      write: (tx, solicitudPortalId, rows) =>
        tx.solicitudPortalDestinatario.createMany({ data: rows.map((r) => ({ ...r, solicitudPortalId })), skipDuplicates: true }),
    }),
});

const ReceiveSolicitudPortalProveedorInput = builder.inputType('ReceiveSolicitudPortalAsConocerProveedorPortalInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    planTrabajo: t.string({ required: true, description: 'The work plan delivered to the DVD (step 5.1).' }),
  }),
});
stepMutation(solicitudPortalWorkflow, 'receiveSolicitudPortalAsConocerProveedorPortal', {
  input: ReceiveSolicitudPortalProveedorInput,
  plan: (input) => ({
    validate: () => checkText(new InputChecker(), input.planTrabajo, ['input', 'planTrabajo'], LONG).issues,
    data: { planTrabajo: input.planTrabajo.trim() },
  }),
});

const DeliverSolicitudPortalInput = builder.inputType('DeliverSolicitudPortalInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    urlPrueba: t.string({ required: true, description: 'Where the solution runs in the test environment (step 5.2), http(s).' }),
    resultadoPruebas: t.string({ required: true, description: 'The tests run and the adjustments made (step 5.3).' }),
  }),
});
stepMutation(solicitudPortalWorkflow, 'deliverSolicitudPortal', {
  input: DeliverSolicitudPortalInput,
  plan: (input) => {
    const check = new InputChecker();
    checkUrl(check, input.urlPrueba, 'urlPrueba');
    checkText(check, input.resultadoPruebas, ['input', 'resultadoPruebas'], LONG);
    return { validate: () => check.issues, data: { urlPrueba: input.urlPrueba.trim(), resultadoPruebas: input.resultadoPruebas.trim() } };
  },
});
stepMutation(solicitudPortalWorkflow, 'sendSolicitudPortalAsConocerResponsableCanales');
stepMutation(solicitudPortalWorkflow, 'returnSolicitudPortalAsConocerResponsableCanales');
stepMutation(solicitudPortalWorkflow, 'approveSolicitudPortal');

const CloseSolicitudPortalProveedorInput = builder.inputType('CloseSolicitudPortalAsConocerProveedorPortalInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    urlProduccion: t.string({ required: true, description: 'Where the solution runs in production (step 7.1), http(s).' }),
    documentoIds: t.globalIDList({
      required: true,
      description: "The solution's documentation (step 7.2), uploaded by you to POST /documents: at least one document.",
    }),
  }),
});
stepMutation(solicitudPortalWorkflow, 'closeSolicitudPortalAsConocerProveedorPortal', {
  input: CloseSolicitudPortalProveedorInput,
  plan: (input, ctx) => {
    const docs = stepDocuments(ctx.viewer!, input.documentoIds, (i) => ['input', 'documentoIds', i]);
    const check = new InputChecker();
    checkUrl(check, input.urlProduccion, 'urlProduccion');
    check.check(input.documentoIds.length > 0, ['input', 'documentoIds'], 'Give at least one document');
    return {
      validate: async (tx) => (check.issues.length ? check.issues : docs.validate(tx)),
      data: { urlProduccion: input.urlProduccion.trim() },
      effects: async (tx, record) => ({
        documentos: await docs.attach(tx, { entity: 'SolicitudPortal', id: record.id }, 'DOCUMENTACION_PORTAL'),
      }),
    };
  },
});

// ---- EstadisticaPortal --------------------------------------------------------------------------

/** The Monday of an ISO date, or null when `value` is not a day YYYY-MM-DD. */
export function mondayOf(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const d = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) return null;
  return d.getUTCDay() === 1 ? d : null;
}

const CreateEstadisticaPortalInput = builder.inputType('CreateEstadisticaPortalInput', {
  fields: (t) => ({
    semana: t.string({ required: true, description: 'The Monday the week starts on, YYYY-MM-DD.' }),
    documentoId: t.globalID({
      required: true,
      description:
        "The portal's export, uploaded by you to POST /documents and not attached yet: a CSV (text/csv) or an XLSX workbook (its first worksheet), with the columns pagina, accesos and segundos_promedio.",
    }),
    unitId: t.globalID({ required: false, description: 'The area importing; defaults to the unit where you hold the role.' }),
  }),
});
creationMutation(estadisticaPortalWorkflow, 'createEstadisticaPortal', {
  input: CreateEstadisticaPortalInput,
  plan: (input, ctx) => {
    const docs = stepDocuments(ctx.viewer!, [input.documentoId], () => ['input', 'documentoId']);
    const semana = mondayOf(input.semana);
    let filas: FilaEstadistica[] = [];
    const uploaded = (tx: Tx) =>
      tx.documento.findUniqueOrThrow({
        where: { id: input.documentoId.id },
        select: { id: true, nombre: true, sha256: true, tipoContenido: true, claveAlmacen: true },
      });
    return {
      unitId: input.unitId?.id,
      validate: async (tx, { unit }): Promise<InputIssue[]> => {
        if (!semana) return [{ path: ['input', 'semana'], message: 'Must be a Monday, YYYY-MM-DD' }];
        const issues = await docs.validate(tx);
        if (issues.length) return issues;
        // One import per week: a second one (even of the same file) is refused and the week keeps its rows.
        const done = await tx.estadisticaPortal.findUnique({
          where: { unitId_semana: { unitId: unit.id, semana } },
          select: { sha256: true },
        });
        const d = await uploaded(tx);
        if (done)
          return [
            {
              path: ['input', 'semana'],
              message: done.sha256 === d.sha256 ? 'This week is already imported from this same file' : 'This week is already imported',
            },
          ];
        if (!(ESTADISTICA_CONTENT_TYPES as readonly string[]).includes(d.tipoContenido))
          return [{ path: ['input', 'documentoId'], message: 'The statistics file must be a CSV (text/csv) or an XLSX workbook' }];
        const read = await leerEstadistica(await ctx.services.documents.get(d.claveAlmacen), d.tipoContenido);
        if ('problemas' in read)
          return read.problemas.map((p) => ({
            path: ['input', 'documentoId', p.linea, p.campo],
            message: p.campo ? `Line ${p.linea}, column ${p.campo}: ${p.mensaje}` : `Line ${p.linea}: ${p.mensaje}`,
          }));
        filas = read.filas;
        return [];
      },
      create: async (tx, { unit }) => {
        const d = await uploaded(tx);
        const accesosTotales = filas.reduce((n, f) => n + f.accesos, 0);
        const { id } = await tx.estadisticaPortal.create({
          data: {
            unitId: unit.id,
            semana: semana!,
            accesosTotales,
            nombreArchivo: d.nombre,
            sha256: d.sha256,
            createdById: ctx.viewer!.personId,
            paginas: { createMany: { data: filas } },
          },
          select: { id: true },
        });
        const documentos = await docs.attach(tx, { entity: 'EstadisticaPortal', id }, 'ESTADISTICA_PORTAL');
        return {
          id,
          changes: { semana: input.semana, nombreArchivo: d.nombre, sha256: d.sha256, paginas: filas.length, accesosTotales, documentos },
        };
      },
    };
  },
});

// ---- AnalisisPortal -----------------------------------------------------------------------------

const CreateAnalisisPortalInput = builder.inputType('CreateAnalisisPortalInput', {
  fields: (t) => ({
    anio: t.int({ required: true, description: 'The year of the quarter (2000-2100).' }),
    trimestre: t.int({ required: true, description: 'The quarter, 1-4.' }),
    unitId: t.globalID({ required: false, description: 'The area analysing; defaults to the unit where you hold the role.' }),
  }),
});
function checkQuarter(check: InputChecker, anio: number, trimestre: number) {
  return check
    .check(anio >= 2000 && anio <= 2100, ['input', 'anio'], 'Must be a year from 2000 to 2100')
    .check(trimestre >= 1 && trimestre <= 4, ['input', 'trimestre'], 'Must be a quarter, 1 to 4');
}
creationMutation(analisisPortalWorkflow, 'createAnalisisPortal', {
  input: CreateAnalisisPortalInput,
  plan: (input, ctx) => ({
    unitId: input.unitId?.id,
    validate: async (tx, { unit }) => {
      const check = checkQuarter(new InputChecker(), input.anio, input.trimestre);
      if (
        !check.issues.length &&
        (await tx.analisisPortal.count({ where: { unitId: unit.id, anio: input.anio, trimestre: input.trimestre } }))
      )
        check.check(false, ['input', 'trimestre'], 'This unit already has its analysis of this quarter');
      return check.issues;
    },
    create: async (tx, { unit }) => {
      const data = { anio: input.anio, trimestre: input.trimestre };
      const { id } = await tx.analisisPortal.create({
        data: { ...data, unitId: unit.id, createdById: ctx.viewer!.personId },
        select: { id: true },
      });
      return { id, changes: data };
    },
  }),
});

const UpdateAnalisisPortalInput = builder.inputType('UpdateAnalisisPortalInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    analisis: t.string({ required: false, description: "The statistics against the portal's objectives and expectations (step 9.1)." }),
    brechas: t.string({ required: false, description: 'Gaps between results and objectives (step 11.1).' }),
    areasOportunidad: t.string({ required: false, description: 'Areas of opportunity and proposed improvement actions (step 11.2).' }),
  }),
});
stepMutation(analisisPortalWorkflow, 'updateAnalisisPortal', {
  input: UpdateAnalisisPortalInput,
  plan: (input) => {
    const check = new InputChecker();
    const data = texts(check, input, ['analisis', 'brechas', 'areasOportunidad'] as const);
    if (!Object.keys(data).length && !check.issues.length) check.check(false, ['input'], 'Give at least one field to change');
    return { validate: () => check.issues, data };
  },
});
stepMutation(analisisPortalWorkflow, 'submitAnalisisPortal');

const SendAnalisisPortalInput = builder.inputType('SendAnalisisPortalInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    documentoIds: t.globalIDList({
      required: false,
      description: 'The report as sent to the Dirección General (uploaded to POST /documents).',
    }),
  }),
});
stepMutation(analisisPortalWorkflow, 'sendAnalisisPortal', {
  input: SendAnalisisPortalInput,
  plan: (input, ctx) => {
    const docs = stepDocuments(ctx.viewer!, input.documentoIds ?? [], (i) => ['input', 'documentoIds', i]);
    return {
      validate: (tx) => docs.validate(tx),
      effects: async (tx, record) =>
        docs.ids.length ? { documentos: await docs.attach(tx, { entity: 'AnalisisPortal', id: record.id }, 'OTRO') } : {},
    };
  },
});

// ---- RevisionContenidoPortal --------------------------------------------------------------------

const CreateRevisionContenidoPortalInput = builder.inputType('CreateRevisionContenidoPortalInput', {
  fields: (t) => ({
    anio: t.int({ required: true, description: 'The year of the quarter (2000-2100).' }),
    trimestre: t.int({ required: true, description: 'The quarter reviewed, 1-4.' }),
    hallazgos: t.string({ required: true, description: 'What the review found, section by section.' }),
    requiereActualizacion: t.boolean({
      required: true,
      description: 'Whether some content is no longer current (its update then follows C.4.4 through a portal request).',
    }),
    unitId: t.globalID({ required: false, description: 'The area reviewing; defaults to the unit where you hold the role.' }),
  }),
});
creationMutation(revisionContenidoPortalWorkflow, 'createRevisionContenidoPortal', {
  input: CreateRevisionContenidoPortalInput,
  plan: (input, ctx) => ({
    unitId: input.unitId?.id,
    validate: async (tx, { unit }) => {
      const check = checkQuarter(new InputChecker(), input.anio, input.trimestre);
      checkText(check, input.hallazgos, ['input', 'hallazgos'], LONG);
      if (
        !check.issues.length &&
        (await tx.revisionContenidoPortal.count({ where: { unitId: unit.id, anio: input.anio, trimestre: input.trimestre } }))
      )
        check.check(false, ['input', 'trimestre'], 'This unit already reviewed the static content of this quarter');
      return check.issues;
    },
    create: async (tx, { unit }) => {
      const data = {
        anio: input.anio,
        trimestre: input.trimestre,
        hallazgos: input.hallazgos.trim(),
        requiereActualizacion: input.requiereActualizacion,
      };
      const { id } = await tx.revisionContenidoPortal.create({
        data: { ...data, unitId: unit.id, createdById: ctx.viewer!.personId },
        select: { id: true },
      });
      return { id, changes: data };
    },
  }),
});
