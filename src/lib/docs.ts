// Documentation generated from the code's own data.
import '../schema.js';
import { ROLE_DESCRIPTIONS } from '../modules/organisation/roles.js';
import { DEMO_PASSWORD, DEMO_PEOPLE, DEMO_UNITS, demoEmail } from '../seed/demo.js';
import { registeredWorkflows } from './modules.js';
import { renderWorkflow } from './workflow/docs.js';

const HEADER = '<!-- Generated from the code by `npm run docs:print`; do not edit. -->\n';

export function generatedDocs(): Record<string, string> {
  const docs: Record<string, string> = {
    'docs/roles.md': [
      HEADER,
      '# Roles',
      '',
      'The role catalogue, from the "Responsables" columns of the procedure manuals in `shared/seeds`',
      '(`src/modules/organisation/roles.ts`). A role is always held *at a unit*; see docs/organisation.md for its reach.',
      '',
      '| role | who, and where the manual names it |',
      '| --- | --- |',
      ...Object.entries(ROLE_DESCRIPTIONS).map(([role, d]) => `| \`${role}\` | ${d} |`),
      '',
    ].join('\n'),
    'docs/demo-accounts.md': [
      HEADER,
      '# Demo accounts',
      '',
      `Seeded on the first start of the embedded database (and in every test run). Password for all: \`${DEMO_PASSWORD}\`.`,
      'Never use these on a real deployment (set `DATABASE_URL`; demo data is only seeded into the embedded engine).',
      '',
      '| e-mail | role | unit |',
      '| --- | --- | --- |',
      ...DEMO_PEOPLE.map(([local, , role, unit]) => `| ${demoEmail(local)} | \`${role}\` | ${unit} |`),
      '',
      '## Units',
      '',
      '| code | name | kind | parent |',
      '| --- | --- | --- | --- |',
      ...DEMO_UNITS.map(([code, name, kind, parent]) => `| ${code} | ${name} | ${kind} | ${parent ?? '—'} |`),
      '',
    ].join('\n'),
  };
  for (const workflow of registeredWorkflows()) {
    docs[`docs/procedures/${workflow.name}.steps.md`] = renderWorkflow(workflow);
  }
  return docs;
}
