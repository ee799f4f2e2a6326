// One mutation per step of V-CANA-MP-02 C.4.2, named as the step; the engine
// checks role, reach and state and writes the audit entry. Plus the public
// unsubscribe link's mutation, which takes the system step addBajaCorreo.
import { builder } from '../../builder.js';
import type { EstadoCampana, TemaContacto } from '../../generated/prisma/enums.js';
import { InputChecker, badInput, type InputIssue } from '../../lib/errors.js';
import { isPublic } from '../../lib/auth/rules.js';
import { checkText } from '../../lib/validation.js';
import { takeStep } from '../../lib/workflow/engine.js';
import { systemContext } from '../../lib/workflow/system.js';
import { creationMutation, stepArgFields, stepMutation, type StepArgs } from '../../lib/workflow/mutations.js';
import type { Tx } from '../../lib/workflow/types.js';
import { TemaContactoEnum } from '../contacto/types.js';
import { responsablesCanales } from '../contacto/jobs.js';
import { campanaMail, hashToken } from './mail.js';
import { OrigenDestinatarioCampanaEnum, ResultadoLlamadaEnum, TipoCampanaEnum } from './types.js';
import { campanaWorkflow } from './workflow.js';

type K = keyof typeof campanaWorkflow.steps;

const CreateCampanaInput = builder.inputType('CreateCampanaInput', {
  description: 'Step 1.1: the request of a CONOCER area for a campaign.',
  fields: (t) => ({
    unitId: t.globalID({ required: true, description: 'The contact centre that will run the campaign (an AREA_CONOCER unit).' }),
    areaSolicitanteId: t.globalID({ required: true, description: 'The CONOCER area that asks for the campaign.' }),
    tipo: t.field({ type: TipoCampanaEnum, required: true, description: 'Recorded calls, operator calls or e-mails.' }),
    nombre: t.string({ required: true, description: 'The campaign’s name (1-200 characters).' }),
    necesidad: t.string({ required: true, description: 'The request or need detected.' }),
    observaciones: t.string({ required: false, description: 'Observations, kept in the history.' }),
  }),
});

creationMutation(campanaWorkflow, 'createCampana', {
  input: CreateCampanaInput,
  plan: (input, ctx) => ({
    unitId: input.unitId.id,
    unitIdPath: ['input', 'unitId'],
    comment: input.observaciones,
    validate: async (tx) => {
      const check = new InputChecker();
      checkText(check, input.nombre, ['input', 'nombre'], 200);
      checkText(check, input.necesidad, ['input', 'necesidad'], 20_000);
      const area = await tx.orgUnit.findUnique({ where: { id: input.areaSolicitanteId.id }, select: { kind: true } });
      check.check(
        !!area && (area.kind === 'AREA_CONOCER' || area.kind === 'CONOCER'),
        ['input', 'areaSolicitanteId'],
        'Must be a CONOCER area',
      );
      return check.issues;
    },
    create: async (tx, { unit }) => {
      const row = await tx.campana.create({
        data: {
          unitId: unit.id,
          createdById: ctx.viewer!.personId,
          areaSolicitanteId: input.areaSolicitanteId.id,
          tipo: input.tipo,
          nombre: input.nombre.trim(),
          necesidad: input.necesidad.trim(),
        },
        select: { id: true },
      });
      return { id: row.id, changes: { tipo: input.tipo, nombre: input.nombre.trim(), areaSolicitanteId: input.areaSolicitanteId.id } };
    },
  }),
});

interface UpdateCampanaArgs extends StepArgs {
  objetivos?: string | null;
  estrategia?: string | null;
  planAccion?: string | null;
  metaExitosos?: number | null;
  auditorio?: string | null;
  asunto?: string | null;
  mensaje?: string | null;
  script?: string | null;
  inicio?: Date | null;
  fin?: Date | null;
}

const UpdateCampanaInput = builder.inputType('UpdateCampanaInput', {
  description: 'Steps 2.1 and 4.1: the plan, then the design. Only the fields given change.',
  fields: (t) => ({
    ...stepArgFields(t),
    objetivos: t.string({ required: false, description: 'Objectives (2.1).' }),
    estrategia: t.string({ required: false, description: 'Strategy (2.1).' }),
    planAccion: t.string({ required: false, description: 'Plan of action (2.1).' }),
    metaExitosos: t.int({ required: false, description: 'Successful contacts aimed at (0 or more).' }),
    auditorio: t.string({ required: false, description: 'Target audience (4.1).' }),
    asunto: t.string({ required: false, description: 'E-mail subject (4.1; at most 200 characters).' }),
    mensaje: t.string({ required: false, description: 'E-mail text, or the recorded message of automatic calls (4.1).' }),
    script: t.string({ required: false, description: 'Call script for operator calls (4.1).' }),
    inicio: t.field({ type: 'DateTime', required: false, description: 'Start of the calendar (4.1).' }),
    fin: t.field({ type: 'DateTime', required: false, description: 'End of the calendar (4.1); not before the start.' }),
  }),
});

const TEXTS = ['objetivos', 'estrategia', 'planAccion', 'auditorio', 'mensaje', 'script'] as const;

stepMutation<EstadoCampana, K, UpdateCampanaArgs>(campanaWorkflow, 'updateCampana', {
  input: UpdateCampanaInput,
  plan: (input) => {
    const check = new InputChecker();
    const data: Record<string, unknown> = {};
    for (const k of TEXTS) {
      if (input[k] != null) {
        checkText(check, input[k], ['input', k], 20_000);
        data[k] = input[k].trim();
      }
    }
    if (input.asunto != null) {
      checkText(check, input.asunto, ['input', 'asunto'], 200);
      check.check(!/[\r\n]/.test(input.asunto), ['input', 'asunto'], 'Must be one line');
      data.asunto = input.asunto.trim();
    }
    if (input.metaExitosos != null) {
      check.check(input.metaExitosos >= 0, ['input', 'metaExitosos'], 'Cannot be below zero');
      data.metaExitosos = input.metaExitosos;
    }
    if (input.inicio) data.inicio = input.inicio;
    if (input.fin) data.fin = input.fin;
    return {
      validate: async (tx, record) => {
        const current = await tx.campana.findUniqueOrThrow({ where: { id: record.id }, select: { inicio: true, fin: true } });
        const inicio = input.inicio ?? current.inicio;
        const fin = input.fin ?? current.fin;
        check.check(!inicio || !fin || fin.getTime() >= inicio.getTime(), ['input', 'fin'], 'Cannot be before the start');
        return [...check.issues, ...(Object.keys(data).length ? [] : [{ path: ['input'], message: 'Give at least one field to change' }])];
      },
      data,
    };
  },
});

stepMutation(campanaWorkflow, 'submitCampanaPlan');
stepMutation(campanaWorkflow, 'approveCampanaPlan');
stepMutation(campanaWorkflow, 'returnCampanaPlan');

interface SegmentoArgs extends StepArgs {
  origen: ('TICKET_CORREO' | 'TICKET_LLAMADA')[];
  tema?: TemaContacto[] | null;
  entidadFederativa?: string | null;
  desde?: Date | null;
  hasta?: Date | null;
  limite?: number | null;
}

const AddSegmentoCampanaInput = builder.inputType('AddSegmentoCampanaInput', {
  description: 'Step 5.1: which people of the contact centre’s records make the segment.',
  fields: (t) => ({
    ...stepArgFields(t),
    origen: t.field({
      type: [OrigenDestinatarioCampanaEnum],
      required: true,
      description: 'People who wrote (TICKET_CORREO) and/or called (TICKET_LLAMADA). An e-mail campaign needs an e-mail address.',
    }),
    tema: t.field({ type: [TemaContactoEnum], required: false, description: 'Only people whose request had one of these topics.' }),
    entidadFederativa: t.string({ required: false, description: 'Only people in this federal entity.' }),
    desde: t.field({ type: 'DateTime', required: false, description: 'Only requests received from this moment.' }),
    hasta: t.field({ type: 'DateTime', required: false, description: 'Only requests received before this moment.' }),
    limite: t.int({ required: false, description: 'At most this many people (1-100000; default all).' }),
  }),
});

stepMutation<EstadoCampana, K, SegmentoArgs>(campanaWorkflow, 'addSegmentoCampana', {
  input: AddSegmentoCampanaInput,
  plan: (input) => ({
    validate: () => {
      const check = new InputChecker();
      check.check(input.origen.length > 0, ['input', 'origen'], 'Name at least one source');
      check.check(
        input.limite == null || (input.limite >= 1 && input.limite <= 100_000),
        ['input', 'limite'],
        'Must be between 1 and 100000',
      );
      check.check(!input.desde || !input.hasta || input.hasta > input.desde, ['input', 'hasta'], 'Must be after the start');
      return check.issues;
    },
    effects: async (tx, record, actor) => drawSegment(tx, record.id, actor.scopePath, input),
  }),
});

/**
 * Replaces the campaign's segment with the people of the tickets the Responsable reaches that match the
 * filter: one recipient per address (or per call ticket without one), oldest request first; addresses that
 * unsubscribed are left out of e-mail campaigns.
 */
async function drawSegment(tx: Tx, campanaId: string, scopePath: string, f: SegmentoArgs) {
  const { tipo } = await tx.campana.findUniqueOrThrow({ where: { id: campanaId }, select: { tipo: true } });
  const canales = f.origen.map((o) => (o === 'TICKET_CORREO' ? 'CORREO' : 'TELEFONO'));
  await tx.destinatarioCampana.deleteMany({ where: { campanaId } });
  const correo = tipo === 'CORREO';
  const inserted = await tx.$executeRaw`
    INSERT INTO "DestinatarioCampana" (id, "campanaId", orden, nombre, correo, origen, "ticketId")
    SELECT gen_random_uuid(), ${campanaId}::uuid, row_number() OVER (ORDER BY first_at, ticket_id), nombre, correo,
           origen::"OrigenDestinatarioCampana", ticket_id
    FROM (
      SELECT DISTINCT ON (coalesce(lower(t.correo), t.id::text))
             t.id AS ticket_id, t.nombre, lower(t.correo) AS correo, t."recibidoAt" AS first_at,
             CASE WHEN t.canal = 'CORREO' THEN 'TICKET_CORREO' ELSE 'TICKET_LLAMADA' END AS origen
      FROM "Ticket" t JOIN "OrgUnit" u ON u.id = t."unitId"
      WHERE u.path LIKE ${scopePath} || '%'
        AND t.canal::text = ANY(${canales}::text[])
        AND (${f.tema ?? null}::text[] IS NULL OR t.tema::text = ANY(${f.tema ?? null}::text[]))
        AND (${f.entidadFederativa?.trim() ?? null}::text IS NULL OR t."entidadFederativa" ILIKE ${f.entidadFederativa?.trim() ?? null}::text)
        AND (${f.desde ?? null}::timestamp IS NULL OR t."recibidoAt" >= ${f.desde ?? null}::timestamp)
        AND (${f.hasta ?? null}::timestamp IS NULL OR t."recibidoAt" < ${f.hasta ?? null}::timestamp)
        AND (NOT ${correo} OR (t.correo IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "BajaCorreo" b WHERE b.correo = lower(t.correo))))
      ORDER BY coalesce(lower(t.correo), t.id::text), t."recibidoAt", t.id
    ) s
    ORDER BY first_at, ticket_id
    LIMIT ${f.limite ?? 100_000}`;
  return { destinatarios: inserted, origen: f.origen, tema: f.tema ?? null, entidadFederativa: f.entidadFederativa ?? null };
}

stepMutation(campanaWorkflow, 'submitCampanaDiseno');
stepMutation(campanaWorkflow, 'approveCampanaDiseno');
stepMutation(campanaWorkflow, 'returnCampanaDiseno');

interface PruebaArgs extends StepArgs {
  asunto?: string | null;
  mensaje?: string | null;
}
const AddPruebaCampanaInput = builder.inputType('AddPruebaCampanaInput', {
  description: 'Steps 10.1-10.2: a test send, with the corrected subject and text after a failed test.',
  fields: (t) => ({
    ...stepArgFields(t),
    asunto: t.string({ required: false, description: 'The corrected subject (10.2); default the campaign’s.' }),
    mensaje: t.string({ required: false, description: 'The corrected text (10.2); default the campaign’s.' }),
  }),
});

stepMutation<EstadoCampana, K, PruebaArgs>(campanaWorkflow, 'addPruebaCampana', {
  input: AddPruebaCampanaInput,
  plan: (input, ctx) => {
    const check = new InputChecker();
    const data: { asunto?: string; mensaje?: string } = {};
    if (input.asunto != null) {
      checkText(check, input.asunto, ['input', 'asunto'], 200);
      check.check(!/[\r\n]/.test(input.asunto), ['input', 'asunto'], 'Must be one line');
      data.asunto = input.asunto.trim();
    }
    if (input.mensaje != null) {
      checkText(check, input.mensaje, ['input', 'mensaje'], 20_000);
      data.mensaje = input.mensaje.trim();
    }
    let sent: { para: string[]; asunto: string; mensaje: string } | undefined;
    return {
      validate: () => check.issues,
      data,
      effects: async (tx, record) => {
        const c = await tx.campana.findUniqueOrThrow({ where: { id: record.id }, select: { unitId: true, asunto: true, mensaje: true } });
        const para = await responsablesCanales(tx, c.unitId);
        sent = { para, asunto: data.asunto ?? c.asunto ?? '', mensaje: data.mensaje ?? c.mensaje ?? '' };
        const row = await tx.pruebaCampana.create({ data: { campanaId: record.id, ...sent }, select: { id: true } });
        return { prueba: { id: row.id, para } };
      },
      afterCommit: async () => {
        for (const to of sent?.para ?? []) {
          await ctx.services.mailer.send(campanaMail({ to, asunto: `[PRUEBA] ${sent!.asunto}`, mensaje: sent!.mensaje, token: null }));
        }
      },
    };
  },
});

/** The verdict on the last test send. */
const verdict = (correcta: boolean) => async (tx: Tx, campanaId: string, observaciones: string | null) => {
  const last = await tx.pruebaCampana.findFirstOrThrow({ where: { campanaId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
  await tx.pruebaCampana.update({ where: { id: last.id }, data: { correcta, observaciones, revisadaAt: new Date() } });
  return { prueba: { id: last.id, correcta } };
};
stepMutation(campanaWorkflow, 'approvePruebaCampana', {
  plan: (input) => ({ effects: (tx, record) => verdict(true)(tx, record.id, input.observaciones?.trim() || null) }),
});
stepMutation(campanaWorkflow, 'returnPruebaCampana', {
  plan: (input) => ({ effects: (tx, record) => verdict(false)(tx, record.id, input.observaciones?.trim() || null) }),
});

stepMutation(campanaWorkflow, 'sendCampana', { plan: () => ({ data: { lanzadaAt: new Date() } }) });

interface LlamadaArgs extends StepArgs {
  orden: number;
  resultado: 'EXITOSA' | 'NO_CONTESTA' | 'OCUPADO' | 'NUMERO_INVALIDO' | 'RECHAZADA';
  notas?: string | null;
}
const AddLlamadaCampanaInput = builder.inputType('AddLlamadaCampanaInput', {
  description: 'Steps 8.1 / 9.1: the outcome of one call.',
  fields: (t) => ({
    ...stepArgFields(t),
    orden: t.int({ required: true, description: 'The recipient’s number in the segment (DestinatarioCampana.orden).' }),
    resultado: t.field({ type: ResultadoLlamadaEnum, required: true, description: 'The call’s outcome.' }),
    notas: t.string({ required: false, description: 'The operator’s notes (at most 2000 characters).' }),
  }),
});
stepMutation<EstadoCampana, K, LlamadaArgs>(campanaWorkflow, 'addLlamadaCampana', {
  input: AddLlamadaCampanaInput,
  plan: (input) => ({
    validate: async (tx, record) => {
      const issues: InputIssue[] = [];
      const d = await tx.destinatarioCampana.findUnique({ where: { campanaId_orden: { campanaId: record.id, orden: input.orden } } });
      if (!d) issues.push({ path: ['input', 'orden'], message: 'No recipient of this campaign has this number' });
      if (input.notas && input.notas.length > 2000) issues.push({ path: ['input', 'notas'], message: 'Must have at most 2000 characters' });
      return issues;
    },
    effects: async (tx, record) => {
      await tx.destinatarioCampana.update({
        where: { campanaId_orden: { campanaId: record.id, orden: input.orden } },
        data: { resultadoLlamada: input.resultado, llamadaAt: new Date(), notasLlamada: input.notas?.trim() || null },
      });
      return { llamada: { orden: input.orden, resultado: input.resultado } };
    },
  }),
});

stepMutation(campanaWorkflow, 'closeCampanaEnvio', { plan: () => ({ data: { terminadaAt: new Date() } }) });

stepMutation(campanaWorkflow, 'submitCampanaReporte', {
  plan: () => ({
    effects: async (tx, record) => {
      const [r] = await tx.$queryRaw<{ total: number; exitosos: number }[]>`
        SELECT count(*) FILTER (WHERE CASE WHEN c.tipo = 'CORREO'
                                  THEN d."resultadoEnvio" IN ('ENVIADO', 'REBOTADO', 'FALLIDO', 'INTERRUMPIDO')
                                  ELSE d."resultadoLlamada" IS NOT NULL END)::int AS total,
               count(*) FILTER (WHERE d."resultadoEnvio" = 'ENVIADO' OR d."resultadoLlamada" = 'EXITOSA')::int AS exitosos
        FROM "Campana" c LEFT JOIN "DestinatarioCampana" d ON d."campanaId" = c.id
        WHERE c.id = ${record.id}::uuid`;
      const reportadaAt = new Date();
      await tx.campana.update({ where: { id: record.id }, data: { reportadaAt, reporteTotal: r.total, reporteExitosos: r.exitosos } });
      return { reportadaAt, reporteTotal: r.total, reporteExitosos: r.exitosos };
    },
  }),
});

interface CloseArgs extends StepArgs {
  analisis: string;
}
const CloseCampanaInput = builder.inputType('CloseCampanaInput', {
  description: 'Steps 13.1-13.2: the analysis against the objectives and the report of results.',
  fields: (t) => ({
    ...stepArgFields(t),
    analisis: t.string({ required: true, description: 'The analysis and report of results (at most 20000 characters).' }),
  }),
});
stepMutation<EstadoCampana, K, CloseArgs>(campanaWorkflow, 'closeCampana', {
  input: CloseCampanaInput,
  plan: (input) => ({
    validate: () => checkText(new InputChecker(), input.analisis, ['input', 'analisis'], 20_000).issues,
    data: { analisis: input.analisis?.trim() },
  }),
});

// ---- the public unsubscribe link ---------------------------------------------------------------

const UnsubscribeCorreoInput = builder.inputType('UnsubscribeCorreoInput', {
  description: 'The token of the unsubscribe link of a campaign e-mail.',
  fields: (t) => ({ token: t.string({ required: true, description: 'The `token` parameter of the link.' }) }),
});

builder.mutationField('unsubscribeCorreo', (t) =>
  t.boolean({
    description:
      'Public (no account): the unsubscribe link of a campaign e-mail. The address receives no more campaign e-mails; its pending ones are left out. Answers true, also when the address had already unsubscribed; an unknown token is BAD_USER_INPUT. Taken as the system step addBajaCorreo, audited.',
    args: { input: t.arg({ type: UnsubscribeCorreoInput, required: true, description: 'The link’s token.' }) },
    resolve: async (_root, { input }, ctx) => {
      const token = input.token.trim();
      const d =
        token.length && token.length <= 200
          ? await ctx.db.destinatarioCampana.findUnique({
              where: { tokenBajaHash: hashToken(token) },
              select: { campanaId: true, correo: true },
            })
          : null;
      if (!d?.correo) throw badInput([{ path: ['input', 'token'], message: 'This link is not valid' }]);
      const correo = d.correo;
      await takeStep(await systemContext(ctx.db, ctx.log, 'campanas.baja'), campanaWorkflow, 'addBajaCorreo', d.campanaId, {
        effects: async (tx) => {
          await tx.bajaCorreo.upsert({ where: { correo }, create: { correo, campanaId: d.campanaId }, update: {} });
          const omitidos = await tx.destinatarioCampana.updateMany({
            where: { correo, resultadoEnvio: 'PENDIENTE' },
            data: { resultadoEnvio: 'OMITIDO' },
          });
          return { baja: true, omitidos: omitidos.count };
        },
      });
      return true;
    },
  }),
);

export const publicMutations = { unsubscribeCorreo: isPublic };
