// One mutation per step of metas y resultados, named as the step. The engine
// checks role, reach and state and writes the audit entry; here each step
// only says what it writes.
import { builder } from '../../builder.js';

import type { IndicadorMeta, LineaServicio, OrgUnitKind } from '../../generated/prisma/enums.js';
import { InputChecker, type InputIssue } from '../../lib/errors.js';
import { checkText } from '../../lib/validation.js';
import { creationMutation, stepArgFields, stepMutation, type StepArgs } from '../../lib/workflow/mutations.js';
import type { Tx } from '../../lib/workflow/types.js';
import { mesesDe, plazoRegistro } from './calendar.js';
import { IndicadorMetaEnum } from './types.js';
import {
  cursoCatalogoWorkflow,
  INDICADORES,
  programaMetasWorkflow,
  programaNacionalCapacitacionWorkflow,
  registroResultadosWorkflow,
} from './workflow.js';

type Path = (string | number)[];
const ANIO_MIN = 2000;
const ANIO_MAX = 2100;
/** Units below a state office a training goal or result may be for (PAT step 4: "desagregada por Plantel/CAST"). */
const SUB_UNITS: readonly OrgUnitKind[] = ['PLANTEL', 'CAST'];

const checkAnio = (check: InputChecker, anio: number, path: Path) =>
  check.check(anio >= ANIO_MIN && anio <= ANIO_MAX, path, `Must be a year from ${ANIO_MIN} to ${ANIO_MAX}`);

/**
 * The units lines of a record at `owner` may be for: the owner itself, and for
 * training its planteles and CAST. Returns the unit id of each line (null
 * where it is not allowed, with an issue).
 */
async function lineUnits(
  tx: Tx,
  check: InputChecker,
  owner: { id: string; path: string },
  linea: LineaServicio,
  lines: { unitId?: { id: string } | null }[],
  path: Path,
): Promise<string[]> {
  const ids = [...new Set(lines.map((l) => l.unitId?.id).filter((id): id is string => !!id && id !== owner.id))];
  const found = ids.length
    ? await tx.orgUnit.findMany({
        where: { id: { in: ids }, kind: { in: [...SUB_UNITS] }, path: { startsWith: owner.path } },
        select: { id: true },
      })
    : [];
  const ok = new Set([owner.id, ...(linea === 'CAPACITACION' ? found.map((u) => u.id) : [])]);
  return lines.map((l, i) => {
    const id = l.unitId?.id ?? owner.id;
    check.check(
      ok.has(id),
      [...path, i, 'unitId'],
      linea === 'CAPACITACION' ? "Must be the programme's unit or one of its planteles or CAST" : "Must be the programme's unit",
    );
    return id;
  });
}

function checkIndicator(check: InputChecker, linea: LineaServicio, indicador: IndicadorMeta, path: Path) {
  return check.check(INDICADORES[linea].includes(indicador), path, `Not an indicator of ${linea}: ${INDICADORES[linea].join(', ')}`);
}

const duplicateKeys = (check: InputChecker, keys: string[], path: Path) =>
  keys.forEach((k, i) => check.check(keys.indexOf(k) === i, [...path, i], 'Given twice'));

// ---- ProgramaMetas ----------------------------------------------------------------

const CreateProgramaMetasServiciosTecnologicosInput = builder.inputType('CreateProgramaMetasServiciosTecnologicosInput', {
  fields: (t) => ({
    unitId: t.globalID({ required: true, description: 'The CAST or plantel asked for its goals.' }),
    anio: t.int({ required: true, description: 'The year of the goals (one programme per unit, line and year).' }),
    fechaLimite: t.field({ type: 'DateTime', required: false, description: 'When the unit must register them.' }),
    observaciones: t.string({ required: false }),
  }),
});
const CreateProgramaMetasCapacitacionInput = builder.inputType('CreateProgramaMetasCapacitacionInput', {
  fields: (t) => ({
    unitId: t.globalID({ required: true, description: 'The Colegio Estatal, UODCDMX or RCEO.' }),
    anio: t.int({ required: true, description: 'The year of the goals: the next one (one programme per unit, line and year).' }),
    criterios: t.string({ required: true, description: 'The diagnosis criteria (PAT step 1).' }),
    fechaLimite: t.field({ type: 'DateTime', required: false, description: 'When the unit must register them.' }),
    observaciones: t.string({ required: false }),
  }),
});

interface CreateProgramaArgs {
  unitId: { id: string };
  anio: number;
  fechaLimite?: Date | null;
  criterios?: string | null;
  observaciones?: string | null;
}

const createPrograma = (linea: LineaServicio) => (input: CreateProgramaArgs, ctx: { viewer: { personId: string } | null }) => ({
  unitId: input.unitId.id,
  unitIdPath: ['input', 'unitId'],
  comment: input.observaciones,
  validate: async (tx: Tx, { unit }: { unit: { id: string } }) => {
    const check = checkAnio(new InputChecker(), input.anio, ['input', 'anio']);
    if (linea === 'CAPACITACION') checkText(check, input.criterios, ['input', 'criterios']);
    if (!check.issues.length) {
      const taken = await tx.programaMetas.count({ where: { unitId: unit.id, anio: input.anio, linea } });
      check.check(taken === 0, ['input', 'anio'], `This unit already has a ${linea} goal programme for ${input.anio}`);
    }
    return check.issues;
  },
  create: async (tx: Tx, { unit }: { unit: { id: string } }) => {
    const data = {
      linea,
      anio: input.anio,
      fechaLimite: input.fechaLimite ?? null,
      criterios: input.criterios?.trim() ?? null,
    };
    const { id } = await tx.programaMetas.create({
      data: { ...data, unitId: unit.id, createdById: ctx.viewer!.personId },
      select: { id: true },
    });
    return { id, changes: data };
  },
});
creationMutation(programaMetasWorkflow, 'createProgramaMetasServiciosTecnologicos', {
  input: CreateProgramaMetasServiciosTecnologicosInput,
  plan: createPrograma('SERVICIOS_TECNOLOGICOS'),
});
creationMutation(programaMetasWorkflow, 'createProgramaMetasCapacitacion', {
  input: CreateProgramaMetasCapacitacionInput,
  plan: createPrograma('CAPACITACION'),
});

const MetaIndicadorInput = builder.inputType('MetaIndicadorInput', {
  description: 'A goal to set: its value for an indicator, quarter and unit.',
  fields: (t) => ({
    unitId: t.globalID({
      required: false,
      description: "The unit (default: the programme's): for training, a plantel or CAST of the state.",
    }),
    indicador: t.field({ type: IndicadorMetaEnum, required: true }),
    trimestre: t.int({ required: true, description: '1 to 4.' }),
    valor: t.int({ required: true, description: 'Zero or more (centavos for INGRESOS_*).' }),
  }),
});
const UpdateProgramaMetasInput = builder.inputType('UpdateProgramaMetasInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    metas: t.field({
      type: [MetaIndicadorInput],
      required: false,
      description: 'Goals to set (added or changed; the others stay). `observaciones` is kept as the reason of each change.',
    }),
    diagnostico: t.string({ required: false, description: "Training: the state's situational diagnosis." }),
    programaTrabajo: t.string({ required: false, description: "Training: the state's annual work programme." }),
  }),
});
type MetaArgs = { unitId?: { id: string } | null; indicador: IndicadorMeta; trimestre: number; valor: number };
type UpdateProgramaArgs = StepArgs & { metas?: MetaArgs[] | null; diagnostico?: string | null; programaTrabajo?: string | null };

stepMutation<string, keyof typeof programaMetasWorkflow.steps, UpdateProgramaArgs>(programaMetasWorkflow, 'updateProgramaMetas', {
  input: UpdateProgramaMetasInput,
  plan: (input, ctx) => {
    const metas = input.metas ?? [];
    let units: string[] = [];
    let aprobado = false;
    const data: Record<string, unknown> = {};
    return {
      data,
      validate: async (tx, record) => {
        const p = await tx.programaMetas.findUniqueOrThrow({
          where: { id: record.id },
          select: { linea: true, aprobadoAt: true, unit: { select: { id: true, path: true } } },
        });
        aprobado = p.aprobadoAt !== null;
        const check = new InputChecker();
        for (const f of ['diagnostico', 'programaTrabajo'] as const) {
          const value = input[f];
          if (value == null) continue;
          check.check(p.linea === 'CAPACITACION', ['input', f], 'Only training programmes carry a diagnosis and a PAT');
          checkText(check, value, ['input', f], 20000);
          data[f] = value.trim();
        }
        check.check(metas.length > 0 || Object.keys(data).length > 0, ['input'], 'Give at least one goal, diagnostico or programaTrabajo');
        metas.forEach((m, i) => {
          const path = ['input', 'metas', i];
          checkIndicator(check, p.linea, m.indicador, [...path, 'indicador']);
          check.check(m.trimestre >= 1 && m.trimestre <= 4, [...path, 'trimestre'], 'Must be 1 to 4');
          check.check(m.valor >= 0, [...path, 'valor'], 'Cannot be below zero');
        });
        units = await lineUnits(tx, check, p.unit, p.linea, metas, ['input', 'metas']);
        duplicateKeys(
          check,
          metas.map((m, i) => `${units[i]}:${m.indicador}:${m.trimestre}`),
          ['input', 'metas'],
        );
        return check.issues;
      },
      effects: async (tx, record) => {
        const motivo = input.observaciones?.trim() || null;
        const changed: Record<string, unknown>[] = [];
        for (const [i, m] of metas.entries()) {
          const key = { programaId: record.id, unitId: units[i], indicador: m.indicador, trimestre: m.trimestre };
          const before = await tx.metaIndicador.findUnique({
            where: { programaId_unitId_indicador_trimestre: key },
            select: { id: true, valor: true, version: true },
          });
          if (before?.valor === m.valor) continue;
          const meta = before
            ? await tx.metaIndicador.update({
                where: { id: before.id },
                data: { valor: m.valor, version: { increment: 1 } },
                select: { id: true, version: true },
              })
            : await tx.metaIndicador.create({ data: { ...key, valor: m.valor }, select: { id: true, version: true } });
          await tx.versionMetaIndicador.create({
            data: {
              metaIndicadorId: meta.id,
              version: meta.version,
              valor: m.valor,
              motivo,
              reprogramacion: aprobado,
              createdById: ctx.viewer!.personId,
            },
          });
          changed.push({
            unitId: units[i],
            indicador: m.indicador,
            trimestre: m.trimestre,
            valor: m.valor,
            anterior: before?.valor ?? null,
          });
        }
        return changed.length ? { metas: changed, ...(aprobado ? { reprogramacion: true } : {}) } : {};
      },
    };
  },
});

stepMutation(programaMetasWorkflow, 'submitProgramaMetas');
stepMutation(programaMetasWorkflow, 'approveProgramaMetas', {
  plan: () => ({
    data: { aprobadoAt: new Date() },
    effects: async (tx, record) => {
      // The approved values become the goals progress is measured against; the first approval is kept as programmed.
      const n =
        await tx.$executeRaw`UPDATE "MetaIndicador" SET "valorAprobado" = valor, "valorProgramado" = coalesce("valorProgramado", valor)
        WHERE "programaId" = ${record.id}::uuid`;
      return { metasAprobadas: n };
    },
  }),
});
stepMutation(programaMetasWorkflow, 'returnProgramaMetas', {
  plan: () => ({
    effects: async (tx, record) => {
      if (record.state !== 'APROBADO') return;
      await tx.programaMetas.update({ where: { id: record.id }, data: { reprogramaciones: { increment: 1 } } });
      return { reprogramacion: true };
    },
  }),
});

// ---- RegistroResultados --------------------------------------------------------------

const CreateRegistroResultadosInput = builder.inputType('CreateRegistroResultadosInput', {
  fields: (t) => ({
    programaMetasId: t.globalID({ required: true, description: 'The approved goal programme the results are registered against.' }),
    trimestre: t.int({ required: true, description: '1 to 4; from its first day (one per programme and quarter).' }),
    observaciones: t.string({ required: false }),
  }),
});
creationMutation(registroResultadosWorkflow, 'createRegistroResultados', {
  input: CreateRegistroResultadosInput,
  plan: (input, ctx) => {
    let programa: { linea: LineaServicio; anio: number } | null = null;
    return {
      underId: input.programaMetasId.id,
      underIdPath: ['input', 'programaMetasId'],
      comment: input.observaciones,
      validate: async (tx, { under }) => {
        const check = new InputChecker().check(input.trimestre >= 1 && input.trimestre <= 4, ['input', 'trimestre'], 'Must be 1 to 4');
        if (check.issues.length) return check.issues;
        programa = await tx.programaMetas.findUniqueOrThrow({ where: { id: under!.id }, select: { linea: true, anio: true } });
        check.check(
          plazoRegistro(programa.anio, input.trimestre).desde <= new Date(),
          ['input', 'trimestre'],
          'The quarter has not begun: results are registered from its first day',
        );
        const taken = await tx.registroResultados.count({ where: { programaId: under!.id, trimestre: input.trimestre } });
        check.check(taken === 0, ['input', 'trimestre'], 'This quarter already has its results record');
        return check.issues;
      },
      create: async (tx, { unit, under }) => {
        const data = { linea: programa!.linea, anio: programa!.anio, trimestre: input.trimestre };
        const { id } = await tx.registroResultados.create({
          data: { ...data, programaId: under!.id, unitId: unit.id, createdById: ctx.viewer!.personId },
          select: { id: true },
        });
        return { id, changes: data };
      },
    };
  },
});

const ResultadoIndicadorInput = builder.inputType('ResultadoIndicadorInput', {
  description: 'A result to set: its value for an indicator, month and unit.',
  fields: (t) => ({
    unitId: t.globalID({ required: false, description: "The unit (default: the record's): for training, a plantel or CAST of the state." }),
    indicador: t.field({ type: IndicadorMetaEnum, required: true }),
    mes: t.int({ required: true, description: 'A month of the quarter, not in the future.' }),
    valor: t.int({ required: true, description: 'Zero or more (centavos for INGRESOS_*).' }),
  }),
});
const UpdateRegistroResultadosInput = builder.inputType('UpdateRegistroResultadosInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    resultados: t.field({
      type: [ResultadoIndicadorInput],
      required: true,
      description: 'Results to set (added or changed; the others stay).',
    }),
  }),
});
type ResultadoArgs = { unitId?: { id: string } | null; indicador: IndicadorMeta; mes: number; valor: number };
stepMutation<string, keyof typeof registroResultadosWorkflow.steps, StepArgs & { resultados: ResultadoArgs[] }>(
  registroResultadosWorkflow,
  'updateRegistroResultados',
  {
    input: UpdateRegistroResultadosInput,
    plan: (input) => {
      let units: string[] = [];
      return {
        validate: async (tx, record) => {
          const r = await tx.registroResultados.findUniqueOrThrow({
            where: { id: record.id },
            select: { linea: true, anio: true, trimestre: true, unit: { select: { id: true, path: true } } },
          });
          const check = new InputChecker().check(input.resultados.length > 0, ['input', 'resultados'], 'Give at least one result');
          const meses = mesesDe(r.trimestre);
          const now = new Date();
          input.resultados.forEach((x, i) => {
            const path = ['input', 'resultados', i];
            checkIndicator(check, r.linea, x.indicador, [...path, 'indicador']);
            check.check(meses.includes(x.mes), [...path, 'mes'], `Must be a month of quarter ${r.trimestre}: ${meses.join(', ')}`);
            check.check(new Date(Date.UTC(r.anio, x.mes - 1, 1)) <= now, [...path, 'mes'], 'Cannot be in the future');
            check.check(x.valor >= 0, [...path, 'valor'], 'Cannot be below zero');
          });
          units = await lineUnits(tx, check, r.unit, r.linea, input.resultados, ['input', 'resultados']);
          duplicateKeys(
            check,
            input.resultados.map((x, i) => `${units[i]}:${x.indicador}:${x.mes}`),
            ['input', 'resultados'],
          );
          return check.issues;
        },
        effects: async (tx, record) => {
          for (const [i, x] of input.resultados.entries()) {
            const key = { registroId: record.id, unitId: units[i], indicador: x.indicador, mes: x.mes };
            await tx.resultadoIndicador.upsert({
              where: { registroId_unitId_indicador_mes: key },
              create: { ...key, valor: x.valor },
              update: { valor: x.valor },
            });
          }
          return { resultados: input.resultados.map((x, i) => ({ unitId: units[i], indicador: x.indicador, mes: x.mes, valor: x.valor })) };
        },
      };
    },
  },
);
stepMutation(registroResultadosWorkflow, 'submitRegistroResultados');
stepMutation(registroResultadosWorkflow, 'approveRegistroResultados', { plan: () => ({ data: { validadoAt: new Date() } }) });
stepMutation(registroResultadosWorkflow, 'returnRegistroResultados');

// ---- ProgramaNacionalCapacitacion ---------------------------------------------------------

const CreateProgramaNacionalCapacitacionInput = builder.inputType('CreateProgramaNacionalCapacitacionInput', {
  fields: (t) => ({
    anio: t.int({ required: true, description: 'The year of the programme (one per year).' }),
    puntosControl: t.string({ required: true, description: 'Control points of the training process (PAT step 3).' }),
    unitId: t.globalID({ required: false, description: 'Owning unit; defaults to the unit where you hold the CSC role.' }),
    observaciones: t.string({ required: false }),
  }),
});
creationMutation(programaNacionalCapacitacionWorkflow, 'createProgramaNacionalCapacitacion', {
  input: CreateProgramaNacionalCapacitacionInput,
  plan: (input, ctx) => ({
    unitId: input.unitId?.id,
    unitIdPath: ['input', 'unitId'],
    comment: input.observaciones,
    validate: async (tx) => {
      const check = checkAnio(new InputChecker(), input.anio, ['input', 'anio']);
      checkText(check, input.puntosControl, ['input', 'puntosControl'], 20000);
      if (!check.issues.length) {
        const taken = await tx.programaNacionalCapacitacion.count({ where: { anio: input.anio } });
        check.check(taken === 0, ['input', 'anio'], `There is already a national training programme for ${input.anio}`);
      }
      return check.issues;
    },
    create: async (tx, { unit }) => {
      const data = { anio: input.anio, puntosControl: input.puntosControl.trim() };
      const { id } = await tx.programaNacionalCapacitacion.create({
        data: { ...data, unitId: unit.id, createdById: ctx.viewer!.personId },
        select: { id: true },
      });
      return { id, changes: data };
    },
  }),
});

const UpdateProgramaNacionalCapacitacionInput = builder.inputType('UpdateProgramaNacionalCapacitacionInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    puntosControl: t.string({ required: false }),
    programaTrabajo: t.string({ required: false, description: 'The national PAT (step 9).' }),
  }),
});
stepMutation<
  string,
  keyof typeof programaNacionalCapacitacionWorkflow.steps,
  StepArgs & { puntosControl?: string | null; programaTrabajo?: string | null }
>(programaNacionalCapacitacionWorkflow, 'updateProgramaNacionalCapacitacion', {
  input: UpdateProgramaNacionalCapacitacionInput,
  plan: (input) => {
    const check = new InputChecker();
    const data: Record<string, unknown> = {};
    for (const f of ['puntosControl', 'programaTrabajo'] as const) {
      const value = input[f];
      if (value == null) continue;
      checkText(check, value, ['input', f], 20000);
      data[f] = value.trim();
    }
    check.check(Object.keys(data).length > 0, ['input'], 'Give puntosControl or programaTrabajo');
    return { validate: () => check.issues, data };
  },
});

stepMutation(programaNacionalCapacitacionWorkflow, 'sendProgramaNacionalCapacitacion', {
  plan: () => ({
    effects: async (tx, record) => {
      const p = await tx.programaNacionalCapacitacion.update({
        where: { id: record.id },
        data: { envios: { increment: 1 }, enviadoAt: new Date() },
        select: { anio: true, envios: true },
      });
      // The national goals: the sum of every unit's approved training goals of the year (the guard made sure all are approved).
      await tx.$executeRaw`INSERT INTO "MetaNacional" (id, "programaId", envio, indicador, trimestre, valor)
        SELECT gen_random_uuid(), ${record.id}::uuid, ${p.envios}, m.indicador, m.trimestre, sum(m."valorAprobado")
        FROM "MetaIndicador" m JOIN "ProgramaMetas" pm ON pm.id = m."programaId"
        WHERE pm.anio = ${p.anio} AND pm.linea = 'CAPACITACION' AND m."valorAprobado" IS NOT NULL
        GROUP BY m.indicador, m.trimestre`;
      const metas = await tx.metaNacional.findMany({
        where: { programaId: record.id, envio: p.envios },
        orderBy: [{ indicador: 'asc' }, { trimestre: 'asc' }],
        select: { indicador: true, trimestre: true, valor: true },
      });
      const spdi = await tx.orgUnit.findMany({ where: { roleAssignments: { some: { role: 'SPDI_DPP' } } }, select: { id: true } });
      await tx.programaNacionalCapacitacionDestinatario.createMany({
        data: spdi.map((u) => ({ programaId: record.id, unitId: u.id, fin: 'MIR' as const })),
        skipDuplicates: true,
      });
      return {
        envio: p.envios,
        metas: metas.map((m) => ({ indicador: m.indicador, trimestre: m.trimestre, valor: Number(m.valor) })),
        destinatarios: spdi.map((u) => u.id),
        fin: 'MIR',
      };
    },
  }),
});
stepMutation(programaNacionalCapacitacionWorkflow, 'returnProgramaNacionalCapacitacion');

// ---- CursoCatalogo -------------------------------------------------------------------------

const CreateCursoCatalogoInput = builder.inputType('CreateCursoCatalogoInput', {
  fields: (t) => ({
    nombre: t.string({ required: true }),
    descripcion: t.string({ required: true, description: 'Content, audience and the demand or request it answers.' }),
    duracionHoras: t.int({ required: true, description: '1 to 2000 hours.' }),
    unitId: t.globalID({ required: false, description: 'Owning unit; defaults to the unit where you hold the CSC role.' }),
    observaciones: t.string({ required: false }),
  }),
});
const checkCurso = (check: InputChecker, c: { nombre?: string | null; descripcion?: string | null; duracionHoras?: number | null }) => {
  if (c.nombre != null) checkText(check, c.nombre, ['input', 'nombre'], 300);
  if (c.descripcion != null) checkText(check, c.descripcion, ['input', 'descripcion']);
  if (c.duracionHoras != null)
    check.check(c.duracionHoras >= 1 && c.duracionHoras <= 2000, ['input', 'duracionHoras'], 'Must be 1 to 2000');
  return check;
};
creationMutation(cursoCatalogoWorkflow, 'createCursoCatalogo', {
  input: CreateCursoCatalogoInput,
  plan: (input, ctx) => ({
    unitId: input.unitId?.id,
    unitIdPath: ['input', 'unitId'],
    comment: input.observaciones,
    validate: () => checkCurso(new InputChecker(), input).issues,
    create: async (tx, { unit }) => {
      const data = { nombre: input.nombre.trim(), descripcion: input.descripcion.trim(), duracionHoras: input.duracionHoras };
      const { id } = await tx.cursoCatalogo.create({
        data: { ...data, unitId: unit.id, createdById: ctx.viewer!.personId },
        select: { id: true },
      });
      return { id, changes: data };
    },
  }),
});

const UpdateCursoCatalogoInput = builder.inputType('UpdateCursoCatalogoInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    nombre: t.string({ required: false }),
    descripcion: t.string({ required: false }),
    duracionHoras: t.int({ required: false }),
  }),
});
type CursoArgs = { nombre?: string | null; descripcion?: string | null; duracionHoras?: number | null };
stepMutation<string, keyof typeof cursoCatalogoWorkflow.steps, StepArgs & CursoArgs>(cursoCatalogoWorkflow, 'updateCursoCatalogo', {
  input: UpdateCursoCatalogoInput,
  plan: (input) => {
    const check = checkCurso(new InputChecker(), input);
    const data: Record<string, unknown> = {};
    if (input.nombre != null) data.nombre = input.nombre.trim();
    if (input.descripcion != null) data.descripcion = input.descripcion.trim();
    if (input.duracionHoras != null) data.duracionHoras = input.duracionHoras;
    check.check(Object.keys(data).length > 0, ['input'], 'Give at least one field');
    return { validate: () => check.issues, data };
  },
});

const ApproveCursoCatalogoInput = builder.inputType('ApproveCursoCatalogoInput', {
  fields: (t) => ({
    ...stepArgFields(t),
    claveSecyt: t.string({ required: true, description: "The course's identifier in the SECyT (unique)." }),
  }),
});
stepMutation<string, keyof typeof cursoCatalogoWorkflow.steps, StepArgs & { claveSecyt: string }>(
  cursoCatalogoWorkflow,
  'approveCursoCatalogo',
  {
    input: ApproveCursoCatalogoInput,
    plan: (input) => {
      const clave = input.claveSecyt.trim();
      return {
        data: { claveSecyt: clave },
        validate: async (tx): Promise<InputIssue[]> => {
          const check = checkText(new InputChecker(), clave, ['input', 'claveSecyt'], 100);
          if (!check.issues.length) {
            const taken = await tx.cursoCatalogo.count({ where: { claveSecyt: clave } });
            check.check(taken === 0, ['input', 'claveSecyt'], 'Another course has this SECyT identifier');
          }
          return check.issues;
        },
      };
    },
  },
);
stepMutation(cursoCatalogoWorkflow, 'publishCursoCatalogo', { plan: () => ({ data: { publicadoAt: new Date() } }) });
