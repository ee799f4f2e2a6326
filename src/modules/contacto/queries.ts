// Report queries of the contact centre (C.4.1 6.1, C.4.5 5.1) and the SLA per operator.
import { builder } from '../../builder.js';
import { badInput, unauthenticated } from '../../lib/errors.js';
import { maskEmail, maskText, seesCallerData } from './rules.js';
import { folioText } from './types.js';
import {
  parsePeriodo,
  reporteCorreos,
  reporteLlamadas,
  slaContacto,
  workbook,
  type Conteo,
  type ConteoOperador,
  type FilaCorreo,
  type Periodo,
  type ReporteLlamadas,
  type SlaOperador,
} from './reports.js';
import type { Context } from '../../context.js';

function periodOf(ctx: Context, periodo: string): Periodo {
  if (!ctx.viewer) throw unauthenticated();
  const p = parsePeriodo(periodo);
  if (!p)
    throw badInput([
      { path: ['periodo'], message: 'Must be a day (2026-11-30), an ISO week (2026-W48), a month (2026-11) or a quarter (2026-T4)' },
    ]);
  return p;
}

const ConteoRef = builder.objectRef<Conteo>('ConteoReporte').implement({
  description: 'Tickets in one category of a report.',
  fields: (t) => ({
    clave: t.exposeString('clave', { description: 'The category (an enum value, or SIN_DATO).' }),
    total: t.exposeInt('total'),
  }),
});
const ConteoOperadorRef = builder.objectRef<ConteoOperador>('ConteoOperador').implement({
  description: 'Calls taken by one operator.',
  fields: (t) => ({
    operadorName: t.exposeString('operadorName', { description: 'The operator (SIN_DATO: no operator recorded).' }),
    total: t.exposeInt('total', { description: 'Calls taken.' }),
  }),
});

const ReporteLlamadasRef = builder.objectRef<ReporteLlamadas>('ReporteLlamadas').implement({
  description: "The contact centre's statistical report of calls for a day, week or month (C.4.1 6.1), computed from the tickets.",
  fields: (t) => ({
    periodo: t.exposeString('periodo'),
    desde: t.exposeString('desde', { description: 'First day, YYYY-MM-DD (Mexico City).' }),
    hasta: t.exposeString('hasta', { description: 'Last day, YYYY-MM-DD.' }),
    totalLlamadas: t.exposeInt('totalLlamadas', { description: 'Calls received in the period.' }),
    duracionPromedioSegundos: t.float({
      nullable: true,
      description: 'Average time per call.',
      resolve: (r) => r.duracionPromedioSegundos,
    }),
    porOperador: t.field({ type: [ConteoOperadorRef], description: 'Calls per operator, most first.', resolve: (r) => r.porOperador }),
    porTipoSolicitud: t.field({ type: [ConteoRef], description: 'Calls by request type.', resolve: (r) => r.porTipoSolicitud }),
    porTema: t.field({ type: [ConteoRef], description: 'Calls by topic.', resolve: (r) => r.porTema }),
    hojaCalculo: t.string({
      description: 'The report as an Excel workbook (.xlsx), base64.',
      resolve: (r) =>
        workbook([
          {
            name: 'Llamadas',
            header: ['Periodo', 'Desde', 'Hasta', 'Llamadas totales', 'Tiempo promedio (s)'],
            rows: [[r.periodo, r.desde, r.hasta, r.totalLlamadas, r.duracionPromedioSegundos]],
          },
          { name: 'Por asesor', header: ['Asesor', 'Llamadas'], rows: r.porOperador.map((c) => [c.operadorName, c.total]) },
          { name: 'Por tipo', header: ['Tipo de solicitud', 'Llamadas'], rows: r.porTipoSolicitud.map((c) => [c.clave, c.total]) },
          { name: 'Por tema', header: ['Tema', 'Llamadas'], rows: r.porTema.map((c) => [c.clave, c.total]) },
        ]),
    }),
  }),
});

interface ReporteCorreosData extends Periodo {
  filas: (FilaCorreo & { visible: boolean })[];
}
const FilaCorreoRef = builder.objectRef<FilaCorreo & { visible: boolean }>('FilaReporteCorreos').implement({
  description: 'One e-mail of the monthly report (C.4.5 5.1).',
  fields: (t) => ({
    folio: t.string({ resolve: (f) => folioText(f.folio), description: 'The folio.' }),
    recibidoAt: t.expose('recibidoAt', { type: 'DateTime', description: 'Date received.' }),
    respuestaAt: t.expose('respuestaAt', { type: 'DateTime', nullable: true, description: 'Date answered.' }),
    nombre: t.string({
      description: 'Name of the contact (masked for roles that do not handle requests).',
      resolve: (f) => (f.visible ? f.nombre : maskText(f.nombre)),
    }),
    correo: t.string({
      nullable: true,
      description: 'E-mail (masked likewise).',
      resolve: (f) => (f.correo && !f.visible ? maskEmail(f.correo) : f.correo),
    }),
    pregunta: t.exposeString('pregunta', { description: 'The question.' }),
    tema: t.exposeString('tema', { nullable: true, description: 'The topic (a TemaContacto value).' }),
  }),
});
const ReporteCorreosRef = builder.objectRef<ReporteCorreosData>('ReporteCorreos').implement({
  description: "The monthly report of e-mails (C.4.5 5.1): total, and each e-mail's folio, dates, contact, question and topic.",
  fields: (t) => ({
    periodo: t.exposeString('periodo'),
    desde: t.exposeString('desde', { description: 'First day, YYYY-MM-DD.' }),
    hasta: t.exposeString('hasta', { description: 'Last day, YYYY-MM-DD.' }),
    totalCorreos: t.int({ resolve: (r) => r.filas.length, description: 'Number of e-mails received.' }),
    correos: t.field({ type: [FilaCorreoRef], description: 'Every e-mail, by folio.', resolve: (r) => r.filas }),
    hojaCalculo: t.string({
      description: 'The report as an Excel workbook (.xlsx), base64.',
      resolve: (r) =>
        workbook([
          {
            name: 'Correos',
            header: [
              'No. de folio',
              'Fecha recepción',
              'Fecha de respuesta',
              'Nombre del contacto',
              'Correo electrónico',
              'Pregunta',
              'Tema',
            ],
            rows: r.filas.map((f) => [
              folioText(f.folio),
              f.recibidoAt,
              f.respuestaAt,
              f.visible ? f.nombre : maskText(f.nombre),
              f.correo && !f.visible ? maskEmail(f.correo) : f.correo,
              f.pregunta,
              f.tema,
            ]),
          },
          { name: 'Total', header: ['No. de correos totales'], rows: [[r.filas.length]] },
        ]),
    }),
  }),
});

const SlaOperadorRef = builder.objectRef<SlaOperador>('SlaOperador').implement({
  description: "One operator's service figures for the tickets received in a period.",
  fields: (t) => ({
    operadorName: t.exposeString('operadorName', { description: 'The operator (SIN_DATO: e-mails nobody has answered yet).' }),
    tickets: t.exposeInt('tickets', { description: 'Tickets received in the period and handled by the operator.' }),
    atendidos: t.exposeInt('atendidos', { description: 'Of them, answered (ATENDIDO).' }),
    vencidos: t.exposeInt('vencidos', { description: 'Tickets marked past their deadline.' }),
    primeraRespuestaPromedioMinutos: t.float({
      nullable: true,
      resolve: (s) => s.primeraRespuestaPromedioMinutos,
      description: 'Average minutes to the first response.',
    }),
    resolucionPromedioMinutos: t.float({
      nullable: true,
      resolve: (s) => s.resolucionPromedioMinutos,
      description: 'Average minutes to the answer.',
    }),
  }),
});

builder.queryFields((t) => ({
  reporteLlamadas: t.field({
    type: ReporteLlamadasRef,
    description: "Daily, weekly or monthly report of calls (C.4.1 6.1) over the tickets within the viewer's reach.",
    args: { periodo: t.arg.string({ required: true, description: 'A day (2026-11-30), an ISO week (2026-W48) or a month (2026-11).' }) },
    resolve: (_r, args, ctx) => reporteLlamadas(ctx.db, ctx.viewer!, periodOf(ctx, args.periodo)),
  }),
  reporteCorreos: t.field({
    type: ReporteCorreosRef,
    description: "Monthly report of e-mails (C.4.5 5.1) over the tickets within the viewer's reach.",
    args: { periodo: t.arg.string({ required: true, description: 'A month (2026-11), or any period reporteLlamadas takes.' }) },
    resolve: async (_r, args, ctx) => {
      const p = periodOf(ctx, args.periodo);
      const rows = await reporteCorreos(ctx.db, ctx.viewer!, p);
      return { ...p, filas: rows.map((f) => ({ ...f, visible: seesCallerData(ctx.viewer, f.unitPath) })) };
    },
  }),
  slaContacto: t.field({
    type: [SlaOperadorRef],
    description: 'Tickets, answers, breaches and response times per operator for a period, by operator name.',
    args: { periodo: t.arg.string({ required: true, description: 'A day, ISO week, month or quarter.' }) },
    resolve: (_r, args, ctx) => slaContacto(ctx.db, ctx.viewer!, periodOf(ctx, args.periodo)),
  }),
}));
