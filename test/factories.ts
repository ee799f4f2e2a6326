// Test data factories: direct inserts (no API, no workflow engine) that put a
// record of any workflow model in ANY of its declared states, with everything
// that state implies (parents, addressees, timestamps, audit trail).
//
//   const p = await make.proyectoNormativo(db, { estado: 'EN_COMENTARIOS_CAST', unit: 'DSTC' });
//   await gql(server, SomeStepDocument, { input: { id: p.globalId } }, tokens.cst);
//
// Rules every factory follows:
// - Units are given by demo code ("MEX-P001"); people are the demo accounts.
// - Every unique value (years, matriculas, folio numbers, claves, periodos)
//   is fresh per call, also across test files running in parallel over the
//   same database: values come from a random token or are chosen among the
//   free ones and retried on a unique violation.
// - Years: unless `anio` is given, plans get a year in 1000-1999, free for
//   that unit. The API only accepts 2000-2100, so factory data never takes a
//   year a test asks the API for; the years are past, so "the quarter is over"
//   and "an activity cannot be in the future" hold.
// - `version` stays 0 unless given.
// - The audit trail (WorkflowTransition) holds the shortest path of declared
//   steps from creation to the state, each by a demo person holding the step's
//   role (reaching the record when one does), one millisecond apart.
// - `ready` (default true): the record also satisfies the declared guards of
//   the steps leaving its state (e.g. a ProyectoNormativo in
//   EN_COMENTARIOS_CAST has a submitProyectoNormativoAsCast audit row; a
//   PlanAnualCentro in EN_ELABORACION has a scheduled activity). With
//   `ready: false` the record is in the state but those guards fail.
// - Each factory returns at least `{ id, globalId }`; globalId is the Relay id
//   of the GraphQL type (for the types that are not nodes, e.g. Docente,
//   CorteCalendario or RegistroPromocion, it is built the same way but
//   `node(id:)` will not find it).
import { Prisma } from '../src/generated/prisma/client.js';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { DocumentStore } from '../src/lib/documents/store.js';
import { newApiKey } from '../src/lib/auth/api-keys.js';
import { apiKeyWorkflow, orgUnitWorkflow, personWorkflow } from '../src/modules/administracion/workflow.js';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { SYSTEM_PERSON, SYSTEM_ROLE } from '../src/lib/workflow/system.js';
import type { Db } from '../src/lib/db/client.js';
import type {
  EstadoAcuerdoReunion,
  EstadoImportacionSae,
  EstadoOfertaCapacitacion,
  EstadoPromocionServiciosTecnologicos,
  EstadoSolicitudDirigida,
  EstadoAccionMejora,
  EstadoApiKey,
  EstadoBaja,
  EstadoEntregaCertificadosFisicos,
  EstadoRectificacionEvaluacion,
  EstadoSolicitudEgresado,
  EstadoSupervisionCaptura,
  EstadoCertificado,
  EstadoConcentrado,
  EstadoNormativo,
  EstadoPlanCentro,
  EstadoPlanEstatal,
  EstadoReporte,
  EstadoReunionTrabajoCast,
  EstadoCursoCatalogo,
  EstadoConcertacionServicio,
  EstadoConcertacionCapacitacion,
  EstadoInstrumentoJuridico,
  EstadoCoordinacionCapacitacion,
  ParteInstrumentoJuridico,
  TipoDocumento,
  EstadoProgramaMetas,
  EstadoProgramaNacionalCapacitacion,
  EstadoRegistroResultados,
  IndicadorMeta,
  LineaServicio,
  EstatusAlumno,
  FinDestinatario,
  ModeloAcademico,
  Role,
  TipoAccionMejora,
  TipoActividad,
} from '../src/generated/prisma/enums.js';
import { rolesOf, type StepDefinition, type WorkflowDefinition } from '../src/lib/workflow/types.js';
import {
  asesoriaComplementariaWorkflow,
  bajaWorkflow,
  certificadoWorkflow,
  corteCalendarioWorkflow,
  importacionSaeWorkflow,
  loteFoliosWorkflow,
  reunionRiesgoWorkflow,
  entregaCertificadosFisicosWorkflow,
  informeJuntaDirectivaWorkflow,
  rectificacionEvaluacionWorkflow,
  solicitudEgresadoWorkflow,
  solicitudFoliosWorkflow,
  supervisionCapturaWorkflow,
} from '../src/modules/academico/workflow.js';
import { normatividadWorkflow } from '../src/modules/normatividad/workflow.js';
import { concertacionServicioWorkflow } from '../src/modules/concertacion/workflow.js';
import { concertacionCapacitacionWorkflow } from '../src/modules/concertacion/capacitacion-workflow.js';
import { instrumentoJuridicoWorkflow } from '../src/modules/concertacion/instrumento-workflow.js';
import { coordinacionCapacitacionWorkflow } from '../src/modules/concertacion/coordinacion-workflow.js';
import { acuerdoReunionWorkflow, reunionTrabajoCastWorkflow } from '../src/modules/reuniones/workflow.js';
import { normativaCapacitacionWorkflow } from '../src/modules/normatividad/capacitacion.js';
import {
  catalogoServiciosWorkflow,
  ofertaCapacitacionWorkflow,
  promocionServiciosTecnologicosWorkflow,
  solicitudDirigidaWorkflow,
} from '../src/modules/difusion/workflow.js';
import {
  cursoCatalogoWorkflow,
  INDICADORES,
  programaMetasWorkflow,
  programaNacionalCapacitacionWorkflow,
  registroResultadosWorkflow,
} from '../src/modules/metas/workflow.js';
import {
  accionMejoraWorkflow,
  actividadRealizadaWorkflow,
  concentradoEstatalWorkflow as concentradoWorkflow,
  planAnualCentroWorkflow as planCentroWorkflow,
  planTrabajoAnualWorkflow as planEstatalWorkflow,
  reporteTrimestralWorkflow as reporteWorkflow,
  retencionWorkflow,
  tablaCostosWorkflow,
  visitaTecnicaWorkflow,
} from '../src/modules/promocion/workflow.js';
import type { Formato } from '../src/modules/promocion/retention.js';
import {
  analisisContactoWorkflow,
  cierreConocerWorkflow,
  correoCuarentenaWorkflow,
  informeResultadosContactoWorkflow,
  ticketWorkflow,
} from '../src/modules/contacto/workflow.js';
import {
  analisisPortalWorkflow,
  estadisticaPortalWorkflow,
  revisionContenidoPortalWorkflow,
  solicitudPortalWorkflow,
} from '../src/modules/portal/workflow.js';
import type { EstadoAnalisisPortal, EstadoSolicitudPortal } from '../src/generated/prisma/enums.js';
import type {
  CanalTicket,
  EstadoAnalisisContacto,
  EstadoInformeResultadosContacto,
  EstadoTicket,
  TemaContacto,
} from '../src/generated/prisma/enums.js';
import { DEMO_PEOPLE, demoEmail } from '../src/seed/demo.js';
import { campanaWorkflow } from '../src/modules/campanas/workflow.js';
import { encuestaWorkflow } from '../src/modules/campanas/encuesta-workflow.js';
import type { CanalEncuesta, EstadoCampana, EstadoEncuesta, TipoCampana, TipoEncuesta } from '../src/generated/prisma/enums.js';

export interface Made {
  id: string;
  globalId: string;
}

// ---- shared lookups, cached per client --------------------------------------

interface UnitRow {
  id: string;
  code: string;
  path: string;
  kind: string;
  parentId: string | null;
}
interface PersonRow {
  local: string;
  id: string;
  role: Role;
  unitId: string;
  unitPath: string;
}
interface Lookups {
  units: Map<string, UnitRow>;
  unitsById: Map<string, UnitRow>;
  people: PersonRow[];
}

const cache = new WeakMap<Db, Promise<Lookups>>();

function lookups(db: Db): Promise<Lookups> {
  let hit = cache.get(db);
  if (!hit) {
    hit = (async () => {
      const rows = await db.orgUnit.findMany({ select: { id: true, code: true, path: true, kind: true, parentId: true } });
      const units = new Map(rows.map((u) => [u.code, u]));
      const unitsById = new Map(rows.map((u) => [u.id, u]));
      const persons = await db.person.findMany({
        where: { email: { in: DEMO_PEOPLE.map(([local]) => demoEmail(local)) } },
        select: { id: true, email: true, roles: { select: { role: true, unit: { select: { id: true, path: true } } } } },
      });
      const people = DEMO_PEOPLE.flatMap(([local]) => {
        const p = persons.find((x) => x.email === demoEmail(local));
        return p ? p.roles.map((r) => ({ local, id: p.id, role: r.role, unitId: r.unit.id, unitPath: r.unit.path })) : [];
      });
      return { units, unitsById, people };
    })();
    cache.set(db, hit);
  }
  return hit;
}

/** The demo unit with this code. */
export async function unit(db: Db, code: string): Promise<UnitRow> {
  const u = (await lookups(db)).units.get(code);
  if (!u) throw new Error(`factories: no demo unit ${code}`);
  return u;
}

/** The state office (COLEGIO_ESTATAL or the like) a unit belongs to: its ancestor right below the root. */
async function stateOf(db: Db, u: UnitRow): Promise<UnitRow> {
  const { unitsById } = await lookups(db);
  let current = u;
  for (;;) {
    const parent = current.parentId ? unitsById.get(current.parentId) : undefined;
    if (!parent || !parent.parentId) return current;
    current = parent;
  }
}

/** A demo person holding `role`: preferably one whose unit reaches `unitPath`, then one at a unit in `preferPaths`. */
export async function actor(db: Db, role: Role, unitPath?: string, preferPaths: string[] = []): Promise<PersonRow> {
  const { people } = await lookups(db);
  const withRole = people.filter((p) => p.role === role);
  const found =
    withRole.find((p) => preferPaths.some((path) => path.startsWith(p.unitPath))) ??
    withRole.find((p) => unitPath !== undefined && unitPath.startsWith(p.unitPath)) ??
    withRole[0] ??
    people.find((p) => p.role === 'ADMINISTRADOR_PLATAFORMA');
  if (!found) throw new Error(`factories: no demo person for ${role}`);
  return found;
}

/** The system actor as factories record it (src/lib/workflow/system.ts). */
async function systemActor(db: Db, unitPath: string): Promise<{ id: string; role: Role; unitId: string }> {
  await db.$executeRaw`
    INSERT INTO "Person" (id, email, "fullName", active, "cuentaServicio")
    VALUES (${SYSTEM_PERSON.id}::uuid, ${SYSTEM_PERSON.email}, ${SYSTEM_PERSON.fullName}, false, true)
    ON CONFLICT (id) DO NOTHING`;
  return { id: SYSTEM_PERSON.id, role: SYSTEM_ROLE, unitId: unitPath.split('/')[1] };
}

// ---- unique values -----------------------------------------------------------

let counter = 0;
/** A token unique to this call (process, counter and random bytes), upper-case letters and digits. */
export function uniq(): string {
  counter += 1;
  return `${process.pid.toString(36)}${counter.toString(36)}${randomBytes(3).toString('hex')}`.toUpperCase();
}

const YEAR_MIN = 1000;
const YEAR_MAX = 1999;
function freeYear(used: Iterable<number>): number {
  const taken = new Set(used);
  const free: number[] = [];
  for (let y = YEAR_MIN; y <= YEAR_MAX; y++) if (!taken.has(y)) free.push(y);
  if (!free.length) throw new Error('factories: no free year left for this unit');
  return free[Math.floor(Math.random() * free.length)];
}

const isUniqueViolation = (e: unknown) => typeof e === 'object' && e !== null && 'code' in e && e.code === 'P2002';

/** Runs `attempt` again (with freshly chosen values) while it hits a unique violation: a parallel test took the same value. */
async function retryUnique<T>(attempt: () => Promise<T>, tries = 25): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (e) {
      if (!isUniqueViolation(e) || i >= tries) throw e;
    }
  }
}

const gid = (typename: string, id: string): Made => ({ id, globalId: encodeGlobalID(typename, id) });

// ---- audit trail ---------------------------------------------------------------

type Wf<S extends string> = WorkflowDefinition<S, string>;
type Step<S extends string> = [name: string, StepDefinition<S>];
/** The state a step leaves its record in (an action leaves it where it was). */
const after = <S extends string>(t: StepDefinition<S>, before: S | null): S => (t.kind === 'action' ? (before as S) : t.to);

/** The shortest path of declared steps from a creating step to `target` (self-loops left out). */
export function pathTo<S extends string>(wf: Wf<S>, target: S): Step<S>[] {
  const steps = Object.entries<StepDefinition<S>>(wf.steps);
  const creating = steps.filter(
    ([, t]) => t.kind === 'creation' && !(t.under && 'store' in t.under.subject && t.under.subject.store === wf.store),
  );
  // A workflow without a creating step (e.g. plantel plans, made by another workflow's step) starts in `initial` with no audit row.
  let frontier: { state: S; path: Step<S>[] }[] = creating.length
    ? creating.slice(0, 1).map((s) => ({ state: after(s[1], null), path: [s] }))
    : [{ state: wf.initial, path: [] }];
  const seen = new Set<S>();
  while (frontier.length) {
    const hit = frontier.find((f) => f.state === target);
    if (hit) return hit.path;
    frontier.forEach((f) => seen.add(f.state));
    frontier = frontier.flatMap((f) =>
      steps
        .filter(([, t]) => t.kind === 'transition' && t.from.includes(f.state) && t.to !== f.state && !seen.has(t.to))
        .map((s) => ({ state: after(s[1], f.state), path: [...f.path, s] })),
    );
  }
  throw new Error(`factories: ${wf.name} cannot reach ${target}`);
}

interface HistoryTarget {
  recordId: string;
  unitPath: string;
  /** Units the record is addressed to, by purpose (for steps with addressee reach). */
  addressees?: { purpose: string; unitPath: string }[];
}

async function writeHistory<S extends string>(db: Db, wf: Wf<S>, record: HistoryTarget, path: Step<S>[]) {
  const start = Date.now() - path.length - 1000;
  const states: S[] = [];
  for (const [i, [, t]] of path.entries()) states.push(after(t, i === 0 ? null : states[i - 1]));
  const data = [];
  for (const [i, [name, t]] of path.entries()) {
    const role = rolesOf(t)[0];
    const prefer =
      t.reach.kind === 'addressee'
        ? (record.addressees ?? [])
            .filter((a) => a.purpose === (t.reach.kind === 'addressee' ? t.reach.purpose : ''))
            .map((a) => a.unitPath)
        : [];
    // A step only the API's jobs take is recorded as theirs: the system person, SISTEMA at the root of the record's tree.
    const who = role === SYSTEM_ROLE ? await systemActor(db, record.unitPath) : await actor(db, role, record.unitPath, prefer);
    const from: S | null = i === 0 ? null : states[i - 1];
    data.push({
      workflow: wf.name,
      recordId: record.recordId,
      transition: name,
      fromState: t.kind === 'creation' ? null : from,
      toState: states[i],
      actorId: who.id,
      actorRole: who.role,
      actorUnitId: who.unitId,
      comment: t.comment === 'required' ? 'Observaciones (factory)' : null,
      at: new Date(start + i),
    });
  }
  if (data.length) await db.workflowTransition.createMany({ data });
}

/** Inserts `step` (a declared self-loop or extra step) at `index` of `path`. */
function withStep<S extends string>(wf: Wf<S>, path: Step<S>[], name: string, index: number): Step<S>[] {
  const t = (wf.steps as Record<string, StepDefinition<S>>)[name];
  if (!t) throw new Error(`factories: ${wf.name} has no step ${name}`);
  return [...path.slice(0, index), [name, t], ...path.slice(index)];
}

const stateIndex = <S extends string>(wf: Wf<S>, s: S) => wf.states.indexOf(s);
/** Whether `estado` is `s` or a state the happy path reaches after it (declaration order). */
const reached = <S extends string>(wf: Wf<S>, estado: S, s: S) => stateIndex(wf, estado) >= stateIndex(wf, s);

// ---- options shared by the workflow factories ----------------------------------

interface Common<S> {
  estado?: S;
  /** Demo unit code that owns the record. */
  unit?: string;
  /** Satisfy the guards of the steps leaving the state (default true). */
  ready?: boolean;
  /** Write the audit trail (default true). */
  history?: boolean;
  version?: number;
}

// ---- 7081-MP-SI: normatividad ---------------------------------------------------

export interface ProyectoNormativoOptions extends Common<EstadoNormativo> {
  titulo?: string;
  /** Addressees; default: MEX-CAST01 for COMENTARIOS once sent to CAST, and for APLICACION once released. */
  destinatarios?: { unit: string; fin: FinDestinatario }[];
}

export async function proyectoNormativo(db: Db, o: ProyectoNormativoOptions = {}) {
  const wf = normatividadWorkflow;
  const estado = o.estado ?? wf.initial;
  const owner = await unit(db, o.unit ?? 'DSTC');
  const creator = await actor(db, 'DSTC', owner.path);
  const after = (s: EstadoNormativo) => reached(wf, estado, s);
  const sentForComments = after('EN_COMENTARIOS_CAST');
  const released = after('REMITIDO_A_CAST');
  const token = uniq();
  const destinatarios = o.destinatarios ?? [
    ...(sentForComments ? [{ unit: 'MEX-CAST01', fin: 'COMENTARIOS' as const }] : []),
    ...(released ? [{ unit: 'MEX-CAST01', fin: 'APLICACION' as const }] : []),
  ];
  const dest = await Promise.all(destinatarios.map(async (d) => ({ unit: await unit(db, d.unit), fin: d.fin })));
  const row = await db.proyectoNormativo.create({
    data: {
      unitId: owner.id,
      titulo: o.titulo ?? `Lineamientos ${token}`,
      necesidad: `Necesidad ${token}`,
      estado,
      version: o.version ?? 0,
      createdById: creator.id,
      documentoUrl: after('EN_REVISION_DSTC') ? `https://docs.example.org/normativa/${token}.pdf` : null,
      numeroRegistro: after('APROBADO_REGISTRADO') ? `DCAJ-${token}` : null,
      fechaReunion: estado === 'CERRADO' ? new Date() : null,
      modalidadReunion: estado === 'CERRADO' ? 'VIRTUAL' : null,
      destinatarios: { create: dest.map((d) => ({ unitId: d.unit.id, fin: d.fin })) },
      evidencias: estado === 'CERRADO' ? { create: [{ tipo: 'MINUTA', descripcion: `Minuta ${token}` }] } : undefined,
    },
    select: { id: true },
  });
  if (o.history ?? true) {
    let path = pathTo(wf, estado);
    // Step 4 (observations) comes before step 5 (receiveProyectoNormativoAsCst's guard).
    const drafting = path.findIndex(([name]) => name === 'receiveProyectoNormativoAsCst');
    if (drafting >= 0) path = withStep(wf, path, 'submitProyectoNormativoAsCast', drafting);
    else if (estado === 'EN_COMENTARIOS_CAST' && (o.ready ?? true)) path = withStep(wf, path, 'submitProyectoNormativoAsCast', path.length);
    await writeHistory(
      db,
      wf,
      {
        recordId: row.id,
        unitPath: owner.path,
        addressees: dest.map((d) => ({ purpose: d.fin, unitPath: d.unit.path })),
      },
      path,
    );
  } else if (estado === 'EN_COMENTARIOS_CAST' && (o.ready ?? true)) {
    await writeHistory(
      db,
      wf,
      { recordId: row.id, unitPath: owner.path, addressees: dest.map((d) => ({ purpose: d.fin, unitPath: d.unit.path })) },
      withStep(wf, [], 'submitProyectoNormativoAsCast', 0),
    );
  }
  return { ...gid('ProyectoNormativo', row.id), estado };
}

// ---- 7081-MP-SI Pd-01-It-01: working meeting with CAST directors ---------------

export interface ReunionTrabajoCastOptions extends Common<EstadoReunionTrabajoCast> {
  /** `YYYY-1` or `YYYY-2`; default: a semester of a year in 1000-1999 free for the unit. */
  periodo?: string;
  /** Invited units once CONVOCADA (default: MEX-CAST01 and CE-MEX). */
  invitados?: string[];
}

/**
 * A working meeting owned by the CST (default). `ready` in EN_PREPARACION means
 * steps 2-5 are recorded (sendReunionTrabajoCast's guard passes); with
 * `ready: false` only step 1's needs are there; `ready` in CONVOCADA means one
 * agreement is recorded (closeReunionTrabajoCast's guard), as in CERRADA. CONVOCADA and CERRADA always
 * have steps 2-5 and the invitations; CERRADA also the meeting, results,
 * agreements and one piece of evidence.
 */
export async function reunionTrabajoCast(db: Db, o: ReunionTrabajoCastOptions = {}) {
  const wf = reunionTrabajoCastWorkflow;
  const estado = o.estado ?? wf.initial;
  const owner = await unit(db, o.unit ?? 'CST');
  const creator = await actor(db, 'CST', owner.path);
  const prepared = estado !== 'EN_PREPARACION' || (o.ready ?? true);
  const invited = estado !== 'EN_PREPARACION';
  const closed = estado === 'CERRADA';
  const invitados = invited ? await Promise.all((o.invitados ?? ['MEX-CAST01', 'CE-MEX']).map((c) => unit(db, c))) : [];
  const token = uniq();
  const row = await retryUnique(async () => {
    const used = await db.reunionTrabajoCast.findMany({ where: { unitId: owner.id }, select: { periodo: true } });
    const periodo = o.periodo ?? `${freeYear(used.map((r) => Number(r.periodo.slice(0, 4))))}-${1 + Math.floor(Math.random() * 2)}`;
    return db.reunionTrabajoCast.create({
      data: {
        unitId: owner.id,
        periodo,
        requerimientos: `Requerimientos ${token}`,
        gestiones: prepared ? `Gestiones ${token}` : null,
        programa: prepared ? `Programa ${token}` : null,
        solicitudes: prepared ? `Solicitudes ${token}` : null,
        logistica: prepared ? `Logística ${token}` : null,
        modalidad: prepared ? 'VIRTUAL' : null,
        fechaProgramada: prepared ? new Date(Date.now() - 86_400_000) : null,
        materialUrl: prepared ? `https://docs.example.org/reuniones/${token}.pdf` : null,
        fechaReunion: closed ? new Date(Date.now() - 86_400_000) : null,
        resultados: closed ? `Resultados ${token}` : null,
        estado,
        version: o.version ?? 0,
        createdById: creator.id,
        destinatarios: { create: invitados.map((u) => ({ unitId: u.id, fin: 'INVITACION' as const })) },
        evidencias: closed ? { create: [{ tipo: 'LISTA_ASISTENCIA', descripcion: `Lista de asistencia ${token}` }] } : undefined,
        // Step 8's agreements come before the meeting closes (closeReunionTrabajoCast's guard).
        acuerdos:
          closed || (estado === 'CONVOCADA' && (o.ready ?? true))
            ? {
                create: [
                  {
                    unitId: owner.id,
                    descripcion: `Acuerdo ${token}`,
                    fechaCompromiso: new Date(Date.now() + 30 * 86_400_000),
                    createdById: creator.id,
                    destinatarios: { create: [{ unitId: owner.id, fin: 'RESPONSABLE' as const }] },
                  },
                ],
              }
            : undefined,
      },
      select: { id: true, periodo: true },
    });
  });
  if (o.history ?? true) {
    let path = pathTo(wf, estado);
    if (prepared) path = withStep(wf, path, 'updateReunionTrabajoCast', 1);
    await writeHistory(
      db,
      wf,
      { recordId: row.id, unitPath: owner.path, addressees: invitados.map((u) => ({ purpose: 'INVITACION', unitPath: u.path })) },
      path,
    );
  }
  return { ...gid('ReunionTrabajoCast', row.id), estado, periodo: row.periodo };
}

// ---- 7081-MP-SI: metas y resultados --------------------------------------------------

export interface ProgramaMetasOptions extends Common<EstadoProgramaMetas> {
  /** Default: from the unit (CAST or PLANTEL: SERVICIOS_TECNOLOGICOS; otherwise CAPACITACION), else SERVICIOS_TECNOLOGICOS. */
  linea?: LineaServicio;
  /** Default: a year in 1000-1999 free for the unit and line. */
  anio?: number;
  /**
   * The goals (unit code, default the programme's). Default when the record is ready or past SOLICITADO:
   * each indicator of the line, quarters 1-4, valor 10 × quarter, at the programme's unit.
   */
  metas?: { unit?: string; indicador: IndicadorMeta; trimestre: number; valor: number }[];
}

/**
 * A goal programme: technological services at MEX-CAST01 or training at
 * CE-MEX (default by `linea`). `ready` in SOLICITADO / EN_CORRECCION: goals
 * (and for training the diagnosis and PAT) are registered, so
 * submitProgramaMetas' guard passes. APROBADO: the goals are approved
 * (valorAprobado = valorProgramado = valor). Returns `kind` = linea.
 */
export async function programaMetas(db: Db, o: ProgramaMetasOptions = {}) {
  const wf = programaMetasWorkflow;
  const estado = o.estado ?? wf.initial;
  const given = o.unit ? await unit(db, o.unit) : null;
  const linea: LineaServicio =
    o.linea ?? (given ? (['CAST', 'PLANTEL'].includes(given.kind) ? 'SERVICIOS_TECNOLOGICOS' : 'CAPACITACION') : 'SERVICIOS_TECNOLOGICOS');
  const owner = given ?? (await unit(db, linea === 'CAPACITACION' ? 'CE-MEX' : 'MEX-CAST01'));
  const creator = await actor(db, linea === 'CAPACITACION' ? 'CSC' : 'CST', owner.path);
  const registrant = await actor(
    db,
    ['CAST', 'PLANTEL'].includes(owner.kind)
      ? owner.kind === 'CAST'
        ? 'CAST'
        : 'DIRECTOR_PLANTEL'
      : 'TITULAR_CAPACITACION_CERTIFICACION_CAST',
    owner.path,
  );
  const filled = (estado !== 'SOLICITADO' && estado !== 'EN_CORRECCION') || (o.ready ?? true);
  const approved = estado === 'APROBADO';
  const token = uniq();
  const metas: NonNullable<ProgramaMetasOptions['metas']> =
    o.metas ??
    (filled
      ? INDICADORES[linea].flatMap((indicador) => [1, 2, 3, 4].map((trimestre) => ({ indicador, trimestre, valor: 10 * trimestre })))
      : []);
  const lines = await Promise.all(metas.map(async (m) => ({ ...m, unitId: m.unit ? (await unit(db, m.unit)).id : owner.id })));
  const row = await retryUnique(async () => {
    const used = await db.programaMetas.findMany({ where: { unitId: owner.id, linea }, select: { anio: true } });
    return db.programaMetas.create({
      data: {
        unitId: owner.id,
        linea,
        anio: o.anio ?? freeYear(used.map((r) => r.anio)),
        criterios: linea === 'CAPACITACION' ? `Criterios ${token}` : null,
        diagnostico: linea === 'CAPACITACION' && filled ? `Diagnóstico ${token}` : null,
        programaTrabajo: linea === 'CAPACITACION' && filled ? `PAT ${token}` : null,
        aprobadoAt: approved ? new Date() : null,
        estado,
        version: o.version ?? 0,
        createdById: creator.id,
        metas: {
          create: lines.map((m) => ({
            unitId: m.unitId,
            indicador: m.indicador,
            trimestre: m.trimestre,
            valor: m.valor,
            valorAprobado: approved ? m.valor : null,
            valorProgramado: approved ? m.valor : null,
            versiones: { create: [{ version: 1, valor: m.valor, createdById: registrant.id }] },
          })),
        },
      },
      select: { id: true, anio: true },
    });
  });
  if (o.history ?? true) {
    let path = pathTo(wf, estado);
    if (linea === 'CAPACITACION') path = [['createProgramaMetasCapacitacion', wf.steps.createProgramaMetasCapacitacion], ...path.slice(1)];
    if (filled && lines.length) path = withStep(wf, path, 'updateProgramaMetas', 1);
    await writeHistory(db, wf, { recordId: row.id, unitPath: owner.path }, path);
  }
  return { ...gid('ProgramaMetas', row.id), estado, linea, kind: linea, anio: row.anio, unitId: owner.id };
}

export interface RegistroResultadosOptions extends Common<EstadoRegistroResultados> {
  /** The approved programme (default: a new one, of `linea`). */
  programa?: { id: string; linea: LineaServicio; anio: number; unitId: string };
  linea?: LineaServicio;
  /** Default: a quarter the programme has no record for. */
  trimestre?: number;
  /** Results (unit code, default the programme's). Default when ready or past EN_CAPTURA: each indicator, each month of the quarter, valor 1. */
  resultados?: { unit?: string; indicador: IndicadorMeta; mes: number; valor: number }[];
}

/** A quarter's results under an approved goal programme. Returns `kind` = linea. */
export async function registroResultados(db: Db, o: RegistroResultadosOptions = {}) {
  const wf = registroResultadosWorkflow;
  const estado = o.estado ?? wf.initial;
  const programa = o.programa ?? (await programaMetas(db, { estado: 'APROBADO', linea: o.linea, unit: o.unit }));
  const owner = (await lookups(db)).unitsById.get(programa.unitId)!;
  const creator = await actor(
    db,
    owner.kind === 'CAST' ? 'CAST' : owner.kind === 'PLANTEL' ? 'DIRECTOR_PLANTEL' : 'TITULAR_CAPACITACION_CERTIFICACION_CAST',
    owner.path,
  );
  const filled = (estado !== 'EN_CAPTURA' && estado !== 'EN_CORRECCION') || (o.ready ?? true);
  const row = await retryUnique(async () => {
    const used = (await db.registroResultados.findMany({ where: { programaId: programa.id }, select: { trimestre: true } })).map(
      (r) => r.trimestre,
    );
    const trimestre = o.trimestre ?? [1, 2, 3, 4].find((t) => !used.includes(t));
    if (!trimestre) throw new Error('factories: the programme has every quarter already');
    const meses = [3 * trimestre - 2, 3 * trimestre - 1, 3 * trimestre];
    const resultados: NonNullable<RegistroResultadosOptions['resultados']> =
      o.resultados ??
      (filled ? INDICADORES[programa.linea].flatMap((indicador) => meses.map((mes) => ({ indicador, mes, valor: 1 }))) : []);
    const lines = await Promise.all(resultados.map(async (r) => ({ ...r, unitId: r.unit ? (await unit(db, r.unit)).id : owner.id })));
    return db.registroResultados.create({
      data: {
        programaId: programa.id,
        unitId: owner.id,
        linea: programa.linea,
        anio: programa.anio,
        trimestre,
        validadoAt: estado === 'VALIDADO' ? new Date() : null,
        estado,
        version: o.version ?? 0,
        createdById: creator.id,
        resultados: { create: lines.map((r) => ({ unitId: r.unitId, indicador: r.indicador, mes: r.mes, valor: r.valor })) },
      },
      select: { id: true, trimestre: true },
    });
  });
  if (o.history ?? true) {
    let path = pathTo(wf, estado);
    if (filled) path = withStep(wf, path, 'updateRegistroResultados', 1);
    await writeHistory(db, wf, { recordId: row.id, unitPath: owner.path }, path);
  }
  return { ...gid('RegistroResultados', row.id), estado, kind: programa.linea, trimestre: row.trimestre, programa };
}

export interface ProgramaNacionalCapacitacionOptions extends Common<EstadoProgramaNacionalCapacitacion> {
  /** Default: a year in 1000-1999 with no national programme. */
  anio?: number;
}

/**
 * The national training programme, owned by the CSC. `ready` in
 * EN_INTEGRACION / EN_AJUSTE: the national PAT is written and an approved
 * training goal programme of the year exists (sendProgramaNacionalCapacitacion's
 * guard passes). ENVIADO (and EN_AJUSTE): sent once to SPDI-DPP, with its national goals.
 */
export async function programaNacionalCapacitacion(db: Db, o: ProgramaNacionalCapacitacionOptions = {}) {
  const wf = programaNacionalCapacitacionWorkflow;
  const estado = o.estado ?? wf.initial;
  const owner = await unit(db, o.unit ?? 'CSC');
  const creator = await actor(db, 'CSC', owner.path);
  const spdi = await unit(db, 'SPDI-DPP');
  const sent = estado !== 'EN_INTEGRACION';
  const ready = o.ready ?? true;
  const token = uniq();
  const row = await retryUnique(async () => {
    // A year with no national programme and no training goals, so the send guard sees only this factory's programme.
    const used = [
      ...(await db.programaNacionalCapacitacion.findMany({ select: { anio: true } })),
      ...(await db.programaMetas.findMany({ where: { linea: 'CAPACITACION' }, select: { anio: true } })),
    ];
    return db.programaNacionalCapacitacion.create({
      data: {
        unitId: owner.id,
        anio: o.anio ?? freeYear(used.map((r) => r.anio)),
        puntosControl: `Puntos de control ${token}`,
        programaTrabajo: sent || ready ? `PAT nacional ${token}` : null,
        envios: sent ? 1 : 0,
        enviadoAt: sent ? new Date() : null,
        estado,
        version: o.version ?? 0,
        createdById: creator.id,
        destinatarios: sent ? { create: [{ unitId: spdi.id, fin: 'MIR' }] } : undefined,
        metas: sent
          ? {
              create: INDICADORES.CAPACITACION.flatMap((indicador) =>
                [1, 2, 3, 4].map((trimestre) => ({ envio: 1, indicador, trimestre, valor: 10n * BigInt(trimestre) })),
              ),
            }
          : undefined,
      },
      select: { id: true, anio: true },
    });
  });
  if (ready && estado !== 'ENVIADO') await programaMetas(db, { estado: 'APROBADO', linea: 'CAPACITACION', anio: row.anio });
  if (o.history ?? true) {
    await writeHistory(
      db,
      wf,
      { recordId: row.id, unitPath: owner.path, addressees: sent ? [{ purpose: 'MIR', unitPath: spdi.path }] : [] },
      pathTo(wf, estado),
    );
  }
  return { ...gid('ProgramaNacionalCapacitacion', row.id), estado, anio: row.anio };
}

/** A catalogue course owned by the CSC; REGISTRADO and PUBLICADO carry a SECyT identifier. */
export async function cursoCatalogo(db: Db, o: Common<EstadoCursoCatalogo> & { nombre?: string } = {}) {
  const wf = cursoCatalogoWorkflow;
  const estado = o.estado ?? wf.initial;
  const owner = await unit(db, o.unit ?? 'CSC');
  const creator = await actor(db, 'CSC', owner.path);
  const token = uniq();
  const row = await db.cursoCatalogo.create({
    data: {
      unitId: owner.id,
      nombre: o.nombre ?? `Curso ${token}`,
      descripcion: `Descripción ${token}`,
      duracionHoras: 20,
      claveSecyt: estado !== 'PROPUESTO' ? `SECYT-${token}` : null,
      publicadoAt: estado === 'PUBLICADO' ? new Date() : null,
      estado,
      version: o.version ?? 0,
      createdById: creator.id,
    },
    select: { id: true },
  });
  if (o.history ?? true) await writeHistory(db, wf, { recordId: row.id, unitPath: owner.path }, pathTo(wf, estado));
  return { ...gid('CursoCatalogo', row.id), estado };
}

// ---- 15-528-PO-26: promotion ---------------------------------------------------

export interface PlanTrabajoAnualOptions extends Common<EstadoPlanEstatal> {
  /** Default: a free year in 1000-1999 for the unit. */
  anio?: number;
  /** Also create the POR_TURNAR plan of every plantel of the state, as distributing does (default false). */
  planesCentro?: boolean;
}

const PARENT_MARK = 'factory: parent of plantel plans';

async function insertPlanEstatal(
  db: Db,
  owner: UnitRow,
  estado: EstadoPlanEstatal,
  anio: number | undefined,
  o: { version?: number; contexto?: string; ready?: boolean },
) {
  const creator = await actor(db, 'TITULAR_CAPACITACION_CERTIFICACION_CAST', owner.path);
  return retryUnique(
    async () => {
      const year =
        anio ?? freeYear((await db.planTrabajoAnual.findMany({ where: { unitId: owner.id }, select: { anio: true } })).map((p) => p.anio));
      const token = uniq();
      return db.planTrabajoAnual.create({
        data: {
          unitId: owner.id,
          anio: year,
          estado,
          version: o.version ?? 0,
          createdById: creator.id,
          contexto: o.contexto ?? `Contexto ${token}`,
          fortalezas: 'Fortalezas',
          oportunidades: 'Oportunidades',
          debilidades: 'Debilidades',
          amenazas: 'Amenazas',
          riesgos: 'Riesgos',
          prioridades: 'Prioridades',
          resultadosHistoricos: 'Resultados históricos',
          // Step 2.1: sent in January of its year.
          turnadoAt: estado === 'TURNADO' ? new Date(Date.UTC(year, 0, 15)) : null,
          // approvePlanTrabajoAnual needs a goal: `ready: false` in BORRADOR leaves it out.
          metas:
            estado === 'BORRADOR' && o.ready === false
              ? undefined
              : { create: [{ orden: 1, descripcion: 'Personas certificadas', valor: 100 }] },
        },
        select: { id: true, anio: true },
      });
    },
    anio === undefined ? 25 : 1,
  );
}

export async function planTrabajoAnual(db: Db, o: PlanTrabajoAnualOptions = {}) {
  const wf = planEstatalWorkflow;
  const estado = o.estado ?? wf.initial;
  const owner = await unit(db, o.unit ?? 'CE-MEX');
  const row = await insertPlanEstatal(db, owner, estado, o.anio, o);
  if (o.planesCentro) {
    const planteles = await db.orgUnit.findMany({ where: { kind: 'PLANTEL', path: { startsWith: owner.path } }, select: { id: true } });
    await db.planAnualCentro.createMany({
      data: planteles.map((p) => ({ unitId: p.id, planEstatalId: row.id, anio: row.anio })),
      skipDuplicates: true,
    });
  }
  if (o.history ?? true) await writeHistory(db, wf, { recordId: row.id, unitPath: owner.path }, pathTo(wf, estado));
  return { ...gid('PlanTrabajoAnual', row.id), estado, anio: row.anio, unitId: owner.id };
}

export interface PlanAnualCentroOptions extends Common<EstadoPlanCentro> {
  /** Default: a year in 1000-1999 free for the plantel. */
  anio?: number;
  /** Scheduled activities (F02). Default: 1 once the plan is being drafted (0 in POR_TURNAR, and in EN_ELABORACION when ready: false). */
  actividades?: number;
  objetivos?: string;
}

/**
 * The plantel's plan. Its state plan (TURNADO, at the plantel's state, same
 * year) is shared by factory plans of that year: one marked as such is reused,
 * else a new one is made.
 */
export async function planAnualCentro(db: Db, o: PlanAnualCentroOptions = {}) {
  const wf = planCentroWorkflow;
  const estado = o.estado ?? wf.initial;
  const ready = o.ready ?? true;
  const plantel = await unit(db, o.unit ?? 'MEX-P001');
  const state = await stateOf(db, plantel);
  const row = await retryUnique(
    async () => {
      let anio = o.anio;
      if (anio === undefined) {
        const own = await db.planAnualCentro.findMany({ where: { unitId: plantel.id }, select: { anio: true } });
        const foreign = await db.planTrabajoAnual.findMany({
          where: { unitId: state.id, NOT: { contexto: PARENT_MARK } },
          select: { anio: true },
        });
        anio = freeYear([...own, ...foreign].map((p) => p.anio));
      }
      const parent =
        (await db.planTrabajoAnual.findFirst({ where: { unitId: state.id, anio }, select: { id: true } })) ??
        (await insertPlanEstatal(db, state, 'TURNADO', anio, { contexto: PARENT_MARK }));
      if (o.history ?? true) {
        const parentHistory = await db.workflowTransition.count({ where: { recordId: parent.id } });
        if (!parentHistory)
          await writeHistory(
            db,
            planEstatalWorkflow,
            { recordId: parent.id, unitPath: state.path },
            pathTo(planEstatalWorkflow, 'TURNADO'),
          );
      }
      return db.planAnualCentro.create({
        data: {
          unitId: plantel.id,
          planEstatalId: parent.id,
          anio,
          estado,
          version: o.version ?? 0,
          objetivos: o.objetivos ?? (estado === 'POR_TURNAR' ? null : 'Objetivos del centro evaluador'),
          // submitPlanAnualCentro needs the plantel's context analysis (§9): `ready: false` in EN_ELABORACION leaves it out.
          contexto: estado === 'POR_TURNAR' || (estado === 'EN_ELABORACION' && !ready) ? null : 'Contexto del plantel',
          enviadoAt: reached(wf, estado, 'ENVIADO') ? new Date() : null,
          validadoAt: estado === 'VALIDADO' ? new Date() : null,
        },
        select: { id: true, anio: true },
      });
    },
    o.anio === undefined ? 25 : 1,
  );
  const count = o.actividades ?? (estado === 'POR_TURNAR' || (estado === 'EN_ELABORACION' && !ready) ? 0 : 1);
  const actividades = [];
  for (let i = 0; i < count; i++) actividades.push(await insertActividadProgramada(db, row.id, { mes: (i % 12) + 1 }));
  if (o.history ?? true) await writeHistory(db, wf, { recordId: row.id, unitPath: plantel.path }, pathTo(wf, estado));
  return { ...gid('PlanAnualCentro', row.id), estado, anio: row.anio, unitId: plantel.id, actividades };
}

async function insertActividadProgramada(db: Db, planId: string, o: { mes?: number; tipo?: TipoActividad; meta?: number }) {
  const row = await db.actividadProgramada.create({
    data: {
      planId,
      mes: o.mes ?? 1,
      tipo: o.tipo ?? 'REUNION_PADRES',
      descripcion: `Actividad ${uniq()}`,
      audiencia: 'Padres de familia',
      meta: o.meta ?? 10,
    },
    select: { id: true },
  });
  return gid('ActividadProgramada', row.id);
}

export interface ActividadProgramadaOptions {
  /** The plan (default: a new EN_ELABORACION plan of `unit` without other activities). */
  plan?: { id: string };
  unit?: string;
  mes?: number;
  tipo?: TipoActividad;
  meta?: number;
}

export async function actividadProgramada(db: Db, o: ActividadProgramadaOptions = {}) {
  const plan = o.plan ?? (await planAnualCentro(db, { estado: 'EN_ELABORACION', unit: o.unit, actividades: 0 }));
  return { ...(await insertActividadProgramada(db, plan.id, o)), planId: plan.id };
}

export interface ActividadRealizadaOptions {
  /** The plan (default: a new VALIDADO plan of `unit`). */
  plan?: { id: string };
  /** Step 7H: the state coordination's own action under this (TURNADO) state plan instead of a plantel's plan. */
  planEstatal?: { id: string };
  unit?: string;
  /** The scheduled activity it fulfils (default: the plan's first, when it has one; null for one outside the cronograma). */
  programada?: { id: string } | null;
  /** Day within the plan's year (default: 15 March). */
  fecha?: Date;
  /** Write the audit trail (default true). */
  history?: boolean;
}

export async function actividadRealizada(db: Db, o: ActividadRealizadaOptions = {}) {
  if (o.planEstatal) return actividadEstatal(db, o.planEstatal.id, o);
  const planId = (o.plan ?? (await planAnualCentro(db, { estado: 'VALIDADO', unit: o.unit }))).id;
  const plan = await db.planAnualCentro.findUniqueOrThrow({
    where: { id: planId },
    select: { anio: true, actividades: { select: { id: true, tipo: true }, orderBy: { mes: 'asc' }, take: 1 } },
  });
  const programadaId = o.programada === undefined ? (plan.actividades[0]?.id ?? null) : (o.programada?.id ?? null);
  const tipo = programadaId
    ? (await db.actividadProgramada.findUniqueOrThrow({ where: { id: programadaId }, select: { tipo: true } })).tipo
    : 'REUNION_PADRES';
  const creator = await actor(db, 'COORDINADOR_CENTRO_EVALUACION');
  const fecha = o.fecha ?? new Date(Date.UTC(plan.anio, 2, 15));
  const evidence =
    tipo === 'VISITA_EMPRESA'
      ? { organizacion: 'Empresa', sector: 'PRIVADO' as const, contacto: 'Contacto', resultado: 'Convenio' }
      : tipo === 'DIFUSION_ELECTRONICA'
        ? { canal: 'Facebook', enlace: 'https://example.org/post' }
        : {
            evento: 'Reunión',
            asistentes: 2,
            listaAsistencia: { create: [1, 2].map((orden) => ({ orden, nombre: `Asistente ${orden}`, perfil: 'Padre o madre' })) },
          };
  const row = await db.actividadRealizada.create({
    data: { planId, programadaId, tipo, fecha, descripcion: `Realizada ${uniq()}`, alcance: 12, createdById: creator.id, ...evidence },
    select: { id: true, plan: { select: { unit: { select: { path: true } } } } },
  });
  if (o.history ?? true)
    await writeHistory(
      db,
      actividadRealizadaWorkflow,
      { recordId: row.id, unitPath: row.plan!.unit.path },
      pathTo(actividadRealizadaWorkflow, 'REGISTRADA'),
    );
  return { ...gid('ActividadRealizada', row.id), planId };
}

/** Step 7H: a visit to a company of the state promotion coordination, under its state plan. */
async function actividadEstatal(db: Db, planEstatalId: string, o: ActividadRealizadaOptions) {
  const plan = await db.planTrabajoAnual.findUniqueOrThrow({
    where: { id: planEstatalId },
    select: { anio: true, unit: { select: { path: true } } },
  });
  const creator = await actor(db, 'COORDINADOR_PROMOCION_ECE', plan.unit.path);
  const row = await db.actividadRealizada.create({
    data: {
      planEstatalId,
      tipo: 'VISITA_EMPRESA',
      fecha: o.fecha ?? new Date(Date.UTC(plan.anio, 2, 15)),
      descripcion: `Visita estatal ${uniq()}`,
      alcance: 1,
      organizacion: 'Empresa',
      sector: 'PRIVADO',
      contacto: 'Contacto',
      resultado: 'Convenio',
      createdById: creator.id,
    },
    select: { id: true },
  });
  if (o.history ?? true)
    await writeHistory(db, actividadRealizadaWorkflow, { recordId: row.id, unitPath: plan.unit.path }, [
      [
        'createActividadRealizadaAsCoordinadorPromocionEce',
        actividadRealizadaWorkflow.steps.createActividadRealizadaAsCoordinadorPromocionEce,
      ],
    ]);
  return { ...gid('ActividadRealizada', row.id), planEstatalId };
}

export interface TablaCostosOptions {
  unit?: string;
  /** Default: a free year in 1000-1999 for the unit. */
  anio?: number;
  /** Default: 15 January of its year. */
  enviadaAt?: Date;
}

/** The January cost table (§9) of a state (default CE-MEX). */
export async function tablaCostos(db: Db, o: TablaCostosOptions = {}) {
  const owner = await unit(db, o.unit ?? 'CE-MEX');
  const creator = await actor(db, 'COORDINADOR_PROMOCION_ECE', owner.path);
  const row = await retryUnique(
    async () => {
      const anio =
        o.anio ?? freeYear((await db.tablaCostos.findMany({ where: { unitId: owner.id }, select: { anio: true } })).map((t) => t.anio));
      return db.tablaCostos.create({
        data: {
          unitId: owner.id,
          anio,
          enviadaAt: o.enviadaAt ?? new Date(Date.UTC(anio, 0, 15)),
          createdById: creator.id,
          conceptos: { create: [{ orden: 1, estandar: 'EC0217', curso: 'Alineación EC0217', costo: 1500 }] },
        },
        select: { id: true, anio: true },
      });
    },
    o.anio === undefined ? 25 : 1,
  );
  await writeHistory(db, tablaCostosWorkflow, { recordId: row.id, unitPath: owner.path }, pathTo(tablaCostosWorkflow, 'ENVIADA'));
  return { ...gid('TablaCostos', row.id), anio: row.anio, unitId: owner.id };
}

export interface VisitaTecnicaOptions {
  /** The plantel visited (default MEX-P001). */
  unit?: string;
  anio?: number;
  /** 3, 6, 9 or 12 (default 3). */
  mes?: number;
}

/** A technical visit (§9) to a plantel. */
export async function visitaTecnica(db: Db, o: VisitaTecnicaOptions = {}) {
  const plantel = await unit(db, o.unit ?? 'MEX-P001');
  const creator = await actor(db, 'COORDINADOR_ECE', plantel.path);
  const mes = o.mes ?? 3;
  const row = await retryUnique(
    async () => {
      const anio =
        o.anio ??
        freeYear((await db.visitaTecnica.findMany({ where: { unitId: plantel.id, mes }, select: { anio: true } })).map((v) => v.anio));
      return db.visitaTecnica.create({
        data: {
          unitId: plantel.id,
          anio,
          mes,
          fecha: new Date(Date.UTC(anio, mes - 1, 10)),
          modalidad: 'PRESENCIAL',
          cumpleReglas: true,
          cumpleIdentidad: true,
          hallazgos: 'Sin hallazgos',
          createdById: creator.id,
        },
        select: { id: true, anio: true },
      });
    },
    o.anio === undefined ? 25 : 1,
  );
  await writeHistory(db, visitaTecnicaWorkflow, { recordId: row.id, unitPath: plantel.path }, pathTo(visitaTecnicaWorkflow, 'REGISTRADA'));
  return { ...gid('VisitaTecnica', row.id), anio: row.anio, unitId: plantel.id };
}

export interface ReporteTrimestralOptions extends Common<EstadoReporte> {
  /** The plan (default: a new VALIDADO plan of `unit`, default MEX-P001). */
  plan?: { id: string };
  /** Default: the plan's first quarter without a report. */
  trimestre?: number;
}

export async function reporteTrimestral(db: Db, o: ReporteTrimestralOptions = {}) {
  const wf = reporteWorkflow;
  const estado = o.estado ?? wf.initial;
  const planId = (o.plan ?? (await planAnualCentro(db, { estado: 'VALIDADO', unit: o.unit }))).id;
  const plan = await db.planAnualCentro.findUniqueOrThrow({
    where: { id: planId },
    select: { unit: { select: { id: true, path: true } }, reportes: { select: { trimestre: true } } },
  });
  const trimestre = o.trimestre ?? [1, 2, 3, 4].find((t) => !plan.reportes.some((r) => r.trimestre === t));
  if (trimestre === undefined) throw new Error('factories: the plan has a report for every quarter');
  const row = await db.reporteTrimestral.create({
    data: { planId, unitId: plan.unit.id, trimestre, analisis: `Análisis ${uniq()}`, estado, version: o.version ?? 0 },
    select: { id: true },
  });
  if (o.history ?? true) await writeHistory(db, wf, { recordId: row.id, unitPath: plan.unit.path }, pathTo(wf, estado));
  return { ...gid('ReporteTrimestral', row.id), estado, planId, unitId: plan.unit.id };
}

export interface ConcentradoEstatalOptions extends Common<EstadoConcentrado> {
  /** The state plan, TURNADO (default: a new one of `unit`, default CE-MEX). */
  planEstatal?: { id: string };
  semestre?: number;
}

export async function concentradoEstatal(db: Db, o: ConcentradoEstatalOptions = {}) {
  const wf = concentradoWorkflow;
  const estado = o.estado ?? wf.initial;
  const planEstatalId = (o.planEstatal ?? (await planTrabajoAnual(db, { estado: 'TURNADO', unit: o.unit }))).id;
  const plan = await db.planTrabajoAnual.findUniqueOrThrow({
    where: { id: planEstatalId },
    select: { unit: { select: { id: true, path: true } }, concentrados: { select: { semestre: true } } },
  });
  const semestre = o.semestre ?? [1, 2].find((s) => !plan.concentrados.some((c) => c.semestre === s));
  if (semestre === undefined) throw new Error('factories: the state plan has both concentrates');
  const row = await db.concentradoEstatal.create({
    data: { planEstatalId, unitId: plan.unit.id, semestre, estado, version: o.version ?? 0, observaciones: `Observaciones ${uniq()}` },
    select: { id: true },
  });
  if (o.history ?? true) await writeHistory(db, wf, { recordId: row.id, unitPath: plan.unit.path }, pathTo(wf, estado));
  return { ...gid('ConcentradoEstatal', row.id), estado, planEstatalId, unitId: plan.unit.id };
}

export interface AccionMejoraOptions extends Common<EstadoAccionMejora> {
  /** Where it comes from (default: a new F05 when `unit` is a plantel, default MEX-P001; a new F01 otherwise). */
  reporte?: { id: string };
  concentrado?: { id: string };
  tipo?: TipoAccionMejora;
}

export async function accionMejora(db: Db, o: AccionMejoraOptions = {}) {
  const wf = accionMejoraWorkflow;
  const estado = o.estado ?? wf.initial;
  let origin: { reporteId: string | null; concentradoId: string | null; unitId: string };
  if (o.reporte) {
    origin = {
      reporteId: o.reporte.id,
      concentradoId: null,
      unitId: (await db.reporteTrimestral.findUniqueOrThrow({ where: { id: o.reporte.id }, select: { unitId: true } })).unitId,
    };
  } else if (o.concentrado) {
    origin = {
      reporteId: null,
      concentradoId: o.concentrado.id,
      unitId: (await db.concentradoEstatal.findUniqueOrThrow({ where: { id: o.concentrado.id }, select: { unitId: true } })).unitId,
    };
  } else if ((await unit(db, o.unit ?? 'MEX-P001')).kind === 'PLANTEL') {
    const r = await reporteTrimestral(db, { estado: 'RECIBIDO', unit: o.unit ?? 'MEX-P001' });
    origin = { reporteId: r.id, concentradoId: null, unitId: r.unitId };
  } else {
    const c = await concentradoEstatal(db, { unit: o.unit });
    origin = { reporteId: null, concentradoId: c.id, unitId: c.unitId };
  }
  const row = await db.accionMejora.create({
    data: {
      ...origin,
      tipo: o.tipo ?? 'ACCION_CORRECTIVA',
      descripcion: `Acción ${uniq()}`,
      estado,
      version: o.version ?? 0,
      resultado: estado === 'CERRADA' ? 'Resultado de la acción' : null,
    },
    select: { id: true, unit: { select: { path: true } } },
  });
  if (o.history ?? true) await writeHistory(db, wf, { recordId: row.id, unitPath: row.unit.path }, pathTo(wf, estado));
  return { ...gid('AccionMejora', row.id), estado, unitId: origin.unitId };
}

// ---- 30-524-PO-04: students, folios, certificates, bajas --------------------------

export interface AlumnoOptions {
  /** Default MEX-P001. */
  unit?: string;
  /** Completed the plan (what a certificate requires). Default false. */
  planConcluido?: boolean;
  /** Default EGRESADO when planConcluido, else INSCRITO. */
  estatus?: EstatusAlumno;
  generacion?: number;
  grupo?: { id: string };
  /** Default M2018. */
  modeloAcademico?: ModeloAcademico;
  /** Default 1 (a first-semester enrolment). */
  semestreIngreso?: number;
}

export async function alumno(db: Db, o: AlumnoOptions = {}) {
  const u = await unit(db, o.unit ?? 'MEX-P001');
  const planConcluido = o.planConcluido ?? false;
  const row = await retryUnique(() => {
    const token = uniq();
    return db.alumno.create({
      data: {
        matricula: `F${token}`,
        curp: `FACT${token}`.slice(0, 18).padEnd(18, '0'),
        nombre: 'Alumno',
        primerApellido: `Prueba${token}`,
        generacion: o.generacion ?? 2022,
        carrera: 'Informática',
        modeloAcademico: o.modeloAcademico ?? 'M2018',
        semestreIngreso: o.semestreIngreso ?? 1,
        unitId: u.id,
        grupoId: o.grupo?.id ?? null,
        semestre: 6,
        estatus: o.estatus ?? (planConcluido ? 'EGRESADO' : 'INSCRITO'),
        planConcluido,
      },
      select: { id: true },
    });
  });
  return { ...gid('Alumno', row.id), unitId: u.id };
}

export interface LoteFoliosOptions {
  /** The state office that received the batch (default CE-MEX). */
  unit?: string;
  cantidad?: number;
  /** Hand the folios on to this plantel, as assignLoteFolios does. */
  plantel?: string;
  /** Write the audit trail (default true). */
  history?: boolean;
}

export async function loteFolios(db: Db, o: LoteFoliosOptions = {}) {
  const u = await unit(db, o.unit ?? 'CE-MEX');
  const holder = o.plantel ? await unit(db, o.plantel) : u;
  const cantidad = o.cantidad ?? 1;
  const creator = await actor(db, 'JEFE_SERVICIOS_ESCOLARES_ESTATAL', u.path);
  const prefijo = `F${uniq()}-`;
  const lote = await db.loteFolios.create({
    data: { unitId: u.id, referencia: `ON/${prefijo}`, cantidad, createdById: creator.id },
    select: { id: true },
  });
  const numeros = Array.from({ length: cantidad }, (_, i) => `${prefijo}${String(i + 1).padStart(8, '0')}`);
  await db.folio.createMany({ data: numeros.map((numero) => ({ numero, loteId: lote.id, unitId: holder.id })) });
  const folios = await db.folio.findMany({ where: { loteId: lote.id }, select: { id: true, numero: true }, orderBy: { numero: 'asc' } });
  if (o.history ?? true)
    await writeHistory(db, loteFoliosWorkflow, { recordId: lote.id, unitPath: u.path }, pathTo(loteFoliosWorkflow, 'REGISTRADO'));
  return { ...gid('LoteFolios', lote.id), folios };
}

export interface CertificadoOptions extends Common<EstadoCertificado> {
  /** The student (default: a new one of `unit`, default MEX-P001, who completed the plan). */
  alumno?: { id: string };
  /** For a replacement: the certificate it replaces. */
  reponeA?: { id: string };
}

export async function certificado(db: Db, o: CertificadoOptions = {}) {
  const wf = certificadoWorkflow;
  const estado = o.estado ?? wf.initial;
  const plantel = await unit(db, o.unit ?? 'MEX-P001');
  const state = await stateOf(db, plantel);
  const alumnoId = (o.alumno ?? (await alumno(db, { unit: plantel.code, planConcluido: true }))).id;
  const lote = await loteFolios(db, { unit: state.code, plantel: plantel.code, cantidad: 1 });
  const folio = lote.folios[0];
  await db.folio.update({ where: { id: folio.id }, data: { asignadoAt: new Date() } });
  const row = await db.certificado.create({
    data: {
      alumnoId,
      unitId: plantel.id,
      folioId: folio.id,
      estado,
      version: o.version ?? 0,
      tipo: o.reponeA ? 'REPOSICION' : 'ORIGINAL',
      reponeAId: o.reponeA?.id ?? null,
      motivoReposicion: o.reponeA ? 'Extravío' : null,
      entregadoA: estado === 'ENTREGADO' ? 'La persona egresada' : null,
      entregadoAt: estado === 'ENTREGADO' ? new Date() : null,
    },
    select: { id: true },
  });
  if (o.history ?? true) {
    let path = pathTo(wf, estado);
    if (o.reponeA) path = [['createCertificadoReposicion', wf.steps.createCertificadoReposicion], ...path.slice(1)];
    await writeHistory(db, wf, { recordId: row.id, unitPath: plantel.path }, path);
  }
  return { ...gid('Certificado', row.id), estado, alumnoId, folio };
}

export interface BajaOptions extends Common<EstadoBaja> {
  /** The student (default: a new one of `unit`, default MEX-P001); set to BAJA as reporting does. */
  alumno?: { id: string };
}

export async function baja(db: Db, o: BajaOptions = {}) {
  const wf = bajaWorkflow;
  const estado = o.estado ?? wf.initial;
  const u = await unit(db, o.unit ?? 'MEX-P001');
  const alumnoId = (o.alumno ?? (await alumno(db, { unit: u.code, estatus: 'BAJA' }))).id;
  await db.alumno.update({ where: { id: alumnoId }, data: { estatus: 'BAJA' } });
  const row = await db.baja.create({
    data: {
      alumnoId,
      unitId: u.id,
      fecha: new Date(Date.now() - 86_400_000),
      motivo: `Motivo ${uniq()}`,
      solicitudTutor: false,
      estado,
      version: o.version ?? 0,
      atencion: estado === 'ATENDIDA' ? 'Atención de Psicopedagogía' : null,
    },
    select: { id: true },
  });
  if (o.history ?? true) await writeHistory(db, wf, { recordId: row.id, unitPath: u.path }, pathTo(wf, estado));
  return { ...gid('Baja', row.id), estado, alumnoId };
}

// ---- SISEAC subjects -------------------------------------------------------------

/** A periodo "YYYY-S" with a year in 1000-1999: never one a test gives the API (e.g. "2025-1"). */
const periodo = () => `${1000 + Math.floor(Math.random() * 1000)}-${1 + Math.floor(Math.random() * 2)}`;

export async function docente(db: Db, o: { unit?: string } = {}) {
  const u = await unit(db, o.unit ?? 'MEX-P001');
  const row = await db.docente.create({ data: { unitId: u.id, nombre: `Docente ${uniq()}` }, select: { id: true } });
  return gid('Docente', row.id);
}

export async function modulo(db: Db) {
  const clave = `M-${uniq()}`;
  const row = await db.modulo.create({ data: { clave, nombre: `Módulo ${clave}` }, select: { id: true } });
  return { ...gid('Modulo', row.id), clave };
}

export async function grupo(db: Db, o: { unit?: string; periodo?: string; semestre?: number } = {}) {
  const u = await unit(db, o.unit ?? 'MEX-P001');
  const row = await retryUnique(() =>
    db.grupo.create({
      data: { unitId: u.id, clave: uniq().slice(-8), periodo: o.periodo ?? periodo(), semestre: o.semestre ?? 6 },
      select: { id: true, periodo: true },
    }),
  );
  return { ...gid('Grupo', row.id), periodo: row.periodo };
}

/** The three cortes of a fresh periodo at a state office (default CE-MEX), as publishCorteCalendario writes them. */
export async function corteCalendario(db: Db, o: { unit?: string; periodo?: string; history?: boolean } = {}) {
  const u = await unit(db, o.unit ?? 'CE-MEX');
  const made = await retryUnique(
    async () => {
      const p = o.periodo ?? periodo();
      const year = Number(p.slice(0, 4));
      const cortes = await db.$transaction(
        [1, 2, 3].map((corte) =>
          db.corteCalendario.create({
            data: {
              unitId: u.id,
              periodo: p,
              corte,
              inicio: new Date(Date.UTC(year, corte * 2 - 1, 1)),
              fin: new Date(Date.UTC(year, corte * 2, 1)),
            },
            select: { id: true },
          }),
        ),
      );
      return { ...gid('CorteCalendario', cortes[0].id), periodo: p, cortes: cortes.map((c) => c.id) };
    },
    o.periodo ? 1 : 25,
  );
  // The audit entry of a publication is kept on corte 1.
  if (o.history ?? true)
    await writeHistory(db, corteCalendarioWorkflow, { recordId: made.id, unitPath: u.path }, pathTo(corteCalendarioWorkflow, 'PUBLICADO'));
  return made;
}

export async function reunionRiesgo(db: Db, o: { unit?: string; periodo?: string; numero?: number; history?: boolean } = {}) {
  const u = await unit(db, o.unit ?? 'CE-MEX');
  const creator = await actor(db, 'JEFE_SERVICIOS_ESCOLARES_ESTATAL', u.path);
  const row = await retryUnique(() =>
    db.reunionRiesgo.create({
      data: {
        unitId: u.id,
        periodo: o.periodo ?? periodo(),
        numero: o.numero ?? 1,
        fecha: new Date(),
        acuerdos: ['Acuerdo'],
        createdById: creator.id,
      },
      select: { id: true },
    }),
  );
  if (o.history ?? true)
    await writeHistory(db, reunionRiesgoWorkflow, { recordId: row.id, unitPath: u.path }, pathTo(reunionRiesgoWorkflow, 'REGISTRADO'));
  return gid('ReunionRiesgo', row.id);
}

export async function asesoriaComplementaria(
  db: Db,
  o: { unit?: string; alumno?: { id: string }; modulo?: { id: string }; history?: boolean } = {},
) {
  const u = await unit(db, o.unit ?? 'MEX-P001');
  const alumnoId = (o.alumno ?? (await alumno(db, { unit: u.code }))).id;
  const moduloId = (o.modulo ?? (await modulo(db))).id;
  const creator = await actor(db, 'SERVICIOS_ESCOLARES_PLANTEL', u.path);
  const row = await retryUnique(() =>
    db.asesoriaComplementaria.create({
      data: { alumnoId, unitId: u.id, moduloId, periodo: periodo(), motivo: 'Reprobó el corte', createdById: creator.id },
      select: { id: true },
    }),
  );
  if (o.history ?? true)
    await writeHistory(
      db,
      asesoriaComplementariaWorkflow,
      { recordId: row.id, unitPath: u.path },
      pathTo(asesoriaComplementariaWorkflow, 'REGISTRADO'),
    );
  return gid('AsesoriaComplementaria', row.id);
}

// ---- 15-528-PO-26 §13: record control -------------------------------------------------

export type EstadoRegistro = (typeof retencionWorkflow.states)[number];

export interface RegistroPromocionOptions extends Common<EstadoRegistro> {
  /** Which format (default F05): F01 a ConcentradoEstatal, F02 a PlanAnualCentro, F03/F04 an ActividadRealizada (a visit / a parents' meeting), F05 a ReporteTrimestral. */
  formato?: Formato;
}

const REGISTRO_MODELS: Record<
  Formato,
  { typename: string; model: 'concentradoEstatal' | 'planAnualCentro' | 'actividadRealizada' | 'reporteTrimestral' }
> = {
  F01: { typename: 'ConcentradoEstatal', model: 'concentradoEstatal' },
  F02: { typename: 'PlanAnualCentro', model: 'planAnualCentro' },
  F03: { typename: 'ActividadRealizada', model: 'actividadRealizada' },
  F04: { typename: 'ActividadRealizada', model: 'actividadRealizada' },
  F05: { typename: 'ReporteTrimestral', model: 'reporteTrimestral' },
};

/**
 * A F01-F05 record (RegistroPromocion) created four years ago, so its 3-year
 * retention has ended; DESTRUIDO marks it destroyed. `unit` is the plantel
 * (F02-F05, default MEX-P001) or the state office (F01, default CE-MEX).
 */
export async function registroPromocion(db: Db, o: RegistroPromocionOptions = {}) {
  const wf = retencionWorkflow;
  const estado = o.estado ?? wf.initial;
  const formato = o.formato ?? 'F05';
  const { typename, model } = REGISTRO_MODELS[formato];
  let id: string;
  if (formato === 'F01') id = (await concentradoEstatal(db, { unit: o.unit })).id;
  else if (formato === 'F02') id = (await planAnualCentro(db, { estado: 'VALIDADO', unit: o.unit })).id;
  else if (formato === 'F05') id = (await reporteTrimestral(db, { estado: 'RECIBIDO', unit: o.unit })).id;
  else {
    const plan = await planAnualCentro(db, { estado: 'VALIDADO', unit: o.unit, actividades: 0 });
    const programada = await insertActividadProgramada(db, plan.id, { tipo: formato === 'F03' ? 'VISITA_EMPRESA' : 'REUNION_PADRES' });
    id = (await actividadRealizada(db, { plan, programada })).id;
  }
  const createdAt = new Date(Date.now() - 4 * 366 * 86_400_000);
  const data = { createdAt, destruidoAt: estado === 'DESTRUIDO' ? new Date() : null };
  const delegate = db[model] as unknown as {
    update(args: { where: { id: string }; data: typeof data; select: { id: true } }): Promise<unknown>;
  };
  await delegate.update({ where: { id }, data, select: { id: true } });
  const owner = await findUnitOf(db, model, id);
  if (o.history ?? true) await writeHistory(db, wf, { recordId: id, unitPath: owner.path }, pathTo(wf, estado));
  return { ...gid(typename, id), estado, formato, model, unitId: owner.id };
}

async function findUnitOf(db: Db, model: (typeof REGISTRO_MODELS)[Formato]['model'], id: string): Promise<{ id: string; path: string }> {
  const unitSel = { select: { id: true, path: true } } as const;
  if (model === 'actividadRealizada')
    return (await db.actividadRealizada.findUniqueOrThrow({ where: { id }, select: { plan: { select: { unit: unitSel } } } })).plan!.unit;
  if (model === 'concentradoEstatal')
    return (await db.concentradoEstatal.findUniqueOrThrow({ where: { id }, select: { unit: unitSel } })).unit;
  if (model === 'planAnualCentro') return (await db.planAnualCentro.findUniqueOrThrow({ where: { id }, select: { unit: unitSel } })).unit;
  return (await db.reporteTrimestral.findUniqueOrThrow({ where: { id }, select: { unit: unitSel } })).unit;
}

/**
 * Where factories put the bytes of the documents they make (the test server's store: set by the tests that
 * take steps reading them, e.g. test/matrix.test.ts); without one the rows are made and the bytes are not.
 */
let documentStore: DocumentStore | null = null;
export const useDocumentStore = (store: DocumentStore) => void (documentStore = store);

/** An uploaded CSV document of `createdById`, not attached (the bytes in the store set by `useDocumentStore`). */
export async function documentoCsv(db: Db, createdById: string, contenido = 'plantel,clave,nombre\n', nombre = `sae-${uniq()}.csv`) {
  const id = randomUUID();
  if (documentStore) await documentStore.put(id, Readable.from([Buffer.from(contenido)]));
  await db.documento.create({
    data: {
      id,
      nombre,
      tipoContenido: 'text/csv',
      tamano: Buffer.byteLength(contenido),
      sha256: createHash('sha256').update(contenido).digest('hex'),
      claveAlmacen: id,
      createdById,
    },
  });
  return { ...gid('Documento', id), nombre };
}

/**
 * An import of an SAE file (R 9-10) at a plantel (default MEX-P001) in `estado` (default IMPORTADA, nothing
 * imported by it); EN_COLA and EN_PROCESO ones have an uploaded DOCENTES file with its header only, attached.
 */
export async function importacionSae(db: Db, o: { unit?: string; estado?: EstadoImportacionSae } = {}) {
  const u = await unit(db, o.unit ?? 'MEX-P001');
  const estado = o.estado ?? 'IMPORTADA';
  const creator = await actor(db, 'SERVICIOS_ESCOLARES_PLANTEL', u.path);
  const queued = estado === 'EN_COLA' || estado === 'EN_PROCESO';
  const doc = queued ? await documentoCsv(db, creator.id) : null;
  const row = await db.importacionSae.create({
    data: {
      unitId: u.id,
      tipo: 'DOCENTES',
      estado,
      nombreArchivo: doc?.nombre ?? `docentes-${uniq()}.csv`,
      sha256: uniq(),
      documentoId: doc?.id ?? null,
      filas: 0,
      creadas: 0,
      actualizadas: 0,
      sinCambios: 0,
      createdById: creator.id,
    },
    select: { id: true },
  });
  if (doc)
    await db.documento.update({ where: { id: doc.id }, data: { entidad: 'ImportacionSae', registroId: row.id, tipo: 'ARCHIVO_SAE' } });
  await writeHistory(db, importacionSaeWorkflow, { recordId: row.id, unitPath: u.path }, pathTo(importacionSaeWorkflow, estado));
  return { ...gid('ImportacionSae', row.id), unitId: u.id };
}

// ---- administration ------------------------------------------------------------------

/**
 * A unit as the record of the `unidad` workflow: a fresh outside company
 * (EMPRESA, visible only to whoever reaches it) under a demo unit (default
 * MEX-P003), so steps on it never touch the demo tree; its one state is ACTIVA.
 */
export async function orgUnit(db: Db, o: { unit?: string; history?: boolean } = {}) {
  const parent = await unit(db, o.unit ?? 'MEX-P003');
  const id = randomUUID();
  const code = `EMP-F${randomBytes(6).toString('hex').toUpperCase()}`;
  await db.orgUnit.create({
    data: { id, code, name: `Empresa ${code}`, kind: 'EMPRESA', parentId: parent.id, path: `${parent.path}${id}/` },
  });
  if (o.history ?? true)
    await writeHistory(db, orgUnitWorkflow, { recordId: id, unitPath: `${parent.path}${id}/` }, pathTo(orgUnitWorkflow, 'ACTIVA'));
  return { id, globalId: encodeGlobalID('OrgUnit', id), code };
}

export interface PersonOptions {
  /** The person's organisation (default CE-MEX). */
  unit?: string;
  /** Roles to hold, as [role, unit code]. */
  roles?: [Role, string][];
  active?: boolean;
  /** Write the audit trail (default true). */
  history?: boolean;
}

/** A person registered by an administrator (invitation pending: no password), with fresh e-mail. */
export async function person(db: Db, o: PersonOptions = {}) {
  const org = await unit(db, o.unit ?? 'CE-MEX');
  const roles = await Promise.all((o.roles ?? []).map(async ([role, code]) => ({ role, unitId: (await unit(db, code)).id })));
  const row = await db.person.create({
    data: {
      email: `persona.${uniq()}@factory.test`.toLowerCase(),
      fullName: `Persona ${uniq()}`,
      unitId: org.id,
      active: o.active ?? true,
      roles: { create: roles },
    },
    select: { id: true, email: true },
  });
  if (o.history ?? true)
    await writeHistory(db, personWorkflow, { recordId: row.id, unitPath: org.path }, pathTo(personWorkflow, 'REGISTRADA'));
  return { id: row.id, globalId: encodeGlobalID('Person', row.id), email: row.email };
}

export interface ApiKeyOptions extends Common<EstadoApiKey> {
  role?: Role;
}

/** An API key with its service-account holder; returns the key text too (usable as a bearer token while ACTIVA). */
export async function apiKey(db: Db, o: ApiKeyOptions = {}) {
  const wf = apiKeyWorkflow;
  const estado = o.estado ?? wf.initial;
  const org = await unit(db, o.unit ?? 'CE-MEX');
  const role = o.role ?? 'LECTOR';
  const id = randomUUID();
  const { key, secretHash } = newApiKey(id);
  const admin = await actor(db, 'ADMINISTRADOR_PLATAFORMA', org.path);
  const holder = await db.person.create({
    data: {
      email: `clave.${id}@claves.invalid`,
      fullName: `Clave de API ${uniq()}`,
      unitId: org.id,
      cuentaServicio: true,
      active: estado === 'ACTIVA',
      roles: { create: { role, unitId: org.id } },
    },
    select: { id: true },
  });
  await db.apiKey.create({
    data: {
      id,
      unitId: org.id,
      personId: holder.id,
      nombre: `Clave ${uniq()}`,
      role,
      secretHash,
      estado,
      version: o.version ?? 0,
      createdById: admin.id,
    },
  });
  if (o.history ?? true) await writeHistory(db, wf, { recordId: id, unitPath: org.path }, pathTo(wf, estado));
  return { id, globalId: encodeGlobalID('ApiKey', id), key };
}

// ---- 30-524-PO-04 operating rules R 6, 7, 22-23, 27, 30, 32 ---------------------------

/** A student of `unit` with a grade of a fresh module in corte 1 of a fresh period (what R 6 and R 12c work on). */
export async function evaluacion(db: Db, o: { unit?: string; alumno?: { id: string }; corte?: number; calificacion?: number } = {}) {
  const u = await unit(db, o.unit ?? 'MEX-P001');
  const alumnoId = (o.alumno ?? (await alumno(db, { unit: u.code }))).id;
  const m = await modulo(db);
  const d = await docente(db, { unit: u.code });
  const p = periodo();
  await db.evaluacion.create({
    data: { alumnoId, moduloId: m.id, docenteId: d.id, periodo: p, corte: o.corte ?? 1, calificacion: o.calificacion ?? 7 },
  });
  return { alumnoId, modulo: m, docenteId: d.id, periodo: p };
}

export async function rectificacionEvaluacion(db: Db, o: Common<EstadoRectificacionEvaluacion> = {}) {
  const wf = rectificacionEvaluacionWorkflow;
  const estado = o.estado ?? wf.initial;
  const u = await unit(db, o.unit ?? 'MEX-P001');
  const e = await evaluacion(db, { unit: u.code });
  const creator = await actor(db, 'SERVICIOS_ESCOLARES_PLANTEL', u.path);
  const row = await db.rectificacionEvaluacion.create({
    data: {
      unitId: u.id,
      alumnoId: e.alumnoId,
      moduloId: e.modulo.id,
      periodo: e.periodo,
      corte: 2,
      calificacion: 8,
      motivo: 'Registro extemporáneo',
      ticketMesaServicio: estado === 'APLICADA' ? `MS-${uniq()}` : null,
      estado,
      version: o.version ?? 0,
      createdById: creator.id,
    },
    select: { id: true },
  });
  if (estado === 'APLICADA')
    await db.evaluacion.create({
      data: { alumnoId: e.alumnoId, moduloId: e.modulo.id, docenteId: e.docenteId, periodo: e.periodo, corte: 2, calificacion: 8 },
    });
  if (o.history ?? true) await writeHistory(db, wf, { recordId: row.id, unitPath: u.path }, pathTo(wf, estado));
  return { ...gid('RectificacionEvaluacion', row.id), estado, alumnoId: e.alumnoId };
}

export async function supervisionCaptura(db: Db, o: Common<EstadoSupervisionCaptura> = {}) {
  const wf = supervisionCapturaWorkflow;
  const estado = o.estado ?? wf.initial;
  const u = await unit(db, o.unit ?? 'CE-MEX');
  const creator = await actor(db, 'JEFE_SERVICIOS_ESCOLARES_ESTATAL', u.path);
  const row = await retryUnique(() =>
    db.supervisionCaptura.create({
      data: {
        unitId: u.id,
        periodo: periodo(),
        corte: 1 + Math.floor(Math.random() * 3),
        faltantes: 0,
        observaciones: 'Captura completa',
        estado,
        version: o.version ?? 0,
        createdById: creator.id,
      },
      select: { id: true },
    }),
  );
  if (o.history ?? true) await writeHistory(db, wf, { recordId: row.id, unitPath: u.path }, pathTo(wf, estado));
  return { ...gid('SupervisionCaptura', row.id), estado };
}

export async function entregaCertificadosFisicos(db: Db, o: Common<EstadoEntregaCertificadosFisicos> & { certificados?: number } = {}) {
  const wf = entregaCertificadosFisicosWorkflow;
  const estado = o.estado ?? wf.initial;
  const u = await unit(db, o.unit ?? 'MEX-P001');
  const creator = await actor(db, 'SERVICIOS_ESCOLARES_PLANTEL', u.path);
  // Checked: every check holds once validated; the first fails on a returned delivery.
  const checked = estado === 'VALIDADA' || estado === 'ENVIADA_A_FIRMA' || estado === 'DEVUELTA';
  const lines = [];
  for (let i = 0; i < (o.certificados ?? 2); i++) {
    const a = await alumno(db, { unit: u.code, planConcluido: true });
    const ok = checked ? !(estado === 'DEVUELTA' && i === 0) : null;
    lines.push({
      consecutivo: i + 1,
      folio: `CF-${uniq()}`,
      alumnoId: a.id,
      nombreCompleto: ok,
      fotoAdherida: checked ? true : null,
      firmaDirector: checked ? true : null,
      selloFoto: checked ? true : null,
      folioDocumento: checked ? true : null,
      fechaImpresion: checked ? true : null,
    });
  }
  const row = await db.entregaCertificadosFisicos.create({
    data: {
      unitId: u.id,
      oficio: `OF-${uniq()}`,
      estado,
      version: o.version ?? 0,
      createdById: creator.id,
      certificados: { create: lines },
    },
    select: { id: true },
  });
  if (o.history ?? true) await writeHistory(db, wf, { recordId: row.id, unitPath: u.path }, pathTo(wf, estado));
  return { ...gid('EntregaCertificadosFisicos', row.id), estado, certificados: lines.length };
}

export async function solicitudFolios(db: Db, o: { unit?: string; history?: boolean } = {}) {
  const u = await unit(db, o.unit ?? 'CE-MEX');
  const creator = await actor(db, 'JEFE_SERVICIOS_ESCOLARES_ESTATAL', u.path);
  const row = await db.solicitudFolios.create({
    data: {
      unitId: u.id,
      folios: 100,
      formatosCertificado: 0,
      formatosTitulo: 10,
      medio: `Correo ${uniq()}`,
      justificacion: 'Egreso del semestre',
      createdById: creator.id,
    },
    select: { id: true },
  });
  if (o.history ?? true)
    await writeHistory(db, solicitudFoliosWorkflow, { recordId: row.id, unitPath: u.path }, pathTo(solicitudFoliosWorkflow, 'ENVIADA'));
  return gid('SolicitudFolios', row.id);
}

export async function informeJuntaDirectiva(db: Db, o: { unit?: string; history?: boolean } = {}) {
  const u = await unit(db, o.unit ?? 'CE-MEX');
  const creator = await actor(db, 'JEFE_SERVICIOS_ESCOLARES_ESTATAL', u.path);
  const row = await retryUnique(async () => {
    const used = await db.informeJuntaDirectiva.findMany({ where: { unitId: u.id }, select: { anio: true } });
    return db.informeJuntaDirectiva.create({
      data: {
        unitId: u.id,
        anio: freeYear(used.map((r) => r.anio)),
        trimestre: 1 + Math.floor(Math.random() * 4),
        actividades: 'Actividades del trimestre',
        avance: 'Avance conforme al programa',
        urlCarpeta: 'https://intranet.conalep.edu.mx/junta/carpeta.pdf',
        createdById: creator.id,
      },
      select: { id: true },
    });
  });
  if (o.history ?? true)
    await writeHistory(
      db,
      informeJuntaDirectivaWorkflow,
      { recordId: row.id, unitPath: u.path },
      pathTo(informeJuntaDirectivaWorkflow, 'ENTREGADO'),
    );
  return gid('InformeJuntaDirectiva', row.id);
}

export async function solicitudEgresado(db: Db, o: Common<EstadoSolicitudEgresado> & { alumno?: { id: string } } = {}) {
  const wf = solicitudEgresadoWorkflow;
  const estado = o.estado ?? wf.initial;
  const u = await unit(db, o.unit ?? 'MEX-P001');
  const alumnoId = (o.alumno ?? (await alumno(db, { unit: u.code, planConcluido: true }))).id;
  const creator = await actor(db, 'SERVICIOS_ESCOLARES_PLANTEL', u.path);
  const row = await db.solicitudEgresado.create({
    data: {
      unitId: u.id,
      alumnoId,
      folioSiateg: `SIATEG-${uniq()}`,
      tramite: 'Duplicado de certificado',
      respuesta: estado === 'ATENDIDA' ? 'Atendida' : null,
      estado,
      version: o.version ?? 0,
      createdById: creator.id,
    },
    select: { id: true },
  });
  if (o.history ?? true) await writeHistory(db, wf, { recordId: row.id, unitPath: u.path }, pathTo(wf, estado));
  return { ...gid('SolicitudEgresado', row.id), estado, alumnoId };
}

// ---- the registry ------------------------------------------------------------------

// ---- 7081-MP-SI Pd-02-It-01: normativa de capacitación ---------------------------

export interface ProyectoCapacitacionOptions extends Common<EstadoNormativo> {
  /** Addressees; default: CE-MEX for APORTACIONES from EN_CONSENSO on, and for APLICACION once DIFUNDIDO. */
  destinatarios?: { unit: string; fin: FinDestinatario }[];
}

/**
 * A training normativa (`tipo: CAPACITACION`) owned by the CSC (default).
 * `ready` in EN_CONSENSO means CE-MEX has contributed (the guard of step 5);
 * later states always carry that contribution.
 */
export async function proyectoNormativoCapacitacion(db: Db, o: ProyectoCapacitacionOptions = {}) {
  const wf = normativaCapacitacionWorkflow;
  const estado = (o.estado ?? wf.initial) as (typeof wf.states)[number];
  const owner = await unit(db, o.unit ?? 'CSC');
  const creator = await actor(db, 'CSC', owner.path);
  const after = (s: (typeof wf.states)[number]) => reached(wf, estado, s);
  const token = uniq();
  const consulted = after('EN_CONSENSO');
  const contributed = after('EN_REVISION_COMERI') || (estado === 'EN_CONSENSO' && (o.ready ?? true));
  const destinatarios = o.destinatarios ?? [
    ...(consulted ? [{ unit: 'CE-MEX', fin: 'APORTACIONES' as const }] : []),
    ...(after('DIFUNDIDO') ? [{ unit: 'CE-MEX', fin: 'APLICACION' as const }] : []),
  ];
  const dest = await Promise.all(destinatarios.map(async (d) => ({ unit: await unit(db, d.unit), fin: d.fin })));
  const enlace = await unit(db, 'CE-MEX');
  const enlacePerson = await actor(db, 'ENLACE_CAPACITACION', enlace.path);
  const closed = estado === 'CERRADO';
  const row = await db.proyectoNormativo.create({
    data: {
      unitId: owner.id,
      tipo: 'CAPACITACION',
      titulo: `Normativa de capacitación ${token}`,
      necesidad: `Necesidad ${token}`,
      estado,
      version: o.version ?? 0,
      createdById: creator.id,
      documentoUrl: after('EN_REVISION_GT_COMERI') ? `https://docs.example.org/capacitacion/${token}.pdf` : null,
      numeroRegistro: after('APROBADO_COMERI') ? `COMERI-${token}` : null,
      fechaReunion: closed ? new Date() : null,
      modalidadReunion: closed ? 'PRESENCIAL' : null,
      seguimiento: closed ? `Seguimiento ${token}` : null,
      destinatarios: { create: dest.map((d) => ({ unitId: d.unit.id, fin: d.fin })) },
      aportaciones: contributed
        ? { create: [{ unitId: enlace.id, texto: `Aportación ${token}`, createdById: enlacePerson.id }] }
        : undefined,
      evidencias: closed ? { create: [{ tipo: 'LISTA_ASISTENCIA', descripcion: `Lista ${token}` }] } : undefined,
    },
    select: { id: true },
  });
  if (o.history ?? true) {
    let path = pathTo(wf, estado);
    const consensus = path.findIndex(([name]) => name === 'approveProyectoNormativoCapacitacionAsGtComeri');
    if (consensus >= 0) {
      const extra = contributed ? ['sendProyectoNormativoCapacitacion', 'addAportacionNormativa'] : ['sendProyectoNormativoCapacitacion'];
      extra.forEach((name, i) => (path = withStep(wf, path, name, consensus + 1 + i)));
    }
    await writeHistory(
      db,
      wf,
      { recordId: row.id, unitPath: owner.path, addressees: dest.map((d) => ({ purpose: d.fin, unitPath: d.unit.path })) },
      path,
    );
  }
  return { ...gid('ProyectoNormativo', row.id), estado };
}

// ---- 7081-MP-SI Pd-01-It-01 step 8: agreements -----------------------------------

export interface AcuerdoReunionOptions extends Common<EstadoAcuerdoReunion> {
  /** The responsible unit (default MEX-CAST01). */
  responsable?: string;
  /** Due date (default: in 30 days). */
  fechaCompromiso?: Date;
}

/** An agreement of a CONVOCADA working meeting of the CST (made here). */
export async function acuerdoReunion(db: Db, o: AcuerdoReunionOptions = {}) {
  const wf = acuerdoReunionWorkflow;
  const estado = o.estado ?? wf.initial;
  const reunion = await reunionTrabajoCast(db, { estado: 'CONVOCADA', unit: o.unit, ready: false });
  const owner = await unit(db, o.unit ?? 'CST');
  const responsable = await unit(db, o.responsable ?? 'MEX-CAST01');
  const creator = await actor(db, 'CST', owner.path);
  const token = uniq();
  const row = await db.acuerdoReunion.create({
    data: {
      unitId: owner.id,
      reunionTrabajoCastId: reunion.id,
      descripcion: `Acuerdo ${token}`,
      fechaCompromiso: o.fechaCompromiso ?? new Date(Date.now() + 30 * 86_400_000),
      resultado: estado === 'CUMPLIDO' ? `Resultado ${token}` : null,
      cumplidoAt: estado === 'CUMPLIDO' ? new Date() : null,
      estado,
      version: o.version ?? 0,
      createdById: creator.id,
      destinatarios: { create: [{ unitId: responsable.id, fin: 'RESPONSABLE' }] },
    },
    select: { id: true },
  });
  if (o.history ?? true) await writeHistory(db, wf, { recordId: row.id, unitPath: owner.path }, pathTo(wf, estado));
  return { ...gid('AcuerdoReunion', row.id), estado, reunionTrabajoCastId: reunion.id };
}

// ---- 7081-MP-SI 8.1.5: promotion of the technological services -------------------

export interface PromocionServiciosOptions extends Common<EstadoPromocionServiciosTecnologicos> {
  /** The CAST asked once EN_ACTUALIZACION (default MEX-CAST01, in every state when given). */
  cast?: string[];
}

/**
 * A promotion round owned by the DSTC (default), in a free year of 1000-1999.
 * `ready` in EN_ACTUALIZACION means the first CAST sent a catalogue edition
 * (step 4's guard); in EN_PROMOCION that both requests of step 6 are answered
 * (step 7's guard). Later states carry what earlier ones imply.
 */
export async function promocionServiciosTecnologicos(db: Db, o: PromocionServiciosOptions = {}) {
  const wf = promocionServiciosTecnologicosWorkflow;
  const estado = o.estado ?? wf.initial;
  const owner = await unit(db, o.unit ?? 'DSTC');
  const creator = await actor(db, 'DSTC', owner.path);
  const after = (s: EstadoPromocionServiciosTecnologicos) => reached(wf, estado, s);
  const ready = o.ready ?? true;
  const casts = await Promise.all((o.cast ?? (after('EN_ACTUALIZACION') ? ['MEX-CAST01'] : [])).map((c) => unit(db, c)));
  const token = uniq();
  const row = await retryUnique(async () => {
    const used = await db.promocionServiciosTecnologicos.findMany({ where: { unitId: owner.id }, select: { anio: true } });
    return db.promocionServiciosTecnologicos.create({
      data: {
        unitId: owner.id,
        anio: freeYear(used.map((r) => r.anio)),
        instruccion: `Instrucción ${token}`,
        compilacion: after('COMPILADA') ? `Compilación ${token}` : null,
        verificacion: estado === 'VERIFICADA' ? `Verificación ${token}` : null,
        estado,
        version: o.version ?? 0,
        createdById: creator.id,
        destinatarios: { create: casts.map((c) => ({ unitId: c.id, fin: 'INFORMACION' as const })) },
      },
      select: { id: true },
    });
  });
  if (casts.length && (after('COMPILADA') || (estado === 'EN_ACTUALIZACION' && ready))) {
    await catalogoServicios(db, { promocion: row.id, unit: casts[0].code, history: o.history });
  }
  if (estado === 'VERIFICADA' || (estado === 'EN_PROMOCION' && ready)) {
    for (const [tipo, to] of [
      ['MATERIAL_PROMOCIONAL', 'DVS'],
      ['PUBLICACION_PORTAL', 'DCTA'],
    ] as const) {
      await solicitudDirigida(db, { promocion: row.id, tipo, destinatario: to, estado: 'ATENDIDA', history: o.history });
    }
  }
  if (o.history ?? true) {
    await writeHistory(
      db,
      wf,
      { recordId: row.id, unitPath: owner.path, addressees: casts.map((c) => ({ purpose: 'INFORMACION', unitPath: c.path })) },
      pathTo(wf, estado),
    );
  }
  return { ...gid('PromocionServiciosTecnologicos', row.id), estado };
}

/** A catalogue edition of a CAST (default MEX-CAST01), sent for a round (made EN_ACTUALIZACION, asking that CAST, unless given). */
export async function catalogoServicios(db: Db, o: { unit?: string; promocion?: string; history?: boolean } = {}) {
  const cast = await unit(db, o.unit ?? 'MEX-CAST01');
  const promocionId =
    o.promocion ?? (await promocionServiciosTecnologicos(db, { estado: 'EN_ACTUALIZACION', ready: false, cast: [cast.code] })).id;
  const creator = await actor(db, 'CAST', cast.path, [cast.path]);
  const token = uniq();
  // Numbered as the API numbers editions: under the CAST's row lock, so a creation through the API running at the
  // same moment (the matrix, in another file) waits instead of colliding on the edition.
  const row = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "OrgUnit" WHERE id = ${cast.id}::uuid FOR NO KEY UPDATE`;
    const last = await tx.catalogoServicios.aggregate({ where: { unitId: cast.id }, _max: { edicion: true } });
    return tx.catalogoServicios.create({
      data: {
        unitId: cast.id,
        edicion: (last._max.edicion ?? 0) + 1,
        promocionServiciosTecnologicosId: promocionId,
        createdById: creator.id,
        servicios: { create: [{ orden: 0, nombre: `Servicio ${token}`, descripcion: 'Asistencia técnica' }] },
      },
      select: { id: true },
    });
  });
  if (o.history ?? true) {
    await writeHistory(
      db,
      catalogoServiciosWorkflow,
      { recordId: row.id, unitPath: cast.path, addressees: [{ purpose: 'INFORMACION', unitPath: cast.path }] },
      pathTo(catalogoServiciosWorkflow, 'REGISTRADO'),
    );
  }
  return { ...gid('CatalogoServicios', row.id), promocionId };
}

export interface SolicitudDirigidaOptions extends Common<EstadoSolicitudDirigida> {
  /** The round it serves (default: a round made EN_PROMOCION, not ready). */
  promocion?: string;
  tipo?: 'MATERIAL_PROMOCIONAL' | 'PUBLICACION_PORTAL';
  /** The addressee (default DVS for material, DCTA for the portal). */
  destinatario?: string;
}

/** A request of the DSTC addressed to the DVS or the DCTA. */
export async function solicitudDirigida(db: Db, o: SolicitudDirigidaOptions = {}) {
  const wf = solicitudDirigidaWorkflow;
  const estado = o.estado ?? wf.initial;
  const tipo = o.tipo ?? 'MATERIAL_PROMOCIONAL';
  const to = await unit(db, o.destinatario ?? (tipo === 'MATERIAL_PROMOCIONAL' ? 'DVS' : 'DCTA'));
  const promocionId = o.promocion ?? (await promocionServiciosTecnologicos(db, { estado: 'EN_PROMOCION', ready: false })).id;
  const owner = await unit(db, o.unit ?? 'DSTC');
  const creator = await actor(db, 'DSTC', owner.path);
  const token = uniq();
  const attended = estado === 'ATENDIDA';
  const row = await db.solicitudDirigida.create({
    data: {
      unitId: owner.id,
      tipo,
      asunto: `Asunto ${token}`,
      respuesta: attended ? `Respuesta ${token}` : null,
      urlRespuesta: attended ? `https://www.conalep.edu.mx/servicios/${token}` : null,
      atendidaAt: attended ? new Date() : null,
      promocionServiciosTecnologicosId: promocionId,
      estado,
      version: o.version ?? 0,
      createdById: creator.id,
      destinatarios: { create: [{ unitId: to.id, fin: 'ATENCION' }] },
    },
    select: { id: true },
  });
  if (o.history ?? true) {
    await writeHistory(
      db,
      wf,
      { recordId: row.id, unitPath: owner.path, addressees: [{ purpose: 'ATENCION', unitPath: to.path }] },
      pathTo(wf, estado),
    );
  }
  return { ...gid('SolicitudDirigida', row.id), estado };
}

// ---- 7081-MP-SI Pd-02-It-05: promotion of the training offer ---------------------

/**
 * A training offer owned by the CSC (default), in a free year of 1000-1999.
 * `ready` in EN_PREPARACION means the micrositio and one resource are recorded
 * (publishOfertaCapacitacion's guard); DIFUNDIDA is addressed to CE-MEX.
 */
export async function ofertaCapacitacion(db: Db, o: Common<EstadoOfertaCapacitacion> = {}) {
  const wf = ofertaCapacitacionWorkflow;
  const estado = o.estado ?? wf.initial;
  const owner = await unit(db, o.unit ?? 'CSC');
  const creator = await actor(db, 'CSC', owner.path);
  const prepared = estado !== 'EN_PREPARACION' || (o.ready ?? true);
  const ce = await unit(db, 'CE-MEX');
  const token = uniq();
  const row = await retryUnique(async () => {
    const used = await db.ofertaCapacitacion.findMany({ where: { unitId: owner.id }, select: { anio: true } });
    return db.ofertaCapacitacion.create({
      data: {
        unitId: owner.id,
        anio: freeYear(used.map((r) => r.anio)),
        descripcion: `Oferta ${token}`,
        micrositioUrl: prepared ? `https://www.conalep.edu.mx/capacitacion/${token}` : null,
        estado,
        version: o.version ?? 0,
        createdById: creator.id,
        recursos: prepared ? { create: [{ tipo: 'RECURSO', descripcion: `Recurso ${token}` }] } : undefined,
        destinatarios: estado === 'DIFUNDIDA' ? { create: [{ unitId: ce.id, fin: 'DIFUSION' }] } : undefined,
      },
      select: { id: true },
    });
  });
  if (o.history ?? true) {
    let path = pathTo(wf, estado);
    if (prepared) path = withStep(wf, withStep(wf, path, 'updateOfertaCapacitacion', 1), 'addRecursoPromocion', 2);
    await writeHistory(
      db,
      wf,
      { recordId: row.id, unitPath: owner.path, addressees: estado === 'DIFUNDIDA' ? [{ purpose: 'DIFUSION', unitPath: ce.path }] : [] },
      path,
    );
  }
  return { ...gid('OfertaCapacitacion', row.id), estado };
}

// ---- 7081-MP-SI 8.1.5: concertación of a technological service ---------------------

export interface ConcertacionServicioOptions extends Common<EstadoConcertacionServicio> {
  /** The cuota de recuperación once CONCERTADA (pesos as decimal text; default "12500.50"). */
  cuota?: string;
}

/**
 * A concertación asked by an outside organisation (default EMP-MEX01, under MEX-CAST01), with what each
 * state implies: the CAST's answer and quote from RESPONDIDA (also NO_PROCEDENTE), the commitments and the
 * cuota from CONCERTADA, the delivery, the verification and payment reference, and the payment when PAGADA.
 */
export async function concertacionServicio(db: Db, o: ConcertacionServicioOptions = {}) {
  const wf = concertacionServicioWorkflow;
  const estado = o.estado ?? wf.initial;
  const owner = await unit(db, o.unit ?? 'EMP-MEX01');
  const creator = await actor(db, 'USUARIO_EXTERNO', owner.path);
  const after = (s: EstadoConcertacionServicio) =>
    reached(wf, estado, s) && (estado !== 'NO_PROCEDENTE' || s === 'RESPONDIDA' || stateIndex(wf, s) < stateIndex(wf, 'RESPONDIDA'));
  const token = uniq();
  const cuota = o.cuota ?? '12500.50';
  const row = await db.concertacionServicio.create({
    data: {
      unitId: owner.id,
      servicio: `Servicio ${token}`,
      solicitud: `Solicitud ${token}`,
      respuestaCast: after('RESPONDIDA') ? `Respuesta ${token}` : null,
      cotizacion: after('RESPONDIDA') ? cuota : null,
      compromisos: after('CONCERTADA') ? `Compromisos ${token}` : null,
      cuotaRecuperacion: after('CONCERTADA') ? cuota : null,
      entrega: after('ENTREGADA') ? `Entrega ${token}` : null,
      verificacion: after('VERIFICADA') ? `Verificación ${token}` : null,
      pagoReferencia: after('VERIFICADA') ? `REF-${token}` : null,
      montoPagado: estado === 'PAGADA' ? cuota : null,
      pagadaAt: estado === 'PAGADA' ? new Date() : null,
      estado,
      version: o.version ?? 0,
      createdById: creator.id,
    },
    select: { id: true },
  });
  if (o.history ?? true) await writeHistory(db, wf, { recordId: row.id, unitPath: owner.path }, pathTo(wf, estado));
  return { ...gid('ConcertacionServicio', row.id), estado, unitId: owner.id };
}

// ---- 7081-MP-SI Pd-02-It-03: concertación de capacitación and instrumento jurídico ---------

export interface ConcertacionCapacitacionOptions extends Common<EstadoConcertacionCapacitacion> {
  /** The cuota de recuperación from PROPUESTA (pesos as decimal text; default "85000.00"). */
  cuota?: string;
}

/**
 * A concertación de capacitación of an outside organisation (default EMP-MEX01) with what each state implies:
 * the agenda from AGENDADA, the requirement and scope from EN_ANALISIS, the viability and two participating
 * units (CE-MEX, RCEO) from VIABLE, the proposal and cuota from PROPUESTA; when FORMALIZADA, or PROPUESTA
 * and `ready`, an instrumento jurídico of it already COMUNICADO.
 */
export async function concertacionCapacitacion(db: Db, o: ConcertacionCapacitacionOptions = {}) {
  const wf = concertacionCapacitacionWorkflow;
  const estado = o.estado ?? wf.initial;
  const owner = await unit(db, o.unit ?? 'EMP-MEX01');
  const creator = await actor(db, 'CSC', owner.path);
  const after = (s: EstadoConcertacionCapacitacion) => reached(wf, estado, s);
  const token = uniq();
  const row = await db.concertacionCapacitacion.create({
    data: {
      unitId: owner.id,
      prospecto: `Prospecto ${token}`,
      agenda: after('AGENDADA') ? `Agenda ${token}` : null,
      requerimiento: after('EN_ANALISIS') ? `Requerimiento ${token}` : null,
      ambito: after('EN_ANALISIS') ? `Ámbito ${token}` : null,
      viabilidad: after('VIABLE') ? `Viabilidad ${token}` : null,
      propuesta: after('PROPUESTA') ? `Propuesta ${token}` : null,
      cuotaRecuperacion: after('PROPUESTA') ? (o.cuota ?? '85000.00') : null,
      formalizadaAt: estado === 'FORMALIZADA' ? new Date() : null,
      estado,
      version: o.version ?? 0,
      createdById: creator.id,
    },
    select: { id: true },
  });
  if (after('VIABLE')) {
    const units = await Promise.all(['CE-MEX', 'RCEO'].map((c) => unit(db, c)));
    await db.concertacionCapacitacionParticipante.createMany({
      data: units.map((u, i) => ({ concertacionCapacitacionId: row.id, unitId: u.id, createdAt: new Date(Date.now() + i) })),
    });
  }
  if (estado === 'FORMALIZADA' || (estado === 'PROPUESTA' && (o.ready ?? true))) {
    await instrumentoJuridico(db, { estado: 'COMUNICADO', concertacionCapacitacionId: row.id, unit: owner.code });
  }
  if (o.history ?? true) await writeHistory(db, wf, { recordId: row.id, unitPath: owner.path }, pathTo(wf, estado));
  return { ...gid('ConcertacionCapacitacion', row.id), estado, unitId: owner.id };
}

/** An uploaded file as a factory writes it: no bytes in the store, attached to `record` with `tipo`. */
async function documentoRow(db: Db, createdById: string, record: { entity: string; id: string }, tipo: TipoDocumento) {
  const token = uniq();
  return db.documento.create({
    data: {
      nombre: `documento-${token}.pdf`,
      tipoContenido: 'application/pdf',
      tamano: 64,
      sha256: '0'.repeat(64),
      claveAlmacen: `factory/${token}`,
      tipo,
      entidad: record.entity,
      registroId: record.id,
      adjuntadoAt: new Date(),
      createdById,
    },
    select: { id: true },
  });
}

export interface InstrumentoJuridicoOptions extends Common<EstadoInstrumentoJuridico> {
  /** The signing parties in their order (default USUARIO_EXTERNO, then DSTC). */
  partes?: ParteInstrumentoJuridico[];
  /** How many of them (the first ones) have signed; default all once past EN_FIRMA, and in EN_FIRMA when `ready`. */
  firmados?: number;
  /** Formalise a concertación of a technological service (CONCERTADA) instead of one of training. */
  servicio?: boolean;
  /** The concertación de capacitación it formalises (default: a new one in PROPUESTA). */
  concertacionCapacitacionId?: string;
}

/**
 * An instrumento jurídico of an outside organisation (default EMP-MEX01), under a concertación de capacitación
 * in PROPUESTA (or, with `servicio`, a concertación of a service CONCERTADA), with version 1 of its text, its
 * parties in order, the dictamen from DICTAMINADO, the signatures (see `firmados`), the registry number from
 * REGISTRADO and the communication when COMUNICADO.
 */
export async function instrumentoJuridico(db: Db, o: InstrumentoJuridicoOptions = {}) {
  const wf = instrumentoJuridicoWorkflow;
  const estado = o.estado ?? wf.initial;
  const owner = await unit(db, o.unit ?? 'EMP-MEX01');
  const creator = await actor(db, o.servicio ? 'CST' : 'CSC', owner.path);
  const after = (s: EstadoInstrumentoJuridico) => reached(wf, estado, s);
  const parent = o.concertacionCapacitacionId
    ? { concertacionCapacitacionId: o.concertacionCapacitacionId }
    : o.servicio
      ? { concertacionServicioId: (await concertacionServicio(db, { estado: 'CONCERTADA', unit: owner.code })).id }
      : { concertacionCapacitacionId: (await concertacionCapacitacion(db, { estado: 'PROPUESTA', unit: owner.code, ready: false })).id };
  const token = uniq();
  const partes = o.partes ?? ['USUARIO_EXTERNO', 'DSTC'];
  const firmados = o.firmados ?? (after('EN_REGISTRO') || (estado === 'EN_FIRMA' && (o.ready ?? true)) ? partes.length : 0);
  const row = await db.instrumentoJuridico.create({
    data: {
      unitId: owner.id,
      ...parent,
      titulo: `Convenio ${token}`,
      objeto: `Objeto ${token}`,
      vigenciaDesde: new Date('2027-01-01'),
      vigenciaHasta: new Date('2027-12-31'),
      monto: '85000.00',
      dictamen: after('DICTAMINADO') ? `Dictamen ${token}` : null,
      numeroRegistro: after('REGISTRADO') ? `DCAJ-F-${token}` : null,
      registradoAt: after('REGISTRADO') ? new Date() : null,
      comunicadoAt: estado === 'COMUNICADO' ? new Date() : null,
      estado,
      version: o.version ?? 0,
      createdById: creator.id,
    },
    select: { id: true },
  });
  const doc = await documentoRow(db, creator.id, { entity: 'InstrumentoJuridico', id: row.id }, 'PROYECTO_INSTRUMENTO');
  await db.instrumentoJuridicoVersion.create({
    data: { instrumentoJuridicoId: row.id, numero: 1, documentoId: doc.id, createdById: creator.id },
  });
  const signer = async (parte: ParteInstrumentoJuridico) => (await actor(db, parte, owner.path)).id;
  for (const [i, parte] of partes.entries()) {
    const signed = i < firmados;
    await db.firmaInstrumentoJuridico.create({
      data: {
        instrumentoJuridicoId: row.id,
        orden: i + 1,
        parte,
        firmadoAt: signed ? new Date() : null,
        firmadoPorId: signed ? await signer(parte) : null,
      },
    });
  }
  if (o.history ?? true) await writeHistory(db, wf, { recordId: row.id, unitPath: owner.path }, pathTo(wf, estado));
  return { ...gid('InstrumentoJuridico', row.id), estado, unitId: owner.id };
}

// ---- 7081-MP-SI Pd-02-It-04: coordinación nacional de los servicios de capacitación ----------

export interface CoordinacionCapacitacionOptions extends Common<EstadoCoordinacionCapacitacion> {
  /** The cuota validated, invoiced and paid (pesos as decimal text; default "85000.00"). */
  cuota?: string;
  /** The derrama's parts for CE-MEX and RCEO, the concertación's participants (default "60000.00" and the rest). */
  derrama?: [string, string];
  /** When each dated step happened (default now). */
  at?: Date;
}

/**
 * The coordination of a concertación de capacitación FORMALIZADA (a new one, of EMP-MEX01 by default, with CE-MEX
 * and RCEO as participants) with what each state implies: the materials validated when `ready` or later, the
 * portafolio from PORTAFOLIO_INTEGRADO, the cuota from CFDI_SOLICITADO, the CFDI from FACTURADA, the payment from
 * PAGADA, the derrama (two parts with their CFDIs) from DERRAMA_SOLICITADA and its notice when DERRAMA_NOTIFICADA.
 */
export async function coordinacionCapacitacion(db: Db, o: CoordinacionCapacitacionOptions = {}) {
  const wf = coordinacionCapacitacionWorkflow;
  const estado = o.estado ?? wf.initial;
  const owner = await unit(db, o.unit ?? 'EMP-MEX01');
  const creator = await actor(db, 'CSC', owner.path);
  const after = (s: EstadoCoordinacionCapacitacion) => reached(wf, estado, s);
  const concertacion = await concertacionCapacitacion(db, { estado: 'FORMALIZADA', unit: owner.code, history: false });
  const token = uniq();
  const cuota = o.cuota ?? '85000.00';
  const at = o.at ?? new Date();
  const row = await db.coordinacionCapacitacion.create({
    data: {
      unitId: owner.id,
      concertacionCapacitacionId: concertacion.id,
      notificacion: `Notificación ${token}`,
      materiales: `Materiales ${token}`,
      validacionMateriales: after('PORTAFOLIO_INTEGRADO') || (o.ready ?? true) ? `Validación ${token}` : null,
      seguimiento: after('PORTAFOLIO_INTEGRADO') ? `Seguimiento ${token}` : null,
      portafolio: after('PORTAFOLIO_INTEGRADO') ? `Portafolio ${token}` : null,
      cuotaRecuperacion: after('CFDI_SOLICITADO') ? cuota : null,
      cuotaValidadaAt: after('CFDI_SOLICITADO') ? at : null,
      folioCfdi: after('FACTURADA') ? `CFDI-${token}` : null,
      facturadaAt: after('FACTURADA') ? at : null,
      montoPagado: after('PAGADA') ? cuota : null,
      referenciaPago: after('PAGADA') ? `REF-${token}` : null,
      pagadaAt: after('PAGADA') ? at : null,
      derramaSolicitadaAt: after('DERRAMA_SOLICITADA') ? at : null,
      notificacionDerrama: estado === 'DERRAMA_NOTIFICADA' ? `Derrama ${token}` : null,
      derramaNotificadaAt: estado === 'DERRAMA_NOTIFICADA' ? at : null,
      estado,
      version: o.version ?? 0,
      createdById: creator.id,
    },
    select: { id: true },
  });
  if (after('DERRAMA_SOLICITADA')) {
    const first = o.derrama?.[0] ?? '60000.00';
    const second = o.derrama?.[1] ?? new Prisma.Decimal(cuota).sub(first).toFixed(2);
    const record = { entity: 'CoordinacionCapacitacion', id: row.id };
    for (const [i, [code, monto]] of (
      [
        ['CE-MEX', first],
        ['RCEO', second],
      ] as const
    ).entries()) {
      const doc = await documentoRow(db, creator.id, record, 'CFDI');
      await db.lineaDerrama.create({
        data: { coordinacionCapacitacionId: row.id, unitId: (await unit(db, code)).id, monto, documentoId: doc.id, orden: i + 1 },
      });
    }
  }
  if (o.history ?? true) await writeHistory(db, wf, { recordId: row.id, unitPath: owner.path }, pathTo(wf, estado));
  return { ...gid('CoordinacionCapacitacion', row.id), estado, unitId: owner.id, concertacionCapacitacionId: concertacion.id };
}

// ---- #14 V-CANA-MP-02: CONOCER contact centre ----------------------------------

export interface TicketOptions extends Common<EstadoTicket> {
  canal?: CanalTicket;
  recibidoAt?: Date;
  /** Default: for an e-mail, 2 days after receipt. */
  venceAt?: Date | null;
  correo?: string;
  nombre?: string;
  /** Default: the demo operator. */
  operadorId?: string | null;
  tema?: TemaContacto;
  duracionSegundos?: number;
}

/** A ticket of the contact centre (default CONOCER-CC); `ready` classifies it (closeTicket's guard). */
export async function ticket(db: Db, o: TicketOptions = {}) {
  const wf = ticketWorkflow;
  const estado = o.estado ?? wf.initial;
  const owner = await unit(db, o.unit ?? 'CONOCER-CC');
  const operador = await actor(db, 'CONOCER_OPERADOR_CONTACTO', owner.path);
  const canal = o.canal ?? 'CORREO';
  const recibidoAt = o.recibidoAt ?? new Date(Date.now() - 3600_000);
  const ready = o.ready ?? true;
  const token = uniq();
  const answered = estado === 'ATENDIDO';
  const row = await db.ticket.create({
    data: {
      unitId: owner.id,
      canal,
      estado,
      version: o.version ?? 0,
      createdById: operador.id,
      operadorId: o.operadorId === undefined ? operador.id : o.operadorId,
      nombre: o.nombre ?? `Persona ${token}`,
      correo: o.correo ?? `persona.${token.toLowerCase()}@example.mx`,
      pregunta: `Pregunta ${token}`,
      tipoSolicitud: ready || answered ? 'INFORMACION' : null,
      tema: ready || answered ? (o.tema ?? 'PASOS_CERTIFICACION') : null,
      duracionSegundos: canal === 'TELEFONO' ? (o.duracionSegundos ?? 300) : null,
      recibidoAt,
      venceAt: o.venceAt !== undefined ? o.venceAt : canal === 'CORREO' ? new Date(recibidoAt.getTime() + 2 * 86_400_000) : null,
      especialistaContacto: estado === 'CANALIZADO' ? 'Especialista de certificación' : null,
      respuesta: answered ? 'Respuesta (factory)' : null,
      primeraRespuestaAt: answered ? new Date(recibidoAt.getTime() + 600_000) : null,
      atendidoAt: answered ? new Date(recibidoAt.getTime() + 600_000) : null,
    },
    select: { id: true, folio: true },
  });
  if (o.history ?? true) await writeHistory(db, wf, { recordId: row.id, unitPath: owner.path }, pathTo(wf, estado));
  return { ...gid('Ticket', row.id), estado, folio: row.folio };
}

/** A day CONOCER declared closed, in a free year 1000-1999 (no closure in it yet) unless `fecha` is given. */
export async function cierreConocer(db: Db, o: Common<'DECLARADO'> & { fecha?: string } = {}) {
  const wf = cierreConocerWorkflow;
  const owner = await unit(db, o.unit ?? 'CONOCER-DVD');
  const creator = await actor(db, 'CONOCER_DIRECCION_VINCULACION', owner.path);
  const row = await retryUnique(async () => {
    // `fecha` is unique across units: a year no closure uses yet (a parallel test's clash is retried).
    const used = o.fecha ? [] : await db.cierreConocer.findMany({ select: { fecha: true } });
    const day =
      o.fecha ??
      `${freeYear(used.map((c) => c.fecha.getUTCFullYear()))}-${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(Math.random() * 28)).padStart(2, '0')}`;
    return db.cierreConocer.create({
      data: { unitId: owner.id, fecha: new Date(`${day}T00:00:00Z`), motivo: `Cierre ${uniq()}`, createdById: creator.id },
      select: { id: true, fecha: true },
    });
  });
  if (o.history ?? true) await writeHistory(db, wf, { recordId: row.id, unitPath: owner.path }, pathTo(wf, 'DECLARADO'));
  return { ...gid('CierreConocer', row.id), estado: 'DECLARADO' as const, fecha: row.fecha.toISOString().slice(0, 10) };
}

/** A monthly analysis of the contact centre (default CONOCER-DVD) for a month of a free year 1000-1999 of its unit. */
export async function analisisContacto(db: Db, o: Common<EstadoAnalisisContacto> & { periodo?: string } = {}) {
  const wf = analisisContactoWorkflow;
  const estado = o.estado ?? wf.initial;
  const owner = await unit(db, o.unit ?? 'CONOCER-DVD');
  const creator = await actor(db, 'CONOCER_RESPONSABLE_CANALES', owner.path);
  const ready = o.ready ?? true;
  const row = await retryUnique(async () => {
    // A year none of the unit's monthly analyses uses yet (a parallel test's clash is retried).
    const used = o.periodo
      ? []
      : await db.analisisContacto.findMany({ where: { unitId: owner.id, tipo: 'MENSUAL' }, select: { periodo: true } });
    const periodo =
      o.periodo ??
      `${freeYear(used.map((a) => Number(a.periodo.slice(0, 4))))}-${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}`;
    const desde = new Date(`${periodo}-01T00:00:00Z`);
    const hasta = new Date(Date.UTC(desde.getUTCFullYear(), desde.getUTCMonth() + 1, 0));
    return db.analisisContacto.create({
      data: {
        unitId: owner.id,
        tipo: 'MENSUAL',
        periodo,
        desde,
        hasta,
        reporteRecibidoAt: new Date(),
        venceAt: new Date(Date.now() + 14 * 86_400_000),
        semillaSorteo: uniq(),
        comentarios: ready || estado !== 'EN_ELABORACION' ? 'Comentarios del análisis (factory)' : null,
        enviadoAt: estado !== 'EN_ELABORACION' ? new Date() : null,
        recibidoAt: estado === 'RECIBIDO' ? new Date() : null,
        estado,
        version: o.version ?? 0,
        createdById: creator.id,
      },
      select: { id: true, periodo: true },
    });
  });
  if (o.history ?? true) await writeHistory(db, wf, { recordId: row.id, unitPath: owner.path }, pathTo(wf, estado));
  return { ...gid('AnalisisContacto', row.id), estado, periodo: row.periodo };
}

/** The DVD's report of results on a RECIBIDO analysis (made for it). */
export async function informeResultadosContacto(db: Db, o: Common<EstadoInformeResultadosContacto> = {}) {
  const wf = informeResultadosContactoWorkflow;
  const estado = o.estado ?? wf.initial;
  const analisis = await analisisContacto(db, { estado: 'RECIBIDO', unit: o.unit });
  const owner = await unit(db, o.unit ?? 'CONOCER-DVD');
  const creator = await actor(db, 'CONOCER_DIRECCION_VINCULACION', owner.path);
  const row = await db.informeResultadosContacto.create({
    data: {
      unitId: owner.id,
      analisisContactoId: analisis.id,
      resultados: 'Resultados (factory)',
      brechas: 'Brechas (factory)',
      areasOportunidad: 'Áreas de oportunidad (factory)',
      instrucciones: estado !== 'ELABORADO' ? 'Instrucciones (factory)' : null,
      seguimiento: estado === 'CERRADO' ? 'Seguimiento (factory)' : null,
      venceAt: new Date(Date.now() + 7 * 86_400_000),
      presentadoAt: estado !== 'ELABORADO' ? new Date() : null,
      cerradoAt: estado === 'CERRADO' ? new Date() : null,
      estado,
      version: o.version ?? 0,
      createdById: creator.id,
    },
    select: { id: true },
  });
  if (o.history ?? true) await writeHistory(db, wf, { recordId: row.id, unitPath: owner.path }, pathTo(wf, estado));
  return { ...gid('InformeResultadosContacto', row.id), estado, analisisContactoId: analisis.id };
}

/** An e-mail the mailbox could not read, kept whole in quarantine at the contact centre (default CONOCER-CC). */
export async function correoCuarentena(db: Db, o: Common<'EN_CUARENTENA'> & { motivo?: string } = {}) {
  const wf = correoCuarentenaWorkflow;
  const owner = await unit(db, o.unit ?? 'CONOCER-CC');
  const token = uniq();
  const row = await db.correoCuarentena.create({
    data: {
      unitId: owner.id,
      remitente: `rebote.${token.toLowerCase()}@example.mx`,
      motivo: o.motivo ?? 'No sender address in From',
      crudo: new Uint8Array(Buffer.from(`Subject: ${token}\r\n\r\nSin remitente\r\n`)),
    },
    select: { id: true },
  });
  if (o.history ?? true) await writeHistory(db, wf, { recordId: row.id, unitPath: owner.path }, pathTo(wf, 'EN_CUARENTENA'));
  return { ...gid('CorreoCuarentena', row.id), estado: 'EN_CUARENTENA' as const };
}

// ---- #15 V-CANA-MP-02 C.4.4: Portal CONOCER ----------------------------------------

const PROVIDER_STATES: readonly EstadoSolicitudPortal[] = ['ENVIADA', 'EN_CONSTRUCCION', 'ENTREGADA', 'VALIDADA', 'EN_PRODUCCION'];

/**
 * A portal request at the DVD (default CONOCER-DVD) from the contact centre's area; from ENVIADA on it is
 * addressed to the demo provider (PROV-PORTAL; in every state when `proveedor` is given). `ready` in EN_DISENO: the whole design is recorded (2.5's guard).
 */
export async function solicitudPortal(db: Db, o: Common<EstadoSolicitudPortal> & { proveedor?: string } = {}) {
  const wf = solicitudPortalWorkflow;
  const estado = o.estado ?? wf.initial;
  const owner = await unit(db, o.unit ?? 'CONOCER-DVD');
  const area = await unit(db, 'CONOCER-CC');
  const creator = await actor(db, 'CONOCER_RESPONSABLE_CANALES', owner.path);
  const ready = o.ready ?? true;
  const designed = estado !== 'REGISTRADA' && estado !== 'NO_PROCEDENTE' && (ready || estado !== 'EN_DISENO');
  const built = reached(wf, estado, 'EN_CONSTRUCCION');
  const delivered = reached(wf, estado, 'ENTREGADA');
  const token = uniq();
  const row = await db.solicitudPortal.create({
    data: {
      unitId: owner.id,
      areaSolicitanteId: area.id,
      tipo: 'COMUNICADOS',
      titulo: `Solicitud ${token}`,
      descripcion: 'Publicar un comunicado (factory)',
      motivosNoProcedente: estado === 'NO_PROCEDENTE' ? 'Observaciones (factory)' : null,
      contenido: designed ? 'Contenido (factory)' : null,
      requerimientosFuncionales: designed ? 'Requerimientos (factory)' : null,
      solucion: designed ? 'Solución (factory)' : null,
      planTrabajo: built ? 'Plan de trabajo (factory)' : null,
      urlPrueba: delivered ? 'https://pruebas.example.mx/portal' : null,
      resultadoPruebas: delivered ? 'Pruebas (factory)' : null,
      urlProduccion: estado === 'EN_PRODUCCION' ? 'https://portal.example.mx/' : null,
      estado,
      version: o.version ?? 0,
      createdById: creator.id,
    },
    select: { id: true },
  });
  const addressees: { purpose: string; unitPath: string }[] = [];
  // `proveedor` given: addressed in every state (the matrix tries the provider's steps in the wrong ones too).
  if (PROVIDER_STATES.includes(estado) || o.proveedor) {
    const proveedor = await unit(db, o.proveedor ?? 'PROV-PORTAL');
    await db.solicitudPortalDestinatario.create({ data: { solicitudPortalId: row.id, unitId: proveedor.id, fin: 'PROVEEDOR_PORTAL' } });
    addressees.push({ purpose: 'PROVEEDOR_PORTAL', unitPath: proveedor.path });
  }
  if (o.history ?? true) await writeHistory(db, wf, { recordId: row.id, unitPath: owner.path, addressees }, pathTo(wf, estado));
  return { ...gid('SolicitudPortal', row.id), estado };
}

/** A random Monday of a year 1000-1999. */
function factoryMonday(): Date {
  const d = new Date(Date.UTC(1000 + Math.floor(Math.random() * 1000), Math.floor(Math.random() * 12), 1 + Math.floor(Math.random() * 28)));
  while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

/** A week of portal statistics (default CONOCER-DVD) in a year 1000-1999, with two pages. */
export async function estadisticaPortal(db: Db, o: Common<'IMPORTADA'> & { semana?: string } = {}) {
  const wf = estadisticaPortalWorkflow;
  const owner = await unit(db, o.unit ?? 'CONOCER-DVD');
  const creator = await actor(db, 'CONOCER_RESPONSABLE_CANALES', owner.path);
  const row = await retryUnique(() =>
    db.estadisticaPortal.create({
      data: {
        unitId: owner.id,
        semana: o.semana ? new Date(`${o.semana}T00:00:00Z`) : factoryMonday(),
        accesosTotales: 130,
        nombreArchivo: `semana-${uniq()}.csv`,
        sha256: createHash('sha256').update(uniq()).digest('hex'),
        createdById: creator.id,
        paginas: {
          createMany: {
            data: [
              { pagina: '/inicio', accesos: 100, segundosPromedio: 30 },
              { pagina: '/faq', accesos: 30, segundosPromedio: 12 },
            ],
          },
        },
      },
      select: { id: true, semana: true },
    }),
  );
  if (o.history ?? true) await writeHistory(db, wf, { recordId: row.id, unitPath: owner.path }, pathTo(wf, 'IMPORTADA'));
  return { ...gid('EstadisticaPortal', row.id), estado: 'IMPORTADA' as const, semana: row.semana.toISOString().slice(0, 10) };
}

/** The DVD's analysis of a free quarter of a year 1000-1999 (default CONOCER-DVD); `ready`: its texts are written. */
export async function analisisPortal(db: Db, o: Common<EstadoAnalisisPortal> = {}) {
  const wf = analisisPortalWorkflow;
  const estado = o.estado ?? wf.initial;
  const owner = await unit(db, o.unit ?? 'CONOCER-DVD');
  const creator = await actor(db, 'CONOCER_DIRECCION_VINCULACION', owner.path);
  const written = (o.ready ?? true) || estado !== 'EN_ELABORACION';
  const row = await retryUnique(() =>
    db.analisisPortal.create({
      data: {
        unitId: owner.id,
        anio: 1000 + Math.floor(Math.random() * 1000),
        trimestre: 1 + Math.floor(Math.random() * 4),
        analisis: written ? 'Análisis (factory)' : null,
        brechas: written ? 'Brechas (factory)' : null,
        areasOportunidad: written ? 'Áreas de oportunidad (factory)' : null,
        estado,
        version: o.version ?? 0,
        createdById: creator.id,
      },
      select: { id: true, anio: true, trimestre: true },
    }),
  );
  if (o.history ?? true) await writeHistory(db, wf, { recordId: row.id, unitPath: owner.path }, pathTo(wf, estado));
  return { ...gid('AnalisisPortal', row.id), estado, anio: row.anio, trimestre: row.trimestre };
}

/** The quarterly review of the portal's static content, for a free quarter of a year 1000-1999 (default CONOCER-DVD). */
export async function revisionContenidoPortal(db: Db, o: Common<'REGISTRADA'> = {}) {
  const wf = revisionContenidoPortalWorkflow;
  const owner = await unit(db, o.unit ?? 'CONOCER-DVD');
  const creator = await actor(db, 'CONOCER_RESPONSABLE_CANALES', owner.path);
  const row = await retryUnique(() =>
    db.revisionContenidoPortal.create({
      data: {
        unitId: owner.id,
        anio: 1000 + Math.floor(Math.random() * 1000),
        trimestre: 1 + Math.floor(Math.random() * 4),
        hallazgos: 'Hallazgos (factory)',
        requiereActualizacion: false,
        createdById: creator.id,
      },
      select: { id: true },
    }),
  );
  if (o.history ?? true) await writeHistory(db, wf, { recordId: row.id, unitPath: owner.path }, pathTo(wf, 'REGISTRADA'));
  return { ...gid('RevisionContenidoPortal', row.id), estado: 'REGISTRADA' as const };
}

// ---- #15 V-CANA-MP-02 C.4.2: campaigns -------------------------------------------------

export interface CampanaOptions extends Common<EstadoCampana> {
  tipo?: TipoCampana;
  /** People of the segment (default 3 from the design on). */
  destinatarios?: number;
  /** In APROBADA: the last test send awaits its verdict (approve/returnPruebaCampana) instead of being approved. */
  pruebaPendiente?: boolean;
}

const CAMPANA_ORDER: readonly EstadoCampana[] = campanaWorkflow.states;

/**
 * A campaign of the contact centre (default CONOCER-CC, e-mail). From EN_DISENO on it has its design and a
 * segment (ready); an e-mail campaign in APROBADA has an approved test send (ready); from EN_CURSO on its
 * e-mails are settled (ENVIADO), so no job sends them, and a call campaign's first call is recorded.
 */
export async function campana(db: Db, o: CampanaOptions = {}) {
  const wf = campanaWorkflow;
  const estado = o.estado ?? wf.initial;
  const owner = await unit(db, o.unit ?? 'CONOCER-CC');
  const dvd = await unit(db, 'CONOCER-DVD');
  const creator = await actor(db, 'CONOCER_RESPONSABLE_CANALES', owner.path);
  const ready = o.ready ?? true;
  const tipo = o.tipo ?? 'CORREO';
  const at = CAMPANA_ORDER.indexOf(estado);
  const past = (s: EstadoCampana) => at >= CAMPANA_ORDER.indexOf(s);
  const plan = ready || past('PLAN_PRESENTADO');
  const design = past('DISENO_PRESENTADO') || (estado === 'EN_DISENO' && ready);
  const token = uniq();
  const row = await db.campana.create({
    data: {
      unitId: owner.id,
      estado,
      version: o.version ?? 0,
      createdById: creator.id,
      areaSolicitanteId: dvd.id,
      tipo,
      nombre: `Campaña ${token}`,
      necesidad: `Necesidad ${token}`,
      objetivos: plan ? 'Objetivos' : null,
      estrategia: plan ? 'Estrategia' : null,
      planAccion: plan ? 'Plan de acción' : null,
      metaExitosos: plan ? 2 : null,
      auditorio: design ? 'Personas que escribieron' : null,
      asunto: design ? `Asunto ${token}` : null,
      mensaje: design ? 'Mensaje de la campaña' : null,
      script: design ? 'Script de llamada' : null,
      inicio: design ? new Date('1999-01-01T00:00:00Z') : null,
      fin: design ? new Date('1999-01-31T00:00:00Z') : null,
      lanzadaAt: past('EN_CURSO') ? new Date('1999-01-01T12:00:00Z') : null,
      terminadaAt: past('TERMINADA') ? new Date('1999-01-31T12:00:00Z') : null,
      reportadaAt: past('REPORTADA') ? new Date('1999-02-01T12:00:00Z') : null,
      analisis: past('CERRADA') ? 'Análisis' : null,
    },
    select: { id: true },
  });
  const n = o.destinatarios ?? (design || past('EN_DISENO') ? 3 : 0);
  const sent = past('EN_CURSO');
  if (n) {
    await db.destinatarioCampana.createMany({
      data: Array.from({ length: n }, (_x, i) => ({
        campanaId: row.id,
        orden: i + 1,
        nombre: `Persona ${token} ${i + 1}`,
        correo: `campana.${token.toLowerCase()}.${i + 1}@example.mx`,
        origen: 'TICKET_CORREO' as const,
        resultadoEnvio: sent && tipo === 'CORREO' ? ('ENVIADO' as const) : ('PENDIENTE' as const),
        enviadoAt: sent && tipo === 'CORREO' ? new Date('1999-01-02T12:00:00Z') : null,
        resultadoLlamada: sent && tipo !== 'CORREO' && i === 0 ? ('EXITOSA' as const) : null,
        createdAt: new Date(Date.now() + i),
      })),
    });
  }
  if (tipo === 'CORREO' && past('APROBADA') && (ready || past('EN_CURSO'))) {
    const pending = estado === 'APROBADA' && !!o.pruebaPendiente;
    await db.pruebaCampana.create({
      data: {
        campanaId: row.id,
        asunto: `[PRUEBA] Asunto ${token}`,
        mensaje: 'Mensaje de la campaña',
        para: [demoEmail('conocer.canales')],
        correcta: pending ? null : true,
        revisadaAt: pending ? null : new Date('1999-01-01T10:00:00Z'),
      },
    });
  }
  if (past('REPORTADA')) {
    const exitosos = tipo === 'CORREO' ? n : Math.min(n, 1);
    await db.campana.update({
      where: { id: row.id },
      data: { reporteTotal: tipo === 'CORREO' ? n : Math.min(n, 1), reporteExitosos: exitosos },
    });
  }
  if (o.history ?? true) await writeHistory(db, wf, { recordId: row.id, unitPath: owner.path }, pathTo(wf, estado));
  return { ...gid('Campana', row.id), estado, tipo };
}

// ---- #15 V-CANA-MP-02 C.4.3: surveys ---------------------------------------------------

export interface EncuestaOptions extends Common<EstadoEncuesta> {
  canal?: CanalEncuesta;
  tipo?: TipoEncuesta;
  /** People of the sample (default 3 from the design on). */
  muestra?: number;
}

const ENCUESTA_ORDER: readonly EstadoEncuesta[] = encuestaWorkflow.states;

/**
 * A survey of the contact centre (default CONOCER-CC, by telephone). From EN_DISENO on it has its design and a
 * sample (ready); from EN_CURSO on the first person of the sample answered.
 */
export async function encuesta(db: Db, o: EncuestaOptions = {}) {
  const wf = encuestaWorkflow;
  const estado = o.estado ?? wf.initial;
  const owner = await unit(db, o.unit ?? 'CONOCER-CC');
  const dvd = await unit(db, 'CONOCER-DVD');
  const creator = await actor(db, 'CONOCER_RESPONSABLE_CANALES', owner.path);
  const ready = o.ready ?? true;
  const at = ENCUESTA_ORDER.indexOf(estado);
  const past = (s: EstadoEncuesta) => at >= ENCUESTA_ORDER.indexOf(s);
  const plan = ready || past('PLAN_PRESENTADO');
  const design = past('DISENO_PRESENTADO') || (estado === 'EN_DISENO' && ready);
  const token = uniq();
  const n = o.muestra ?? (past('EN_DISENO') ? 3 : 0);
  const row = await db.encuesta.create({
    data: {
      unitId: owner.id,
      estado,
      version: o.version ?? 0,
      createdById: creator.id,
      areaSolicitanteId: dvd.id,
      tipo: o.tipo ?? 'SATISFACCION',
      canal: o.canal ?? 'TELEFONO',
      nombre: `Encuesta ${token}`,
      necesidad: `Necesidad ${token}`,
      objetivos: plan ? 'Objetivos' : null,
      estrategia: plan ? 'Estrategia' : null,
      planAccion: plan ? 'Plan de acción' : null,
      auditorio: design ? 'Quienes nos contactaron' : null,
      tamanoMuestra: design || past('EN_DISENO') ? Math.max(n, 1) : null,
      preguntas: design
        ? [
            { texto: '¿Qué tan satisfecho quedó?', tipo: 'ESCALA' },
            { texto: '¿Resolvimos su duda?', tipo: 'SI_NO' },
          ]
        : undefined,
      inicio: design ? new Date('1999-01-01T00:00:00Z') : null,
      semillaMuestra: n ? `semilla-${token}` : null,
      lanzadaAt: past('EN_CURSO') ? new Date('1999-01-02T00:00:00Z') : null,
      reportadaAt: past('REPORTADA') ? new Date('1999-02-01T00:00:00Z') : null,
      analisis: past('CERRADA') ? 'Análisis' : null,
    },
    select: { id: true },
  });
  for (let i = 0; i < n; i++) {
    const answered = past('EN_CURSO') && i === 0;
    const m = await db.muestraEncuesta.create({
      data: {
        encuestaId: row.id,
        orden: i + 1,
        nombre: `Persona ${token} ${i + 1}`,
        correo: `encuesta.${token.toLowerCase()}.${i + 1}@example.mx`,
        respondidaAt: answered ? new Date('1999-01-03T00:00:00Z') : null,
        canalRespuesta: answered ? 'TELEFONO' : null,
        createdAt: new Date(Date.now() + i),
      },
      select: { id: true },
    });
    if (answered) {
      await db.respuestaEncuesta.createMany({
        data: [
          { muestraId: m.id, pregunta: 1, valor: 4 },
          { muestraId: m.id, pregunta: 2, valor: 1 },
        ],
      });
    }
  }
  if (o.history ?? true) await writeHistory(db, wf, { recordId: row.id, unitPath: owner.path }, pathTo(wf, estado));
  return { ...gid('Encuesta', row.id), estado };
}

export const make = {
  proyectoNormativo,
  planTrabajoAnual,
  planAnualCentro,
  actividadProgramada,
  actividadRealizada,
  reporteTrimestral,
  concentradoEstatal,
  accionMejora,
  alumno,
  loteFolios,
  certificado,
  baja,
  docente,
  modulo,
  grupo,
  corteCalendario,
  reunionRiesgo,
  asesoriaComplementaria,
  registroPromocion,
  reunionTrabajoCast,
  proyectoNormativoCapacitacion,
  acuerdoReunion,
  promocionServiciosTecnologicos,
  catalogoServicios,
  solicitudDirigida,
  ofertaCapacitacion,
  tablaCostos,
  visitaTecnica,
  importacionSae,
  documentoCsv,
  programaMetas,
  registroResultados,
  programaNacionalCapacitacion,
  cursoCatalogo,
  orgUnit,
  person,
  apiKey,
  evaluacion,
  rectificacionEvaluacion,
  supervisionCaptura,
  entregaCertificadosFisicos,
  solicitudFolios,
  informeJuntaDirectiva,
  solicitudEgresado,
  concertacionServicio,
  concertacionCapacitacion,
  instrumentoJuridico,
  coordinacionCapacitacion,
  ticket,
  cierreConocer,
  analisisContacto,
  informeResultadosContacto,
  correoCuarentena,
  solicitudPortal,
  estadisticaPortal,
  analisisPortal,
  revisionContenidoPortal,
  campana,
  encuesta,
};

/**
 * Every workflow model with its declaration, GraphQL type and a factory that
 * takes a state: what the roles × steps × states matrix loops over. `node`:
 * whether `node(id:)` reads it (RegistroPromocion and CorteCalendario are not
 * nodes). Records with one fixed state ignore the state given.
 */
export const WORKFLOW_MODELS = [
  {
    typename: 'ProyectoNormativo',
    node: true,
    workflow: normatividadWorkflow,
    make: (db: Db, estado: EstadoNormativo, o: Common<EstadoNormativo> = {}) => proyectoNormativo(db, { ...o, estado }),
  },
  {
    typename: 'PlanTrabajoAnual',
    node: true,
    workflow: planEstatalWorkflow,
    make: (db: Db, estado: EstadoPlanEstatal, o: Common<EstadoPlanEstatal> = {}) => planTrabajoAnual(db, { ...o, estado }),
  },
  {
    typename: 'PlanAnualCentro',
    node: true,
    workflow: planCentroWorkflow,
    make: (db: Db, estado: EstadoPlanCentro, o: Common<EstadoPlanCentro> = {}) => planAnualCentro(db, { ...o, estado }),
  },
  {
    typename: 'ActividadRealizada',
    node: true,
    workflow: actividadRealizadaWorkflow,
    make: (db: Db, _estado: 'REGISTRADA', o: { unit?: string } = {}) => actividadRealizada(db, o),
  },
  {
    typename: 'TablaCostos',
    node: true,
    workflow: tablaCostosWorkflow,
    make: (db: Db, _estado: 'ENVIADA', o: { unit?: string } = {}) => tablaCostos(db, o),
  },
  {
    typename: 'VisitaTecnica',
    node: true,
    workflow: visitaTecnicaWorkflow,
    make: (db: Db, _estado: 'REGISTRADA', o: { unit?: string } = {}) => visitaTecnica(db, o),
  },
  {
    typename: 'ReporteTrimestral',
    node: true,
    workflow: reporteWorkflow,
    make: (db: Db, estado: EstadoReporte, o: Common<EstadoReporte> = {}) => reporteTrimestral(db, { ...o, estado }),
  },
  {
    typename: 'ConcentradoEstatal',
    node: true,
    workflow: concentradoWorkflow,
    make: (db: Db, estado: EstadoConcentrado, o: Common<EstadoConcentrado> = {}) => concentradoEstatal(db, { ...o, estado }),
  },
  {
    typename: 'AccionMejora',
    node: true,
    workflow: accionMejoraWorkflow,
    make: (db: Db, estado: EstadoAccionMejora, o: Common<EstadoAccionMejora> = {}) => accionMejora(db, { ...o, estado }),
  },
  {
    typename: 'RegistroPromocion',
    node: false,
    workflow: retencionWorkflow,
    make: (db: Db, estado: EstadoRegistro, o: RegistroPromocionOptions = {}) => registroPromocion(db, { ...o, estado }),
  },
  {
    typename: 'Certificado',
    node: true,
    workflow: certificadoWorkflow,
    make: (db: Db, estado: EstadoCertificado, o: Common<EstadoCertificado> = {}) => certificado(db, { ...o, estado }),
  },
  {
    typename: 'ImportacionSae',
    node: true,
    workflow: importacionSaeWorkflow,
    make: (db: Db, estado: EstadoImportacionSae, o: { unit?: string } = {}) => importacionSae(db, { ...o, estado }),
  },
  {
    typename: 'LoteFolios',
    node: true,
    workflow: loteFoliosWorkflow,
    make: (db: Db, _estado: 'REGISTRADO', o: LoteFoliosOptions = {}) => loteFolios(db, o),
  },
  {
    typename: 'Baja',
    node: true,
    workflow: bajaWorkflow,
    make: (db: Db, estado: EstadoBaja, o: Common<EstadoBaja> = {}) => baja(db, { ...o, estado }),
  },
  {
    typename: 'CorteCalendario',
    node: false,
    workflow: corteCalendarioWorkflow,
    make: (db: Db, _estado: 'PUBLICADO', o: { unit?: string } = {}) => corteCalendario(db, o),
  },
  {
    typename: 'ReunionRiesgo',
    node: true,
    workflow: reunionRiesgoWorkflow,
    make: (db: Db, _estado: 'REGISTRADO', o: { unit?: string } = {}) => reunionRiesgo(db, o),
  },
  {
    typename: 'AsesoriaComplementaria',
    node: true,
    workflow: asesoriaComplementariaWorkflow,
    make: (db: Db, _estado: 'REGISTRADO', o: { unit?: string } = {}) => asesoriaComplementaria(db, o),
  },
  {
    typename: 'ReunionTrabajoCast',
    node: true,
    workflow: reunionTrabajoCastWorkflow,
    make: (db: Db, estado: EstadoReunionTrabajoCast, o: Common<EstadoReunionTrabajoCast> = {}) => reunionTrabajoCast(db, { ...o, estado }),
  },
  {
    typename: 'ProyectoNormativo',
    node: true,
    workflow: normativaCapacitacionWorkflow,
    make: (db: Db, estado: EstadoNormativo, o: Common<EstadoNormativo> = {}) => proyectoNormativoCapacitacion(db, { ...o, estado }),
  },
  {
    typename: 'AcuerdoReunion',
    node: true,
    workflow: acuerdoReunionWorkflow,
    make: (db: Db, estado: EstadoAcuerdoReunion, o: Common<EstadoAcuerdoReunion> = {}) => acuerdoReunion(db, { ...o, estado }),
  },
  {
    typename: 'PromocionServiciosTecnologicos',
    node: true,
    workflow: promocionServiciosTecnologicosWorkflow,
    make: (db: Db, estado: EstadoPromocionServiciosTecnologicos, o: Common<EstadoPromocionServiciosTecnologicos> = {}) =>
      promocionServiciosTecnologicos(db, { ...o, estado }),
  },
  {
    typename: 'CatalogoServicios',
    node: true,
    workflow: catalogoServiciosWorkflow,
    make: (db: Db, _estado: 'REGISTRADO', o: { unit?: string } = {}) => catalogoServicios(db, o),
  },
  {
    typename: 'SolicitudDirigida',
    node: true,
    workflow: solicitudDirigidaWorkflow,
    make: (db: Db, estado: EstadoSolicitudDirigida, o: Common<EstadoSolicitudDirigida> = {}) => solicitudDirigida(db, { ...o, estado }),
  },
  {
    typename: 'OfertaCapacitacion',
    node: true,
    workflow: ofertaCapacitacionWorkflow,
    make: (db: Db, estado: EstadoOfertaCapacitacion, o: Common<EstadoOfertaCapacitacion> = {}) => ofertaCapacitacion(db, { ...o, estado }),
  },
  {
    typename: 'ProgramaMetas',
    node: true,
    workflow: programaMetasWorkflow,
    make: (db: Db, estado: EstadoProgramaMetas, o: Common<EstadoProgramaMetas> = {}) => programaMetas(db, { ...o, estado }),
  },
  {
    typename: 'RegistroResultados',
    node: true,
    workflow: registroResultadosWorkflow,
    make: (db: Db, estado: EstadoRegistroResultados, o: Common<EstadoRegistroResultados> = {}) => registroResultados(db, { ...o, estado }),
  },
  {
    typename: 'ProgramaNacionalCapacitacion',
    node: true,
    workflow: programaNacionalCapacitacionWorkflow,
    make: (db: Db, estado: EstadoProgramaNacionalCapacitacion, o: Common<EstadoProgramaNacionalCapacitacion> = {}) =>
      programaNacionalCapacitacion(db, { ...o, estado }),
  },
  {
    typename: 'CursoCatalogo',
    node: true,
    workflow: cursoCatalogoWorkflow,
    make: (db: Db, estado: EstadoCursoCatalogo, o: Common<EstadoCursoCatalogo> = {}) => cursoCatalogo(db, { ...o, estado }),
  },
  {
    typename: 'OrgUnit',
    node: true,
    workflow: orgUnitWorkflow,
    make: (db: Db, _estado: 'ACTIVA', o: { unit?: string } = {}) => orgUnit(db, o),
  },
  {
    typename: 'Person',
    node: true,
    workflow: personWorkflow,
    make: (db: Db, _estado: 'REGISTRADA', o: PersonOptions = {}) => person(db, o),
  },
  {
    typename: 'ApiKey',
    node: true,
    workflow: apiKeyWorkflow,
    make: (db: Db, estado: EstadoApiKey, o: ApiKeyOptions = {}) => apiKey(db, { ...o, estado }),
  },
  {
    typename: 'RectificacionEvaluacion',
    node: true,
    workflow: rectificacionEvaluacionWorkflow,
    make: (db: Db, estado: EstadoRectificacionEvaluacion, o: Common<EstadoRectificacionEvaluacion> = {}) =>
      rectificacionEvaluacion(db, { ...o, estado }),
  },
  {
    typename: 'SupervisionCaptura',
    node: true,
    workflow: supervisionCapturaWorkflow,
    make: (db: Db, estado: EstadoSupervisionCaptura, o: Common<EstadoSupervisionCaptura> = {}) => supervisionCaptura(db, { ...o, estado }),
  },
  {
    typename: 'EntregaCertificadosFisicos',
    node: true,
    workflow: entregaCertificadosFisicosWorkflow,
    make: (db: Db, estado: EstadoEntregaCertificadosFisicos, o: Common<EstadoEntregaCertificadosFisicos> = {}) =>
      entregaCertificadosFisicos(db, { ...o, estado }),
  },
  {
    typename: 'SolicitudFolios',
    node: true,
    workflow: solicitudFoliosWorkflow,
    make: (db: Db, _estado: 'ENVIADA', o: { unit?: string } = {}) => solicitudFolios(db, o),
  },
  {
    typename: 'InformeJuntaDirectiva',
    node: true,
    workflow: informeJuntaDirectivaWorkflow,
    make: (db: Db, _estado: 'ENTREGADO', o: { unit?: string } = {}) => informeJuntaDirectiva(db, o),
  },
  {
    typename: 'SolicitudEgresado',
    node: true,
    workflow: solicitudEgresadoWorkflow,
    make: (db: Db, estado: EstadoSolicitudEgresado, o: Common<EstadoSolicitudEgresado> = {}) => solicitudEgresado(db, { ...o, estado }),
  },
  {
    typename: 'ConcertacionServicio',
    node: true,
    workflow: concertacionServicioWorkflow,
    make: (db: Db, estado: EstadoConcertacionServicio, o: ConcertacionServicioOptions = {}) => concertacionServicio(db, { ...o, estado }),
  },
  {
    typename: 'ConcertacionCapacitacion',
    node: true,
    workflow: concertacionCapacitacionWorkflow,
    make: (db: Db, estado: EstadoConcertacionCapacitacion, o: ConcertacionCapacitacionOptions = {}) =>
      concertacionCapacitacion(db, { ...o, estado }),
  },
  {
    typename: 'InstrumentoJuridico',
    node: true,
    workflow: instrumentoJuridicoWorkflow,
    make: (db: Db, estado: EstadoInstrumentoJuridico, o: InstrumentoJuridicoOptions = {}) => instrumentoJuridico(db, { ...o, estado }),
  },
  {
    typename: 'CoordinacionCapacitacion',
    node: true,
    workflow: coordinacionCapacitacionWorkflow,
    make: (db: Db, estado: EstadoCoordinacionCapacitacion, o: CoordinacionCapacitacionOptions = {}) =>
      coordinacionCapacitacion(db, { ...o, estado }),
  },
  // #14 contact centre
  {
    typename: 'Ticket',
    /** Read by CONOCER's platform administrator: CONALEP's does not reach CONOCER. */
    admin: 'admin.conocer',
    node: true,
    workflow: ticketWorkflow,
    make: (db: Db, estado: EstadoTicket, o: Common<EstadoTicket> = {}) => ticket(db, { ...o, estado }),
  },
  {
    typename: 'CierreConocer',
    /** Read by CONOCER's platform administrator: CONALEP's does not reach CONOCER. */
    admin: 'admin.conocer',
    node: true,
    workflow: cierreConocerWorkflow,
    make: (db: Db, _estado: 'DECLARADO', o: Common<'DECLARADO'> = {}) => cierreConocer(db, o),
  },
  {
    typename: 'AnalisisContacto',
    /** Read by CONOCER's platform administrator: CONALEP's does not reach CONOCER. */
    admin: 'admin.conocer',
    node: true,
    workflow: analisisContactoWorkflow,
    make: (db: Db, estado: EstadoAnalisisContacto, o: Common<EstadoAnalisisContacto> = {}) => analisisContacto(db, { ...o, estado }),
  },
  {
    typename: 'InformeResultadosContacto',
    /** Read by CONOCER's platform administrator: CONALEP's does not reach CONOCER. */
    admin: 'admin.conocer',
    node: true,
    workflow: informeResultadosContactoWorkflow,
    make: (db: Db, estado: EstadoInformeResultadosContacto, o: Common<EstadoInformeResultadosContacto> = {}) =>
      informeResultadosContacto(db, { ...o, estado }),
  },
  {
    typename: 'CorreoCuarentena',
    /** Read by CONOCER's platform administrator: CONALEP's does not reach CONOCER. */
    admin: 'admin.conocer',
    node: true,
    workflow: correoCuarentenaWorkflow,
    make: (db: Db, _estado: 'EN_CUARENTENA', o: Common<'EN_CUARENTENA'> = {}) => correoCuarentena(db, o),
  },
  // #15 Portal CONOCER
  {
    typename: 'SolicitudPortal',
    /** Read by CONOCER's platform administrator: CONALEP's does not reach CONOCER. */
    admin: 'admin.conocer',
    node: true,
    workflow: solicitudPortalWorkflow,
    make: (db: Db, estado: EstadoSolicitudPortal, o: Common<EstadoSolicitudPortal> = {}) => solicitudPortal(db, { ...o, estado }),
  },
  {
    typename: 'EstadisticaPortal',
    /** Read by CONOCER's platform administrator: CONALEP's does not reach CONOCER. */
    admin: 'admin.conocer',
    node: true,
    workflow: estadisticaPortalWorkflow,
    make: (db: Db, _estado: 'IMPORTADA', o: Common<'IMPORTADA'> = {}) => estadisticaPortal(db, o),
  },
  {
    typename: 'AnalisisPortal',
    /** Read by CONOCER's platform administrator: CONALEP's does not reach CONOCER. */
    admin: 'admin.conocer',
    node: true,
    workflow: analisisPortalWorkflow,
    make: (db: Db, estado: EstadoAnalisisPortal, o: Common<EstadoAnalisisPortal> = {}) => analisisPortal(db, { ...o, estado }),
  },
  {
    typename: 'RevisionContenidoPortal',
    /** Read by CONOCER's platform administrator: CONALEP's does not reach CONOCER. */
    admin: 'admin.conocer',
    node: true,
    workflow: revisionContenidoPortalWorkflow,
    make: (db: Db, _estado: 'REGISTRADA', o: Common<'REGISTRADA'> = {}) => revisionContenidoPortal(db, o),
  },
  // #15 campaigns
  {
    typename: 'Campana',
    /** Read by CONOCER's platform administrator: CONALEP's does not reach CONOCER. */
    admin: 'admin.conocer',
    node: true,
    workflow: campanaWorkflow,
    make: (db: Db, estado: EstadoCampana, o: CampanaOptions = {}) => campana(db, { ...o, estado }),
  },
  {
    typename: 'Encuesta',
    /** Read by CONOCER's platform administrator: CONALEP's does not reach CONOCER. */
    admin: 'admin.conocer',
    node: true,
    workflow: encuestaWorkflow,
    make: (db: Db, estado: EstadoEncuesta, o: EncuestaOptions = {}) => encuesta(db, { ...o, estado }),
  },
] as const;
