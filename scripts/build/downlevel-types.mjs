#!/usr/bin/env node
// Run in a package after tsup: copies its declarations (dist/*.d.ts, *.d.cts) to dist/ts5.5/,
// rewritten for TypeScript before 5.6, which has no `MapIterator`/`SetIterator` (TS 5.6 lib
// types). Before 5.6, `Map#entries()` and friends return `IterableIterator`, so that is what the
// rewrite says; the exports map sends those compilers here (`types@<5.6`).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';

const newerThan55 = /\b(?:MapIterator|SetIterator|ArrayIterator|IteratorObject)</g;
const left = /\b(?:MapIterator|SetIterator|ArrayIterator|IteratorObject|BuiltinIteratorReturn)\b/;

mkdirSync('dist/ts5.5', { recursive: true });
for (const file of readdirSync('dist').filter((name) => /\.d\.c?ts$/.test(name))) {
  const text = readFileSync(`dist/${file}`, 'utf8').replace(newerThan55, 'IterableIterator<');
  const found = left.exec(text);
  if (found) throw new Error(`dist/${file}: no rewrite for TS 5.6's ${found[0]}`);
  writeFileSync(`dist/ts5.5/${file}`, text);
}
