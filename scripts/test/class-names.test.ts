import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtEntries, publishedPackages } from './published-packages';

const require = createRequire(import.meta.url);

function isClass(value: unknown): value is abstract new (...args: never[]) => unknown {
  return typeof value === 'function' && Function.prototype.toString.call(value).startsWith('class');
}

// The build drops esbuild's `keepNames` (it costs every import its whole module), so nothing but
// this test holds that a class a user imports from dist/ still reads its own name.
describe.each(publishedPackages())('$manifest.name dist', ({ dir, manifest }) => {
  for (const { subpath, esm, cjs } of builtEntries(dir, manifest)) {
    it(`${subpath}: every exported class keeps its name, ESM and CJS`, async () => {
      for (const exports of [await import(pathToFileURL(esm).href), require(cjs)]) {
        const classes = Object.entries(exports as Record<string, unknown>).flatMap(
          ([name, value]) => (isClass(value) ? [[name, value.name]] : []),
        );
        for (const [exportName, name] of classes)
          expect(`${exportName}: ${name}`).toBe(`${exportName}: ${exportName}`);
      }
    });
  }
});
