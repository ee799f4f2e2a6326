// The certificate chain of 30-524-PO-04: folios (state office → plantel →
// student), the CENTRES request, spelling review, three signatures strictly in
// order, COSFAC release and delivery. The engine checks role, reach, state or
// precondition and writes the audit entry; each step here says what it writes.
import { createHash } from 'node:crypto';
import { builder } from '../../builder.js';
import { stepDocuments } from '../../lib/documents/access.js';
import { addJobIn } from '../../lib/jobs.js';
import { InputChecker, badInput, conflict, type InputIssue } from '../../lib/errors.js';
import { checkText } from '../../lib/validation.js';
import { creationMutation, stepArgFields, stepMutation } from '../../lib/workflow/mutations.js';
import type { Tx } from '../../lib/workflow/types.js';
import { AlumnoRef, CertificadoRef } from './types.js';
import { TipoArchivoSae } from '../../generated/prisma/enums.js';
import { importSae, SAE_CONTENT_TYPES } from './sae.js';
import { advancePlan, checkQueued, IMPORTACION_SAE_JOB, inProcess, issuesAt, loadQueued } from './sae-runner.js';
import { readableByUnit } from '../../lib/auth/scope.js';
import { certificadoWorkflow as wf, importacionSaeWorkflow, loteFoliosWorkflow as lotes } from './workflow.js';

// ---- folios (DG 2.1-2.3) ------------------------------------------------------

const cantidadValida = (cantidad: number) => Number.isInteger(cantidad) && cantidad >= 1 && cantidad <= 100_000;

const CreateLoteInput = builder.inputType('CreateLoteFoliosInput', {
  description: 'DG 2.1: electronic folios received from Oficinas Nacionales (R 27: requested with F01).',
  fields: (t) => ({
    referencia: t.string({ required: true, description: "The national office's reference for the batch." }),
    prefijo: t.string({ required: true, description: 'Folio prefix, e.g. "VER25-".' }),
    numeroInicial: t.int({ required: true }),
    cantidad: t.int({ required: true, description: '1 to 100000.' }),
    unitId: t.globalID({
      required: false,
      description: 'The state office that holds the batch; defaults to the unit where you hold the role.',
    }),
    solicitudFoliosId: t.globalID({ required: false, description: 'R 27: the F01 request of the state office this batch answers.' }),
  }),
});
creationMutation(lotes, 'createLoteFolios', {
  input: CreateLoteInput,
  plan: (input, ctx) => {
    const numero = (i: number) => `${input.prefijo}${String(input.numeroInicial + i).padStart(8, '0')}`;
    return {
      unitId: input.unitId?.id,
      validate: async (tx, { unit }) => {
        const check = new InputChecker()
          .check(cantidadValida(input.cantidad), ['input', 'cantidad'], 'Must be 1 to 100000')
          .check(input.numeroInicial >= 0, ['input', 'numeroInicial'], 'Cannot be below zero')
          .check(/^[A-Z0-9-]{0,20}$/.test(input.prefijo), ['input', 'prefijo'], 'Up to 20 capital letters, digits or hyphens');
        checkText(check, input.referencia, ['input', 'referencia'], 200);
        if (input.solicitudFoliosId)
          check.check(
            !!(await tx.solicitudFolios.count({ where: { id: input.solicitudFoliosId.id, unitId: unit.id } })),
            ['input', 'solicitudFoliosId'],
            'Not an F01 request of this state office',
          );
        if (check.issues.length) return check.issues;
        const clash = await tx.folio.count({ where: { numero: { in: [numero(0), numero(input.cantidad - 1)] } } });
        return clash ? [{ path: ['input', 'numeroInicial'], message: 'Some of these folios already exist' }] : [];
      },
      create: async (tx, { unit }) => {
        const lote = await tx.loteFolios.create({
          data: {
            unitId: unit.id,
            referencia: input.referencia.trim(),
            cantidad: input.cantidad,
            solicitudFoliosId: input.solicitudFoliosId?.id ?? null,
            createdById: ctx.viewer!.personId,
          },
          select: { id: true },
        });
        // One set-based statement: 100,000 folios are generated in the database, not in this process.
        const count = await tx.$executeRaw`
          INSERT INTO "Folio" (id, numero, "loteId", "unitId")
          SELECT gen_random_uuid(), ${input.prefijo} || CASE WHEN length(n::text) < 8 THEN lpad(n::text, 8, '0') ELSE n::text END,
                 ${lote.id}::uuid, ${unit.id}::uuid
          FROM generate_series(${input.numeroInicial}::bigint, ${input.numeroInicial + input.cantidad - 1}::bigint) AS n
          ON CONFLICT (numero) DO NOTHING`;
        // Folios inside the range may exist although its ends do not: the whole batch is refused (the transaction rolls back).
        if (count !== input.cantidad) throw badInput([{ path: ['input', 'numeroInicial'], message: 'Some of these folios already exist' }]);
        return {
          id: lote.id,
          changes: {
            referencia: input.referencia.trim(),
            cantidad: input.cantidad,
            primero: numero(0),
            ultimo: numero(input.cantidad - 1),
          },
        };
      },
    };
  },
});

const AssignInput = builder.inputType('AssignLoteFoliosInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    plantelId: t.globalID({ required: true, description: "A plantel of the batch's state office." }),
    cantidad: t.int({ required: true, description: '1 to 100000.' }),
  }),
});
stepMutation(lotes, 'assignLoteFolios', {
  input: AssignInput,
  plan: (input) => {
    let plantel: { id: string } | null = null;
    return {
      validate: async (tx, lote) => {
        plantel = await tx.orgUnit.findFirst({
          where: { id: input.plantelId.id, kind: 'PLANTEL', path: { startsWith: lote.unitPath }, NOT: { id: lote.unitId } },
          select: { id: true },
        });
        return new InputChecker()
          .check(!!plantel, ['input', 'plantelId'], "Not a plantel of the batch's state office")
          .check(cantidadValida(input.cantidad), ['input', 'cantidad'], 'Must be 1 to 100000').issues;
      },
      effects: async (tx, lote) => {
        // SKIP LOCKED: a concurrent assignment takes other folios instead of waiting for, or repeating, these.
        const moved = await tx.$queryRaw<{ id: string }[]>`
          UPDATE "Folio" SET "unitId" = ${plantel!.id}::uuid
          WHERE id IN (
            SELECT f.id FROM "Folio" f
            WHERE f."loteId" = ${lote.id}::uuid AND f."unitId" = ${lote.unitId}::uuid
              AND NOT EXISTS (SELECT 1 FROM "Certificado" c WHERE c."folioId" = f.id)
            ORDER BY f.numero LIMIT ${input.cantidad} FOR UPDATE SKIP LOCKED)
          RETURNING id`;
        if (moved.length < input.cantidad) {
          throw badInput([{ path: ['input', 'cantidad'], message: `Only ${moved.length} unused folios are available` }]);
        }
        return { plantelId: plantel!.id, cantidad: moved.length };
      },
    };
  },
  output: { type: 'Int', resolve: (result) => Promise.resolve(Number(result.changes.cantidad)) },
});

/**
 * Takes the lowest unused folio held by `unitId` and marks it assigned. SKIP
 * LOCKED: a concurrent transaction takes the next one instead of waiting for,
 * or repeating, this one; the unique Certificado.folioId backs it up.
 * `asignadoAt IS NULL` is what keeps it from repeating one: a folio locked when
 * the statement's snapshot was taken and committed meanwhile is re-checked on
 * its new row version (READ COMMITTED), which sees `asignadoAt` but not the new
 * certificate (the NOT EXISTS keeps the old snapshot).
 */
async function takeUnusedFolio(tx: Tx, unitId: string, noneLeft: string): Promise<{ id: string; numero: string }> {
  const [folio] = await tx.$queryRaw<{ id: string; numero: string }[]>`
    SELECT f.id, f.numero FROM "Folio" f
    WHERE f."unitId" = ${unitId}::uuid AND f."asignadoAt" IS NULL AND NOT EXISTS (SELECT 1 FROM "Certificado" c WHERE c."folioId" = f.id)
    ORDER BY f.numero LIMIT 1 FOR UPDATE SKIP LOCKED`;
  if (!folio) throw conflict(noneLeft);
  await tx.folio.update({ where: { id: folio.id }, data: { asignadoAt: new Date() } });
  return folio;
}

// ---- the certificate ------------------------------------------------------------

const CreateInput = builder.inputType('CreateCertificadoInput', {
  fields: (t) => ({ alumnoId: t.globalID({ required: true, for: AlumnoRef }) }),
});
creationMutation(wf, 'createCertificado', {
  input: CreateInput,
  plan: (input) => ({
    // The engine locks the student's row: two requests for one student cannot both pass the check below.
    underId: input.alumnoId.id,
    validate: async (tx, { under }): Promise<InputIssue[]> =>
      (await tx.certificado.count({ where: { alumnoId: under!.id, tipo: 'ORIGINAL' } }))
        ? [{ path: ['input', 'alumnoId'], message: 'The student already has a certificate (a replacement is a separate procedure)' }]
        : [],
    create: async (tx, { unit, under }) => {
      const folio = await takeUnusedFolio(tx, unit.id, 'The plantel has no unused folio: ask the state office to assign more');
      const created = await tx.certificado.create({
        data: { alumnoId: under!.id, unitId: unit.id, folioId: folio.id },
        select: { id: true },
      });
      return { id: created.id, changes: { folio: folio.numero } };
    },
  }),
});

const ReposicionInput = builder.inputType('CreateCertificadoReposicionInput', {
  description:
    'R 18, 28 (F03): the certificate replaced (`certificadoId`, a delivered one), or, for a graduate of the 1990 or 1997 model whose certificate ' +
    'was never issued through this system (the pre-2003 guide, R 29), the graduate (`alumnoId`). Exactly one.',
  fields: (t) => ({
    certificadoId: t.globalID({ required: false, for: CertificadoRef }),
    alumnoId: t.globalID({ required: false, for: AlumnoRef }),
    motivo: t.string({ required: true, description: 'Why it is replaced (loss, damage…), as the F03 records it.' }),
  }),
});
creationMutation(wf, 'createCertificadoReposicion', {
  input: ReposicionInput,
  plan: (input) => {
    const origin = input.certificadoId
      ? { underId: input.certificadoId.id, underEntity: 'Certificado' }
      : input.alumnoId
        ? { underId: input.alumnoId.id, underEntity: 'Alumno', underIdPath: ['input', 'alumnoId'] }
        : {};
    return {
      // The engine locks the original (or the graduate): one replacement at a time.
      ...origin,
      underIdPath: ['input', 'certificadoId'],
      validate: async (tx, { under }) => {
        const check = checkText(new InputChecker(), input.motivo, ['input', 'motivo'], 1000);
        check.check(!(input.certificadoId && input.alumnoId), ['input', 'alumnoId'], 'Give exactly one of certificadoId and alumnoId');
        if (input.certificadoId)
          check.check(
            !(await tx.certificado.count({ where: { reponeAId: under!.id } })),
            ['input', 'certificadoId'],
            'This certificate was already replaced',
          );
        else
          check.check(
            !(await tx.certificado.count({ where: { alumnoId: under!.id } })),
            ['input', 'alumnoId'],
            'The graduate has a certificate in the system: replace that certificate (certificadoId)',
          );
        return check.issues;
      },
      create: async (tx, { unit, under, actor }) => {
        const alumnoId = input.certificadoId
          ? (await tx.certificado.findUniqueOrThrow({ where: { id: under!.id }, select: { alumnoId: true } })).alumnoId
          : under!.id;
        const folio = await takeUnusedFolio(tx, actor.unitId, 'Your state office has no unused folio for the replacement');
        const created = await tx.certificado.create({
          data: {
            alumnoId,
            unitId: unit.id,
            folioId: folio.id,
            tipo: 'REPOSICION',
            reponeAId: input.certificadoId ? under!.id : null,
            motivoReposicion: input.motivo.trim(),
          },
          select: { id: true },
        });
        return { id: created.id, changes: { folio: folio.numero, motivoReposicion: input.motivo.trim(), alumnoId } };
      },
    };
  },
});

const UpdateCertificadoInput = builder.inputType('UpdateCertificadoInput', {
  description: "R 24: corrections of the graduate's names, surnames and career for the certificate; only the fields given are written.",
  fields: (t) => ({
    ...stepArgFields(t),
    nombre: t.string({ required: false }),
    primerApellido: t.string({ required: false }),
    segundoApellido: t.string({ required: false, description: 'An empty string clears it.' }),
    carrera: t.string({ required: false }),
  }),
});
const CORRECCIONES = ['nombre', 'primerApellido', 'segundoApellido', 'carrera'] as const;
stepMutation(wf, 'updateCertificado', {
  input: UpdateCertificadoInput,
  plan: (input) => {
    const given = CORRECCIONES.filter((f) => input[f] != null);
    return {
      validate: () => {
        const check = new InputChecker().check(given.length > 0, ['input'], 'Give at least one field to correct');
        for (const f of given) if (f !== 'segundoApellido') checkText(check, input[f], ['input', f], 200);
        return check.issues;
      },
      // The correction is the student's record (the certificate prints it); the audit keeps the values before and after.
      effects: async (tx, record) => {
        const { alumnoId } = await tx.certificado.findUniqueOrThrow({ where: { id: record.id }, select: { alumnoId: true } });
        const antes = await tx.alumno.findUniqueOrThrow({
          where: { id: alumnoId },
          select: { nombre: true, primerApellido: true, segundoApellido: true, carrera: true },
        });
        const despues = Object.fromEntries(given.map((f) => [f, input[f]!.trim() || (f === 'segundoApellido' ? null : input[f]!.trim())]));
        await tx.alumno.update({ where: { id: alumnoId }, data: despues });
        return { antes: Object.fromEntries(given.map((f) => [f, antes[f]])), despues };
      },
    };
  },
});

stepMutation(wf, 'approveCertificadoAsJefeServiciosEscolaresEstatal');
stepMutation(wf, 'returnCertificado');
stepMutation(wf, 'submitCertificado');
stepMutation(wf, 'signCertificadoAsDirectorPlantel');
stepMutation(wf, 'signCertificadoAsDirectorGeneralEstatal');
stepMutation(wf, 'signCertificadoAsDirectorGeneralNacional');
stepMutation(wf, 'approveCertificadoAsCosfac');
stepMutation(wf, 'sendCertificado');

const DeliverInput = builder.inputType('DeliverCertificadoInput', {
  description: 'The delivery receipt (F02).',
  fields: (t) => ({
    ...stepArgFields(t),
    entregadoA: t.string({ required: true, description: 'Who received it (the graduate, or an authorised person).' }),
    fecha: t.field({ type: 'DateTime', required: false, description: 'Defaults to now.' }),
    reciboDocumentoId: t.globalID({
      required: false,
      description: 'The signed receipt F02, uploaded first (POST /documents); readable afterwards by whoever can read the certificate.',
    }),
  }),
});
stepMutation(wf, 'deliverCertificado', {
  input: DeliverInput,
  plan: (input, ctx) => {
    const recibo = stepDocuments(ctx.viewer!, input.reciboDocumentoId ? [input.reciboDocumentoId] : [], () => [
      'input',
      'reciboDocumentoId',
    ]);
    return {
      validate: async (tx) => [
        ...checkText(new InputChecker(), input.entregadoA, ['input', 'entregadoA'], 300).issues,
        ...(await recibo.validate(tx)),
      ],
      data: { entregadoA: input.entregadoA.trim(), entregadoAt: input.fecha ?? new Date() },
      effects: async (tx, record) =>
        recibo.ids.length ? { recibo: await recibo.attach(tx, { entity: 'Certificado', id: record.id }, 'RECIBO_ENTREGA') } : {},
    };
  },
});

// ---- SAE import (R 9-10) --------------------------------------------------------

const TipoArchivoSaeEnum = builder.enumType(TipoArchivoSae, {
  name: 'TipoArchivoSae',
  description:
    'The SAE file: ALUMNOS, GRUPOS, DOCENTES or EVALUACIONES (the grades of a corte). Columns: docs/procedures/seguimiento-academico.md.',
});
const CreateImportacionSaeInput = builder.inputType('CreateImportacionSaeInput', {
  fields: (t) => ({
    tipo: t.field({ type: TipoArchivoSaeEnum, required: true }),
    nombreArchivo: t.string({ required: true }),
    contenido: t.string({ required: true, description: 'The CSV text (comma or semicolon separated, UTF-8), header first.' }),
    unitId: t.globalID({
      required: false,
      description: 'The plantel (or state office) importing; defaults to the unit where you hold the role. Rows name planteles within it.',
    }),
  }),
});
creationMutation(importacionSaeWorkflow, 'createImportacionSae', {
  input: CreateImportacionSaeInput,
  plan: (input, ctx) => ({
    unitId: input.unitId?.id,
    validate: () => checkText(new InputChecker(), input.nombreArchivo, ['input', 'nombreArchivo'], 300).issues,
    create: async (tx, { unit }) => {
      const outcome = await importSae(tx, unit, input.tipo, input.contenido);
      // Any bad row: nothing is written (the transaction rolls back) and every bad row is answered with its line and field.
      if ('issues' in outcome)
        throw badInput(
          outcome.issues.map((i) => ({
            path: ['input', 'contenido', i.linea, i.campo],
            message: `Línea ${i.linea}, ${i.campo || 'archivo'}: ${i.mensaje}`,
          })),
        );
      const sha256 = createHash('sha256').update(input.contenido).digest('hex');
      const created = await tx.importacionSae.create({
        data: {
          unitId: unit.id,
          tipo: input.tipo,
          nombreArchivo: input.nombreArchivo.trim(),
          sha256,
          ...outcome.counts,
          filasProcesadas: outcome.counts.filas,
          createdById: ctx.viewer!.personId,
        },
        select: { id: true },
      });
      return { id: created.id, changes: { tipo: input.tipo, nombreArchivo: input.nombreArchivo.trim(), sha256, ...outcome.counts } };
    },
  }),
});

// ---- SAE files uploaded through POST /documents, imported in the background ----------------

const QueueImportacionSaeInput = builder.inputType('QueueImportacionSaeInput', {
  fields: (t) => ({
    tipo: t.field({ type: TipoArchivoSaeEnum, required: true }),
    documentoId: t.globalID({
      required: true,
      description:
        'The file, uploaded by you to POST /documents and not attached to anything yet: a CSV (text/csv) or an XLSX workbook (its first worksheet; the row number is the line).',
    }),
    unitId: t.globalID({
      required: false,
      description: 'The plantel (or state office) importing; defaults to the unit where you hold the role. Rows name planteles within it.',
    }),
  }),
});
creationMutation(importacionSaeWorkflow, 'queueImportacionSae', {
  input: QueueImportacionSaeInput,
  plan: (input, ctx) => {
    const docs = stepDocuments(ctx.viewer!, [input.documentoId], () => ['input', 'documentoId'], { sae: true });
    const uploaded = (tx: Tx) =>
      tx.documento.findUniqueOrThrow({
        where: { id: input.documentoId.id },
        select: { id: true, nombre: true, sha256: true, tipoContenido: true },
      });
    return {
      unitId: input.unitId?.id,
      validate: async (tx) => {
        const issues = await docs.validate(tx);
        if (issues.length) return issues;
        return (SAE_CONTENT_TYPES as readonly string[]).includes((await uploaded(tx)).tipoContenido)
          ? []
          : [{ path: ['input', 'documentoId'], message: 'The SAE file must be a CSV (text/csv) or an XLSX workbook' }];
      },
      create: async (tx, { unit }) => {
        const d = await uploaded(tx);
        const created = await tx.importacionSae.create({
          data: {
            unitId: unit.id,
            tipo: input.tipo,
            estado: 'EN_COLA',
            nombreArchivo: d.nombre,
            sha256: d.sha256,
            documentoId: d.id,
            filas: 0,
            creadas: 0,
            actualizadas: 0,
            sinCambios: 0,
            createdById: ctx.viewer!.personId,
          },
          select: { id: true },
        });
        const documento = await docs.attach(tx, { entity: 'ImportacionSae', id: created.id }, 'ARCHIVO_SAE');
        // The import's job commits with the record (src/lib/jobs.ts): it survives restarts and runs once.
        if (ctx.services.jobs) {
          await addJobIn(
            tx,
            IMPORTACION_SAE_JOB,
            { importacionId: created.id, personId: ctx.viewer!.personId },
            { key: `importacion-sae:${created.id}`, maxAttempts: 5 },
          );
        }
        return { id: created.id, changes: { tipo: input.tipo, nombreArchivo: d.nombre, sha256: d.sha256, documento } };
      },
      // The job takes the next steps as this person (docs/decisions/018-sae-import.md); without a job queue, this process does.
      afterCommit: (result) => {
        if (!ctx.services.jobs) inProcess.enqueue(ctx, result.id);
        return Promise.resolve();
      },
    };
  },
});

stepMutation(importacionSaeWorkflow, 'advanceImportacionSae', {
  // The engine admits the caller (role, reach, state) before the file is read: a refused caller reads no byte.
  checkFirst: true,
  plan: async (input, ctx) => {
    // Only a queued import the viewer can read is read and checked; for anything else the engine answers.
    const row = await loadQueued(ctx, input.id.id, readableByUnit(ctx.viewer));
    if (!row?.documentoId || (row.estado !== 'EN_COLA' && row.estado !== 'EN_PROCESO')) return {};
    const check = await checkQueued(ctx.db, ctx.services.documents, row);
    if ('issues' in check) return { validate: () => issuesAt(check.issues, ['input', 'id']) };
    return advancePlan(check.plan, row, input.version);
  },
});
stepMutation(importacionSaeWorkflow, 'completeImportacionSae');
stepMutation(importacionSaeWorkflow, 'rejectImportacionSae');
