// Renders a workflow declaration as Markdown: a step table and a mermaid
// diagram. docs/ holds the output, and a test fails when it is stale, so the
// documentation cannot drift from the behaviour.
import { rolesOf, statesAllowing, subjectsOf, type AnyWorkflow } from './types.js';
import { isSystemStep } from './system.js';

export function renderWorkflow(workflow: AnyWorkflow): string {
  const steps = Object.entries(workflow.steps);
  const states = (names: readonly string[]) => names.join(', ');
  const lines = [
    `<!-- Generated from src/modules by \`npm run docs:print\`; do not edit. -->`,
    `### ${workflow.title} (${workflow.procedure}): steps`,
    '',
    `Record: \`${workflow.entity}\`. Every step is the mutation of the same name, and the key of its audit entry.`,
    '',
    '| step | mutation | kind | role | reach | allowed in / needs | to | observations |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...steps.map(([name, s]) => {
      const needs =
        s.kind === 'creation'
          ? s.under
            ? subjectsOf(s)
                .map((x) => `${x.entity} ${states(x.states)}`)
                .join(' or ')
            : s.unitKinds
              ? `at a ${s.unitKinds.join(' or ')}`
              : '(creates)'
          : states(statesAllowing(s));
      const reach = s.reach.kind === 'owner' ? 'owner' : `addressee: ${s.reach.purpose}`;
      const roles = s.roleByKind
        ? Object.entries(s.roleByKind)
            .map(([k, r]) => `${r} (${k})`)
            .join(', ')
        : rolesOf(s).join(' or ');
      const mutation = isSystemStep(s) ? `\`${name}\` (job, no mutation)` : `\`${name}\``;
      return `| ${s.step} | ${mutation} | ${s.kind} | ${roles} | ${reach} | ${needs} | ${s.kind === 'action' ? '(same)' : s.to} | ${s.comment === 'required' ? 'required' : 'optional'} |`;
    }),
    '',
    '```mermaid',
    'stateDiagram-v2',
    ...steps.flatMap(([name, s]) => {
      const label = `${s.step} ${name} (${rolesOf(s).join(' or ')})`;
      if (s.kind === 'creation') return [`  [*] --> ${s.to}: ${label}`];
      if (s.kind === 'action') return s.in.map((st) => `  ${st} --> ${st}: ${label}`);
      return s.from.map((from) => `  ${from} --> ${s.to}: ${label}`);
    }),
    ...workflow.final.map((s) => `  ${s} --> [*]`),
    '```',
    '',
  ];
  return lines.join('\n');
}
