/**
 * What a cell shares with the others, read from its TypeScript syntax (types included, which the
 * kernel's analysis never sees because it runs after types are stripped): the names it declares
 * at top level, the names it uses, the imports it makes, and whether it ends in an expression the
 * notebook would show.
 */
import ts from 'typescript';

export type DeclarationKind = 'value' | 'type';

export interface ImportedName {
  /** The name as this cell binds it. */
  local: string;
  /** The exported name in the module (`default` and `*` for those forms). */
  imported: string;
  module: string;
  typeOnly: boolean;
}

export interface CellAnalysis {
  /** Top-level names this cell declares itself (not imports). */
  declares: Map<string, DeclarationKind>;
  imports: ImportedName[];
  /** Every identifier the cell mentions as a name (not as a property). */
  uses: Set<string>;
  /** Names the cell assigns to (`x = ...`, `x++`), anywhere in its code. */
  assigns: Set<string>;
  /** The span of a last statement that is an expression to show, if any. */
  lastExpression?: { start: number; end: number; statementEnd: number; isDisplayCall: boolean };
  /** Spans of the import declarations, to lift them out of the cell body. */
  importSpans: { start: number; end: number }[];
}

function bindingNames(name: ts.BindingName, out: string[]): void {
  if (ts.isIdentifier(name)) out.push(name.text);
  else for (const element of name.elements) if (!ts.isOmittedExpression(element)) bindingNames(element.name, out);
}

/** Whether this identifier is a property name rather than a reference to a variable. */
function isPropertyName(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return true;
  if (ts.isQualifiedName(parent) && parent.right === node) return true;
  if (
    (ts.isPropertyAssignment(parent) ||
      ts.isMethodDeclaration(parent) ||
      ts.isPropertyDeclaration(parent) ||
      ts.isPropertySignature(parent) ||
      ts.isMethodSignature(parent) ||
      ts.isGetAccessor(parent) ||
      ts.isSetAccessor(parent) ||
      ts.isEnumMember(parent)) &&
    parent.name === node
  )
    return true;
  if (ts.isBindingElement(parent) && parent.propertyName === node) return true;
  if ((ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent)) && parent.propertyName === node) return true;
  if (ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) return true;
  return false;
}

/** A type checker over this one file, without the standard library: only its own declarations resolve. */
function singleFileChecker(file: ts.SourceFile): ts.TypeChecker {
  const host: ts.CompilerHost = {
    getSourceFile: (name) => (name === file.fileName ? file : undefined),
    getDefaultLibFileName: () => 'lib.d.ts',
    writeFile: () => {},
    getCurrentDirectory: () => '/',
    getCanonicalFileName: (name) => name,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (name) => name === file.fileName,
    readFile: () => undefined,
  };
  return ts.createProgram([file.fileName], { noLib: true, noResolve: true, types: [] }, host).getTypeChecker();
}

export function analyseCell(source: string): CellAnalysis {
  const file = ts.createSourceFile('cell.ts', source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const declares = new Map<string, DeclarationKind>();
  const imports: ImportedName[] = [];
  const importSpans: { start: number; end: number }[] = [];
  for (const statement of file.statements) {
    if (ts.isVariableStatement(statement)) {
      const names: string[] = [];
      for (const declaration of statement.declarationList.declarations) bindingNames(declaration.name, names);
      for (const name of names) declares.set(name, 'value');
    } else if (
      (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) &&
      statement.name
    ) {
      declares.set(statement.name.text, 'value');
    } else if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) {
      declares.set(statement.name.text, 'type');
    } else if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      importSpans.push({ start: statement.getStart(file), end: statement.getEnd() });
      const module = statement.moduleSpecifier.text;
      const clause = statement.importClause;
      if (!clause) continue;
      if (clause.name) imports.push({ local: clause.name.text, imported: 'default', module, typeOnly: clause.isTypeOnly });
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings))
        imports.push({ local: bindings.name.text, imported: '*', module, typeOnly: clause.isTypeOnly });
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) {
          imports.push({
            local: element.name.text,
            imported: (element.propertyName ?? element.name).text,
            module,
            typeOnly: clause.isTypeOnly || element.isTypeOnly,
          });
        }
      }
    }
  }

  const uses = new Set<string>();
  const assigns = new Set<string>();
  // The checker tells whether an assigned name is declared in this cell (at any depth: a function's
  // own `let total`) or not, in which case it is another cell's or a global.
  const checker = singleFileChecker(file);
  const assigned = (target: ts.Node): void => {
    if (ts.isIdentifier(target)) {
      if (!checker.getSymbolAtLocation(target)) assigns.add(target.text);
    } else if (ts.isParenthesizedExpression(target)) assigned(target.expression);
    else if (ts.isArrayLiteralExpression(target))
      target.elements.forEach((element) => assigned(ts.isSpreadElement(element) ? element.expression : element));
    else if (ts.isObjectLiteralExpression(target)) {
      for (const property of target.properties) {
        if (ts.isShorthandPropertyAssignment(property)) assigned(property.name);
        else if (ts.isPropertyAssignment(property)) assigned(property.initializer);
        else if (ts.isSpreadAssignment(property)) assigned(property.expression);
      }
    } else if (ts.isBinaryExpression(target) && target.operatorToken.kind === ts.SyntaxKind.EqualsToken) assigned(target.left); // a default: [a = 1] = ...
  };
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && !isPropertyName(node)) uses.add(node.text);
    if (ts.isShorthandPropertyAssignment(node)) uses.add(node.name.text);
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
      node.operatorToken.kind <= ts.SyntaxKind.LastAssignment
    ) {
      assigned(node.left);
    }
    if (
      (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) &&
      (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)
    ) {
      assigned(node.operand);
    }
    if ((ts.isForOfStatement(node) || ts.isForInStatement(node)) && !ts.isVariableDeclarationList(node.initializer))
      assigned(node.initializer);
    ts.forEachChild(node, visit);
  };
  for (const statement of file.statements) if (!ts.isImportDeclaration(statement)) visit(statement);

  let lastExpression: CellAnalysis['lastExpression'];
  const last = file.statements.at(-1);
  if (last && ts.isExpressionStatement(last)) {
    const expression = last.expression;
    // display(x) shows x itself, and check(...) shows its own result: neither needs wrapping.
    const isDisplayCall =
      ts.isCallExpression(expression) &&
      ts.isIdentifier(expression.expression) &&
      ['display', 'check'].includes(expression.expression.text);
    lastExpression = { start: expression.getStart(file), end: expression.getEnd(), statementEnd: last.getEnd(), isDisplayCall };
  }
  return { declares, imports, uses, assigns, lastExpression, importSpans };
}
