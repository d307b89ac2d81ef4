#!/usr/bin/env node
// Run in a package after tsup: declares what its declarations use from libs newer than ES2022
// (below), then copies them (dist/*.d.ts, *.d.cts) to dist/ts5.5/,
// rewritten for TypeScript before 5.6, which has no `MapIterator`/`SetIterator` (TS 5.6 lib
// types). Before 5.6, `Map#entries()` and friends return `IterableIterator`, so that is what the
// rewrite says; the exports map sends those compilers here (`types@<5.6`).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';

const newerThan55 = /\b(?:MapIterator|SetIterator|ArrayIterator|IteratorObject)</g;
const left = /\b(?:MapIterator|SetIterator|ArrayIterator|IteratorObject|BuiltinIteratorReturn)\b/;

// `Symbol.dispose` is in lib esnext.disposable (TypeScript 5.2+), not in `lib: ["es2022"]`: a
// declaration file that uses it declares it too, as @types/node does (the declaration merges
// with the lib's where the lib has it). Here, not in src/: JSR refuses global augmentations.
const disposable =
  '\ndeclare global {\n    interface SymbolConstructor {\n        readonly dispose: unique symbol;\n    }\n}\n';

mkdirSync('dist/ts5.5', { recursive: true });
for (const file of readdirSync('dist').filter((name) => /\.d\.c?ts$/.test(name))) {
  let declarations = readFileSync(`dist/${file}`, 'utf8');
  if (declarations.includes('Symbol.dispose')) {
    declarations += disposable;
    writeFileSync(`dist/${file}`, declarations);
  }
  const text = declarations.replace(newerThan55, 'IterableIterator<');
  const found = left.exec(text);
  if (found) throw new Error(`dist/${file}: no rewrite for TS 5.6's ${found[0]}`);
  writeFileSync(`dist/ts5.5/${file}`, text);
}
