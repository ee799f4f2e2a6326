// One mutation per step of V-CANA-MP-02 C.4.3, named as the step, and the public
// answer link's mutation (answerEncuesta), which takes addRespuestaEncuesta as the system.
import { builder } from '../../builder.js';
import type { EstadoEncuesta } from '../../generated/prisma/enums.js';
import { InputChecker, badInput, type InputIssue } from '../../lib/errors.js';
import { isPublic } from '../../lib/auth/rules.js';
import { checkText } from '../../lib/validation.js';
import { takeStep } from '../../lib/workflow/engine.js';
import { systemContext } from '../../lib/workflow/system.js';
import { creationMutation, stepArgFields, stepMutation, type StepArgs } from '../../lib/workflow/mutations.js';
import type { Tx } from '../../lib/workflow/types.js';
import { hashToken, newToken } from './mail.js';
import { encuestaMail, type Pregunta } from './encuesta-mail.js';
import { CanalEncuestaEnum, TipoEncuestaEnum, TipoPreguntaEncuestaEnum } from './encuesta-types.js';
import { OrigenDestinatarioCampanaEnum } from './types.js';
import { encuestaWorkflow } from './encuesta-workflow.js';

type K = keyof typeof encuestaWorkflow.steps;

const CreateEncuestaInput = builder.inputType('CreateEncuestaInput', {
  description: 'Step 1.1: the request of a CONOCER area for a survey or poll.',
  fields: (t) => ({
    unitId: t.globalID({ required: true, description: 'The contact centre that will run the survey (an AREA_CONOCER unit).' }),
    areaSolicitanteId: t.globalID({ required: true, description: 'The CONOCER area that asks for the survey.' }),
    tipo: t.field({ type: TipoEncuestaEnum, required: true, description: 'Opinion survey, poll, or service satisfaction.' }),
    canal: t.field({ type: CanalEncuestaEnum, required: true, description: 'Operator calls (7) or an e-mailed link (8).' }),
    nombre: t.string({ required: true, description: 'The survey’s name (1-200 characters).' }),
    necesidad: t.string({ required: true, description: 'The request or need detected.' }),
    observaciones: t.string({ required: false, description: 'Observations, kept in the history.' }),
  }),
});

creationMutation(encuestaWorkflow, 'createEncuesta', {
  input: CreateEncuestaInput,
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
      const row = await tx.encuesta.create({
        data: {
          unitId: unit.id,
          createdById: ctx.viewer!.personId,
          areaSolicitanteId: input.areaSolicitanteId.id,
          tipo: input.tipo,
          canal: input.canal,
          nombre: input.nombre.trim(),
          necesidad: input.necesidad.trim(),
        },
        select: { id: true },
      });
      return { id: row.id, changes: { tipo: input.tipo, canal: input.canal, nombre: input.nombre.trim() } };
    },
  }),
});

const PreguntaEncuestaInput = builder.inputType('PreguntaEncuestaInput', {
  description: 'A question of the survey (4.1).',
  fields: (t) => ({
    texto: t.string({ required: true, description: 'The question (1-500 characters).' }),
    tipo: t.field({ type: TipoPreguntaEncuestaEnum, required: true, description: 'How it is answered.' }),
  }),
});

interface UpdateEncuestaArgs extends StepArgs {
  objetivos?: string | null;
  estrategia?: string | null;
  planAccion?: string | null;
  auditorio?: string | null;
  tamanoMuestra?: number | null;
  preguntas?: Pregunta[] | null;
  inicio?: Date | null;
  diasVigencia?: number | null;
}

const UpdateEncuestaInput = builder.inputType('UpdateEncuestaInput', {
  description: 'Steps 2.1 and 4.1: the plan, then the design. Only the fields given change.',
  fields: (t) => ({
    ...stepArgFields(t),
    objetivos: t.string({ required: false, description: 'Objectives (2.1).' }),
    estrategia: t.string({ required: false, description: 'Strategy (2.1).' }),
    planAccion: t.string({ required: false, description: 'Plan of action (2.1).' }),
    auditorio: t.string({ required: false, description: 'Target audience (4.1).' }),
    tamanoMuestra: t.int({ required: false, description: 'Sample size (4.1), 1-10000.' }),
    preguntas: t.field({
      type: [PreguntaEncuestaInput],
      required: false,
      description: 'The questions, in order (4.1), 1-50; replace the earlier ones.',
    }),
    inicio: t.field({ type: 'DateTime', required: false, description: 'Start date (4.1).' }),
    diasVigencia: t.int({ required: false, description: 'Days an e-mailed link stays valid (1-90; default 14).' }),
  }),
});

stepMutation<EstadoEncuesta, K, UpdateEncuestaArgs>(encuestaWorkflow, 'updateEncuesta', {
  input: UpdateEncuestaInput,
  plan: (input) => {
    const check = new InputChecker();
    const data: Record<string, unknown> = {};
    for (const k of ['objetivos', 'estrategia', 'planAccion', 'auditorio'] as const) {
      if (input[k] != null) {
        checkText(check, input[k], ['input', k], 20_000);
        data[k] = input[k].trim();
      }
    }
    if (input.tamanoMuestra != null) {
      check.check(input.tamanoMuestra >= 1 && input.tamanoMuestra <= 10_000, ['input', 'tamanoMuestra'], 'Must be between 1 and 10000');
      data.tamanoMuestra = input.tamanoMuestra;
    }
    if (input.diasVigencia != null) {
      check.check(input.diasVigencia >= 1 && input.diasVigencia <= 90, ['input', 'diasVigencia'], 'Must be between 1 and 90');
      data.diasVigencia = input.diasVigencia;
    }
    if (input.preguntas != null) {
      check.check(input.preguntas.length >= 1 && input.preguntas.length <= 50, ['input', 'preguntas'], 'Must have 1 to 50 questions');
      input.preguntas.forEach((p, i) => checkText(check, p.texto, ['input', 'preguntas', i, 'texto'], 500));
      data.preguntas = input.preguntas.map((p) => ({ texto: p.texto.trim(), tipo: p.tipo }));
    }
    if (input.inicio) data.inicio = input.inicio;
    return {
      validate: () => [
        ...check.issues,
        ...(Object.keys(data).length ? [] : [{ path: ['input'], message: 'Give at least one field to change' }]),
      ],
      data,
    };
  },
});

stepMutation(encuestaWorkflow, 'submitEncuestaPlan');
stepMutation(encuestaWorkflow, 'approveEncuestaPlan');
stepMutation(encuestaWorkflow, 'returnEncuestaPlan');

interface MuestraArgs extends StepArgs {
  origen: ('TICKET_CORREO' | 'TICKET_LLAMADA')[];
  semilla?: string | null;
  desde?: Date | null;
  hasta?: Date | null;
}
const AddMuestraEncuestaInput = builder.inputType('AddMuestraEncuestaInput', {
  description: 'Step 4.1: the draw of the sample.',
  fields: (t) => ({
    ...stepArgFields(t),
    origen: t.field({ type: [OrigenDestinatarioCampanaEnum], required: true, description: 'People who wrote and/or called.' }),
    semilla: t.string({ required: false, description: 'The seed of the draw (1-64 characters); default a random one. Recorded.' }),
    desde: t.field({ type: 'DateTime', required: false, description: 'Only requests received from this moment.' }),
    hasta: t.field({ type: 'DateTime', required: false, description: 'Only requests received before this moment.' }),
  }),
});

stepMutation<EstadoEncuesta, K, MuestraArgs>(encuestaWorkflow, 'addMuestraEncuesta', {
  input: AddMuestraEncuestaInput,
  plan: (input) => {
    const semilla = input.semilla?.trim() || newToken().slice(0, 16);
    return {
      validate: async (tx, record) => {
        const check = new InputChecker();
        check.check(input.origen.length > 0, ['input', 'origen'], 'Name at least one source');
        check.check(semilla.length <= 64, ['input', 'semilla'], 'Must have at most 64 characters');
        const e = await tx.encuesta.findUniqueOrThrow({ where: { id: record.id }, select: { tamanoMuestra: true } });
        check.check(!!e.tamanoMuestra, ['input', 'id'], 'Set the sample size first (tamanoMuestra)');
        return check.issues;
      },
      data: { semillaMuestra: semilla },
      effects: async (tx, record, actor) => drawSample(tx, record.id, actor.scopePath, semilla, input),
    };
  },
});

/**
 * Replaces the sample: the people of the tickets the Responsable reaches (one per address, or per call ticket
 * without one; an e-mail survey needs the address), ordered by md5(seed || key) and cut at the sample size.
 */
async function drawSample(tx: Tx, encuestaId: string, scopePath: string, semilla: string, f: MuestraArgs) {
  const e = await tx.encuesta.findUniqueOrThrow({ where: { id: encuestaId }, select: { canal: true, tamanoMuestra: true } });
  const canales = f.origen.map((o) => (o === 'TICKET_CORREO' ? 'CORREO' : 'TELEFONO'));
  await tx.muestraEncuesta.deleteMany({ where: { encuestaId } });
  const inserted = await tx.$executeRaw`
    INSERT INTO "MuestraEncuesta" (id, "encuestaId", orden, nombre, correo, "ticketId")
    SELECT gen_random_uuid(), ${encuestaId}::uuid, row_number() OVER (ORDER BY md5(${semilla} || clave), clave), nombre, correo, ticket_id
    FROM (
      SELECT DISTINCT ON (coalesce(lower(t.correo), t.id::text))
             coalesce(lower(t.correo), t.id::text) AS clave, t.id AS ticket_id, t.nombre, lower(t.correo) AS correo
      FROM "Ticket" t JOIN "OrgUnit" u ON u.id = t."unitId"
      WHERE u.path LIKE ${scopePath} || '%'
        AND t.canal::text = ANY(${canales}::text[])
        AND (${f.desde ?? null}::timestamp IS NULL OR t."recibidoAt" >= ${f.desde ?? null}::timestamp)
        AND (${f.hasta ?? null}::timestamp IS NULL OR t."recibidoAt" < ${f.hasta ?? null}::timestamp)
        AND (${e.canal !== 'CORREO'} OR t.correo IS NOT NULL)
      ORDER BY coalesce(lower(t.correo), t.id::text), t."recibidoAt", t.id
    ) s
    ORDER BY md5(${semilla} || clave), clave
    LIMIT ${e.tamanoMuestra ?? 0}`;
  return { muestra: inserted, semilla };
}

stepMutation(encuestaWorkflow, 'submitEncuestaDiseno');
stepMutation(encuestaWorkflow, 'approveEncuestaDiseno');
stepMutation(encuestaWorkflow, 'returnEncuestaDiseno');

stepMutation(encuestaWorkflow, 'sendEncuesta', {
  plan: (_input, ctx) => {
    const links: { to: string; nombre: string; token: string; venceAt: Date }[] = [];
    let about: { nombre: string; preguntas: Pregunta[] } | undefined;
    return {
      data: { lanzadaAt: new Date() },
      effects: async (tx, record) => {
        const e = await tx.encuesta.findUniqueOrThrow({
          where: { id: record.id },
          select: { canal: true, nombre: true, preguntas: true, diasVigencia: true },
        });
        if (e.canal !== 'CORREO') return { enlaces: 0 };
        about = { nombre: e.nombre, preguntas: e.preguntas as unknown as Pregunta[] };
        const venceAt = new Date(Date.now() + e.diasVigencia * 86_400_000);
        const muestra = await tx.muestraEncuesta.findMany({
          where: { encuestaId: record.id, correo: { not: null } },
          orderBy: { orden: 'asc' },
        });
        for (const m of muestra) {
          const token = newToken();
          await tx.muestraEncuesta.update({ where: { id: m.id }, data: { tokenHash: hashToken(token), venceAt, enviadoAt: new Date() } });
          links.push({ to: m.correo!, nombre: m.nombre, token, venceAt });
        }
        return { enlaces: links.length, venceAt };
      },
      afterCommit: async () => {
        for (const l of links) await ctx.services.mailer.send(encuestaMail({ ...l, encuesta: about!.nombre, preguntas: about!.preguntas }));
      },
    };
  },
});

const RespuestaInput = builder.inputType('RespuestaEncuestaInput', {
  description: 'The answer to one question.',
  fields: (t) => ({
    pregunta: t.int({ required: true, description: 'The question’s number (1, 2, …).' }),
    valor: t.int({ required: false, description: 'ESCALA: 1-5; SI_NO: 1 yes, 0 no.' }),
    texto: t.string({ required: false, description: 'ABIERTA: the answer (at most 2000 characters).' }),
  }),
});
type Respuesta = { pregunta: number; valor?: number | null; texto?: string | null };

/** Checks one person's answers against the survey's questions: each question once, in its form. */
function checkAnswers(preguntas: Pregunta[], respuestas: Respuesta[], path: (string | number)[]): InputIssue[] {
  const check = new InputChecker();
  const seen = new Set<number>();
  respuestas.forEach((r, i) => {
    const p = preguntas[r.pregunta - 1];
    check.check(!!p && !seen.has(r.pregunta), [...path, i, 'pregunta'], 'No such question, or answered twice');
    seen.add(r.pregunta);
    if (!p) return;
    if (p.tipo === 'ESCALA') check.check(r.valor != null && r.valor >= 1 && r.valor <= 5, [...path, i, 'valor'], 'Must be between 1 and 5');
    if (p.tipo === 'SI_NO') check.check(r.valor === 0 || r.valor === 1, [...path, i, 'valor'], 'Must be 1 (yes) or 0 (no)');
    if (p.tipo === 'ABIERTA') checkText(check, r.texto, [...path, i, 'texto'], 2000);
  });
  check.check(seen.size === preguntas.length, path, 'Answer every question');
  return check.issues;
}

/** Records the answers of one person, once: refused (nothing written) when they already answered. */
async function recordAnswers(tx: Tx, muestraId: string, respuestas: Respuesta[], canal: 'TELEFONO' | 'CORREO') {
  const first = await tx.muestraEncuesta.updateMany({
    where: { id: muestraId, respondidaAt: null },
    data: { respondidaAt: new Date(), canalRespuesta: canal },
  });
  if (!first.count) throw badInput([{ path: ['input'], message: 'This person of the sample already answered' }]);
  await tx.respuestaEncuesta.createMany({
    data: respuestas.map((r) => ({ muestraId, pregunta: r.pregunta, valor: r.valor ?? null, texto: r.texto?.trim() || null })),
  });
  return { respuestas: respuestas.length, canal };
}

interface AddRespuestaArgs extends StepArgs {
  orden: number;
  respuestas: Respuesta[];
}
const AddRespuestaEncuestaInput = builder.inputType('AddRespuestaEncuestaInput', {
  description: 'Step 7.3: the answers of one person of the sample, given during the call.',
  fields: (t) => ({
    ...stepArgFields(t),
    orden: t.int({ required: true, description: 'The person’s number in the sample (MuestraEncuesta.orden).' }),
    respuestas: t.field({ type: [RespuestaInput], required: true, description: 'One answer per question.' }),
  }),
});
stepMutation<EstadoEncuesta, K, AddRespuestaArgs>(encuestaWorkflow, 'addRespuestaEncuesta', {
  input: AddRespuestaEncuestaInput,
  plan: (input) => {
    let muestraId = '';
    return {
      validate: async (tx, record) => {
        const e = await tx.encuesta.findUniqueOrThrow({ where: { id: record.id }, select: { preguntas: true } });
        const m = await tx.muestraEncuesta.findUnique({ where: { encuestaId_orden: { encuestaId: record.id, orden: input.orden } } });
        if (!m) return [{ path: ['input', 'orden'], message: 'No person of the sample has this number' }];
        muestraId = m.id;
        return checkAnswers(e.preguntas as unknown as Pregunta[], input.respuestas, ['input', 'respuestas']);
      },
      effects: (tx) => recordAnswers(tx, muestraId, input.respuestas, 'TELEFONO'),
    };
  },
});

stepMutation(encuestaWorkflow, 'submitEncuestaReporte', { plan: () => ({ data: { reportadaAt: new Date() } }) });

interface CloseArgs extends StepArgs {
  analisis: string;
}
const CloseEncuestaInput = builder.inputType('CloseEncuestaInput', {
  description: 'Steps 10.1-10.2: the analysis against the objectives and the report of results.',
  fields: (t) => ({
    ...stepArgFields(t),
    analisis: t.string({ required: true, description: 'The analysis and report of results (at most 20000 characters).' }),
  }),
});
stepMutation<EstadoEncuesta, K, CloseArgs>(encuestaWorkflow, 'closeEncuesta', {
  input: CloseEncuestaInput,
  plan: (input) => ({
    validate: () => checkText(new InputChecker(), input.analisis, ['input', 'analisis'], 20_000).issues,
    data: { analisis: input.analisis?.trim() },
  }),
});

// ---- the public answer link --------------------------------------------------------------------

const AnswerEncuestaInput = builder.inputType('AnswerEncuestaInput', {
  description: 'The answers given through the link of a survey e-mail.',
  fields: (t) => ({
    token: t.string({ required: true, description: 'The `token` parameter of the link.' }),
    respuestas: t.field({ type: [RespuestaInput], required: true, description: 'One answer per question.' }),
  }),
});

builder.mutationField('answerEncuesta', (t) =>
  t.boolean({
    description:
      'Public (no account): the answers of a person of the sample, through the link e-mailed to them (C.4.3 8.2). The link serves once and expires (`diasVigencia`); a used, expired or unknown link is BAD_USER_INPUT and writes nothing. Taken as the step addRespuestaEncuesta by the system, audited.',
    args: { input: t.arg({ type: AnswerEncuestaInput, required: true, description: 'The token and the answers.' }) },
    resolve: async (_root, { input }, ctx) => {
      const token = input.token.trim();
      const m =
        token.length && token.length <= 200
          ? await ctx.db.muestraEncuesta.findUnique({
              where: { tokenHash: hashToken(token) },
              select: { id: true, encuestaId: true, venceAt: true, respondidaAt: true },
            })
          : null;
      if (!m) throw badInput([{ path: ['input', 'token'], message: 'This link is not valid' }]);
      if (m.respondidaAt) throw badInput([{ path: ['input', 'token'], message: 'This link was already used' }]);
      if (m.venceAt && m.venceAt.getTime() < Date.now()) throw badInput([{ path: ['input', 'token'], message: 'This link has expired' }]);
      await takeStep(await systemContext(ctx.db, ctx.log, 'encuestas.enlace'), encuestaWorkflow, 'addRespuestaEncuesta', m.encuestaId, {
        validate: async (tx) => {
          const e = await tx.encuesta.findUniqueOrThrow({ where: { id: m.encuestaId }, select: { preguntas: true } });
          return checkAnswers(e.preguntas as unknown as Pregunta[], input.respuestas, ['input', 'respuestas']);
        },
        effects: (tx) => recordAnswers(tx, m.id, input.respuestas, 'CORREO'),
      });
      return true;
    },
  }),
);

export const encuestaPublicMutations = { answerEncuesta: isPublic };
