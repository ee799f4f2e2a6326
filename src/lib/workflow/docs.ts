// Renders a workflow declaration as Markdown: a step table and a mermaid
// diagram. docs/ holds the output, and a test fails when it is stale, so the
// documentation cannot drift from the behaviour.
import type { DescribedWorkflow } from './registry.js';
import { rolesOf } from './types.js';

export function renderWorkflow(workflow: DescribedWorkflow, mutations: Record<string, string>): string {
  const mutationOf = Object.fromEntries(Object.entries(mutations).map(([m, t]) => [t, m]));
  const steps = Object.entries(workflow.transitions);
  const lines = [
    `<!-- Generated from src/modules by \`npm run docs:print\`; do not edit. -->`,
    `### ${workflow.title} (${workflow.procedure}): steps`,
    '',
    '| step | mutation | role | reach | from | to | observations |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...steps.map(
      ([name, t]) =>
        `| ${t.step} | \`${mutationOf[name]}\` | ${rolesOf(t).join(' or ')} | ${t.reach.kind === 'owner' ? 'owner' : `addressee: ${t.reach.purpose}`} | ${
          t.from ? t.from.join(', ') : '(creates)'
        } | ${t.to} | ${t.comment === 'required' ? 'required' : 'optional'} |`,
    ),
    '',
    '```mermaid',
    'stateDiagram-v2',
    ...steps.flatMap(([name, t]) =>
      (t.from ?? ['[*]']).map((from) => `  ${from} --> ${t.to}: ${t.step} ${mutationOf[name]} (${rolesOf(t).join(' or ')})`),
    ),
    ...workflow.final.map((s) => `  ${s} --> [*]`),
    '```',
    '',
  ];
  return lines.join('\n');
}
