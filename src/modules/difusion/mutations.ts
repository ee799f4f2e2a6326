// One mutation per step of 7081-MP-SI 8.1.5 and Pd-02-It-05 (promotion), named
// as the step. The engine checks role, reach and state and writes the audit
// entry; here each step only says what it writes.
import { builder } from '../../builder.js';
import type {
  EstadoOfertaCapacitacion,
  EstadoPromocionServiciosTecnologicos,
  EstadoSolicitudDirigida,
  TipoRecursoPromocion,
  TipoSolicitudDirigida,
} from '../../generated/prisma/enums.js';
import { InputChecker } from '../../lib/errors.js';
import { checkText, isHttpUrl } from '../../lib/validation.js';
import { addressPlan } from '../../lib/workflow/addressees.js';
import { creationMutation, stepArgFields, stepMutation, type StepArgs } from '../../lib/workflow/mutations.js';
import { PromocionServiciosTecnologicosRef, TipoRecursoPromocionEnum, TipoSolicitudDirigidaEnum } from './types.js';
import {
  catalogoServiciosWorkflow,
  ofertaCapacitacionWorkflow,
  ROLE_BY_TIPO,
  promocionServiciosTecnologicosWorkflow as promocionWf,
  solicitudDirigidaWorkflow,
} from './workflow.js';

/** Years the API accepts for a yearly record. */
const checkAnio = (check: InputChecker, anio: number) =>
  check.check(Number.isInteger(anio) && anio >= 2000 && anio <= 2100, ['input', 'anio'], 'Must be a year between 2000 and 2100');

// ---- 8.1.5 promotion round ---------------------------------------------------------

// Step 1.
const CreatePromocionInput = builder.inputType('CreatePromocionServiciosTecnologicosInput', {
  fields: (t) => ({
    anio: t.int({ required: true, description: 'The year of the round (one per year per unit).' }),
    instruccion: t.string({ required: true, description: "The DSTC's instruction to the CST." }),
    unitId: t.globalID({ required: false, description: 'Owning unit; defaults to the unit where you hold the DSTC role.' }),
    observaciones: t.string({ required: false }),
  }),
});
creationMutation(promocionWf, 'createPromocionServiciosTecnologicos', {
  input: CreatePromocionInput,
  plan: (input, ctx) => ({
    unitId: input.unitId?.id,
    unitIdPath: ['input', 'unitId'],
    comment: input.observaciones,
    validate: async (tx, { unit }) => {
      const check = checkText(checkAnio(new InputChecker(), input.anio), input.instruccion, ['input', 'instruccion']);
      if (!check.issues.length) {
        const taken = await tx.promocionServiciosTecnologicos.count({ where: { unitId: unit.id, anio: input.anio } });
        check.check(taken === 0, ['input', 'anio'], 'This unit already has a promotion round for this year');
      }
      return check.issues;
    },
    create: async (tx, { unit }) => {
      const data = { anio: input.anio, instruccion: input.instruccion.trim() };
      const { id } = await tx.promocionServiciosTecnologicos.create({
        data: { ...data, unitId: unit.id, createdById: ctx.viewer!.personId },
        select: { id: true },
      });
      return { id, changes: data };
    },
  }),
});

// Step 2.
const SendToCastInput = builder.inputType('SendPromocionServiciosTecnologicosToCastInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    castUnitIds: t.globalIDList({ required: false, description: 'The CAST asked for their updated information; every CAST when omitted.' }),
  }),
});
stepMutation<EstadoPromocionServiciosTecnologicos, keyof typeof promocionWf.steps, StepArgs & { castUnitIds?: { id: string }[] | null }>(
  promocionWf,
  'sendPromocionServiciosTecnologicosToCast',
  {
    input: SendToCastInput,
    plan: (input) =>
      addressPlan(input.castUnitIds, {
        kinds: ['CAST'],
        label: 'a CAST unit',
        path: ['input', 'castUnitIds'],
        purpose: 'INFORMACION',
        allWhenOmitted: true,
        write: (tx, promocionServiciosTecnologicosId, rows) =>
          tx.promocionServiciosTecnologicosDestinatario.createMany({
            data: rows.map((r) => ({ ...r, promocionServiciosTecnologicosId })),
            skipDuplicates: true,
          }),
      }),
  },
);

// Step 4.
const SubmitInput = builder.inputType('SubmitPromocionServiciosTecnologicosInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    compilacion: t.string({ required: true, description: 'The compiled update for the DSTC (summary, or where the compiled file is).' }),
  }),
});
stepMutation<EstadoPromocionServiciosTecnologicos, keyof typeof promocionWf.steps, StepArgs & { compilacion: string }>(
  promocionWf,
  'submitPromocionServiciosTecnologicos',
  {
    input: SubmitInput,
    plan: (input) => ({
      validate: () => checkText(new InputChecker(), input.compilacion, ['input', 'compilacion']).issues,
      data: { compilacion: input.compilacion.trim() },
    }),
  },
);

// Step 5.
stepMutation(promocionWf, 'receivePromocionServiciosTecnologicos');

// Step 7.
const CloseInput = builder.inputType('ClosePromocionServiciosTecnologicosInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    verificacion: t.string({ required: true, description: 'What the CST verified of the promotion and dissemination activities.' }),
  }),
});
stepMutation<EstadoPromocionServiciosTecnologicos, keyof typeof promocionWf.steps, StepArgs & { verificacion: string }>(
  promocionWf,
  'closePromocionServiciosTecnologicos',
  {
    input: CloseInput,
    plan: (input) => ({
      validate: () => checkText(new InputChecker(), input.verificacion, ['input', 'verificacion']).issues,
      data: { verificacion: input.verificacion.trim() },
    }),
  },
);

// ---- step 3: a CAST's catalogue edition ------------------------------------------

const ServicioInput = builder.inputType('ServicioTecnologicoInput', {
  fields: (t) => ({
    nombre: t.string({ required: true }),
    descripcion: t.string({ required: true }),
  }),
});
const CreateCatalogoInput = builder.inputType('CreateCatalogoServiciosInput', {
  fields: (t) => ({
    promocionServiciosTecnologicosId: t.globalID({
      required: true,
      for: PromocionServiciosTecnologicosRef,
      description: 'The round that asked your CAST for its information (EN_ACTUALIZACION).',
    }),
    servicios: t.field({
      type: [ServicioInput],
      required: true,
      description: 'The technological services the CAST offers (at least one), in order.',
    }),
    observaciones: t.string({ required: false }),
  }),
});
creationMutation(catalogoServiciosWorkflow, 'createCatalogoServicios', {
  input: CreateCatalogoInput,
  plan: (input, ctx) => ({
    underId: input.promocionServiciosTecnologicosId.id,
    underIdPath: ['input', 'promocionServiciosTecnologicosId'],
    comment: input.observaciones,
    validate: () => {
      const check = new InputChecker().check(input.servicios.length > 0, ['input', 'servicios'], 'Give at least one service');
      check.check(input.servicios.length <= 200, ['input', 'servicios'], 'At most 200 services');
      input.servicios.forEach((s, i) => {
        checkText(check, s.nombre, ['input', 'servicios', i, 'nombre'], 300);
        checkText(check, s.descripcion, ['input', 'servicios', i, 'descripcion']);
      });
      return check.issues;
    },
    create: async (tx, { unit, under }) => {
      // Editions are numbered per CAST: concurrent creations of one CAST (under two rounds) wait for each other on
      // the CAST's row (NO KEY UPDATE: rows that only reference the unit are not held up), then read the last edition.
      await tx.$queryRaw`SELECT 1 FROM "OrgUnit" WHERE id = ${unit.id}::uuid FOR NO KEY UPDATE`;
      const last = await tx.catalogoServicios.aggregate({ where: { unitId: unit.id }, _max: { edicion: true } });
      const edicion = (last._max.edicion ?? 0) + 1;
      const servicios = input.servicios.map((s, orden) => ({ orden, nombre: s.nombre.trim(), descripcion: s.descripcion.trim() }));
      const { id } = await tx.catalogoServicios.create({
        data: {
          unitId: unit.id,
          edicion,
          promocionServiciosTecnologicosId: under!.id,
          createdById: ctx.viewer!.personId,
          servicios: { create: servicios },
        },
        select: { id: true },
      });
      return { id, changes: { edicion, servicios: servicios.length } };
    },
  }),
});

// ---- step 6: addressed requests ---------------------------------------------------

const CreateSolicitudInput = builder.inputType('CreateSolicitudDirigidaInput', {
  fields: (t) => ({
    promocionServiciosTecnologicosId: t.globalID({
      required: true,
      for: PromocionServiciosTecnologicosRef,
      description: 'The round whose promotion this request serves (EN_PROMOCION).',
    }),
    tipo: t.field({ type: TipoSolicitudDirigidaEnum, required: true }),
    asunto: t.string({ required: true, description: 'What is asked.' }),
    destinatarioUnitId: t.globalID({
      required: true,
      description: 'The area asked: a unit of the DVS for material, of the DCTA for the portal.',
    }),
    observaciones: t.string({ required: false }),
  }),
});
creationMutation(solicitudDirigidaWorkflow, 'createSolicitudDirigida', {
  input: CreateSolicitudInput,
  plan: (input, ctx) => ({
    underId: input.promocionServiciosTecnologicosId.id,
    underIdPath: ['input', 'promocionServiciosTecnologicosId'],
    comment: input.observaciones,
    validate: async (tx, { unit }) => {
      const check = checkText(new InputChecker(), input.asunto, ['input', 'asunto']);
      // The addressee is a unit where the role that answers this kind of request is held (the DVS, the DCTA).
      const role = ROLE_BY_TIPO[input.tipo as TipoSolicitudDirigida];
      const answers = await tx.roleAssignment.count({ where: { unitId: input.destinatarioUnitId.id, role } });
      check.check(
        answers > 0 && input.destinatarioUnitId.id !== unit.id,
        ['input', 'destinatarioUnitId'],
        `Must be a unit where the ${role} role answers this kind of request`,
      );
      return check.issues;
    },
    create: async (tx, { unit, under }) => {
      const data = { tipo: input.tipo as TipoSolicitudDirigida, asunto: input.asunto.trim(), destinatario: input.destinatarioUnitId.id };
      const { id } = await tx.solicitudDirigida.create({
        data: {
          unitId: unit.id,
          tipo: data.tipo,
          asunto: data.asunto,
          promocionServiciosTecnologicosId: under!.id,
          createdById: ctx.viewer!.personId,
          destinatarios: { create: { unitId: data.destinatario, fin: 'ATENCION' } },
        },
        select: { id: true },
      });
      return { id, changes: data };
    },
  }),
});

stepMutation(solicitudDirigidaWorkflow, 'receiveSolicitudDirigida');

const CloseSolicitudInput = builder.inputType('CloseSolicitudDirigidaInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    respuesta: t.string({ required: true, description: 'The answer: the material made, or what was published.' }),
    urlRespuesta: t.string({
      required: false,
      description: 'Where it is (http or https URL); required for PUBLICACION_PORTAL: the portal page.',
    }),
  }),
});
stepMutation<
  EstadoSolicitudDirigida,
  keyof typeof solicitudDirigidaWorkflow.steps,
  StepArgs & { respuesta: string; urlRespuesta?: string | null }
>(solicitudDirigidaWorkflow, 'closeSolicitudDirigida', {
  input: CloseSolicitudInput,
  plan: (input) => ({
    validate: async (tx, record) => {
      const check = checkText(new InputChecker(), input.respuesta, ['input', 'respuesta']);
      const { tipo } = await tx.solicitudDirigida.findUniqueOrThrow({ where: { id: record.id }, select: { tipo: true } });
      const url = input.urlRespuesta?.trim();
      check.check(!url || isHttpUrl(url), ['input', 'urlRespuesta'], 'Must be an http or https URL');
      check.check(tipo !== 'PUBLICACION_PORTAL' || !!url, ['input', 'urlRespuesta'], 'Give the URL where the catalogue is published');
      return check.issues;
    },
    data: { respuesta: input.respuesta.trim(), urlRespuesta: input.urlRespuesta?.trim() || null, atendidaAt: new Date() },
  }),
});

// ---- Pd-02-It-05 promotion of the training offer -----------------------------------

const CreateOfertaInput = builder.inputType('CreateOfertaCapacitacionInput', {
  fields: (t) => ({
    anio: t.int({ required: true, description: 'The year of the offer (one per year per unit).' }),
    descripcion: t.string({
      required: true,
      description: "The offer, derived from CONALEP's educational offer and the national course catalogue.",
    }),
    unitId: t.globalID({ required: false, description: 'Owning unit; defaults to the unit where you hold the CSC, SESC or JDCESC role.' }),
    observaciones: t.string({ required: false }),
  }),
});
creationMutation(ofertaCapacitacionWorkflow, 'createOfertaCapacitacion', {
  input: CreateOfertaInput,
  plan: (input, ctx) => ({
    unitId: input.unitId?.id,
    unitIdPath: ['input', 'unitId'],
    comment: input.observaciones,
    validate: async (tx, { unit }) => {
      const check = checkText(checkAnio(new InputChecker(), input.anio), input.descripcion, ['input', 'descripcion']);
      if (!check.issues.length) {
        const taken = await tx.ofertaCapacitacion.count({ where: { unitId: unit.id, anio: input.anio } });
        check.check(taken === 0, ['input', 'anio'], 'This unit already has a training offer for this year');
      }
      return check.issues;
    },
    create: async (tx, { unit }) => {
      const data = { anio: input.anio, descripcion: input.descripcion.trim() };
      const { id } = await tx.ofertaCapacitacion.create({
        data: { ...data, unitId: unit.id, createdById: ctx.viewer!.personId },
        select: { id: true },
      });
      return { id, changes: data };
    },
  }),
});

const UpdateOfertaInput = builder.inputType('UpdateOfertaCapacitacionInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    micrositioUrl: t.string({ required: false, description: 'Step 3: the offer on the institutional portal (http or https URL).' }),
    descripcion: t.string({ required: false }),
  }),
});
stepMutation<
  EstadoOfertaCapacitacion,
  keyof typeof ofertaCapacitacionWorkflow.steps,
  StepArgs & { micrositioUrl?: string | null; descripcion?: string | null }
>(ofertaCapacitacionWorkflow, 'updateOfertaCapacitacion', {
  input: UpdateOfertaInput,
  plan: (input) => {
    const check = new InputChecker();
    const data: Record<string, unknown> = {};
    if (input.micrositioUrl != null) {
      check.check(isHttpUrl(input.micrositioUrl), ['input', 'micrositioUrl'], 'Must be an http or https URL');
      data.micrositioUrl = input.micrositioUrl.trim();
    }
    if (input.descripcion != null) {
      checkText(check, input.descripcion, ['input', 'descripcion']);
      data.descripcion = input.descripcion.trim();
    }
    check.check(Object.keys(data).length > 0, ['input'], 'Give at least one field to record');
    return { validate: () => check.issues, data };
  },
});

const AddRecursoInput = builder.inputType('AddRecursoPromocionInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    tipo: t.field({ type: TipoRecursoPromocionEnum, required: true }),
    descripcion: t.string({ required: true }),
    url: t.string({ required: false, description: 'Where it is (http or https URL).' }),
  }),
});
stepMutation<
  EstadoOfertaCapacitacion,
  keyof typeof ofertaCapacitacionWorkflow.steps,
  StepArgs & { tipo: TipoRecursoPromocion; descripcion: string; url?: string | null }
>(ofertaCapacitacionWorkflow, 'addRecursoPromocion', {
  input: AddRecursoInput,
  plan: (input) => ({
    validate: () => {
      const check = checkText(new InputChecker(), input.descripcion, ['input', 'descripcion']);
      return check.check(input.url == null || isHttpUrl(input.url), ['input', 'url'], 'Must be an http or https URL').issues;
    },
    effects: async (tx, record) => {
      const row = await tx.recursoPromocion.create({
        data: { ofertaCapacitacionId: record.id, tipo: input.tipo, descripcion: input.descripcion.trim(), url: input.url?.trim() || null },
        select: { id: true },
      });
      return { recursoPromocion: row.id, tipo: input.tipo };
    },
  }),
});

const PublishOfertaInput = builder.inputType('PublishOfertaCapacitacionInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    unitIds: t.globalIDList({
      required: false,
      description: 'The Colegios Estatales, UODCDMX and RCEO it goes to; all of them when omitted.',
    }),
  }),
});
stepMutation<EstadoOfertaCapacitacion, keyof typeof ofertaCapacitacionWorkflow.steps, StepArgs & { unitIds?: { id: string }[] | null }>(
  ofertaCapacitacionWorkflow,
  'publishOfertaCapacitacion',
  {
    input: PublishOfertaInput,
    plan: (input) =>
      addressPlan(input.unitIds, {
        kinds: ['COLEGIO_ESTATAL', 'UODCDMX', 'RCEO'],
        label: 'a Colegio Estatal, UODCDMX or RCEO',
        path: ['input', 'unitIds'],
        purpose: 'DIFUSION',
        allWhenOmitted: true,
        write: (tx, ofertaCapacitacionId, rows) =>
          tx.ofertaCapacitacionDestinatario.createMany({ data: rows.map((r) => ({ ...r, ofertaCapacitacionId })), skipDuplicates: true }),
      }),
  },
);
