// The messages the code writes for clients, read from the source with the
// TypeScript parser: string and template literals given to the error helpers
// of src/lib/errors.ts (forbidden, unauthenticated, conflict, unavailable,
// AppError), as an InputChecker's message (third argument of `check`), as a
// `message:` property, a workflow guard's refusal (`ok ? null : 'why'`), or
// thrown as a scalar's TypeError. Interpolations
// become "{0}", "{1}"…, the form the catalogue (src/lib/i18n/catalogue.ts) uses.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface SourceMessage {
  file: string;
  line: number;
  text: string;
}

const ERROR_HELPERS = new Set([
  'forbidden',
  'unauthenticated',
  'conflict',
  'unavailable',
  'AppError',
  'TypeError',
  'GraphQLError',
  'refusal',
]);

export function sourceMessages(root: string): SourceMessage[] {
  const files = readdirSync(path.join(root, 'src'), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts') && !f.startsWith('generated'))
    .map((f) => path.join('src', f));
  const found: SourceMessage[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(path.join(root, file), 'utf8'), ts.ScriptTarget.ES2022, true);
    const add = (node: ts.Node | undefined) => {
      if (!node) return;
      const text = literalText(node);
      if (text === undefined || !/[a-z]/.test(text) || !/\s/.test(text)) return;
      found.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text });
    };
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
        const callee = node.expression;
        const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
        const args = node.arguments ?? ts.factory.createNodeArray();
        if (name === 'check') add(args[2]);
        else if (name === 'invalid') add(args[1]);
        else if (ERROR_HELPERS.has(name)) args.forEach(add);
      }
      if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === 'message') add(node.initializer);
      // Workflow guards and readiness checks: `ok ? null : 'Why not'`.
      if (ts.isConditionalExpression(node) && node.whenTrue.kind === ts.SyntaxKind.NullKeyword) add(node.whenFalse);
      if (ts.isConditionalExpression(node) && node.whenFalse.kind === ts.SyntaxKind.NullKeyword) add(node.whenTrue);
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'push') {
        // problems.push(`Operation … the limit is …`)
        node.arguments.forEach((a) => ts.isTemplateExpression(a) && add(a));
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    return node.head.text + node.templateSpans.map((span, i) => `{${i}}${span.literal.text}`).join('');
  }
  if (ts.isParenthesizedExpression(node)) return literalText(node.expression);
  return undefined;
}
