// Descriptions for what the modules leave undescribed, by convention, so the
// explorer's documentation panel alone tells a front-end developer what every
// type and field holds: Relay plumbing (connections, edges, page info, order
// and filter inputs), step inputs (named after the mutations that take them),
// workflow states, references (`unit`, `fooId`) and the procedures' common
// vocabulary (periodo, folio, matrícula…). A description written in a module
// always wins; test/schema-descriptions.test.ts fails on anything left bare.
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type GraphQLType,
} from 'graphql';

/** Field names shared by many records: what they hold. */
const GLOSSARY: Record<string, string> = {
  indicador: 'The indicator the goal or result is about.',
  trimestreDesde: 'First quarter of the range (1-4).',
  trimestreHasta: 'Last quarter of the range (1-4).',
  duracionHoras: 'Length of the course, in hours.',
  dentroDe: 'Records of this unit and of the units below it.',
  desde: 'Start of the period.',
  hasta: 'End of the period.',
  linea: 'The service line: technological services (Pd-01) or training (Pd-02).',
  puntosControl: 'The control points of the national programme (PAT step 9).',
  createdByName: 'The full name of who created the record.',
  texto: 'The text of the contribution.',
  orden: 'Position of the line in its list (1, 2, …).',
  perfil: "The attendee's profile (student, parent, company, …).",
  costo: 'Cost in pesos, with two decimals at most.',
  curso: 'The course or service the line is about.',
  estandar: 'The competency standard (EC) of the course, when there is one.',
  nombreArchivo: 'The name of the file as sent.',
  cumpleIdentidad: 'Whether the plantel follows the institutional identity guidelines.',
  cumpleReglas: "Whether the plantel follows the promotion's operating rules.",
  hallazgos: 'What the visit found.',
  actualizadas: 'Rows that updated an existing record (matched by its SAE key).',
  creadas: 'Rows that created a record.',
  filas: 'Rows read from the file.',
  programadasRealizadas: "Scheduled activities carried out at least once (the cronograma's fulfilment).",
  realizadasProgramadas: "Actions carried out in the period, scheduled or not (the indicator's numerator).",
  valor: 'The value of the goal.',
  prioridades: "The plantel's priorities, from its context analysis.",
  riesgos: "The plantel's risks, from its context analysis.",
  asunto: 'What is asked.',
  respuesta: 'The answer of the unit the request was addressed to.',
  id: 'Global id (Relay): pass it to `node(id:)` and to the steps that act on this record.',
  createdAt: 'When the record was created (ISO 8601, UTC).',
  updatedAt: 'When the record last changed (ISO 8601, UTC).',
  estado: 'Where the record is in its procedure; `availableSteps` says which steps you may take from here.',
  unit: 'The organisational unit that owns the record: its scope decides who reads and acts on it.',
  unitId: 'Global id of the organisational unit (`OrgUnit.id`).',
  unitCode: 'Code of the owning organisational unit (e.g. `MEX-P001`).',
  unitName: 'Name of the owning organisational unit.',
  descripcion: 'Free-text description, as written by whoever recorded it.',
  tipo: 'Kind of record, from the values of its enum.',
  periodo: 'School period, `YYYY-1` (February–July) or `YYYY-2` (August–January).',
  anio: 'Calendar year (2000–2100).',
  semestre: 'Half-year: 1 (January–June) or 2 (July–December); for students, the semester they are in.',
  trimestre: 'Quarter of the year, 1 to 4.',
  mes: 'Month, 1 to 12.',
  mesDesde: 'First month of the range, 1 to 12.',
  mesHasta: 'Last month of the range, 1 to 12.',
  fecha: 'Date of the event (ISO 8601, UTC).',
  fechaLimite: 'Deadline (ISO 8601, UTC).',
  fechaReunion: 'Date of the meeting (ISO 8601, UTC).',
  inicio: 'First day (ISO 8601, UTC).',
  fin: 'Last day (ISO 8601, UTC).',
  corte: 'Follow-up cut of the period: 1, 2 or 3.',
  conservarHasta: 'The record must be kept until this date (retention, formats F01–F05); then it may be destroyed.',
  destruidoAt: 'When the record was destroyed after its retention; null while it is kept.',
  nombre: 'Name.',
  name: 'Name.',
  title: 'Title.',
  titulo: 'Title.',
  description: 'What it is, in one paragraph.',
  clave: 'Short unique key (capital letters, digits or hyphens).',
  motivo: 'Reason, as stated by whoever recorded it.',
  observaciones: 'Observations written with the step (the reason when returning or refusing).',
  resultado: 'Outcome, as recorded.',
  sector: 'Productive sector addressed.',
  alumno: 'The student.',
  alumnos: 'The students.',
  alumnoId: 'Global id of the student (`Alumno.id`).',
  docente: 'The teacher.',
  modulo: 'The module (subject) of the study plan.',
  moduloClave: 'Key of the module (e.g. `PROG-01`).',
  matricula: "Student's enrolment number, unique in the system.",
  curp: 'CURP (Clave Única de Registro de Población).',
  primerApellido: 'First surname.',
  segundoApellido: 'Second surname, when there is one.',
  carrera: 'Career (programme) the student follows.',
  modeloAcademico: 'Academic model of the study plan (e.g. `M2018`).',
  generacion: 'Year the student’s generation started.',
  estatus: 'Enrolment status.',
  promedio: 'Average grade (0–10).',
  calificacion: 'Grade (0–10).',
  certificados: 'Certificates issued to the student (original and replacements).',
  folio: 'Electronic folio assigned to the certificate.',
  numero: 'Number.',
  numeroInicial: 'First folio number of the batch.',
  cantidad: 'How many.',
  asignadoAt: 'When it was assigned (ISO 8601, UTC).',
  entregadoAt: 'When it was delivered (ISO 8601, UTC).',
  enviadoAt: 'When it was sent (ISO 8601, UTC).',
  validadoAt: 'When it was validated (ISO 8601, UTC).',
  turnadoAt: 'When it was forwarded (ISO 8601, UTC).',
  motivoReposicion: 'Why the certificate is replaced (loss, damage, correction).',
  solicitudTutor: 'Whether the parent or tutor asked for it.',
  modalidad: 'Whether it is held in person or virtually.',
  modalidadReunion: 'Whether the meeting was held in person or virtually.',
  asistentes: 'Number of attendees.',
  audiencia: 'Who the activity is for.',
  canal: 'Channel used (visit, phone, e-mail, social media…).',
  contacto: 'Contact person.',
  enlace: 'Link (http or https URL) to the evidence.',
  url: 'Link (http or https URL).',
  evento: 'Event where it took place.',
  organizacion: 'Organisation reached.',
  formato: 'Format of the record (F01–F05 of the manual).',
  fueraDeCronograma: 'True when the activity was not in the cronograma.',
  lineas: 'Lines of the report, one per unit.',
  objetivos: 'Objectives.',
  fortalezas: 'Strengths (FODA).',
  debilidades: 'Weaknesses (FODA).',
  oportunidades: 'Opportunities (FODA).',
  amenazas: 'Threats (FODA).',
  contexto: 'Context the plan starts from.',
  resultadosHistoricos: 'Results of previous years.',
  meta: 'Goal (a number to reach).',
  alcanzado: 'Reached so far.',
  ejecuciones: 'Times carried out.',
  programadas: 'Activities scheduled.',
  realizadas: 'Activities carried out.',
  reportesEsperados: 'Reports expected.',
  evaluados: 'Students evaluated.',
  reprobados: 'Students who failed.',
  total: 'Total.',
  eficiencia: 'Efficiency: the share of the generation that completed the plan (0–1).',
  nivel: 'Level the indicator is aggregated at.',
  porDocente: 'Broken down by teacher.',
  porModulo: 'Broken down by module.',
  acuerdos: 'Agreements reached.',
  destinatarios: 'Units the record is addressed to, with what each must do.',
  evidenciasReunion: 'Evidence of the meeting (screenshots, attendance lists, minutes).',
  referencia: 'Reference.',
  responsable: 'Who is responsible.',
  creado: 'Whether it was created.',
  kind: 'Kind.',
  role: 'Role.',
  person: 'The person.',
  email: 'E-mail address (the sign-in name).',
  fullName: 'Full name.',
  active: 'Whether the account may sign in.',
  token: 'Bearer token: send it as `Authorization: Bearer <token>`.',
  expiresAt: 'When the token expires (ISO 8601, UTC).',
  parent: 'The unit above this one; null at the top.',
  children: 'The units directly below this one.',
  actorRole: 'Role the person acted in.',
  actorUnit: 'Unit the person acted at.',
  at: 'When (ISO 8601, UTC).',
  procedure: 'The procedure (manual) this workflow implements.',
  steps: 'The steps of the procedure, each a mutation.',
  states: 'The states a record goes through.',
  initialState: 'The state a new record starts in.',
  finalStates: 'States that end the procedure.',
  observationsRequired: 'Whether the step requires observations.',
  // Relay plumbing
  edges: 'The records of this page, each with its cursor.',
  nodes: 'The records of this page.',
  node: 'The record.',
  cursor: 'Opaque position of this record: pass it as `after` (or `before`) to read on.',
  pageInfo: 'Whether there are more records, and the cursors to read them.',
  totalCount: 'How many records match, across all pages.',
  hasNextPage: 'Whether records follow this page.',
  hasPreviousPage: 'Whether records precede this page.',
  startCursor: 'Cursor of the first record of this page.',
  endCursor: 'Cursor of the last record of this page: pass it as `after` for the next page.',
  direction: 'Ascending or descending.',
  field: 'The field to sort by.',
};

const TYPE_GLOSSARY: Record<string, string> = {
  Node: 'A record with a global id, readable with `node(id:)`.',
  PageInfo: 'Where a page of a list stands (Relay).',
  SortDirection: 'Ascending (ASC) or descending (DESC).',
  Docente: 'A teacher of a plantel.',
  Modulo: 'A module (subject) of the study plan.',
  AlumnoEnRiesgo: 'A student at risk of failing: failed modules in the cortes of a period, with the average grade.',
  LineaSiseac: 'One line of a SISEAC follow-up report.',
  Sector: 'Productive sectors of the manual.',
  TipoEvidencia: 'Kinds of evidence of a meeting.',
  ModalidadReunion: 'How a meeting is held: in person or virtually.',
  FinDestinatario: 'What an addressed unit is asked to do with the record.',
  TipoAccionMejora: 'Kinds of improvement action: preventive or corrective.',
  EstatusAlumno: 'Enrolment status of a student.',
};

/** Fills in missing descriptions in place and returns the schema. */
export function describeByConvention(schema: GraphQLSchema): GraphQLSchema {
  const takers = inputTakers(schema);
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    type.description ??= typeDescription(type, takers);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      const node = isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Node');
      for (const field of Object.values(type.getFields()) as (GraphQLField<unknown, unknown> | GraphQLInputField)[]) {
        if (field.name === 'id' && !node && !field.description)
          field.description = 'Id of the record (it is not a node: `node(id:)` does not read it).';
        field.description ??= fieldDescription(type.name, field.name, field.type);
      }
    }
  }
  return schema;
}

/** Input type name → the mutations that take it as `input`. */
function inputTakers(schema: GraphQLSchema): Map<string, GraphQLField<unknown, unknown>[]> {
  const takers = new Map<string, GraphQLField<unknown, unknown>[]>();
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    for (const arg of field.args) {
      const name = getNamedType(arg.type).name;
      takers.set(name, [...(takers.get(name) ?? []), field]);
    }
  }
  return takers;
}

const firstSentence = (text: string | null | undefined) => (text ?? '').split(/(?<=\.)\s/)[0];

function typeDescription(type: GraphQLNamedType, takers: Map<string, GraphQLField<unknown, unknown>[]>): string {
  if (TYPE_GLOSSARY[type.name]) return TYPE_GLOSSARY[type.name];
  const name = type.name;
  let m: RegExpExecArray | null;
  if ((m = /^(\w+)Connection$/.exec(name)))
    return `A page of ${m[1]} records (Relay connection): \`edges\`, \`pageInfo\` and \`totalCount\`.`;
  if ((m = /^(\w+)Edge$/.exec(name))) return `One ${m[1]} record of a page, with its cursor.`;
  if ((m = /^(\w+)OrderField$/.exec(name))) return `Fields ${m[1]} lists can be sorted by.`;
  if ((m = /^(\w+)Order$/.exec(name))) return `How to sort ${m[1]} lists: a field and a direction.`;
  if ((m = /^(\w+)Filter$/.exec(name))) return `Conditions on ${m[1]} lists; every condition given must hold.`;
  if (isInputObjectType(type)) {
    const users = takers.get(name) ?? [];
    if (users.length === 1) return `Input of \`${users[0].name}\`: ${firstSentence(users[0].description) || 'see the mutation.'}`;
    if (users.length > 1) return `Input of ${users.map((u) => `\`${u.name}\``).join(', ')}.`;
    return `Part of a mutation's input.`;
  }
  if (isEnumType(type) && (m = /^Estado(\w+)$/.exec(name))) return `States of the ${m[1]} procedure (the record's \`estado\`).`;
  if (isEnumType(type)) return `Values of ${name}.`;
  return `A ${name} record.`;
}

function fieldDescription(parent: string, field: string, type: GraphQLType): string | undefined {
  if (GLOSSARY[field]) return GLOSSARY[field];
  let m: RegExpExecArray | null;
  if ((m = /^(\w+)Ids?$/.exec(field))) return `Global id of the ${capitalise(m[1])} (\`${capitalise(m[1])}.id\`).`;
  if ((m = /^(\w+)At$/.exec(field))) return `When it was ${m[1]} (ISO 8601, UTC).`;
  const named = getNamedType(type);
  const list = isListType(isNonNullType(type) ? type.ofType : type);
  if (isObjectType(named) || isInterfaceType(named))
    return list ? `The ${named.name} records of this ${parent}.` : `The ${named.name} of this ${parent}.`;
  // A plain value the glossary does not know: left bare, for the module to describe.
  return undefined;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
