/**
 * Rewrites a cell's JavaScript so that it runs inside the lesson's shared scope:
 * - top-level declarations become assignments on the scope object (live bindings across cells);
 * - free names not declared here are looked up at run time (scope first, then globalThis);
 * - every loop body starts with a guard call (Stop, runaway loops);
 * - every `await` is followed by a stop check, so a stopped cell does not carry on;
 * - imports of the lab's modules become lookups; the last expression becomes the result.
 * No edit inserts a newline, so line N of the cell stays line N of the output.
 */
import type { Node, Identifier, Pattern, Program, Property, VariableDeclaration } from 'estree';
import MagicString from 'magic-string';
import { analyze, type Scope } from 'periscopic';
import isReference from 'is-reference';
import { isDirectName, LOOKUP, RUNTIME, SCOPE } from './names.ts';

type AnyNode = Node & { start: number; end: number; loc?: { start: { line: number } } };

export interface RewriteProblem {
  message: string;
  /** Offset in the JavaScript where the problem is. */
  at: number;
}

export interface Rewritten {
  body: string;
  /** Statements to run before the body (hoisted function declarations). */
  prologue: string;
  declarations: string[];
  references: string[];
  imports: string[];
}

const LOOPS = new Set(['ForStatement', 'ForInStatement', 'ForOfStatement', 'WhileStatement', 'DoWhileStatement']);

export function rewriteCell(
  program: Program,
  code: string,
  lineOf: (offset: number) => number,
  knownModules: readonly string[],
): Rewritten | RewriteProblem {
  const out = new MagicString(code);
  const { map, scope: root } = analyze(program);
  const declarations = new Set<string>();
  const references = new Set<string>();
  const imports: string[] = [];
  const hoisted: string[] = [];
  let problem: RewriteProblem | undefined;

  // periscopic does not record namespace imports; the import rewrite below declares them.
  for (const statement of program.body) {
    if (statement.type !== 'ImportDeclaration') continue;
    for (const specifier of statement.specifiers) root.declarations.set(specifier.local.name, specifier);
  }
  for (const name of root.declarations.keys()) declarations.add(name);

  const scopedName = (name: string) => `${SCOPE}.${name}`;

  /** The text an identifier reference becomes, or undefined to leave it. */
  function referenceText(name: string, scope: Scope): string | undefined {
    const owner = scope.find_owner(name);
    if (owner === root) return scopedName(name);
    if (owner) return undefined;
    if (isDirectName(name)) return undefined;
    references.add(name);
    return `${LOOKUP}.${name}`;
  }

  function replaceIdentifier(node: Identifier & AnyNode, text: string, parents: AnyNode[]) {
    const parent = parents.at(-1);
    const grand = parents.at(-2);
    const shorthandOf = (p: AnyNode | undefined) => p?.type === 'Property' && (p as Property).shorthand;
    if (shorthandOf(parent) || (parent?.type === 'AssignmentPattern' && shorthandOf(grand))) {
      out.overwrite(node.start, node.end, `${node.name}: ${text}`);
    } else if (
      parent &&
      (parent.type === 'CallExpression' || parent.type === 'TaggedTemplateExpression') &&
      ((parent as { callee?: Node; tag?: Node }).callee === node || (parent as { tag?: Node }).tag === node)
    ) {
      // `(0, f)()` calls with `this` undefined, as a plain call would; browser functions such as
      // fetch throw "Illegal invocation" when called with the lookup proxy as `this`.
      out.overwrite(node.start, node.end, `(0, ${text})`);
    } else {
      out.overwrite(node.start, node.end, text);
    }
  }

  /** Binding positions: `convert` turns names into scope assignments, else they stay local. */
  function pattern(node: Pattern & AnyNode, scope: Scope, convert: boolean, parents: AnyNode[]) {
    const inner = [...parents, node];
    switch (node.type) {
      case 'Identifier':
        if (convert) replaceIdentifier(node, scopedName(node.name), parents);
        return;
      case 'ObjectPattern':
        for (const prop of node.properties as AnyNode[]) {
          if (prop.type === 'RestElement') pattern(prop.argument as Pattern & AnyNode, scope, convert, [...inner, prop]);
          else {
            const property = prop as Property & AnyNode;
            if (property.computed) visit(property.key as AnyNode, scope, [...inner, property]);
            pattern(property.value as Pattern & AnyNode, scope, convert, [...inner, property]);
          }
        }
        return;
      case 'ArrayPattern':
        for (const element of node.elements) if (element) pattern(element as Pattern & AnyNode, scope, convert, inner);
        return;
      case 'AssignmentPattern':
        pattern(node.left as Pattern & AnyNode, scope, convert, inner);
        visit(node.right as AnyNode, scope, inner);
        return;
      case 'RestElement':
        pattern(node.argument as Pattern & AnyNode, scope, convert, inner);
        return;
      default:
        visit(node, scope, parents); // a member expression as an assignment target
    }
  }

  /** `const a = 1, {b} = c` at the top level → `void (__s.a = 1), ({b: __s.b} = c)`. */
  function convertDeclaration(node: VariableDeclaration & AnyNode, scope: Scope, parents: AnyNode[]) {
    const parent = parents.at(-1);
    const forHead =
      parent && (parent.type === 'ForInStatement' || parent.type === 'ForOfStatement') && (parent as { left: Node }).left === node;
    const forInit = parent?.type === 'ForStatement';
    const first = node.declarations[0] as AnyNode;
    out.overwrite(node.start, first.start, forHead || forInit ? '' : 'void ');
    for (const declarator of node.declarations as (AnyNode & { id: Pattern; init: Node | null })[]) {
      if (forHead) {
        pattern(declarator.id as Pattern & AnyNode, scope, true, [...parents, node, declarator]);
        continue;
      }
      if (!declarator.init) {
        const names = (declarator.id as Identifier).name;
        out.overwrite(declarator.start, declarator.end, node.kind === 'var' ? '(void 0)' : `(${scopedName(names)} = undefined)`);
        continue;
      }
      out.appendLeft(declarator.start, '(');
      pattern(declarator.id as Pattern & AnyNode, scope, true, [...parents, node, declarator]);
      visit(declarator.init as AnyNode, scope, [...parents, node, declarator]);
      out.prependRight(declarator.end, ')');
    }
  }

  function ownedByRoot(node: VariableDeclaration): boolean {
    return node.declarations.some((d) =>
      d.id.type === 'Identifier' ? root.declarations.get(d.id.name) === node : [...root.declarations.values()].includes(node),
    );
  }

  function visit(node: AnyNode, scope: Scope, parents: AnyNode[]): void {
    if (problem) return;
    const own = map.get(node);
    const here = own ?? scope;
    const inner = [...parents, node];
    const parent = parents.at(-1);

    if (LOOPS.has(node.type)) {
      const body = (node as unknown as { body: AnyNode }).body;
      const guard = `${RUNTIME}.guard(${lineOf(node.start)});`;
      if (body.type === 'BlockStatement') out.appendLeft(body.start + 1, guard);
      else {
        out.appendLeft(body.start, `{${guard}`);
        out.prependRight(body.end, '}');
      }
    }

    switch (node.type) {
      case 'Identifier': {
        if (parent && !isReference(node, parent)) return;
        const text = referenceText(node.name, here);
        if (text) replaceIdentifier(node, text, parents);
        return;
      }
      case 'UnaryExpression':
        if (node.operator === 'typeof' && node.argument.type === 'Identifier') {
          const name = node.argument.name;
          if (!here.find_owner(name) && !isDirectName(name)) {
            references.add(name);
            out.overwrite(node.start, node.end, `(${JSON.stringify(name)} in ${LOOKUP} ? typeof ${LOOKUP}.${name} : "undefined")`);
            return;
          }
        }
        break;
      case 'AwaitExpression':
        out.appendLeft(node.start, `${RUNTIME}.ck(`);
        out.prependRight(node.end, ')');
        break;
      case 'VariableDeclaration':
        if (ownedByRoot(node)) return convertDeclaration(node, here, parents);
        for (const declarator of node.declarations as (AnyNode & { id: Pattern; init: Node | null })[]) {
          pattern(declarator.id as Pattern & AnyNode, here, false, [...inner, declarator]);
          if (declarator.init) visit(declarator.init as AnyNode, here, [...inner, declarator]);
        }
        return;
      case 'FunctionDeclaration':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        if (node.type === 'FunctionDeclaration' && node.id && scope === root && parent?.type === 'Program') {
          hoisted.push(`${scopedName(node.id.name)} = ${node.id.name};`);
        }
        for (const param of node.params) pattern(param as Pattern & AnyNode, here, false, inner);
        return visit(node.body as AnyNode, here, inner);
      case 'ClassDeclaration':
        if (parent?.type === 'Program' && node.id) {
          out.appendLeft(node.start, `void (${scopedName(node.id.name)} = `);
          out.prependRight(node.end, ');');
        }
        if (node.superClass) visit(node.superClass as AnyNode, here, inner);
        return visit(node.body as AnyNode, here, inner);
      case 'ClassExpression':
        if (node.superClass) visit(node.superClass as AnyNode, here, inner);
        return visit(node.body as AnyNode, here, inner);
      case 'CatchClause':
        if (node.param) pattern(node.param as Pattern & AnyNode, here, false, inner);
        return visit(node.body as AnyNode, here, inner);
      case 'ImportDeclaration': {
        const spec = String(node.source.value);
        if (!knownModules.includes(spec)) {
          problem = {
            message: `unknown module "${spec}"; a cell can import ${knownModules.map((m) => `"${m}"`).join(', ')}`,
            at: (node.source as AnyNode).start,
          };
          return;
        }
        imports.push(spec);
        const from = `${RUNTIME}.import(${JSON.stringify(spec)})`;
        const parts = node.specifiers.map((s) => {
          const target = scopedName(s.local.name);
          if (s.type === 'ImportNamespaceSpecifier') return `(${target} = ${from})`;
          if (s.type === 'ImportDefaultSpecifier') return `(${target} = ${RUNTIME}.importDefault(${JSON.stringify(spec)}))`;
          const imported = s.imported.type === 'Identifier' ? s.imported.name : String(s.imported.value);
          return `(${target} = ${RUNTIME}.importNamed(${JSON.stringify(spec)}, ${JSON.stringify(imported)}))`;
        });
        out.overwrite(node.start, node.end, `void ${parts.length ? parts.join(', ') : from};`);
        return;
      }
      case 'ExportNamedDeclaration':
      case 'ExportDefaultDeclaration':
      case 'ExportAllDeclaration':
        if (node.type === 'ExportNamedDeclaration' && !node.declaration && node.specifiers.length === 0 && !node.source) {
          out.overwrite(node.start, node.end, ''); // `export {}`: TypeScript's "this file is a module"
          return;
        }
        problem = { message: 'export is not needed in a cell: its top-level names are shared with later cells already', at: node.start };
        return;
      case 'LabeledStatement':
        return visit(node.body as AnyNode, here, inner);
      case 'BreakStatement':
      case 'ContinueStatement':
      case 'MetaProperty':
        return;
      case 'MemberExpression':
        visit(node.object as AnyNode, here, inner);
        if (node.computed) visit(node.property as AnyNode, here, inner);
        return;
      case 'Property':
      case 'PropertyDefinition':
      case 'MethodDefinition':
        if (node.computed) visit(node.key as AnyNode, here, inner);
        if (node.value) visit(node.value as AnyNode, here, inner);
        return;
    }
    for (const key of Object.keys(node)) {
      if (key === 'loc' || key === 'range') continue;
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child) if (item && typeof item === 'object' && 'type' in item) visit(item as AnyNode, here, inner);
      } else if (child && typeof child === 'object' && 'type' in child) {
        visit(child as AnyNode, here, inner);
      }
    }
  }

  // The last expression statement is the cell's result, as in a notebook.
  const last = program.body.at(-1) as AnyNode | undefined;
  if (last?.type === 'ExpressionStatement' && !('directive' in last && last.directive)) {
    // The statement's range includes parentheses around the expression (`({ a })`), which the
    // expression's own range does not; the final `;` must stay outside the return's parentheses.
    const end = code[last.end - 1] === ';' ? last.end - 1 : last.end;
    out.appendLeft(last.start, 'return (');
    out.prependRight(end, ')');
  }

  visit(program as unknown as AnyNode, root, []);
  if (problem) return problem;
  return {
    body: out.toString(),
    prologue: hoisted.join(' '),
    declarations: [...declarations],
    references: [...references].filter((name) => !declarations.has(name)),
    imports,
  };
}
