// Operation limits (docs/decisions/007-operation-limits.md): every document is
// refused before execution when it has too many tokens, operations,
// directives, aliases, levels or too high a cost. Checking costs time linear
// in the size of the document:
//   - tokens are capped while parsing (graphql-js stops at the limit),
//   - fragments are indexed once per document and measured once each
//     (memoised), however often they are spread; cycles measure as nothing
//     (graphql-js' NoFragmentCycles rule refuses them),
//   - cost reads the request's variables, so `first: $n` costs what it serves.
import {
  GraphQLError,
  Kind,
  getNamedType,
  isInterfaceType,
  isObjectType,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ParseOptions,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

export interface OperationLimits {
  /** Lexical tokens per document (checked while parsing). */
  maxTokens: number;
  /** Operation definitions per document. */
  maxOperations: number;
  /** Directives in the executed operation, fragments counted at each spread. */
  maxDirectives: number;
  /** Levels of nested fields in the executed operation (`{ me { id } }` is 2). */
  maxDepth: number;
  /** Aliased fields in the executed operation, fragments counted at each spread. */
  maxAliases: number;
  /** One per field, times the page size of connections (see `measureOperation`). */
  maxCost: number;
  /** Whether __schema and __type may be queried. */
  introspection: boolean;
}

/** Page sizes the server serves (src/builder.ts: defaultConnectionSize, maxConnectionSize). */
export const DEFAULT_PAGE = 20;
export const MAX_PAGE = 100;

export interface OperationMeasure {
  depth: number;
  aliases: number;
  directives: number;
  cost: number;
}

type Variables = Readonly<Record<string, unknown>> | undefined;

/**
 * Depth, aliases, directives and cost of one operation, in time linear in the
 * size of the document. Introspection fields (`__schema`, `__type`) are not
 * counted: graphql-js' MaxIntrospectionDepthRule bounds them (`__typename` is).
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Variables,
): OperationMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const memo = new Map<string, OperationMeasure | 'visiting'>();
  const defaults = new Map<string, ValueNode>();
  for (const v of operation.variableDefinitions ?? []) if (v.defaultValue) defaults.set(v.variable.name.value, v.defaultValue);

  const intValue = (value: ValueNode | undefined): number | undefined => {
    if (!value) return undefined;
    if (value.kind === Kind.INT) return Number(value.value);
    if (value.kind === Kind.VARIABLE) {
      const given = variables?.[value.name.value];
      if (typeof given === 'number') return given;
      if (given === undefined) return intValue(defaults.get(value.name.value));
    }
    return undefined;
  };

  const fragment = (name: string): OperationMeasure => {
    const known = memo.get(name);
    if (known === 'visiting') return { depth: 0, aliases: 0, directives: 0, cost: 0 };
    if (known) return known;
    const definition = fragments.get(name);
    if (!definition) return { depth: 0, aliases: 0, directives: 0, cost: 0 };
    memo.set(name, 'visiting');
    const measured = selectionSet(definition.selectionSet, schema.getType(definition.typeCondition.name.value));
    measured.directives += definition.directives?.length ?? 0;
    memo.set(name, measured);
    return measured;
  };

  const selectionSet = (set: SelectionSetNode, parent: GraphQLNamedType | null | undefined): OperationMeasure => {
    const total: OperationMeasure = { depth: 0, aliases: 0, directives: 0, cost: 0 };
    const fields = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields() : undefined;
    for (const selection of set.selections) {
      total.directives += selection.directives?.length ?? 0;
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === '__schema' || selection.name.value === '__type') continue;
        if (selection.alias) total.aliases += 1;
        if (!selection.selectionSet) {
          total.depth = Math.max(total.depth, 1);
          total.cost += 1;
          continue;
        }
        const type = fields?.[selection.name.value]?.type;
        const child = selectionSet(selection.selectionSet, type && getNamedType(type));
        const pageArgument = selection.arguments?.find((a) => a.name.value === 'first' || a.name.value === 'last')?.value;
        const requested = intValue(pageArgument);
        const connection = type !== undefined && getNamedType(type).name.endsWith('Connection');
        // A page size the cost cannot read (a variable not given) costs the largest page.
        const page =
          requested !== undefined ? Math.min(MAX_PAGE, Math.max(1, requested)) : pageArgument ? MAX_PAGE : connection ? DEFAULT_PAGE : 1;
        total.depth = Math.max(total.depth, 1 + child.depth);
        total.aliases += child.aliases;
        total.directives += child.directives;
        total.cost += 1 + page * child.cost;
      } else {
        const child =
          selection.kind === Kind.INLINE_FRAGMENT
            ? selectionSet(selection.selectionSet, selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent)
            : fragment(selection.name.value);
        total.depth = Math.max(total.depth, child.depth);
        total.aliases += child.aliases;
        total.directives += child.directives;
        total.cost += child.cost;
      }
    }
    return total;
  };

  const measured = selectionSet(operation.selectionSet, schema.getRootType(operation.operation));
  measured.directives += operation.directives?.length ?? 0;
  return measured;
}

/** The limits an operation breaks, as messages naming each limit and its value. */
export function checkOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Variables,
  limits: OperationLimits,
): string[] {
  const operations = countOperations(document);
  if (operations > limits.maxOperations) return [operationsProblem(operations, limits)];
  const m = measureOperation(schema, document, operation, variables);
  const name = operation.name?.value ?? 'anonymous';
  const problems: string[] = [];
  if (m.depth > limits.maxDepth) problems.push(`Operation ${name} is ${m.depth} levels deep; the limit is ${limits.maxDepth}`);
  if (m.aliases > limits.maxAliases)
    problems.push(`Operation ${name} uses ${format(m.aliases)} aliases; the limit is ${limits.maxAliases}`);
  if (m.directives > limits.maxDirectives)
    problems.push(`Operation ${name} uses ${format(m.directives)} directives; the limit is ${limits.maxDirectives}`);
  if (m.cost > limits.maxCost) problems.push(`Operation ${name} costs ${format(m.cost)}; the limit is ${limits.maxCost}`);
  return problems;
}

const countOperations = (document: DocumentNode) => document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).length;
const operationsProblem = (operations: number, limits: OperationLimits) =>
  `The document has ${operations} operations; the limit is ${limits.maxOperations}`;

const format = (n: number) => (Number.isSafeInteger(n) ? String(n) : 'more than 2^53');

const refusal = (message: string) =>
  new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } });

/** The Apollo Server options that enforce the limits: parse options, introspection and the checking plugin. */
export function operationLimitOptions<TContext extends BaseContext>(limits: OperationLimits) {
  const parseOptions: ParseOptions = { maxTokens: limits.maxTokens };
  const plugin: ApolloServerPlugin<TContext> = {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation: ({ schema, document, operation, request }) => {
          if (!operation) {
            // Apollo refuses a document whose operation it cannot pick; say first if it has too many.
            const operations = countOperations(document);
            return operations > limits.maxOperations ? Promise.reject(refusal(operationsProblem(operations, limits))) : Promise.resolve();
          }
          const problems = checkOperation(schema, document, operation, request.variables, limits);
          // Several refusals are reported together; Apollo's pipeline takes one thrown error.
          if (problems.length) return Promise.reject(refusal(problems.join('; ')));
          return Promise.resolve();
        },
      }),
  };
  return {
    parseOptions,
    introspection: limits.introspection,
    // Without introspection, "Did you mean …" suggestions would reveal the schema.
    hideSchemaDetailsFromClientErrors: !limits.introspection,
    plugins: [plugin],
  };
}
