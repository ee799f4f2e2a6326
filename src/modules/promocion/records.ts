// Record control (15-528-PO-26 §13): records due for destruction, and the
// authorised destruction step (declared in workflow.ts as `retencionWorkflow`).
import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../../builder.js';
import type { Context } from '../../context.js';
import { notFound } from '../../lib/errors.js';
import { orderInput } from '../../lib/pagination.js';
import { stepMutation, type StepArgs } from '../../lib/workflow/mutations.js';
import { FormatoEnum } from './types.js';
import { createdOnOrBefore, FORMATO_NOMBRES, retentionEnd } from './retention.js';
import { findRegistros, REGISTRO_TIPOS, type RegistroRow } from './stores.js';
import { retencionWorkflow } from './workflow.js';

const RegistroPromocionRef = builder.objectRef<RegistroRow>('RegistroPromocion').implement({
  description: 'A F01-F05 record and its retention.',
  fields: (t) => ({
    formato: t.expose('formato', { type: FormatoEnum }),
    nombre: t.string({ resolve: (r) => FORMATO_NOMBRES[r.formato] }),
    registroId: t.id({ description: 'Global id of the record.', resolve: (r) => encodeGlobalID(r.tipo, r.id) }),
    unitCode: t.exposeString('unitCode'),
    creado: t.expose('createdAt', { type: 'DateTime' }),
    conservarHasta: t.field({ type: 'DateTime', resolve: (r) => retentionEnd(r.createdAt) }),
    destruidoAt: t.expose('destruidoAt', { type: 'DateTime', nullable: true }),
  }),
});

const RegistroPromocionOrder = orderInput('RegistroPromocion', ['conservarHasta', 'formato'] as const, 'conservarHasta');
type RegistroOrder = typeof RegistroPromocionOrder.Input.$inferInput;

/** Sorted by the order asked (default: retention end), then by id. */
function sortRegistros(rows: RegistroRow[], order: RegistroOrder | null | undefined): RegistroRow[] {
  const sign = order?.direction === 'DESC' ? -1 : 1;
  const key = (r: RegistroRow): string | number => (order?.field === 'formato' ? r.formato : r.createdAt.getTime());
  return rows.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return sign * (ka < kb ? -1 : ka > kb ? 1 : a.id.localeCompare(b.id));
  });
}

builder.queryField('registrosPromocionPorDestruir', (t) =>
  t.field({
    type: [RegistroPromocionRef],
    description: 'F01-F05 records whose 3-year retention has ended at `fecha` (default now) and that are not destroyed yet.',
    args: { fecha: t.arg({ type: 'DateTime', required: false }), orderBy: t.arg({ type: RegistroPromocionOrder.Input }) },
    resolve: async (_r, { fecha, orderBy }, ctx) =>
      sortRegistros(
        await findRegistros(ctx.db, { createdBefore: createdOnOrBefore(fecha ?? new Date()), kept: true }, ctx.viewer),
        orderBy,
      ),
  }),
);

type DestroyArgs = StepArgs & { motivo: string };
const DestroyRegistroPromocionInput = builder.inputType('DestroyRegistroPromocionInput', {
  fields: (t) => ({
    id: t.globalID({ required: true, description: 'Global id of a F01-F05 record (see registrosPromocionPorDestruir).' }),
    motivo: t.string({ required: true, description: 'Why and how it is destroyed (e.g. the destruction act).' }),
  }),
});

/** The record as the viewer may read it, destroyed or not; NOT_FOUND when another type's id was given. */
async function registro(ctx: Context, id: { id: string; typename: string }) {
  const [r] = (REGISTRO_TIPOS as readonly string[]).includes(id.typename) ? await findRegistros(ctx.db, { ids: [id.id] }, ctx.viewer) : [];
  if (!r || r.tipo !== id.typename) throw notFound('Registro', `${id.typename}:${id.id}`);
  return r;
}

stepMutation<string, keyof typeof retencionWorkflow.steps, DestroyArgs, RegistroRow>(retencionWorkflow, 'destroyRegistroPromocion', {
  input: DestroyRegistroPromocionInput,
  plan: async (input, ctx) => {
    const r = await registro(ctx, input.id);
    return {
      comment: `${r.formato}: ${input.motivo.trim()}`,
      validate: () => {
        const end = retentionEnd(r.createdAt);
        return [
          ...(end > new Date() ? [{ path: ['input', 'id'], message: `Its retention runs until ${end.toISOString().slice(0, 10)}` }] : []),
          ...(input.motivo.trim() ? [] : [{ path: ['input', 'motivo'], message: 'Must not be empty' }]),
        ];
      },
    };
  },
  output: { type: RegistroPromocionRef, resolve: (_result, input, ctx) => registro(ctx, input.id) },
});
