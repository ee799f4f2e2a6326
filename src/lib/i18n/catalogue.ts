// Every message a client may read, in English and Spanish (docs/errors.md,
// "Language"). Messages are matched whole against either column, so the code
// may write either language; `{name}` is any text, kept as is, and `{*name}` is
// text translated in turn (a reason inside a message; parts separated by "; "
// are translated one by one). A test (test/i18n.test.ts) reads the messages
// the code writes and fails when one has no entry here: add it beside its kin.
export type Entry = readonly [en: string, es: string];

export const CATALOGUE: readonly Entry[] = [
  // --- Authentication and authorization (src/lib/auth, src/lib/errors.ts)
  ['Authentication required: send a valid bearer token', 'Se requiere autenticación: envíe un token bearer válido'],
  ['The bearer token is invalid or expired', 'El token bearer no es válido o ha caducado'],
  ['Not allowed for your roles and units', 'No permitido para sus roles y unidades'],
  ['No authorization rule allows this field', 'Ninguna regla de autorización permite este campo'],
  ['Requires one of the roles: {roles}', 'Requiere uno de los roles: {roles}'],
  ['Invalid e-mail or password', 'Correo o contraseña incorrectos'],
  ['Too many login attempts: try again in {s} s', 'Demasiados intentos de inicio de sesión: intente de nuevo en {s} s'],
  ['Must be an e-mail address', 'Debe ser una dirección de correo'],

  // --- Workflow engine (src/lib/workflow/engine.ts)
  ['{what} {id} does not exist or is outside your scope', '{what} {id} no existe o está fuera de su alcance'],
  [
    '{step} (step {n}) is for role {roles} at a unit that reaches this {entity}',
    '{step} (paso {n}) corresponde al rol {roles} en una unidad que alcance este registro ({entity})',
  ],
  [
    '{step} (step {n}) is for role {roles} at a unit that reaches {what}',
    '{step} (paso {n}) corresponde al rol {roles} en una unidad que alcance {what}',
  ],
  ['{step} (step {n}) is for role {roles}', '{step} (paso {n}) corresponde al rol {roles}'],
  ['{step} is not possible while the {entity} is {state}', '{step} no es posible mientras el registro ({entity}) está en {state}'],
  ['{step} needs {what}; this {entity} is {state}', '{step} requiere {what}; este registro ({entity}) está en {state}'],
  [
    '{entity} {id} is at version {v}, not {expected}; reload it and try again',
    '{entity} {id} está en la versión {v}, no en la {expected}; vuelva a cargarlo e intente de nuevo',
  ],
  [
    '{entity} {id} was changed by someone else; reload it and try again',
    'Otra persona modificó {entity} {id}; vuelva a cargarlo e intente de nuevo',
  ],
  ['Observations are required for this step', 'Este paso requiere observaciones'],
  ['You hold the role at {n} units: say at which one', 'Tiene el rol en {n} unidades: indique en cuál'],
  ['Name the {what} this {entity} is made under', 'Indique el registro ({what}) al que pertenece este registro ({entity})'],
  ['A {entity} belongs to a unit of kind {kinds}, not {kind}', 'Un registro {entity} pertenece a una unidad de tipo {kinds}, no {kind}'],

  // --- Input checks (src/lib/validation.ts, src/lib/http/arguments.ts, modules)
  ['Must not be empty', 'No debe estar vacío'],
  ['Must have at most {n} characters', 'Debe tener como máximo {n} caracteres'],
  ['Must have at least {n} characters', 'Debe tener al menos {n} caracteres'],
  ['Must be 0 to {n}', 'Debe estar entre 0 y {n}'],
  ['Must be 1 to {n}', 'Debe estar entre 1 y {n}'],
  ['Must be 1 or 2', 'Debe ser 1 o 2'],
  ['Must be 1, 2 or 3', 'Debe ser 1, 2 o 3'],
  ['Must be YYYY-1 or YYYY-2', 'Debe ser AAAA-1 o AAAA-2'],
  ['Must look like "2025-1" or "2025-2"', 'Debe tener la forma "2025-1" o "2025-2"'],
  ['Must be a month from 1 to 12', 'Debe ser un mes del 1 al 12'],
  ['Must be a year between 2000 and 2100', 'Debe ser un año entre 2000 y 2100'],
  ['Must be an http or https URL', 'Debe ser una URL http o https'],
  ["Must be within the plan's year ({year})", 'Debe estar dentro del año del plan ({year})'],
  ['Must start after the previous corte ends', 'Debe empezar después de que termine el corte anterior'],
  ['Not a cursor this API gave out', 'No es un cursor entregado por esta API'],
  ['Cannot be below zero', 'No puede ser menor que cero'],
  ['Cannot be in the future', 'No puede estar en el futuro'],
  ['Cannot end before it starts', 'No puede terminar antes de empezar'],
  ['An activity carried out cannot be in the future', 'Una actividad realizada no puede estar en el futuro'],
  ['The goal cannot be below zero', 'La meta no puede ser menor que cero'],
  ['The meeting cannot be in the future', 'La reunión no puede estar en el futuro'],
  ['The quarter is not over yet', 'El trimestre aún no termina'],
  ['Give a quarter or a half-year, not both', 'Indique un trimestre o un semestre, no ambos'],
  ['Give at least one agreement', 'Indique al menos un acuerdo'],
  ['Record at least one agreement', 'Registre al menos un acuerdo'],
  ['Give at least one field to record', 'Indique al menos un campo que registrar'],
  ['Give at least one piece of evidence', 'Indique al menos una evidencia'],
  ['Give cortes 1, 2 and 3, in order', 'Indique los cortes 1, 2 y 3, en orden'],
  [
    'Give exactly one of reporteTrimestralId and concentradoEstatalId',
    'Indique exactamente uno de reporteTrimestralId y concentradoEstatalId',
  ],
  ['Invite at least one unit', 'Invite al menos a una unidad'],
  ['There is no unit to invite', 'No hay ninguna unidad que invitar'],
  ['Name at least one CAST', 'Indique al menos un CAST'],
  ['There is no CAST to address', 'No hay ningún CAST al cual dirigirse'],
  ['Not a CAST unit', 'No es una unidad CAST'],
  ['Not a CAST, Colegio Estatal, UODCDMX or RCEO', 'No es un CAST, Colegio Estatal, UODCDMX ni RCEO'],
  ["Not a plantel of the batch's state office", 'No es un plantel del colegio estatal del lote'],
  ["Not a teacher of the student's plantel", 'No es docente del plantel de la persona estudiante'],
  ["Not an activity of this plan's cronograma", 'No es una actividad del cronograma de este plan'],
  ['No module has this key', 'Ningún módulo tiene esta clave'],
  ['Up to 20 capital letters, digits or hyphens', 'Hasta 20 mayúsculas, dígitos o guiones'],
  ['There are three meetings per semester: 1, 2 or 3', 'Hay tres reuniones por semestre: 1, 2 o 3'],
  ['This meeting of the semester is already recorded', 'Esta reunión del semestre ya está registrada'],
  ['This unit already has a working meeting for this semester', 'Esta unidad ya tiene una reunión de trabajo para este semestre'],
  [
    'The student already has a certificate (a replacement is a separate procedure)',
    'La persona estudiante ya tiene un certificado (la reposición es otro trámite)',
  ],
  ['The student already has tutoring in this module this period', 'La persona estudiante ya tiene asesoría en este módulo en este periodo'],
  ['This certificate was already replaced', 'Este certificado ya fue repuesto'],
  ['Some of these folios already exist', 'Algunos de estos folios ya existen'],
  ['Only {n} unused folios are available', 'Solo hay {n} folios sin usar disponibles'],
  ['The scheduled activity is of type {type}', 'La actividad programada es de tipo {type}'],
  ['The attendance list (F04) needs the number of attendees', 'La lista de asistencia (F04) requiere el número de asistentes'],
  ['The visit format (F03) needs the sector', 'El formato de visita (F03) requiere el sector'],
  ['Its retention runs until {date}', 'Su conservación corre hasta el {date}'],
  ['No CAST has sent observations yet (step 4 comes before step 5)', 'Ningún CAST ha enviado observaciones aún (el paso 4 va antes del 5)'],
  [
    'The cronograma has no scheduled activity (step 4.1 comes first)',
    'El cronograma no tiene actividades programadas (primero va el paso 4.1)',
  ],
  ['Record before inviting: {*missing}', 'Registre antes de invitar: {*missing}'],
  ['gestiones (step 2)', 'gestiones (paso 2)'],
  ['programa (step 3)', 'programa (paso 3)'],
  ['logistica, modalidad and fechaProgramada (step 4)', 'logistica, modalidad y fechaProgramada (paso 4)'],
  ['materialUrl (step 5)', 'materialUrl (paso 5)'],

  // --- Database refusals and availability (src/lib/db/errors.ts)
  [
    'The input holds a value the database cannot store (a NUL byte, a date or number out of range, or a text too long); nothing was changed.',
    'La entrada contiene un valor que la base de datos no puede guardar (un byte NUL, una fecha o número fuera de rango, o un texto demasiado largo); no se cambió nada.',
  ],
  [
    'A record the request names does not exist or is outside your scope; nothing was changed.',
    'Un registro que nombra la solicitud no existe o está fuera de su alcance; no se cambió nada.',
  ],
  [
    'A record with these values already exists (or was created at the same moment); nothing was changed. Reload and retry.',
    'Ya existe un registro con estos valores (o se creó en el mismo momento); no se cambió nada. Vuelva a cargar e intente de nuevo.',
  ],
  [
    'The database took too long to answer; nothing was changed. Try again.',
    'La base de datos tardó demasiado en responder; no se cambió nada. Intente de nuevo.',
  ],
  [
    'The record is being changed by another request; nothing was changed. Try again in a moment.',
    'Otra solicitud está modificando el registro; no se cambió nada. Intente de nuevo en un momento.',
  ],
  [
    'The change collided with another one; nothing was changed. Try again.',
    'El cambio chocó con otro; no se cambió nada. Intente de nuevo.',
  ],
  [
    'The server is busy; nothing was changed. Try again in a moment.',
    'El servidor está ocupado; no se cambió nada. Intente de nuevo en un momento.',
  ],
  ['The database is unreachable; try again later.', 'No se puede conectar con la base de datos; intente más tarde.'],
  ['Internal error', 'Error interno'],

  // --- HTTP (src/app.ts) and operation limits (src/lib/http/limits.ts)
  ['Body is not valid JSON', 'El cuerpo no es JSON válido'],
  ['Request body exceeds {n} bytes', 'El cuerpo de la solicitud excede {n} bytes'],
  ['Operation {op} is {n} levels deep; the limit is {max}', 'La operación {op} tiene {n} niveles de profundidad; el límite es {max}'],
  ['Operation {op} uses {n} aliases; the limit is {max}', 'La operación {op} usa {n} alias; el límite es {max}'],
  ['Operation {op} uses {n} directives; the limit is {max}', 'La operación {op} usa {n} directivas; el límite es {max}'],
  ['Operation {op} costs {n}; the limit is {max}', 'La operación {op} cuesta {n}; el límite es {max}'],
  ['The document has {n} operations; the limit is {max}', 'El documento tiene {n} operaciones; el límite es {max}'],
  ['Document has more than {n} tokens. Parsing aborted.', 'El documento tiene más de {n} tokens. Se interrumpió el análisis.'],
  [
    'POST body missing, invalid Content-Type, or JSON object has no keys.',
    'Falta el cuerpo POST, el Content-Type no es válido o el objeto JSON no tiene claves.',
  ],
  [
    'GraphQL operations must contain a non-empty `query` or a `persistedQuery` extension.',
    'Las operaciones GraphQL deben contener un `query` no vacío o una extensión `persistedQuery`.',
  ],
  ['PersistedQueryNotFound', 'PersistedQueryNotFound'],
  [
    'Only trusted documents are accepted: send a documentId from {file}',
    'Solo se aceptan documentos de confianza: envíe un documentId de {file}',
  ],
  ['Only trusted documents are accepted', 'Solo se aceptan documentos de confianza'],

  // --- Scalars (src/builder.ts)
  ['DateTime must be an ISO 8601 string', 'DateTime debe ser una cadena ISO 8601'],
  ['DateTime must fall in the years 0001 to 9999', 'DateTime debe caer entre los años 0001 y 9999'],

  // --- GraphQL's own validation and coercion (graphql-js 16)
  ['Cannot query field "{field}" on type "{type}".', 'No se puede consultar el campo "{field}" en el tipo "{type}".'],
  [
    'Field "{field}" of type "{type}" must have a selection of subfields. Did you mean "{hint}"?',
    'El campo "{field}" de tipo "{type}" debe seleccionar subcampos. ¿Quiso decir "{hint}"?',
  ],
  [
    'Field "{field}" must not have a selection since type "{type}" has no subfields.',
    'El campo "{field}" no admite selección porque el tipo "{type}" no tiene subcampos.',
  ],
  ['Field "{field}" of required type "{type}" was not provided.', 'No se proporcionó el campo "{field}", obligatorio, de tipo "{type}".'],
  [
    'Field "{field}" argument "{arg}" of type "{type}" is required, but it was not provided.',
    'El argumento "{arg}" del campo "{field}", de tipo "{type}", es obligatorio y no se proporcionó.',
  ],
  ['Field "{field}" is not defined by type "{type}".', 'El campo "{field}" no está definido en el tipo "{type}".'],
  ['Unknown argument "{arg}" on field "{field}".', 'Argumento desconocido "{arg}" en el campo "{field}".'],
  ['Unknown type "{type}".', 'Tipo desconocido "{type}".'],
  ['Unknown fragment "{name}".', 'Fragmento desconocido "{name}".'],
  ['Unknown directive "{name}".', 'Directiva desconocida "{name}".'],
  ['Variable "{name}" is never used.', 'La variable "{name}" no se usa.'],
  ['Variable "{name}" is never used in operation "{op}".', 'La variable "{name}" no se usa en la operación "{op}".'],
  ['Variable "{name}" is not defined.', 'La variable "{name}" no está definida.'],
  ['Variable "{name}" is not defined by operation "{op}".', 'La variable "{name}" no está definida en la operación "{op}".'],
  [
    'Variable "{name}" of type "{type}" used in position expecting type "{expected}".',
    'La variable "{name}" de tipo "{type}" se usa donde se espera el tipo "{expected}".',
  ],
  ['There can be only one operation named "{name}".', 'Solo puede haber una operación llamada "{name}".'],
  ['This anonymous operation must be the only defined operation.', 'Esta operación anónima debe ser la única del documento.'],
  ['Value "{value}" does not exist in "{enum}" enum.', 'El valor "{value}" no existe en el enum "{enum}".'],
  [
    'Enum "{enum}" cannot represent non-enum value: {value}.',
    'El enum "{enum}" no puede representar el valor {value}, que no es del enum.',
  ],
  [
    'Enum "{enum}" cannot represent non-string value: {value}.',
    'El enum "{enum}" no puede representar el valor {value}, que no es una cadena.',
  ],
  ['Int cannot represent non-integer value: {value}', 'Int no puede representar el valor no entero {value}'],
  [
    'Int cannot represent non 32-bit signed integer value: {value}',
    'Int no puede representar el valor {value}: no es un entero de 32 bits con signo',
  ],
  ['Float cannot represent non numeric value: {value}', 'Float no puede representar el valor no numérico {value}'],
  ['String cannot represent a non string value: {value}', 'String no puede representar el valor {value}, que no es una cadena'],
  ['Boolean cannot represent a non boolean value: {value}', 'Boolean no puede representar el valor {value}, que no es booleano'],
  ['ID cannot represent value: {value}', 'ID no puede representar el valor {value}'],
  ['Expected value of type "{type}", found {value}; {*reason}', 'Se esperaba un valor de tipo "{type}" y se encontró {value}; {*reason}'],
  ['Expected value of type "{type}", found {value}.', 'Se esperaba un valor de tipo "{type}" y se encontró {value}.'],
  ['Expected type "{type}". {*reason}', 'Se esperaba el tipo "{type}". {*reason}'],
  ['Expected type "{type}".', 'Se esperaba el tipo "{type}".'],
  [
    'Variable "{name}" got invalid value {value} at "{at}"; {*reason}',
    'La variable "{name}" recibió un valor no válido {value} en "{at}"; {*reason}',
  ],
  ['Variable "{name}" got invalid value {value}; {*reason}', 'La variable "{name}" recibió un valor no válido {value}; {*reason}'],
  [
    'Variable "{name}" of required type "{type}" was not provided.',
    'No se proporcionó la variable "{name}", obligatoria, de tipo "{type}".',
  ],
  ['Variable "{name}" of non-null type "{type}" must not be null.', 'La variable "{name}", de tipo no nulo "{type}", no puede ser null.'],
  ['Syntax Error: {detail}', 'Error de sintaxis: {detail}'],
  [
    'GraphQL introspection is not allowed, but the query contained __schema or __type. To enable introspection, pass introspection: true to ApolloServer in production',
    'La introspección no está permitida en este servidor.',
  ],
  ['Must provide query string.', 'Debe enviar el texto de la consulta.'],
  ['Unknown operation named "{name}".', 'No existe una operación llamada "{name}".'],
  [
    'Must provide operation name if query contains multiple operations.',
    'Indique el nombre de la operación si la consulta contiene varias.',
  ],
  ['Schema is not configured to execute mutation operation.', 'El esquema no admite mutaciones.'],
  ['GET requests may only be used for query operations.', 'Las solicitudes GET solo sirven para consultas.'],
  ['Can only perform a {type} operation from a POST request.', 'Una operación {type} solo puede enviarse con POST.'],
];

/** Suffixes graphql-js appends to some messages. */
export const SUFFIXES: readonly Entry[] = [
  [' Did you mean {hint}?', ' ¿Quiso decir {hint}?'],
  [' Did you mean the enum value {hint}?', ' ¿Quiso decir el valor {hint}?'],
];
