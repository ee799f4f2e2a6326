// One mutation per step of 7081-MP-SI Pd-02-It-04 "Coordinación Nacional de los Servicios de Capacitación".
// The engine checks role, reach and state and writes the audit entry; here each step only says what it
// writes. Money is pesos as decimal text over decimal(12,2) (money.ts): the payment must be the cuota
// invoiced, and the parts of the derrama must add up to the payment to the centavo, or nothing is written.
import { builder } from '../../builder.js';
import { Prisma } from '../../generated/prisma/client.js';
import type { EstadoCoordinacionCapacitacion } from '../../generated/prisma/enums.js';
import { stepDocuments } from '../../lib/documents/access.js';
import { InputChecker, type InputIssue } from '../../lib/errors.js';
import { checkText } from '../../lib/validation.js';
import { creationMutation, stepArgFields, stepMutation, type StepArgs } from '../../lib/workflow/mutations.js';
import { ConcertacionCapacitacionRef } from './capacitacion-types.js';
import { coordinacionCapacitacionWorkflow as wf } from './coordinacion-workflow.js';
import { checkPesos, pesos } from './money.js';

type Keys = keyof typeof wf.steps;
type Ref = { id: string; typename: string };
type Estado = EstadoCoordinacionCapacitacion;
const ENTITY = 'CoordinacionCapacitacion';

// Activity 1.
const CreateInput = builder.inputType('CreateCoordinacionCapacitacionInput', {
  fields: (t) => ({
    concertacionCapacitacionId: t.globalID({
      required: true,
      for: ConcertacionCapacitacionRef,
      description: 'The concertación de capacitación it coordinates (FORMALIZADA); its participants are the units notified.',
    }),
    notificacion: t.string({ required: true, description: 'The written notice to the participating units: the training actions agreed.' }),
    materiales: t.string({ required: false, description: 'The didactic and instructional materials to develop, and who develops them.' }),
    observaciones: t.string({ required: false, description: 'Observations, kept in the audit entry.' }),
  }),
});
creationMutation<
  string,
  Keys,
  { concertacionCapacitacionId: Ref; notificacion: string; materiales?: string | null; observaciones?: string | null }
>(wf, 'createCoordinacionCapacitacion', {
  input: CreateInput,
  plan: (input, ctx) => {
    const check = checkText(new InputChecker(), input.notificacion, ['input', 'notificacion']);
    if (input.materiales != null) checkText(check, input.materiales, ['input', 'materiales']);
    const concertacionCapacitacionId = input.concertacionCapacitacionId.id;
    return {
      underId: concertacionCapacitacionId,
      underEntity: 'ConcertacionCapacitacion',
      underIdPath: ['input', 'concertacionCapacitacionId'],
      comment: input.observaciones,
      validate: async (tx) => {
        const taken = await tx.coordinacionCapacitacion.count({ where: { concertacionCapacitacionId } });
        return check.check(taken === 0, ['input', 'concertacionCapacitacionId'], 'This concertación already has its coordination').issues;
      },
      create: async (tx, { unit }) => {
        const data = { notificacion: input.notificacion.trim(), materiales: input.materiales?.trim() || null };
        const { id } = await tx.coordinacionCapacitacion.create({
          data: { ...data, unitId: unit.id, concertacionCapacitacionId, createdById: ctx.viewer!.personId },
          select: { id: true },
        });
        const participantes = await tx.concertacionCapacitacionParticipante.findMany({
          where: { concertacionCapacitacionId },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          select: { unitId: true },
        });
        return { id, changes: { ...data, notificados: participantes.map((p) => p.unitId) } };
      },
    };
  },
});

// Activities 2-3.
interface UpdateArgs extends StepArgs {
  validacionMateriales?: string | null;
  seguimiento?: string | null;
  materiales?: string | null;
  documentoIds?: Ref[] | null;
}
const UpdateInput = builder.inputType('UpdateCoordinacionCapacitacionInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    materiales: t.string({ required: false, description: 'The materials developed (activity 1); unchanged when omitted.' }),
    validacionMateriales: t.string({
      required: false,
      description: 'How the user validated the didactic and instructional materials (activity 2); unchanged when omitted.',
    }),
    seguimiento: t.string({
      required: false,
      description: 'The follow-up of the delivery at the participating units (activity 3); unchanged when omitted.',
    }),
    documentoIds: t.globalIDList({ required: false, description: 'Materials or follow-up evidence, uploaded to POST /documents.' }),
  }),
});
stepMutation<Estado, Keys, UpdateArgs>(wf, 'updateCoordinacionCapacitacion', {
  input: UpdateInput,
  plan: (input, ctx) => {
    const files = stepDocuments(ctx.viewer!, input.documentoIds ?? [], (i) => ['input', 'documentoIds', i]);
    const check = new InputChecker();
    const data: Record<string, string> = {};
    for (const key of ['materiales', 'validacionMateriales', 'seguimiento'] as const) {
      const value = input[key];
      if (value == null) continue;
      checkText(check, value, ['input', key]);
      data[key] = value.trim();
    }
    check.check(Object.keys(data).length > 0 || files.ids.length > 0, ['input'], 'Give at least one field or document to record');
    return {
      validate: async (tx) => [...check.issues, ...(await files.validate(tx))],
      data: check.issues.length ? {} : data,
      effects: async (tx, record) => {
        const documentos = await files.attach(tx, { entity: ENTITY, id: record.id }, 'OTRO');
        return documentos.length ? { documentos } : undefined;
      },
    };
  },
});

// Activity 4.
const SubmitInput = builder.inputType('SubmitCoordinacionCapacitacionInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    portafolio: t.string({ required: true, description: 'The portafolio de evidencias as agreed with the user: what it holds.' }),
    documentoIds: t.globalIDList({ required: true, description: 'The evidence (at least one document), uploaded to POST /documents.' }),
  }),
});
stepMutation<Estado, Keys, StepArgs & { portafolio: string; documentoIds: Ref[] }>(wf, 'submitCoordinacionCapacitacion', {
  input: SubmitInput,
  plan: (input, ctx) => {
    const files = stepDocuments(ctx.viewer!, input.documentoIds, (i) => ['input', 'documentoIds', i]);
    const check = checkText(new InputChecker(), input.portafolio, ['input', 'portafolio']);
    check.check(input.documentoIds.length > 0, ['input', 'documentoIds'], 'Attach at least one evidence document');
    return {
      validate: async (tx) => [...check.issues, ...(await files.validate(tx))],
      data: { portafolio: input.portafolio.trim() },
      effects: async (tx, record) => ({ documentos: await files.attach(tx, { entity: ENTITY, id: record.id }, 'PORTAFOLIO_EVIDENCIAS') }),
    };
  },
});

// Activities 5-6: the cuota validated, the CFDI asked of the DAF.
const SendToDafInput = builder.inputType('SendCoordinacionCapacitacionToDafInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    cuotaRecuperacion: t.string({
      required: true,
      description: 'The cuota de recuperación earned, as validated with the user and the participants: pesos as decimal text (above zero).',
    }),
  }),
});
stepMutation<Estado, Keys, StepArgs & { cuotaRecuperacion: string }>(wf, 'sendCoordinacionCapacitacionToDaf', {
  input: SendToDafInput,
  plan: (input) => {
    const check = checkPesos(new InputChecker(), input.cuotaRecuperacion, ['input', 'cuotaRecuperacion'], true);
    return {
      validate: () => check.issues,
      data: check.issues.length ? {} : { cuotaRecuperacion: pesos(input.cuotaRecuperacion), cuotaValidadaAt: new Date() },
    };
  },
});

// Activity 6: the CFDI issued by the DAF.
const ReceiveInput = builder.inputType('ReceiveCoordinacionCapacitacionInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    folioCfdi: t.string({
      required: true,
      description: 'The folio fiscal (UUID) of the CFDI the DAF issued; no other coordination has it.',
    }),
    documentoId: t.globalID({ required: true, description: 'The CFDI (XML or PDF), uploaded to POST /documents.' }),
  }),
});
stepMutation<Estado, Keys, StepArgs & { folioCfdi: string; documentoId: Ref }>(wf, 'receiveCoordinacionCapacitacion', {
  input: ReceiveInput,
  plan: (input, ctx) => {
    const file = stepDocuments(ctx.viewer!, [input.documentoId], () => ['input', 'documentoId']);
    const folio = input.folioCfdi.trim();
    return {
      validate: async (tx, record) => {
        const check = checkText(new InputChecker(), input.folioCfdi, ['input', 'folioCfdi'], 100);
        if (!check.issues.length) {
          const taken = await tx.coordinacionCapacitacion.count({ where: { folioCfdi: folio, id: { not: record.id } } });
          check.check(taken === 0, ['input', 'folioCfdi'], 'Another coordination already has this CFDI');
        }
        return [...check.issues, ...(await file.validate(tx))];
      },
      data: { folioCfdi: folio, facturadaAt: new Date() },
      effects: async (tx, record) => ({ documentos: await file.attach(tx, { entity: ENTITY, id: record.id }, 'CFDI') }),
    };
  },
});

// Activity 7: the payment, exactly the cuota invoiced (a second one finds the record PAGADA).
const ApproveInput = builder.inputType('ApproveCoordinacionCapacitacionInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    montoPagado: t.string({ required: true, description: 'What the user paid: pesos as decimal text, exactly the cuota invoiced.' }),
    referenciaPago: t.string({ required: true, description: 'The payment reference the DAF confirmed.' }),
    pagadaAt: t.field({ type: 'DateTime', required: false, description: 'When it was paid (default: now); not in the future.' }),
  }),
});
stepMutation<Estado, Keys, StepArgs & { montoPagado: string; referenciaPago: string; pagadaAt?: Date | null }>(
  wf,
  'approveCoordinacionCapacitacion',
  {
    input: ApproveInput,
    plan: (input) => {
      const check = checkText(
        checkPesos(new InputChecker(), input.montoPagado, ['input', 'montoPagado'], true),
        input.referenciaPago,
        ['input', 'referenciaPago'],
        200,
      );
      check.check(!input.pagadaAt || input.pagadaAt.getTime() <= Date.now(), ['input', 'pagadaAt'], 'Cannot be in the future');
      return {
        validate: async (tx, record) => {
          if (check.issues.length) return check.issues;
          const c = await tx.coordinacionCapacitacion.findUniqueOrThrow({ where: { id: record.id }, select: { cuotaRecuperacion: true } });
          return check.check(
            !!c.cuotaRecuperacion && pesos(input.montoPagado).eq(c.cuotaRecuperacion),
            ['input', 'montoPagado'],
            `Must be exactly the cuota invoiced (${c.cuotaRecuperacion?.toFixed(2) ?? '—'})`,
          ).issues;
        },
        data: check.issues.length
          ? {}
          : { montoPagado: pesos(input.montoPagado), referenciaPago: input.referenciaPago.trim(), pagadaAt: input.pagadaAt ?? new Date() },
      };
    },
  },
);

// Activity 8: the derrama, one part per participating unit with its CFDI, adding up to the payment.
const LineaDerramaInput = builder.inputType('LineaDerramaInput', {
  description: 'One part of the derrama: a participating unit, what it receives, and its CFDI.',
  fields: (t) => ({
    unitId: t.globalID({ required: true, description: 'A participating unit of the concertación (Colegio Estatal, UODCDMX or RCEO).' }),
    monto: t.string({ required: true, description: 'What it receives: pesos as decimal text, at most two decimals (zero or more).' }),
    documentoId: t.globalID({ required: true, description: 'The CFDI the unit issued for its part, uploaded to POST /documents.' }),
  }),
});
interface Linea {
  unitId: Ref;
  monto: string;
  documentoId: Ref;
}
const AssignInput = builder.inputType('AssignCoordinacionCapacitacionInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    lineas: t.field({
      type: [LineaDerramaInput],
      required: true,
      description: 'The parts of the derrama, one per participating unit (each once); they add up exactly to the payment.',
    }),
  }),
});
stepMutation<Estado, Keys, StepArgs & { lineas: Linea[] }>(wf, 'assignCoordinacionCapacitacion', {
  input: AssignInput,
  plan: (input, ctx) => {
    const files = stepDocuments(
      ctx.viewer!,
      input.lineas.map((l) => l.documentoId),
      (i) => ['input', 'lineas', i, 'documentoId'],
    );
    const check = new InputChecker().check(input.lineas.length > 0, ['input', 'lineas'], 'Give at least one part');
    input.lineas.forEach((l, i) => checkPesos(check, l.monto, ['input', 'lineas', i, 'monto']));
    const unitIds = input.lineas.map((l) => l.unitId.id);
    return {
      validate: async (tx, record): Promise<InputIssue[]> => {
        const c = await tx.coordinacionCapacitacion.findUniqueOrThrow({
          where: { id: record.id },
          select: { montoPagado: true, concertacionCapacitacion: { select: { participantes: { select: { unitId: true } } } } },
        });
        const participantes = new Set(c.concertacionCapacitacion.participantes.map((p) => p.unitId));
        input.lineas.forEach((l, i) => {
          check.check(
            l.unitId.typename === 'OrgUnit' && participantes.has(l.unitId.id),
            ['input', 'lineas', i, 'unitId'],
            'Not a participating unit of the concertación',
          );
          check.check(unitIds.indexOf(l.unitId.id) === i, ['input', 'lineas', i, 'unitId'], 'The unit is repeated');
        });
        if (!check.issues.length) {
          const total = input.lineas.reduce((sum, l) => sum.add(pesos(l.monto)), new Prisma.Decimal(0));
          check.check(
            total.eq(c.montoPagado ?? -1),
            ['input', 'lineas'],
            `The parts add up to ${total.toFixed(2)}, not to the payment (${c.montoPagado?.toFixed(2) ?? '—'})`,
          );
        }
        return [...check.issues, ...(await files.validate(tx))];
      },
      data: { derramaSolicitadaAt: new Date() },
      effects: async (tx, record) => {
        await files.attach(tx, { entity: ENTITY, id: record.id }, 'CFDI');
        await tx.lineaDerrama.createMany({
          data: input.lineas.map((l, i) => ({
            coordinacionCapacitacionId: record.id,
            unitId: l.unitId.id,
            monto: pesos(l.monto),
            documentoId: l.documentoId.id,
            orden: i + 1,
          })),
        });
        return {
          derrama: input.lineas.map((l) => ({ unitId: l.unitId.id, monto: pesos(l.monto).toFixed(2), documentoId: l.documentoId.id })),
        };
      },
    };
  },
});

// Activity 9.
const CloseInput = builder.inputType('CloseCoordinacionCapacitacionInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    notificacionDerrama: t.string({ required: true, description: 'The written notice of the derrama to the participating units.' }),
  }),
});
stepMutation<Estado, Keys, StepArgs & { notificacionDerrama: string }>(wf, 'closeCoordinacionCapacitacion', {
  input: CloseInput,
  plan: (input) => ({
    validate: () => checkText(new InputChecker(), input.notificacionDerrama, ['input', 'notificacionDerrama']).issues,
    data: { notificacionDerrama: input.notificacionDerrama.trim(), derramaNotificadaAt: new Date() },
  }),
});
