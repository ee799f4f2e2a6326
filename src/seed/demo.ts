// Demo data: the organisation tree and one person per role (docs/demo-accounts.md).
// Seeded on the first start of the embedded database, and used by the tests as
// their base scenario.
import { randomUUID } from 'node:crypto';
import type { OrgUnitKind, Role } from '../generated/prisma/enums.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { Db } from '../lib/db/client.js';
import { hashPassword } from '../lib/auth/passwords.js';
import { importarInformeConocer } from '../modules/conocer/import.js';

export const DEMO_PASSWORD = 'Conalep-Demo-2026';

/** [code, name, kind, parent code] */
export const DEMO_UNITS: [string, string, OrgUnitKind, string | null][] = [
  ['CONALEP', 'Sistema CONALEP', 'SISTEMA', null],
  ['ON', 'Oficinas Nacionales', 'OFICINAS_NACIONALES', 'CONALEP'],
  ['DSTC', 'Dirección de Servicios Tecnológicos y de Capacitación', 'DIRECCION_NACIONAL', 'ON'],
  ['CST', 'Coordinación de Servicios Tecnológicos', 'COORDINACION_NACIONAL', 'DSTC'],
  ['CSC', 'Coordinación de los Servicios de Capacitación', 'COORDINACION_NACIONAL', 'DSTC'],
  ['DCAJ', 'Dirección Corporativa de Asuntos Jurídicos', 'DIRECCION_NACIONAL', 'ON'],
  ['DAF', 'Dirección de Administración y Finanzas', 'DIRECCION_NACIONAL', 'ON'],
  ['DVS', 'Dirección de Vinculación Social', 'DIRECCION_NACIONAL', 'ON'],
  ['DCTA', 'Dirección de Comunicación y Tecnologías Aplicadas', 'DIRECCION_NACIONAL', 'ON'],
  ['COSFAC', 'Coordinación de Servicios Federales de Acreditación y Certificación', 'DIRECCION_NACIONAL', 'ON'],
  ['COMERI', 'Comité de Mejora Regulatoria Interna', 'DIRECCION_NACIONAL', 'ON'],
  ['CE-MEX', 'Colegio de Educación Profesional Técnica del Estado de México', 'COLEGIO_ESTATAL', 'CONALEP'],
  ['MEX-SE', 'Jefatura de Servicios Escolares (Estado de México)', 'AREA_ESTATAL', 'CE-MEX'],
  ['MEX-CCC', 'Capacitación, Certificación y CAST (Estado de México)', 'AREA_ESTATAL', 'CE-MEX'],
  ['MEX-P001', 'Plantel Toluca', 'PLANTEL', 'CE-MEX'],
  ['MEX-P002', 'Plantel Ecatepec', 'PLANTEL', 'CE-MEX'],
  ['MEX-P003', 'Plantel Naucalpan', 'PLANTEL', 'CE-MEX'],
  ['MEX-CAST01', 'CAST Estado de México', 'CAST', 'CE-MEX'],
  ['CE-VER', 'Colegio de Educación Profesional Técnica del Estado de Veracruz', 'COLEGIO_ESTATAL', 'CONALEP'],
  ['VER-P001', 'Plantel Xalapa', 'PLANTEL', 'CE-VER'],
  ['VER-P002', 'Plantel Veracruz', 'PLANTEL', 'CE-VER'],
  ['VER-CAST01', 'CAST Veracruz', 'CAST', 'CE-VER'],
  ['UODCDMX', 'Unidad de Operación Desconcentrada para la Ciudad de México', 'UODCDMX', 'CONALEP'],
  ['RCEO', 'Representación del CONALEP en el Estado de Oaxaca', 'RCEO', 'CONALEP'],
  ['CONOCER', 'Consejo Nacional de Normalización y Certificación de Competencias Laborales', 'CONOCER', null],
  ['CONOCER-DVD', 'Dirección de Vinculación y Difusión del Modelo de Competencia Laboral', 'AREA_CONOCER', 'CONOCER'],
  ['CONOCER-CC', 'Centro de Contacto', 'AREA_CONOCER', 'CONOCER-DVD'],
  // A partner, registered under the CSC that deals with it (sends it the national goals for the MIR): CONALEP's
  // platform administrators reach it and issue its API key.
  ['SPDI-DPP', 'SPDI - Dirección de Planeación y Programación', 'SOCIO_EXTERNO', 'CSC'],
  // Outside companies (USUARIO of 7081-MP-SI), registered under the CAST that deals with them.
  ['EMP-MEX01', 'Industrias Demo del Valle de Toluca, S.A. de C.V.', 'EMPRESA', 'MEX-CAST01'],
  ['EMP-VER01', 'Servicios Demo del Golfo, S.C.', 'EMPRESA', 'VER-CAST01'],
  // The provider of the development and operation of the Portal CONOCER (V-CANA-MP-02 C.4.4), registered under the DVD.
  ['PROV-PORTAL', 'Proveedor Demo del Portal CONOCER, S.A. de C.V.', 'EMPRESA', 'CONOCER-DVD'],
];

/** [e-mail local part, full name, role, unit code] */
export const DEMO_PEOPLE: [string, string, Role, string][] = [
  ['admin', 'Administración de la Plataforma', 'ADMINISTRADOR_PLATAFORMA', 'CONALEP'],
  ['dstc', 'Titular DSTC', 'DSTC', 'DSTC'],
  ['cst', 'Titular CST', 'CST', 'CST'],
  ['csc', 'Titular CSC', 'CSC', 'CSC'],
  ['dcaj', 'Titular DCAJ', 'DCAJ', 'DCAJ'],
  ['dvs', 'Titular DVS', 'DVS', 'DVS'],
  ['dcta', 'Titular DCTA', 'DCTA', 'DCTA'],
  ['daf', 'Titular DAF', 'DAF', 'DAF'],
  ['cosfac', 'Titular COSFAC', 'COSFAC', 'COSFAC'],
  ['dg.nacional', 'Director General del CONALEP', 'DIRECTOR_GENERAL_NACIONAL', 'ON'],
  ['cast.mex', 'Director CAST Estado de México', 'CAST', 'MEX-CAST01'],
  ['cast.ver', 'Director CAST Veracruz', 'CAST', 'VER-CAST01'],
  ['dg.mex', 'Director General CONALEP Estado de México', 'DIRECTOR_GENERAL_ESTATAL', 'CE-MEX'],
  ['dg.ver', 'Director General CONALEP Veracruz', 'DIRECTOR_GENERAL_ESTATAL', 'CE-VER'],
  ['escolares.mex', 'Jefatura de Servicios Escolares Estado de México', 'JEFE_SERVICIOS_ESCOLARES_ESTATAL', 'CE-MEX'],
  ['psicopedagogia.mex', 'Psicopedagogía Estado de México', 'PSICOPEDAGOGIA', 'CE-MEX'],
  ['tccc.mex', 'Titular de Capacitación, Certificación y CAST', 'TITULAR_CAPACITACION_CERTIFICACION_CAST', 'CE-MEX'],
  ['ece.mex', 'Coordinación de la ECE', 'COORDINADOR_ECE', 'CE-MEX'],
  ['promocion.mex', 'Coordinación de Promoción de Servicios de la ECE', 'COORDINADOR_PROMOCION_ECE', 'CE-MEX'],
  ['director.p001', 'Dirección Plantel Toluca', 'DIRECTOR_PLANTEL', 'MEX-P001'],
  ['dce.p001', 'Dirección del Centro de Evaluación, Plantel Toluca', 'TITULAR_DIRECCION_CENTRO_EVALUACION', 'MEX-P001'],
  ['cce.p001', 'Coordinación del Centro de Evaluación, Plantel Toluca', 'COORDINADOR_CENTRO_EVALUACION', 'MEX-P001'],
  ['escolares.p001', 'Servicios Escolares, Plantel Toluca', 'SERVICIOS_ESCOLARES_PLANTEL', 'MEX-P001'],
  ['dce.p002', 'Dirección del Centro de Evaluación, Plantel Ecatepec', 'TITULAR_DIRECCION_CENTRO_EVALUACION', 'MEX-P002'],
  ['cce.p002', 'Coordinación del Centro de Evaluación, Plantel Ecatepec', 'COORDINADOR_CENTRO_EVALUACION', 'MEX-P002'],
  ['escolares.p002', 'Servicios Escolares, Plantel Ecatepec', 'SERVICIOS_ESCOLARES_PLANTEL', 'MEX-P002'],
  ['promocion.ver', 'Coordinación de Promoción de Servicios de la ECE, Veracruz', 'COORDINADOR_PROMOCION_ECE', 'CE-VER'],
  ['conocer.dvd', 'Dirección de Vinculación y Difusión (CONOCER)', 'CONOCER_DIRECCION_VINCULACION', 'CONOCER-DVD'],
  ['conocer.canales', 'Responsable de Canales de Atención (CONOCER)', 'CONOCER_RESPONSABLE_CANALES', 'CONOCER-DVD'],
  ['conocer.operador', 'Operador del Centro de Contacto', 'CONOCER_OPERADOR_CONTACTO', 'CONOCER-CC'],
  ['conocer.especialista', 'Especialista CONOCER', 'CONOCER_ESPECIALISTA', 'CONOCER-DVD'],
  ['spdi', 'SPDI-DPP', 'SPDI_DPP', 'SPDI-DPP'],
  ['sesc', 'Subcoordinación de Estrategias de los Servicios de Capacitación', 'SESC', 'CSC'],
  ['jdcesc', 'Jefatura de Control Estadístico de los Servicios de Capacitación', 'JDCESC', 'CSC'],
  ['gt.comeri', 'Grupo de Trabajo del COMERI', 'GT_COMERI', 'COMERI'],
  ['comeri', 'Secretaría del COMERI', 'COMERI', 'COMERI'],
  ['enlace.mex', 'Responsable de Capacitación, Estado de México', 'ENLACE_CAPACITACION', 'CE-MEX'],
  ['enlace.rceo', 'Responsable de Capacitación, RCEO', 'ENLACE_CAPACITACION', 'RCEO'],
  ['admin.mex', 'Administración CONALEP Estado de México', 'ADMINISTRADOR_PLATAFORMA', 'CE-MEX'],
  ['admin.ver', 'Administración CONALEP Veracruz', 'ADMINISTRADOR_PLATAFORMA', 'CE-VER'],
  ['admin.conocer', 'Administración CONOCER', 'ADMINISTRADOR_PLATAFORMA', 'CONOCER'],
  ['usuario.emp-mex01', 'Contacto de Industrias Demo del Valle de Toluca', 'USUARIO_EXTERNO', 'EMP-MEX01'],
  ['usuario.emp-ver01', 'Contacto de Servicios Demo del Golfo', 'USUARIO_EXTERNO', 'EMP-VER01'],
  ['formacion.mex', 'Jefatura de Formación Técnica Estado de México', 'JEFE_FORMACION_TECNICA_ESTATAL', 'CE-MEX'],
  ['proveedor.portal', 'Proveedor del desarrollo y operación del Portal CONOCER', 'CONOCER_PROVEEDOR_PORTAL', 'PROV-PORTAL'],
];

export const demoEmail = (local: string) => `${local}@demo.conalep.mx`;

/**
 * Seeds the demo data into an empty database; returns false when there was data already.
 * Rows go in a few multi-row statements (start-up time on the embedded engine,
 * docs/decisions/013-start-up-and-build.md), each with its own `createdAt`, one millisecond
 * apart, so lists ordered by creation read as if created one by one. Every demo
 * account shares one password, so its hash is computed once.
 */
export async function seedDemoData(db: Db): Promise<boolean> {
  if ((await db.orgUnit.count()) > 0) return false;
  const clock = createdAtClock();
  const units = new Map<string, { id: string; path: string }>();
  const unitRows = DEMO_UNITS.map(([code, name, kind, parentCode]) => {
    const id = randomUUID();
    const parent = parentCode ? units.get(parentCode)! : null;
    const path = `${parent?.path ?? '/'}${id}/`;
    units.set(code, { id, path });
    return { id, code, name, kind, parentId: parent?.id ?? null, path, createdAt: clock() };
  });
  await db.orgUnit.createMany({ data: unitRows });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const people = DEMO_PEOPLE.map(([local, fullName, role, unitCode]) => ({
    person: {
      id: randomUUID(),
      email: demoEmail(local),
      fullName,
      passwordHash,
      unitId: units.get(unitCode)!.id,
      emailVerifiedAt: new Date(),
      createdAt: clock(),
    },
    role,
    unitId: units.get(unitCode)!.id,
  }));
  await db.person.createMany({ data: people.map((p) => p.person) });
  await db.roleAssignment.createMany({ data: people.map((p) => ({ personId: p.person.id, role: p.role, unitId: p.unitId })) });
  await seedDemoStudents(db, units, clock);
  await importarInformeConocer(db);
  return true;
}

/** Increasing timestamps, one millisecond apart, starting now. */
function createdAtClock(): () => Date {
  let next = Date.now();
  return () => new Date(next++);
}

const NOMBRES = ['Ana', 'Luis', 'María', 'José', 'Fernanda', 'Diego', 'Valeria', 'Jorge', 'Sofía', 'Carlos'];
const APELLIDOS = ['García', 'Hernández', 'López', 'Martínez', 'González', 'Pérez', 'Rodríguez', 'Sánchez', 'Ramírez', 'Cruz'];

/**
 * Students of two planteles (MEX-P001: 20, MEX-P002: 10), generation 2022,
 * with one group, three modules and the three cortes of period "2025-1".
 * In MEX-P001 the first 8 completed the plan (EGRESADO), students 9-12 failed
 * at least two modules in every corte, and student 20 is a baja.
 */
async function seedDemoStudents(db: Db, units: Map<string, { id: string }>, clock: () => Date) {
  const modulos = ['PROG-01', 'MATE-02', 'COMU-03'].map((clave, i) => ({
    id: randomUUID(),
    clave,
    nombre: ['Programación básica', 'Matemáticas', 'Comunicación'][i],
  }));
  await db.modulo.createMany({ data: modulos });
  const grupos: { id: string; unitId: string; clave: string; periodo: string; semestre: number }[] = [];
  const docentes: { id: string; unitId: string; nombre: string }[] = [];
  const alumnos: Prisma.AlumnoCreateManyInput[] = [];
  const evaluaciones: { alumnoId: string; moduloId: string; docenteId: string; periodo: string; corte: number; calificacion: number }[] =
    [];
  for (const [code, count] of [
    ['MEX-P001', 20],
    ['MEX-P002', 10],
  ] as const) {
    const unitId = units.get(code)!.id;
    const grupo = { id: randomUUID(), unitId, clave: '6101', periodo: '2025-1', semestre: 6 };
    const docente = { id: randomUUID(), unitId, nombre: `Docente ${code}` };
    grupos.push(grupo);
    docentes.push(docente);
    for (let i = 1; i <= count; i++) {
      const egresado = code === 'MEX-P001' && i <= 8;
      const alumnoId = randomUUID();
      alumnos.push({
        id: alumnoId,
        matricula: `${code.replace('MEX-', '')}22${String(i).padStart(4, '0')}`,
        curp: `GOMA${String(60101 + i).padStart(6, '0')}HMCRRN${i % 10}${i % 7}`,
        nombre: NOMBRES[i % 10],
        primerApellido: APELLIDOS[i % 10],
        segundoApellido: APELLIDOS[(i + 3) % 10],
        generacion: 2022,
        carrera: 'Informática',
        modeloAcademico: 'M2018',
        unitId,
        grupoId: grupo.id,
        semestre: 6,
        estatus: egresado ? 'EGRESADO' : code === 'MEX-P001' && i === 20 ? 'BAJA' : 'INSCRITO',
        planConcluido: egresado,
        createdAt: clock(),
      });
      const atRisk = code === 'MEX-P001' && i >= 9 && i <= 12;
      evaluaciones.push(
        ...modulos.flatMap((m, k) =>
          [1, 2, 3].map((corte) => ({
            alumnoId,
            moduloId: m.id,
            docenteId: docente.id,
            periodo: '2025-1',
            corte,
            calificacion: atRisk && k < 2 ? 5 : 8 + ((i + k) % 3) * 0.5,
          })),
        ),
      );
    }
  }
  await db.grupo.createMany({ data: grupos });
  await db.docente.createMany({ data: docentes });
  await db.alumno.createMany({ data: alumnos });
  await db.evaluacion.createMany({ data: evaluaciones });
}
