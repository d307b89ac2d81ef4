import type { Options } from 'tsup';
import ts from 'typescript';

type Plugin = NonNullable<Options['plugins']>[number];

/**
 * A bundler drops an unused `var X = class { ... }` only if it can tell that defining the
 * class does nothing else. esbuild cannot when the class has a static block or a method keyed
 * by a symbol it does not know (`[inspectCustom]`), so such a class, and all it uses, stays in
 * every bundle of its module. This rewrites those classes as
 *
 *     var X = /* @__PURE__ *\/ (() =>
 *         X = class ... { ... })();
 *
 * which esbuild and Rollup drop when nothing uses `X`. `X = class` names an anonymous class
 * `X`, as `var X = class` does. The wrapper's head goes at the end of the previous line and
 * `var` becomes spaces: every column of the class stays put, so esbuild's source map holds.
 */
export const pureClasses: Plugin = {
  name: 'pure-classes',
  renderChunk(code, info) {
    if (!/\.c?js$/.test(info.path)) return;
    const file = ts.createSourceFile(info.path, code, ts.ScriptTarget.Latest, true);
    const edits: Edit[] = [];
    file.statements.forEach((statement, index) => {
      const name = classNeedingWrapper(statement);
      if (name === undefined) return;
      const start = statement.getStart(file);
      const head = index === 0 ? 0 : file.statements[index - 1]!.end;
      if (lineOf(file, head) === lineOf(file, start)) {
        throw new Error(`pure-classes: ${info.path}: no line before class ${name} for its wrapper`);
      }
      const end = statement.end;
      edits.push(
        { at: head, remove: 0, insert: ` var ${name} = /* @__PURE__ */ (() =>` },
        { at: start, remove: 'var'.length, insert: '   ' },
        code[end - 1] === ';'
          ? { at: end - 1, remove: 1, insert: ')();' }
          : { at: end, remove: 0, insert: ')()' },
      );
    });
    if (edits.length === 0) return;
    let out = '';
    let done = 0;
    for (const { at, remove, insert } of edits) {
      out += code.slice(done, at) + insert;
      done = at + remove;
    }
    return { code: out + code.slice(done) };
  },
};

interface Edit {
  at: number;
  remove: number;
  insert: string;
}

/** `X` for `var X = class ...` when defining that class looks like a side effect to esbuild. */
function classNeedingWrapper(statement: ts.Statement): string | undefined {
  if (!ts.isVariableStatement(statement)) return undefined;
  const list = statement.declarationList;
  const [declaration] = list.declarations;
  if (
    (list.flags & ts.NodeFlags.BlockScoped) !== 0 ||
    list.declarations.length !== 1 ||
    declaration === undefined ||
    !ts.isIdentifier(declaration.name) ||
    declaration.initializer === undefined ||
    !ts.isClassExpression(declaration.initializer)
  ) {
    return undefined;
  }
  const sideEffectLooking = declaration.initializer.members.some(
    (member) =>
      ts.isClassStaticBlockDeclaration(member) ||
      (member.name !== undefined &&
        ts.isComputedPropertyName(member.name) &&
        !isWellKnownSymbol(member.name.expression)),
  );
  return sideEffectLooking ? declaration.name.text : undefined;
}

// `Symbol.iterator`, `Symbol.toStringTag`...: keys esbuild knows to be free of side effects.
function isWellKnownSymbol(key: ts.Expression): boolean {
  return (
    ts.isPropertyAccessExpression(key) &&
    ts.isIdentifier(key.expression) &&
    key.expression.text === 'Symbol'
  );
}

function lineOf(file: ts.SourceFile, position: number): number {
  return file.getLineAndCharacterOfPosition(position).line;
}
