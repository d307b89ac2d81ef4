import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { root } from './published-packages';

const require = createRequire(import.meta.url);
type Class = new (...args: any[]) => object;
type Exports = Record<string, Class>;

// One process, two copies of the library: the ESM build and the CJS build.
const esm = (await import(pathToFileURL(`${root}packages/weakref/dist/index.js`).href)) as Exports;
const cjs = require(`${root}packages/weakref/dist/index.cjs`) as Exports;

const target = { id: 1 };
const method = { greet() {} };
const make: Record<string, (lib: Exports) => object> = {
  Ref: (lib) => new lib.Ref!(target),
  KeyedRef: (lib) => new lib.KeyedRef!(target, undefined, 'key'),
  WeakMethod: (lib) => new lib.WeakMethod!(method, 'greet'),
  Finalizer: (lib) => new lib.Finalizer!(target, () => {}),
  WeakValueMap: (lib) => new lib.WeakValueMap!(),
  WeakKeyMap: (lib) => new lib.WeakKeyMap!(),
  IterableWeakSet: (lib) => new lib.IterableWeakSet!(),
  WeakCache: (lib) => new lib.WeakCache!({ strong: 1 }),
};
// What each class's instances are also instances of.
const bases: Record<string, string[]> = { KeyedRef: ['Ref'], WeakMethod: ['Ref'] };

it('the table covers every public class', () => {
  const classes = Object.keys(esm).filter((name) =>
    Function.prototype.toString.call(esm[name]).startsWith('class'),
  );
  expect(classes.sort()).toEqual(Object.keys(make).sort());
});

describe.each([
  ['ESM', esm, 'CJS', cjs],
  ['CJS', cjs, 'ESM', esm],
])('an instance made by the %s build', (_, maker, other, checker) => {
  it.each(Object.keys(make))(`is an instance of the %s of the ${other} build`, (name) => {
    const instance = make[name]!(maker);
    expect(instance instanceof checker[name]!).toBe(true);
    for (const base of bases[name] ?? []) expect(instance instanceof checker[base]!).toBe(true);
    for (const unrelated of Object.keys(make).filter(
      (each) => each !== name && !bases[name]?.includes(each),
    )) {
      expect(`${name} instanceof ${unrelated}: ${instance instanceof checker[unrelated]!}`).toBe(
        `${name} instanceof ${unrelated}: false`,
      );
    }
  });

  it(`a user's subclass keeps ordinary instanceof, across builds too`, () => {
    class Cache extends (maker.WeakValueMap!) {}
    const cache = new Cache();
    expect(cache instanceof Cache).toBe(true);
    expect(cache instanceof checker.WeakValueMap!).toBe(true);
    expect(new maker.WeakValueMap!() instanceof Cache).toBe(false);
    expect(new checker.WeakValueMap!() instanceof Cache).toBe(false);
  });
});
