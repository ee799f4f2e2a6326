// Issue #16: "every report and indicator query is also a CSV and an XLSX file
// over HTTP". Derived from the schema, so a new report cannot be forgotten:
// every root Query field is a record list (a Connection: its records are read
// through GraphQL, and the records and students views are the table exports),
// one of the few lookups below, or a report that a module lists in `exports`.
import fs from 'node:fs';
import path from 'node:path';
import { getNamedType, isListType, isNonNullType, isObjectType, type GraphQLField } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SUMMARY, reportExports } from '../src/lib/http/exports.js';
import { registeredModules } from '../src/lib/modules.js';
import { buildSchema } from '../src/schema.js';

/** Root queries that are neither a record list nor a report or indicator, each with the reason. */
const NOT_REPORTS: Record<string, string> = {
  me: 'the signed-in person: their own record, not figures',
  node: 'one record by its global id',
  nodes: 'records by their global ids',
  orgUnit: 'one unit by its code (the units are the orgUnits connection and reporting.unidades)',
  workflows: "the API's description of its procedures (states, steps, roles): metadata, not figures",
  foliosDisponibles: 'one number for one unit, read while a certificate is issued: a lookup, not a report',
  cortesCalendario:
    "a Colegio Estatal's published calendar: workflow records (each corte has its steps and history), read by clients to date the grades",
};

/**
 * Objects that hang off a record and are not reports of it (catalogue records, deadlines), each with the reason.
 * Every other one (a campaign's report, an analysis' charts) is a report of the record: an export read through `node`.
 */
const NOT_RECORD_REPORTS: Record<string, string> = {
  'Alumno.grupo': "the student's group: a catalogue record",
  'AsesoriaComplementaria.docente': 'a teacher: a catalogue record',
  'AsesoriaComplementaria.modulo': 'a module: a catalogue record',
  'RectificacionEvaluacion.modulo': 'a module: a catalogue record',
  'Certificado.folio': "the certificate's folio",
  'ConcentradoEstatal.total': "the promotion indicator of the concentrado's state and quarter: exported as eficienciaPromocion",
  'ReporteTrimestral.resultado': "the promotion indicator of the report's plantel and quarter: exported as eficienciaPromocion",
  'ProgramaMetas.plazoSolicitud': 'a deadline',
  'RegistroResultados.plazo': 'a deadline',
  'PromocionServiciosTecnologicos.publicacion': "the round's publication on the portal",
  'Ticket.sla': "one ticket's response times: the contact centre's are exported as slaContacto",
};

const schema = buildSchema();
const specs = registeredModules().flatMap((m) => m.exports ?? []);
const exportsByName = reportExports(schema, specs);
const fields = Object.values(schema.getQueryType()!.getFields());
const isConnection = (f: GraphQLField<unknown, unknown>) => getNamedType(f.type).name.endsWith('Connection');

describe('every report and indicator is an export', () => {
  it('every root query that is not a record list or a listed lookup is declared in a module’s exports', () => {
    const missing = fields.filter((f) => !isConnection(f) && !(f.name in NOT_REPORTS) && !exportsByName.has(f.name)).map((f) => f.name);
    // Declare it in its module's `exports` (src/lib/modules.ts, docs/bi.md), or, if it is not a report, in NOT_REPORTS with the reason.
    expect(missing).toEqual([]);
  });

  it('every report that hangs off a record (an object of a record that is not a record) is an export, or listed with the reason', () => {
    const node = schema.getType('Node');
    const declared = new Set(specs.flatMap((s) => (typeof s !== 'string' && s.on ? [`${s.on}.${(s.path ?? '').split('.')[0]}`] : [])));
    const found: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || !type.getInterfaces().some((i) => i === node)) continue;
      for (const f of Object.values(type.getFields())) {
        const named = getNamedType(f.type);
        const list = isListType(isNonNullType(f.type) ? f.type.ofType : f.type);
        if (list || !isObjectType(named) || named.getInterfaces().some((i) => i === node) || named.name.endsWith('Connection')) continue;
        found.push(`${type.name}.${f.name}`);
      }
    }
    // Declare it in its module's `exports` ({ name, field: 'node', on, path, tables }), or list it in NOT_RECORD_REPORTS.
    expect(found.filter((f) => !declared.has(f) && !(f in NOT_RECORD_REPORTS))).toEqual([]);
    expect(Object.keys(NOT_RECORD_REPORTS).filter((f) => !found.includes(f))).toEqual([]);
    expect([...declared].filter((f) => !found.includes(f))).toEqual([]);
  });

  it('the list of lookups is not stale: each is a root query and none is exported or a record list', () => {
    const names = new Set(fields.map((f) => f.name));
    for (const name of Object.keys(NOT_REPORTS)) {
      expect(names.has(name), name).toBe(true);
      expect(exportsByName.has(name), name).toBe(false);
    }
    expect(fields.filter((f) => f.name in NOT_REPORTS && isConnection(f)).map((f) => f.name)).toEqual([]);
  });

  it('a report of one object exports every list it has, each also on its own, with its summary', () => {
    for (const spec of specs) {
      if (typeof spec === 'string') continue;
      const name = spec.name ?? spec.field;
      const report = exportsByName.get(name)!;
      const tables = (spec.tables ?? []).map((t) => (typeof t === 'string' ? t : t.rows));
      expect(report.xlsx.map((s) => s.name).filter((n) => n !== SUMMARY)).toEqual(tables);
      for (const table of tables) expect(exportsByName.get(`${name}.${table}`)?.csv.name).toBe(table);
      // The CSV of the report is its first table; its summary when it has none.
      expect(report.csv.name).toBe(tables[0] ?? SUMMARY);
    }
  });

  it('refuses at start-up a report whose lists are not declared, or whose columns would repeat', () => {
    expect(() => reportExports(schema, [{ field: 'reporteSiseac', tables: ['porModulo'] }])).toThrow(
      'export reporteSiseac: ReporteSiseac.porDocente is a list: declare it in tables, or in omit',
    );
    expect(() =>
      reportExports(schema, [{ field: 'informeConocer', lead: ['anioDesde'], tables: ['series.puntos', 'indicadores', 'conciliaciones'] }]),
    ).toThrow('column anioDesde twice');
    expect(() => reportExports(schema, [{ field: 'cifrasConocer', tables: ['x'] }])).toThrow('a list is exported as it is');
  });

  it('docs/bi.md names every export', () => {
    const doc = fs.readFileSync(path.resolve(import.meta.dirname, '../docs/bi.md'), 'utf8');
    const names = [...exportsByName.keys()].filter((n) => !n.includes('.'));
    expect(names.filter((n) => !doc.includes(`\`${n}\``))).toEqual([]);
  });
});
