import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtEntries, publishedPackages } from './published-packages';

const require = createRequire(import.meta.url);

type Class = abstract new (...args: never[]) => unknown;

function isClass(value: unknown): value is Class {
  return typeof value === 'function' && Function.prototype.toString.call(value).startsWith('class');
}

// Every own property, in order, with its attributes; a function by its name and length.
function properties(object: object) {
  return Reflect.ownKeys(object).map((key) => {
    const { value, get, set, ...attributes } = Object.getOwnPropertyDescriptor(object, key)!;
    const shown = (part: unknown) =>
      typeof part === 'function'
        ? `function ${part.name}/${part.length}`
        : typeof part === 'object' && part !== null
          ? 'object'
          : String(part);
    return {
      key: String(key),
      ...attributes,
      value: shown(value),
      get: shown(get),
      set: shown(set),
    };
  });
}

function shape(value: Class) {
  return {
    own: properties(value),
    prototype: properties(value.prototype as object),
    extends: (Object.getPrototypeOf(value) as Function).name,
    prototypeExtends: Object.getPrototypeOf(value.prototype)?.constructor?.name,
  };
}

// The build rewrites classes (scripts/build/: their names, a pure wrapper for tree-shaking):
// a class a user imports from dist/ must still be the class its source declares.
describe.each(publishedPackages())('$manifest.name dist', ({ dir, manifest }) => {
  for (const { subpath, esm, cjs } of builtEntries(dir, manifest)) {
    it(`${subpath}: every exported class has its source's properties, ESM and CJS`, async () => {
      const { source } = manifest.exports[subpath] as { source?: string };
      const declared = Object.entries((await import(`${dir}/${source}`)) as object).filter(
        (entry): entry is [string, Class] => isClass(entry[1]),
      );
      for (const built of [await import(pathToFileURL(esm).href), require(cjs)]) {
        for (const [name, value] of declared) {
          expect({ name, ...shape(built[name]) }).toEqual({ name, ...shape(value) });
        }
      }
    });
  }
});
