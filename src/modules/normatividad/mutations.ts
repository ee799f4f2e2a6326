// One mutation per step of 7081-MP-SI 8.1.6. Each names its transition; the
// engine checks role, reach, state and observations, and writes the audit entry.
import { builder } from '../../builder.js';
import type { Context } from '../../context.js';
import { InputChecker, notFound, type InputIssue } from '../../lib/errors.js';
import { createRecord, type TransitionOptions } from '../../lib/workflow/engine.js';
import { stepMutation, type StepArgs } from '../../lib/workflow/steps.js';
import { isHttpUrl } from '../../lib/validation.js';
import type { WorkflowStore } from '../../lib/workflow/types.js';
import { registerWorkflow } from '../../lib/workflow/registry.js';
import type { EstadoNormativo, FinDestinatario } from '../../generated/prisma/enums.js';
import { readableProyectos } from './rules.js';
import { ModalidadReunionEnum, ProyectoNormativoRef, TipoEvidenciaEnum } from './types.js';
import { normatividadWorkflow as wf, STEP_MUTATIONS, type NormatividadTransition } from './workflow.js';

registerWorkflow(wf, STEP_MUTATIONS);

const store: WorkflowStore<EstadoNormativo> = {
  entity: 'ProyectoNormativo',
  async load(tx, id, readable) {
    const row = await tx.proyectoNormativo.findFirst({
      where: { AND: [{ id }, readable] },
      select: {
        id: true,
        estado: true,
        version: true,
        unit: { select: { path: true } },
        destinatarios: { select: { fin: true, unit: { select: { path: true } } } },
      },
    });
    return row
      ? {
          id: row.id,
          state: row.estado,
          version: row.version,
          unitPath: row.unit.path,
          addressees: row.destinatarios.map((d) => ({ purpose: d.fin, unitPath: d.unit.path })),
        }
      : null;
  },
  async move(tx, id, version, to, data) {
    const { count } = await tx.proyectoNormativo.updateMany({
      where: { id, version },
      data: { ...data, estado: to, version: { increment: 1 } },
    });
    return count === 1;
  },
};

/** Common arguments of a step: the record, the version read, and observations. */
const StepInput = builder.inputType('ProyectoNormativoStepInput', {
  fields: (t) => ({
    id: t.globalID({ required: true, for: ProyectoNormativoRef }),
    version: t.int({ required: false, description: 'The version you read; if the record has moved since, you get CONFLICT.' }),
    observaciones: t.string({ required: false, description: 'Observations; required on returns and rejections.' }),
  }),
});

/** Declares the mutation of a step that takes `input: <inputType>!` and returns the record. */
function step<I extends StepArgs>(
  field: keyof typeof STEP_MUTATIONS,
  input: unknown,
  options?: (input: I, ctx: Context) => TransitionOptions<EstadoNormativo>,
) {
  stepMutation<EstadoNormativo, NormatividadTransition, I>({
    workflow: wf,
    store,
    readable: readableProyectos,
    model: 'ProyectoNormativo',
    field,
    transition: STEP_MUTATIONS[field],
    input,
    options,
  });
}

/**
 * Steps 3 and 11 address the record to CAST units. Returns the step options
 * that check `castUnitIds` (every id must be a CAST; omitted, when allowed,
 * means every CAST) and then record the addressees.
 */
function addressToCast(castUnitIds: { id: string }[] | null | undefined, purpose: FinDestinatario): TransitionOptions<EstadoNormativo> {
  const path = ['input', 'castUnitIds'];
  let units: string[] = [];
  return {
    validate: async (tx) => {
      if (!castUnitIds) {
        units = (await tx.orgUnit.findMany({ where: { kind: 'CAST' }, select: { id: true } })).map((u) => u.id);
        return units.length ? [] : [{ path, message: 'There is no CAST to address' }];
      }
      if (!castUnitIds.length) return [{ path, message: 'Name at least one CAST' }];
      const ids = castUnitIds.map((g) => g.id);
      const found = await tx.orgUnit.findMany({ where: { id: { in: ids }, kind: 'CAST' }, select: { id: true } });
      units = found.map((u) => u.id);
      return ids.flatMap((id, i): InputIssue[] => (units.includes(id) ? [] : [{ path: [...path, i], message: 'Not a CAST unit' }]));
    },
    effects: async (tx, record) => {
      await tx.proyectoNormativoDestinatario.createMany({
        data: units.map((unitId) => ({ proyectoId: record.id, unitId, fin: purpose })),
        skipDuplicates: true,
      });
    },
  };
}

// Step 1 creates the record.
const CreateInput = builder.inputType('CreateProyectoNormativoInput', {
  fields: (t) => ({
    titulo: t.string({ required: true }),
    necesidad: t.string({ required: true, description: 'Why the normativa must be modified or updated.' }),
    unitId: t.globalID({ required: false, description: 'Owning unit; defaults to the unit where you hold the DSTC role.' }),
  }),
});

builder.mutationField('createProyectoNormativo', (t) =>
  t.prismaField({
    type: 'ProyectoNormativo',
    description: `Step 1 (DSTC): ${wf.transitions.identifyNeed.description} Starts in NECESIDAD_IDENTIFICADA.`,
    args: { input: t.arg({ type: CreateInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      new InputChecker()
        .check(input.titulo.trim().length >= 3, ['input', 'titulo'], 'Must have at least 3 characters')
        .check(input.titulo.length <= 300, ['input', 'titulo'], 'Must have at most 300 characters')
        .check(input.necesidad.trim().length > 0, ['input', 'necesidad'], 'Must not be empty')
        .throwIfAny();
      const dstc = ctx.viewer!.assignments.find((a) => a.role === 'DSTC')!;
      const unitId = input.unitId?.id ?? dstc.unitId;
      const unit = await ctx.db.orgUnit.findUnique({ where: { id: unitId }, select: { id: true, path: true } });
      if (!unit) throw notFound('OrgUnit', unitId);
      const id = await createRecord(ctx, wf, 'identifyNeed', unit, (tx) =>
        tx.proyectoNormativo.create({
          data: { titulo: input.titulo.trim(), necesidad: input.necesidad.trim(), unitId: unit.id, createdById: ctx.viewer!.personId },
          select: { id: true },
        }),
      );
      return ctx.db.proyectoNormativo.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);

step('requestProyectoNormativoDraft', StepInput);

const SendToCastInput = builder.inputType('SendProyectoNormativoToCastInput', {
  fields: (t) => ({
    id: t.globalID({ required: true, for: ProyectoNormativoRef }),
    version: t.int({ required: false }),
    observaciones: t.string({ required: false }),
    castUnitIds: t.globalIDList({ required: true, description: 'The CAST asked for comments (at least one).' }),
  }),
});
step<StepArgs & { castUnitIds: { id: string }[] }>('sendProyectoNormativoToCast', SendToCastInput, (input) =>
  addressToCast(input.castUnitIds, 'COMENTARIOS'),
);

step('submitCastObservations', StepInput);
step('startProyectoNormativoDrafting', StepInput);

const SubmitForReviewInput = builder.inputType('SubmitProyectoNormativoForReviewInput', {
  fields: (t) => ({
    id: t.globalID({ required: true, for: ProyectoNormativoRef }),
    version: t.int({ required: false }),
    observaciones: t.string({ required: false }),
    documentoUrl: t.string({ required: true, description: 'Where the drafted document is (http or https URL).' }),
  }),
});
step<StepArgs & { documentoUrl: string }>('submitProyectoNormativoForReview', SubmitForReviewInput, (input) => {
  return {
    validate: async () =>
      isHttpUrl(input.documentoUrl) ? [] : [{ path: ['input', 'documentoUrl'], message: 'Must be an http or https URL' }],
    data: { documentoUrl: input.documentoUrl.trim() },
  };
});

step('approveProyectoNormativoReview', StepInput);
step('returnProyectoNormativoToDrafting', StepInput);

const RegisterInput = builder.inputType('RegisterProyectoNormativoInput', {
  fields: (t) => ({
    id: t.globalID({ required: true, for: ProyectoNormativoRef }),
    version: t.int({ required: false }),
    observaciones: t.string({ required: false }),
    numeroRegistro: t.string({ required: true, description: 'The registration given by the DCAJ.' }),
  }),
});
step<StepArgs & { numeroRegistro: string }>('registerProyectoNormativo', RegisterInput, (input) => {
  return {
    validate: async () =>
      input.numeroRegistro.trim() ? [] : [{ path: ['input', 'numeroRegistro'], message: 'Must not be empty' }],
    data: { numeroRegistro: input.numeroRegistro.trim() },
  };
});

step('rejectProyectoNormativoLegalReview', StepInput);

const ReleaseInput = builder.inputType('ReleaseLineamientosToCastInput', {
  fields: (t) => ({
    id: t.globalID({ required: true, for: ProyectoNormativoRef }),
    version: t.int({ required: false }),
    observaciones: t.string({ required: false }),
    castUnitIds: t.globalIDList({ required: false, description: 'The CAST that receive the lineamientos; all CAST when omitted.' }),
  }),
});
step<StepArgs & { castUnitIds?: { id: string }[] | null }>('releaseLineamientosToCast', ReleaseInput, (input) =>
  addressToCast(input.castUnitIds, 'APLICACION'),
);

step('acknowledgeLineamientos', StepInput);

const EvidenceInput = builder.inputType('EvidenciaReunionInput', {
  fields: (t) => ({
    tipo: t.field({ type: TipoEvidenciaEnum, required: true }),
    descripcion: t.string({ required: true }),
    url: t.string({ required: false }),
  }),
});
const MeetingInput = builder.inputType('RecordNormatividadWorkingMeetingInput', {
  fields: (t) => ({
    id: t.globalID({ required: true, for: ProyectoNormativoRef }),
    version: t.int({ required: false }),
    observaciones: t.string({ required: false }),
    fecha: t.field({ type: 'DateTime', required: true }),
    modalidad: t.field({ type: ModalidadReunionEnum, required: true }),
    evidencias: t.field({ type: [EvidenceInput], required: true, description: 'Minutes, screenshots or attendance lists (at least one).' }),
  }),
});
type MeetingArgs = StepArgs & {
  fecha: Date;
  modalidad: 'VIRTUAL' | 'PRESENCIAL';
  evidencias: { tipo: 'MINUTA' | 'CAPTURA_PANTALLA' | 'LISTA_ASISTENCIA'; descripcion: string; url?: string | null }[];
};
step<MeetingArgs>('recordNormatividadWorkingMeeting', MeetingInput, (input) => {
  const check = new InputChecker()
    .check(input.evidencias.length > 0, ['input', 'evidencias'], 'Give at least one piece of evidence')
    .check(input.fecha.getTime() <= Date.now() + 86_400_000, ['input', 'fecha'], 'The meeting cannot be in the future');
  input.evidencias.forEach((e, i) => {
    check.check(e.descripcion.trim().length > 0, ['input', 'evidencias', i, 'descripcion'], 'Must not be empty');
    check.check(e.url == null || isHttpUrl(e.url), ['input', 'evidencias', i, 'url'], 'Must be an http or https URL');
  });
  return {
    validate: async () => check.issues,
    data: { fechaReunion: input.fecha, modalidadReunion: input.modalidad },
    effects: async (tx, record) => {
      await tx.evidenciaReunion.createMany({
        data: input.evidencias.map((e) => ({ proyectoId: record.id, tipo: e.tipo, descripcion: e.descripcion.trim(), url: e.url ?? null })),
      });
    },
  };
});
