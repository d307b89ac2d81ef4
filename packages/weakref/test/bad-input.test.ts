import { describe, expect, it } from 'vitest';
import * as weakref from '../src';

// Every public entry point, given what it cannot take: a TypeError that names the type it
// got, and no state changed; or, where that is the documented answer, a plain miss.

const NOT_WEAKABLE: [unknown, string][] = [
  [1, 'number'],
  ['text', 'string'],
  [true, 'boolean'],
  [1n, 'bigint'],
  [null, 'null'],
  [undefined, 'undefined'],
  [Symbol.for('registered'), 'registered symbol'],
];
const NOT_CALLABLE = NOT_WEAKABLE.filter(([value]) => value !== undefined);

const keep = { kept: true };
const fn = () => {};

/** Fresh containers holding one live entry each, and what they hold. */
function world() {
  const valueMap = new weakref.WeakValueMap<string, object>([['k', keep]]);
  const keyMap = new weakref.WeakKeyMap<object, number>([[keep, 1]]);
  const set = new weakref.IterableWeakSet<object>([keep]);
  const snapshot = () => ({
    valueMap: [...valueMap],
    keyMap: [...keyMap],
    set: [...set],
    sizes: [valueMap.size, keyMap.size, set.size],
    refs: weakref.getWeakRefCount(keep),
  });
  return { valueMap, keyMap, set, snapshot };
}

type World = ReturnType<typeof world>;
type Row = [string, (w: World, bad: any) => unknown];

const weakTargets: Row[] = [
  ['ref(bad)', (_, bad) => weakref.ref(bad)],
  ['new Ref(bad)', (_, bad) => new weakref.Ref(bad)],
  ['new KeyedRef(bad)', (_, bad) => new weakref.KeyedRef(bad, undefined, 'k')],
  ['new WeakMethod(bad)', (_, bad) => new weakref.WeakMethod(bad, 'toString')],
  ['proxy(bad)', (_, bad) => weakref.proxy(bad)],
  ['finalize(bad)', (_, bad) => weakref.finalize(bad, fn)],
  ['new WeakValueMap([[k, bad]])', (_, bad) => new weakref.WeakValueMap([['k', bad]])],
  ['WeakValueMap.set', (w, bad) => w.valueMap.set('k', bad)],
  ['WeakValueMap.getOrInsert', (w, bad) => w.valueMap.getOrInsert('new', bad)],
  [
    'WeakValueMap.getOrInsertComputed',
    (w, bad) => w.valueMap.getOrInsertComputed('new', () => bad),
  ],
  [
    'WeakValueMap.update',
    (w, bad) =>
      w.valueMap.update([
        ['k2', {}],
        ['k', bad],
      ]),
  ],
  ['WeakValueMap.union', (w, bad) => w.valueMap.union([['k', bad]])],
  ['new WeakKeyMap([[bad, v]])', (_, bad) => new weakref.WeakKeyMap([[bad, 1]])],
  ['WeakKeyMap.set', (w, bad) => w.keyMap.set(bad, 2)],
  ['WeakKeyMap.getOrInsert', (w, bad) => w.keyMap.getOrInsert(bad, 2)],
  ['WeakKeyMap.getOrInsertComputed', (w, bad) => w.keyMap.getOrInsertComputed(bad, () => 2)],
  [
    'WeakKeyMap.update',
    (w, bad) =>
      w.keyMap.update([
        [{}, 3],
        [bad, 2],
      ]),
  ],
  ['new IterableWeakSet([bad])', (_, bad) => new weakref.IterableWeakSet([bad])],
  ['IterableWeakSet.add', (w, bad) => w.set.add(bad)],
  ['IterableWeakSet.update', (w, bad) => w.set.update([{}, bad])],
  ['IterableWeakSet.union', (w, bad) => w.set.union(new Set([bad]))],
  ['IterableWeakSet.symmetricDifference', (w, bad) => w.set.symmetricDifference(new Set([bad]))],
];

const callbacks: Row[] = [
  ['ref(o, bad)', (_, bad) => weakref.ref({}, bad)],
  ['new Ref(o, bad)', (_, bad) => new weakref.Ref(keep, bad)],
  ['proxy(o, bad)', (_, bad) => weakref.proxy(keep, bad)],
  ['finalize(o, bad)', (_, bad) => weakref.finalize(keep, bad)],
  ['setUnraisableHook(bad)', (_, bad) => weakref.setUnraisableHook(bad)],
  ['WeakValueMap.forEach(bad)', (w, bad) => w.valueMap.forEach(bad)],
  [
    'WeakValueMap.getOrInsertComputed(k, bad)',
    (w, bad) => w.valueMap.getOrInsertComputed('n', bad),
  ],
  ['WeakKeyMap.forEach(bad)', (w, bad) => w.keyMap.forEach(bad)],
  ['WeakKeyMap.getOrInsertComputed(k, bad)', (w, bad) => w.keyMap.getOrInsertComputed({}, bad)],
  ['IterableWeakSet.forEach(bad)', (w, bad) => w.set.forEach(bad)],
];

function expectRefusal(row: Row, bad: unknown, typeName: string): void {
  const w = world();
  const before = w.snapshot();
  expect(() => row[1](w, bad)).toThrow(TypeError);
  expect(() => row[1](w, bad)).toThrow(`'${typeName}'`);
  expect(w.snapshot()).toEqual(before);
}

describe('a weak target that cannot be held weakly', () => {
  for (const row of weakTargets) {
    it.each(NOT_WEAKABLE)(`${row[0]} refuses %s, naming '%s', changing nothing`, (bad, name) => {
      expectRefusal(row, bad, name);
    });
  }
});

describe('a callback that is not a function', () => {
  for (const row of callbacks) {
    it.each(NOT_CALLABLE)(`${row[0]} refuses %s, naming '%s', changing nothing`, (bad, name) => {
      expectRefusal(row, bad, name);
    });
  }
});

describe('a set-like argument that is not one', () => {
  const methods = [
    'union',
    'intersection',
    'difference',
    'symmetricDifference',
    'isSubsetOf',
    'isSupersetOf',
    'isDisjointFrom',
  ] as const;
  for (const method of methods) {
    it.each(NOT_WEAKABLE)(`IterableWeakSet.${method} refuses %s, naming '%s'`, (bad, name) => {
      const w = world();
      const before = w.snapshot();
      expect(() => (w.set[method] as (other: unknown) => unknown)(bad)).toThrow(TypeError);
      expect(() => (w.set[method] as (other: unknown) => unknown)(bad)).toThrow(`'${name}'`);
      expect(w.snapshot()).toEqual(before);
    });
  }
});

describe('lookups with what cannot be held weakly simply miss', () => {
  it.each(NOT_WEAKABLE)('%s', (bad) => {
    const w = world();
    const before = w.snapshot();
    expect(w.keyMap.get(bad as object)).toBeUndefined();
    expect(w.keyMap.has(bad as object)).toBe(false);
    expect(w.keyMap.delete(bad as object)).toBe(false);
    expect(w.set.has(bad as object)).toBe(false);
    expect(w.set.delete(bad as object)).toBe(false);
    expect(weakref.getWeakRefCount(bad)).toBe(0);
    expect(weakref.getWeakRefs(bad)).toEqual([]);
    expect(weakref.isProxy(bad)).toBe(false);
    expect(weakref.canBeHeldWeakly(bad)).toBe(false);
    expect(w.snapshot()).toEqual(before);
  });
});
