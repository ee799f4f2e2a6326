// The certificate chain of 30-524-PO-04: folios (state office → plantel →
// student), the CENTRES request, spelling review, three signatures strictly in
// order, COSFAC release and delivery. Each step for the role the manual names.
import { builder } from '../../builder.js';
import type { EstadoCertificado } from '../../generated/prisma/enums.js';
import { AppError, ErrorCode, InputChecker, badInput, forbidden, notFound } from '../../lib/errors.js';
import { checkText } from '../../lib/validation.js';
import { assignmentReaching, createRecord } from '../../lib/workflow/engine.js';
import { registerWorkflow } from '../../lib/workflow/registry.js';
import type { Tx } from '../../lib/workflow/types.js';
import { stepMutation, unitOwnedStore, type StepArgs } from '../../lib/workflow/steps.js';
import { readableByUnit } from './rules.js';
import { AlumnoRef, CertificadoRef } from './types.js';
import { CERTIFICADO_MUTATIONS, certificadoWorkflow, FOLIO_ROLES } from './workflow.js';

registerWorkflow(certificadoWorkflow, CERTIFICADO_MUTATIONS);
const store = unitOwnedStore<EstadoCertificado>('Certificado', (tx) => tx.certificado);

// ---- folios (DG 2.1-2.3) ------------------------------------------------------

const LoteInput = builder.inputType('RegisterFolioBatchInput', {
  description: 'DG 2.1: electronic folios received from Oficinas Nacionales (R 27: requested with F01).',
  fields: (t) => ({
    referencia: t.string({ required: true, description: 'The national office\'s reference for the batch.' }),
    prefijo: t.string({ required: true, description: 'Folio prefix, e.g. "VER25-".' }),
    numeroInicial: t.int({ required: true }),
    cantidad: t.int({ required: true, description: '1 to 100000.' }),
  }),
});
const LoteRef = builder.objectRef<{ id: string; referencia: string; cantidad: number; primero: string; ultimo: string }>('LoteFolios').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    referencia: t.exposeString('referencia'),
    cantidad: t.exposeInt('cantidad'),
    primero: t.exposeString('primero'),
    ultimo: t.exposeString('ultimo'),
  }),
});

builder.mutationField('registerFolioBatch', (t) =>
  t.field({
    type: LoteRef,
    description: 'DG 2.1 (JEFE_SERVICIOS_ESCOLARES_ESTATAL): records a batch of electronic folios received, held by your state office.',
    args: { input: t.arg({ type: LoteInput, required: true }) },
    resolve: async (_r, { input }, ctx) => {
      const actor = ctx.viewer!.assignments.find((a) => a.role === FOLIO_ROLES.registerFolioBatch)!;
      const check = new InputChecker()
        .check(Number.isInteger(input.cantidad) && input.cantidad >= 1 && input.cantidad <= 100_000, ['input', 'cantidad'], 'Must be 1 to 100000')
        .check(input.numeroInicial >= 0, ['input', 'numeroInicial'], 'Cannot be below zero')
        .check(/^[A-Z0-9-]{0,20}$/.test(input.prefijo), ['input', 'prefijo'], 'Up to 20 capital letters, digits or hyphens');
      checkText(check, input.referencia, ['input', 'referencia'], 200);
      check.throwIfAny();
      const numero = (i: number) => `${input.prefijo}${String(input.numeroInicial + i).padStart(8, '0')}`;
      const lote = await ctx.db.$transaction(async (tx) => {
        const clash = await tx.folio.count({ where: { numero: { in: [numero(0), numero(input.cantidad - 1)] } } });
        const created = await tx.loteFolios.create({ data: { unitId: actor.unitId, referencia: input.referencia.trim(), cantidad: input.cantidad, createdById: ctx.viewer!.personId } });
        const { count } = await tx.folio.createMany({
          data: Array.from({ length: input.cantidad }, (_, i) => ({ numero: numero(i), loteId: created.id, unitId: actor.unitId })),
          skipDuplicates: true,
        });
        if (clash || count !== input.cantidad) throw badInput([{ path: ['input', 'numeroInicial'], message: 'Some of these folios already exist' }]);
        return created;
      });
      return { id: lote.id, referencia: lote.referencia, cantidad: lote.cantidad, primero: numero(0), ultimo: numero(input.cantidad - 1) };
    },
  }),
);

const AssignInput = builder.inputType('AssignFoliosToPlantelInput', {
  fields: (t) => ({
    plantelId: t.globalID({ required: true }),
    cantidad: t.int({ required: true }),
  }),
});
builder.mutationField('assignFoliosToPlantel', (t) =>
  t.int({
    description: 'DG 2.2-2.3 (JEFE_SERVICIOS_ESCOLARES_ESTATAL): moves unused folios of your state office to one of its planteles; returns how many moved. Concurrent calls never move the same folio.',
    args: { input: t.arg({ type: AssignInput, required: true }) },
    resolve: async (_r, { input }, ctx) => {
      const plantel = await ctx.db.orgUnit.findFirst({ where: { id: input.plantelId.id, kind: 'PLANTEL' }, select: { id: true, path: true } });
      if (!plantel) throw badInput([{ path: ['input', 'plantelId'], message: 'Not a plantel' }]);
      const actor = assignmentReaching(ctx.viewer!, FOLIO_ROLES.assignFoliosToPlantel, plantel.path);
      if (!actor) throw forbidden('assignFoliosToPlantel is for the Jefatura de Servicios Escolares of the plantel\'s state');
      if (!Number.isInteger(input.cantidad) || input.cantidad < 1 || input.cantidad > 100_000) throw badInput([{ path: ['input', 'cantidad'], message: 'Must be 1 to 100000' }]);
      return ctx.db.$transaction(async (tx) => {
        // SKIP LOCKED: a concurrent assignment takes other folios instead of waiting for, or repeating, these.
        const moved = await tx.$queryRaw<{ id: string }[]>`
          UPDATE "Folio" SET "unitId" = ${plantel.id}::uuid
          WHERE id IN (
            SELECT f.id FROM "Folio" f
            WHERE f."unitId" = ${actor.unitId}::uuid AND NOT EXISTS (SELECT 1 FROM "Certificado" c WHERE c."folioId" = f.id)
            ORDER BY f.numero LIMIT ${input.cantidad} FOR UPDATE SKIP LOCKED)
          RETURNING id`;
        if (moved.length < input.cantidad) {
          throw badInput([{ path: ['input', 'cantidad'], message: `Only ${moved.length} unused folios are available` }]);
        }
        return moved.length;
      });
    },
  }),
);

/**
 * Takes the lowest unused folio held by `unitId` and marks it assigned. SKIP
 * LOCKED: a concurrent transaction takes the next one instead of waiting for,
 * or repeating, this one; the unique Certificado.folioId backs it up.
 */
async function takeUnusedFolio(tx: Tx, unitId: string, noneLeft: string): Promise<{ id: string }> {
  const [folio] = await tx.$queryRaw<{ id: string }[]>`
    SELECT f.id FROM "Folio" f
    WHERE f."unitId" = ${unitId}::uuid AND NOT EXISTS (SELECT 1 FROM "Certificado" c WHERE c."folioId" = f.id)
    ORDER BY f.numero LIMIT 1 FOR UPDATE SKIP LOCKED`;
  if (!folio) throw new AppError(ErrorCode.CONFLICT, noneLeft);
  await tx.folio.update({ where: { id: folio.id }, data: { asignadoAt: new Date() } });
  return folio;
}

// ---- the certificate ------------------------------------------------------------

const RequestInput = builder.inputType('RequestCertificateInput', {
  fields: (t) => ({ alumnoId: t.globalID({ required: true, for: AlumnoRef }) }),
});
builder.mutationField('requestCertificate', (t) =>
  t.prismaField({
    type: 'Certificado',
    description:
      'P 2.2-2.3 (SERVICIOS_ESCOLARES_PLANTEL): requests the certificate through CENTRES for a regular student who completed the plan, ' +
      'and assigns one of the plantel\'s folios. A folio is used once; two concurrent requests never get the same folio.',
    args: { input: t.arg({ type: RequestInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const id = input.alumnoId.id;
      const alumno = await ctx.db.alumno.findFirst({ where: { AND: [{ id }, readableByUnit(ctx.viewer)] }, select: { id: true, unit: { select: { id: true, path: true } } } });
      if (!alumno) throw notFound('Alumno', id);
      const certId = await createRecord(ctx, certificadoWorkflow, 'requestCertificate', alumno.unit, async (tx) => {
        // Lock the student: two requests for one student cannot both pass the checks below.
        const [student] = await tx.$queryRaw<{ estatus: string; plan_concluido: boolean }[]>`
          SELECT estatus::text, "planConcluido" AS plan_concluido FROM "Alumno" WHERE id = ${id}::uuid FOR UPDATE`;
        if (!student.plan_concluido || student.estatus === 'BAJA') {
          throw new AppError(ErrorCode.INVALID_TRANSITION, 'The student has not completed the plan of studies (or is a baja): no certificate, no folio', {
            transition: 'requestCertificate',
            state: student.estatus,
          });
        }
        if (await tx.certificado.count({ where: { alumnoId: id, tipo: 'ORIGINAL' } })) {
          throw badInput([{ path: ['input', 'alumnoId'], message: 'The student already has a certificate (a replacement is a separate procedure)' }]);
        }
        const folio = await takeUnusedFolio(tx, alumno.unit.id, 'The plantel has no unused folio: ask the state office to assign more');
        return tx.certificado.create({ data: { alumnoId: id, unitId: alumno.unit.id, folioId: folio.id }, select: { id: true } });
      });
      return ctx.db.certificado.findUniqueOrThrow({ ...query, where: { id: certId } });
    },
  }),
);

const ReplacementInput = builder.inputType('RequestCertificateReplacementInput', {
  fields: (t) => ({
    certificadoId: t.globalID({ required: true, for: CertificadoRef }),
    motivo: t.string({ required: true, description: 'Why it is replaced (loss, damage…), as the F03 records it.' }),
  }),
});
builder.mutationField('requestCertificateReplacement', (t) =>
  t.prismaField({
    type: 'Certificado',
    description:
      'R 18, 28 (JEFE_SERVICIOS_ESCOLARES_ESTATAL): replacement (F03) of a delivered certificate. Takes a new folio held by your state office; ' +
      'the replacement then follows the same chain (review, three signatures, COSFAC, delivery).',
    args: { input: t.arg({ type: ReplacementInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const id = input.certificadoId.id;
      const original = await ctx.db.certificado.findFirst({
        where: { AND: [{ id }, readableByUnit(ctx.viewer)] },
        select: { id: true, estado: true, alumnoId: true, unit: { select: { id: true, path: true } } },
      });
      if (!original) throw notFound('Certificado', id);
      const issues = checkText(new InputChecker(), input.motivo, ['input', 'motivo'], 1000).issues;
      const newId = await createRecord(ctx, certificadoWorkflow, 'requestReplacement', original.unit, async (tx, actor) => {
        if (issues.length) throw badInput(issues);
        // Lock the original: one replacement at a time.
        const [row] = await tx.$queryRaw<{ estado: string }[]>`SELECT estado::text FROM "Certificado" WHERE id = ${id}::uuid FOR UPDATE`;
        if (row.estado !== 'ENTREGADO') {
          throw new AppError(ErrorCode.INVALID_TRANSITION, `Only a delivered certificate can be replaced; this one is ${row.estado}`, { state: row.estado, transition: 'requestReplacement' });
        }
        if (await tx.certificado.count({ where: { reponeAId: id } })) throw badInput([{ path: ['input', 'certificadoId'], message: 'This certificate was already replaced' }]);
        const folio = await takeUnusedFolio(tx, actor.unitId, 'Your state office has no unused folio for the replacement');
        return tx.certificado.create({
          data: { alumnoId: original.alumnoId, unitId: original.unit.id, folioId: folio.id, tipo: 'REPOSICION', reponeAId: id, motivoReposicion: input.motivo.trim() },
          select: { id: true },
        });
      });
      return ctx.db.certificado.findUniqueOrThrow({ ...query, where: { id: newId } });
    },
  }),
);

const CertStepInput = builder.inputType('CertificadoStepInput', {
  fields: (t) => ({
    id: t.globalID({ required: true, for: CertificadoRef }),
    version: t.int({ required: false }),
    observaciones: t.string({ required: false, description: 'Required when returning for correction.' }),
  }),
});
const step = (field: keyof typeof CERTIFICADO_MUTATIONS, input: unknown = CertStepInput, options?: Parameters<typeof stepMutation<EstadoCertificado, string, StepArgs & { entregadoA: string; fecha?: Date | null }>>[0]['options']) =>
  stepMutation({
    workflow: certificadoWorkflow,
    store,
    readable: readableByUnit,
    model: 'Certificado',
    field,
    transition: CERTIFICADO_MUTATIONS[field as 'releaseCertificate'],
    input,
    options: options as never,
  });

step('validateCertificateSpelling');
step('returnCertificateForCorrection');
step('resubmitCertificate');
step('signCertificateAsPlantelDirector');
step('signCertificateAsStateDirector');
step('signCertificateAsNationalDirector');
step('releaseCertificate');

const DeliverInput = builder.inputType('DeliverCertificateInput', {
  description: 'The delivery receipt (F02).',
  fields: (t) => ({
    id: t.globalID({ required: true, for: CertificadoRef }),
    version: t.int({ required: false }),
    observaciones: t.string({ required: false }),
    entregadoA: t.string({ required: true, description: 'Who received it (the graduate, or an authorised person).' }),
    fecha: t.field({ type: 'DateTime', required: false, description: 'Defaults to now.' }),
  }),
});
step('deliverCertificate', DeliverInput, (input) => ({
  validate: async () => checkText(new InputChecker(), input.entregadoA, ['input', 'entregadoA'], 300).issues,
  data: { entregadoA: input.entregadoA.trim(), entregadoAt: input.fecha ?? new Date() },
}));
