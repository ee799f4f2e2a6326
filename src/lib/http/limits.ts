// Validation rules that refuse, before execution, operations that could
// exhaust the server: too deep, too many aliases, or too costly. Cost counts
// one per field, multiplied by the page size requested on connections.
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from 'graphql';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
}

const DEFAULT_PAGE = 20;

export function queryLimitRules(limits: QueryLimits) {
  return [
    (context: ValidationContext): ASTVisitor => ({
      OperationDefinition(operation) {
        const fragments = Object.fromEntries(
          context.getDocument().definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
        );
        const stats = { aliases: 0, depth: 0 };
        const cost = measure(operation.selectionSet, fragments, 1, stats, new Set(), context);
        const name = operation.name?.value ?? 'anonymous';
        if (stats.depth > limits.maxDepth) {
          context.reportError(new GraphQLError(`Operation ${name} is ${stats.depth} levels deep; the limit is ${limits.maxDepth}`, { nodes: [operation] }));
        }
        if (stats.aliases > limits.maxAliases) {
          context.reportError(new GraphQLError(`Operation ${name} uses ${stats.aliases} aliases; the limit is ${limits.maxAliases}`, { nodes: [operation] }));
        }
        if (cost > limits.maxCost) {
          context.reportError(new GraphQLError(`Operation ${name} costs ${cost}; the limit is ${limits.maxCost}`, { nodes: [operation] }));
        }
      },
    }),
  ];
}

function measure(
  set: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  depth: number,
  stats: { aliases: number; depth: number },
  visiting: Set<string>,
  context: ValidationContext,
): number {
  stats.depth = Math.max(stats.depth, depth);
  let cost = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.alias) stats.aliases += 1;
      if (!selection.selectionSet) {
        cost += 1;
        continue;
      }
      const page = pageSize(selection.arguments?.find((a) => a.name.value === 'first' || a.name.value === 'last')?.value, context);
      cost += 1 + page * measure(selection.selectionSet, fragments, depth + 1, stats, visiting, context);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      cost += measure(selection.selectionSet, fragments, depth, stats, visiting, context);
    } else {
      const fragment = fragments[selection.name.value];
      // Cycles are reported by graphql-js' own NoFragmentCycles rule.
      if (!fragment || visiting.has(fragment.name.value)) continue;
      visiting.add(fragment.name.value);
      cost += measure(fragment.selectionSet, fragments, depth, stats, visiting, context);
      visiting.delete(fragment.name.value);
    }
  }
  return cost;
}

function pageSize(value: ValueNode | undefined, _context: ValidationContext): number {
  if (!value) return 1;
  if (value.kind === Kind.INT) return Math.max(1, Number(value.value));
  // A variable: its value is not known during validation; assume the default page.
  return DEFAULT_PAGE;
}
