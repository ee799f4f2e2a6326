// Record control (15-528-PO-26 §13): records due for destruction, and the
// authorised destruction step.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../../builder.js';
import type { Context } from '../../context.js';
import { badInput, forbidden, notFound } from '../../lib/errors.js';
import { assignmentReaching } from '../../lib/workflow/engine.js';
import { readableByUnit } from './rules.js';
import { FormatoEnum } from './types.js';
import { createdOnOrBefore, DESTRUCTION_ROLES, FORMATO_NOMBRES, formatoOfActividad, retentionEnd, type Formato } from './retention.js';

interface Registro {
  formato: Formato;
  tipo: string;
  id: string;
  unitCode: string;
  unitPath: string;
  createdAt: Date;
}

const RegistroRef = builder.objectRef<Registro>('RegistroPromocion').implement({
  description: 'A F01-F05 record and its retention.',
  fields: (t) => ({
    formato: t.expose('formato', { type: FormatoEnum }),
    nombre: t.string({ resolve: (r) => FORMATO_NOMBRES[r.formato] }),
    registroId: t.id({ description: 'Global id of the record.', resolve: (r) => encodeGlobalID(r.tipo, r.id) }),
    unitCode: t.exposeString('unitCode'),
    creado: t.expose('createdAt', { type: 'DateTime' }),
    conservarHasta: t.field({ type: 'DateTime', resolve: (r) => retentionEnd(r.createdAt) }),
  }),
});

/** Every F01-F05 record in the viewer's scope created on or before `cutoff` and not destroyed. */
async function dueRecords(ctx: Context, cutoff: Date | null, onlyId?: string): Promise<Registro[]> {
  const readable = readableByUnit(ctx.viewer);
  const unit = { select: { code: true, path: true } } as const;
  const created = { ...(cutoff ? { createdAt: { lte: cutoff } } : {}), destruidoAt: null, ...(onlyId ? { id: onlyId } : {}) };
  const [f01, f02, f0304, f05] = await Promise.all([
    ctx.db.concentradoEstatal.findMany({ where: { AND: [readable, created] }, select: { id: true, createdAt: true, unit } }),
    ctx.db.planAnualCentro.findMany({ where: { AND: [readable, created] }, select: { id: true, createdAt: true, unit } }),
    ctx.db.actividadRealizada.findMany({
      where: { AND: [{ plan: readable }, created, { tipo: { in: ['VISITA_EMPRESA', 'REUNION_PADRES', 'ACADEMIA_DOCENTES'] } }] },
      select: { id: true, tipo: true, createdAt: true, plan: { select: { unit } } },
    }),
    ctx.db.reporteTrimestral.findMany({ where: { AND: [readable, created] }, select: { id: true, createdAt: true, unit } }),
  ]);
  const row = (formato: Formato, tipo: string, r: { id: string; createdAt: Date; unit: { code: string; path: string } }): Registro => ({
    formato, tipo, id: r.id, createdAt: r.createdAt, unitCode: r.unit.code, unitPath: r.unit.path,
  });
  return [
    ...f01.map((r) => row('F01', 'ConcentradoEstatal', r)),
    ...f02.map((r) => row('F02', 'PlanAnualCentro', r)),
    ...f0304.map((r) => row(formatoOfActividad(r.tipo)!, 'ActividadRealizada', { ...r, unit: r.plan.unit })),
    ...f05.map((r) => row('F05', 'ReporteTrimestral', r)),
  ].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
}

builder.queryField('registrosPromocionPorDestruir', (t) =>
  t.field({
    type: [RegistroRef],
    description: 'F01-F05 records whose 3-year retention has ended at `fecha` (default now) and that are not destroyed yet.',
    args: { fecha: t.arg({ type: 'DateTime', required: false }) },
    resolve: (_r, { fecha }, ctx) => dueRecords(ctx, createdOnOrBefore(fecha ?? new Date())),
  }),
);

const DestroyInput = builder.inputType('DestroyPromotionRecordInput', {
  fields: (t) => ({
    registroId: t.globalID({ required: true, description: 'Global id of a F01-F05 record (see registrosPromocionPorDestruir).' }),
    motivo: t.string({ required: true, description: 'Why and how it is destroyed (e.g. the destruction act).' }),
  }),
});

builder.mutationField('destroyPromotionRecord', (t) =>
  t.field({
    type: RegistroRef,
    description:
      'Destroys a F01-F05 record whose retention has ended: an authorised step by the role that keeps the format (F01: COORDINADOR_PROMOCION_ECE; ' +
      'F02-F05: COORDINADOR_CENTRO_EVALUACION), recorded in the audit trail. The row stays, marked destroyed, with personal data cleared.',
    args: { input: t.arg({ type: DestroyInput, required: true }) },
    resolve: async (_r, { input }, ctx) => {
      const { typename: tipo, id } = input.registroId;
      // Any creation date: whether retention has ended is checked below, with a message.
      const registro = (await dueRecords(ctx, null, id)).find((r) => r.tipo === tipo);
      if (!registro) throw notFound('Registro', `${tipo}:${id}`);
      const role = DESTRUCTION_ROLES[registro.formato];
      const actor = assignmentReaching(ctx.viewer!, role, registro.unitPath);
      if (!actor) throw forbidden(`Destroying a ${registro.formato} is for role ${role} at a unit that reaches it`);
      const issues = [];
      if (retentionEnd(registro.createdAt) > new Date()) issues.push({ path: ['input', 'registroId'], message: `Its retention runs until ${retentionEnd(registro.createdAt).toISOString().slice(0, 10)}` });
      if (!input.motivo.trim()) issues.push({ path: ['input', 'motivo'], message: 'Must not be empty' });
      if (issues.length) throw badInput(issues);
      const destruidoAt = new Date();
      await ctx.db.$transaction(async (tx) => {
        const where = { id, destruidoAt: null };
        const { count } =
          registro.tipo === 'ConcentradoEstatal' ? await tx.concentradoEstatal.updateMany({ where, data: { destruidoAt, observaciones: null } })
          : registro.tipo === 'PlanAnualCentro' ? await tx.planAnualCentro.updateMany({ where, data: { destruidoAt, objetivos: null } })
          : registro.tipo === 'ActividadRealizada' ? await tx.actividadRealizada.updateMany({ where, data: { destruidoAt, contacto: null, evento: null } })
          : await tx.reporteTrimestral.updateMany({ where, data: { destruidoAt, analisis: '' } });
        if (count !== 1) throw notFound('Registro', `${tipo}:${id}`);
        await tx.workflowTransition.create({
          data: {
            workflow: 'retencion-15-528-PO-26', recordId: id, transition: 'destroyPromotionRecord', fromState: 'CONSERVADO', toState: 'DESTRUIDO',
            actorId: ctx.viewer!.personId, actorRole: actor.role, actorUnitId: actor.unitId, comment: `${registro.formato}: ${input.motivo.trim()}`,
          },
        });
      });
      return registro;
    },
  }),
);
