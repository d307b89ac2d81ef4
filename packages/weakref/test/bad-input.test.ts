import { afterEach, describe, expect, it } from 'vitest';
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
// `undefined` means "no callback" where a callback is optional.
const NOT_CALLABLE = NOT_WEAKABLE.filter(([value]) => value !== undefined);
// A primitive is not iterable, a set-like, a pair source or a Finalizer (strings aside:
// they are iterable, so they get rows of their own where that matters).
const NOT_AN_OBJECT = NOT_WEAKABLE.filter(([value]) => typeof value !== 'string');

const keep = {
  kept: true,
  method(): void {},
};
const fn = (..._args: unknown[]) => {};
// Made once, outside the snapshots, for the `equals` rows.
const keepRef = weakref.ref(keep);
const keepMethod = new weakref.WeakMethod(keep, 'method');
const quietHook: weakref.UnraisableHook = () => {};

const finalizers: weakref.Finalizer[] = [];
afterEach(() => {
  for (const finalizer of finalizers.splice(0)) finalizer.detach();
  weakref.setUnraisableHook(); // back to the default printer
});

/** Fresh containers holding one live entry each, a live finalizer, and their snapshot. */
function world() {
  const valueMap = new weakref.WeakValueMap<string, object>([['k', keep]]);
  const keyMap = new weakref.WeakKeyMap<object, number>([[keep, 1]]);
  const set = new weakref.IterableWeakSet<object>([keep]);
  const finalizer = weakref.finalize(keep, fn, 'arg');
  finalizers.push(finalizer);
  weakref.setUnraisableHook(quietHook);
  const snapshot = () => ({
    valueMap: [...valueMap],
    keyMap: [...keyMap],
    set: [...set],
    sizes: [valueMap.size, keyMap.size, set.size],
    refs: [weakref.getWeakRefs(keep), weakref.getWeakRefs(keep.method), weakref.getWeakRefs(fn)],
    finalizer: [finalizer.alive, finalizer.atexit, finalizer.peek()],
    hook: currentHook(),
  });
  return { valueMap, keyMap, set, finalizer, snapshot };
}

// Reads the hook without changing it: setting one returns the previous.
function currentHook(): weakref.UnraisableHook {
  const hook = weakref.setUnraisableHook();
  weakref.setUnraisableHook(hook);
  return hook;
}

type World = ReturnType<typeof world>;
type Row = [string, (w: World, bad: any) => unknown];

/** Throws a TypeError naming `typeName` (quoted, as every message does), changing nothing. */
function expectRefusal(call: (w: World) => unknown, typeName: string): void {
  const w = world();
  const before = w.snapshot();
  let thrown: unknown;
  try {
    call(w);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(TypeError);
  expect((thrown as Error).message).toContain(`'${typeName}'`);
  expect(w.snapshot()).toEqual(before);
}

/** Answers `expected` (a documented miss), changing nothing. */
function expectMiss(call: (w: World) => unknown, expected: unknown): void {
  const w = world();
  const before = w.snapshot();
  expect(call(w)).toEqual(expected);
  expect(w.snapshot()).toEqual(before);
}

// Whatever has to hold its argument weakly.
const weakTargets: Row[] = [
  ['ref(bad)', (_, bad) => weakref.ref(bad)],
  ['ref(bad, callback)', (_, bad) => weakref.ref(bad, fn)],
  ['new Ref(bad)', (_, bad) => new weakref.Ref(bad)],
  ['new Ref(bad, callback)', (_, bad) => new weakref.Ref(bad, fn)],
  ['new KeyedRef(bad)', (_, bad) => new weakref.KeyedRef(bad, undefined, 'k')],
  ['new KeyedRef(bad, callback)', (_, bad) => new weakref.KeyedRef(bad, fn, 'k')],
  ['new WeakMethod(bad, name)', (_, bad) => new weakref.WeakMethod(bad, 'toString')],
  ['new WeakMethod(bad, function)', (_, bad) => new weakref.WeakMethod(bad, fn)],
  ['proxy(bad)', (_, bad) => weakref.proxy(bad)],
  ['proxy(bad, callback)', (_, bad) => weakref.proxy(bad, fn)],
  ['finalize(bad)', (_, bad) => weakref.finalize(bad, fn)],
  ['new Finalizer(bad)', (_, bad) => new weakref.Finalizer(bad, fn, 'arg')],
  ['new WeakValueMap([[k, bad]])', (_, bad) => new weakref.WeakValueMap([['k', bad]])],
  ['new WeakValueMap({ k: bad })', (_, bad) => new weakref.WeakValueMap({ k: bad })],
  ['WeakValueMap.set', (w, bad) => w.valueMap.set('k', bad)],
  ['WeakValueMap.set (new key)', (w, bad) => w.valueMap.set('new', bad)],
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
  ['WeakValueMap.update(record)', (w, bad) => w.valueMap.update({ k2: {}, k: bad })],
  ['WeakValueMap.union', (w, bad) => w.valueMap.union([['k', bad]])],
  ['WeakValueMap.union(record)', (w, bad) => w.valueMap.union({ k2: {}, k: bad })],
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
  [
    'WeakKeyMap.union',
    (w, bad) =>
      w.keyMap.union([
        [{}, 3],
        [bad, 2],
      ]),
  ],
  ['new IterableWeakSet([bad])', (_, bad) => new weakref.IterableWeakSet([{}, bad])],
  ['IterableWeakSet.add', (w, bad) => w.set.add(bad)],
  ['IterableWeakSet.update', (w, bad) => w.set.update([{}, bad])],
  ['IterableWeakSet.union', (w, bad) => w.set.union(new Set([{}, bad]))],
  [
    'IterableWeakSet.symmetricDifference',
    (w, bad) => w.set.symmetricDifference(new Set([{}, bad])),
  ],
];

// Whatever takes a callback (optional ones: `undefined` means none, so it is not in here).
const callbacks: Row[] = [
  ['ref(o, bad)', (_, bad) => weakref.ref(keep, bad)],
  ['new Ref(o, bad)', (_, bad) => new weakref.Ref(keep, bad)],
  ['new KeyedRef(o, bad, key)', (_, bad) => new weakref.KeyedRef(keep, bad, 'k')],
  ['new WeakMethod(o, name, bad)', (_, bad) => new weakref.WeakMethod(keep, 'method', bad)],
  ['new WeakMethod(o, method, bad)', (_, bad) => new weakref.WeakMethod(keep, keep.method, bad)],
  ['proxy(o, bad)', (_, bad) => weakref.proxy(keep, bad)],
  ['finalize(o, bad)', (_, bad) => weakref.finalize(keep, bad)],
  ['new Finalizer(o, bad)', (_, bad) => new weakref.Finalizer(keep, bad)],
  ['setUnraisableHook(bad)', (_, bad) => weakref.setUnraisableHook(bad)],
  ['WeakValueMap.forEach(bad)', (w, bad) => w.valueMap.forEach(bad)],
  [
    'WeakValueMap.getOrInsertComputed(k, bad)',
    (w, bad) => w.valueMap.getOrInsertComputed('n', bad),
  ],
  [
    'WeakValueMap.getOrInsertComputed(live k, bad)',
    (w, bad) => w.valueMap.getOrInsertComputed('k', bad),
  ],
  ['WeakKeyMap.forEach(bad)', (w, bad) => w.keyMap.forEach(bad)],
  ['WeakKeyMap.getOrInsertComputed(k, bad)', (w, bad) => w.keyMap.getOrInsertComputed({}, bad)],
  [
    'WeakKeyMap.getOrInsertComputed(live k, bad)',
    (w, bad) => w.keyMap.getOrInsertComputed(keep, bad),
  ],
  ['IterableWeakSet.forEach(bad)', (w, bad) => w.set.forEach(bad)],
];

// Required callbacks, where `undefined` is as wrong as any other non-function.
const requiredCallbacks: Row[] = callbacks.filter(
  ([name]) =>
    name.startsWith('finalize') ||
    name.startsWith('new Finalizer') ||
    name.includes('forEach') ||
    name.includes('getOrInsertComputed'),
);

// Whatever iterates its argument (pairs or members): a primitive is no iterable.
const sources: Row[] = [
  ['new WeakValueMap(bad)', (_, bad) => new weakref.WeakValueMap(bad)],
  ['WeakValueMap.update(bad)', (w, bad) => w.valueMap.update(bad)],
  ['WeakValueMap.union(bad)', (w, bad) => w.valueMap.union(bad)],
  ['new WeakKeyMap(bad)', (_, bad) => new weakref.WeakKeyMap(bad)],
  ['WeakKeyMap.update(bad)', (w, bad) => w.keyMap.update(bad)],
  ['WeakKeyMap.union(bad)', (w, bad) => w.keyMap.union(bad)],
  ['new IterableWeakSet(bad)', (_, bad) => new weakref.IterableWeakSet(bad)],
  ['IterableWeakSet.update(bad)', (w, bad) => w.set.update(bad)],
];
// Documented: the constructors (and WeakValueMap's update/union) take null/undefined as empty.
const nullishIsEmpty = new Set([
  'new WeakValueMap(bad)',
  'WeakValueMap.update(bad)',
  'WeakValueMap.union(bad)',
  'new WeakKeyMap(bad)',
  'WeakKeyMap.update(bad)',
  'new IterableWeakSet(bad)',
]);

// Whatever reads [key, value] pairs: a primitive where a pair should be.
const pairReaders: Row[] = [
  ['new WeakValueMap([bad])', (_, bad) => new weakref.WeakValueMap([['k2', {}], bad])],
  ['WeakValueMap.update([bad])', (w, bad) => w.valueMap.update([['k2', {}], bad])],
  ['WeakValueMap.union([bad])', (w, bad) => w.valueMap.union([['k2', {}], bad])],
  ['new WeakKeyMap([bad])', (_, bad) => new weakref.WeakKeyMap([[{}, 1], bad])],
  ['WeakKeyMap.update([bad])', (w, bad) => w.keyMap.update([[{}, 1], bad])],
  ['WeakKeyMap.union([bad])', (w, bad) => w.keyMap.union([[{}, 1], bad])],
];

const SET_METHODS = [
  'union',
  'intersection',
  'difference',
  'symmetricDifference',
  'isSubsetOf',
  'isSupersetOf',
  'isDisjointFrom',
] as const;
type SetMethod = (typeof SET_METHODS)[number];
const callSetMethod = (w: World, method: SetMethod, other: unknown) =>
  (w.set[method] as (other: unknown) => unknown)(other);

const has = () => false;
const keys = () => [][Symbol.iterator]();
// Objects that look almost like a set: what is wrong with each, and the type it names.
const BAD_SET_LIKES: [string, unknown, string][] = [
  ['size missing', { has, keys }, 'undefined'],
  ['size a string', { size: 'many', has, keys }, 'string'],
  ['size a bigint', { size: 1n, has, keys }, 'bigint'],
  ['size a registered symbol', { size: Symbol.for('s'), has, keys }, 'registered symbol'],
  ['has missing', { size: 0, keys }, 'undefined'],
  ['has a number', { size: 0, has: 1, keys }, 'number'],
  ['has null', { size: 0, has: null, keys }, 'null'],
  ['keys missing', { size: 0, has }, 'undefined'],
  ['keys a string', { size: 0, has, keys: 'k' }, 'string'],
  ['an array (no size, has)', [{}], 'undefined'],
];
// A set-like whose keys() misbehaves: only the methods that iterate it notice.
const BAD_ITERATORS: [string, unknown, string][] = [
  ['keys() returns a number', { size: 0, has, keys: () => 1 }, 'number'],
  ['keys() returns null', { size: 0, has, keys: () => null }, 'null'],
  ['keys().next is missing', { size: 0, has, keys: () => ({}) }, 'undefined'],
  [
    'keys().next() returns a boolean',
    { size: 0, has, keys: () => ({ next: () => true }) },
    'boolean',
  ],
];
// Methods that call other.keys() even when `other` is the smaller (size 0) side.
const ITERATING_METHODS = ['union', 'symmetricDifference', 'isSupersetOf'] as const;

// Wrong receivers for the refs and the finalizer: each method and accessor, called on what
// is not an instance of its class, throws the TypeError a native method does
// (`Method Ref.prototype.equals called on incompatible receiver 'object'`), changing nothing.
const proto = {
  Ref: weakref.Ref.prototype,
  WeakMethod: weakref.WeakMethod.prototype,
  Finalizer: weakref.Finalizer.prototype,
};
const accessor = (of: object, name: string) => Object.getOwnPropertyDescriptor(of, name)!;
// [row, call, the method the error names]
const receivers: [string, (bad: any) => unknown, string][] = [
  [
    'Ref callback',
    (bad) => accessor(proto.Ref, 'callback').get!.call(bad),
    'get Ref.prototype.callback',
  ],
  ['Ref.equals', (bad) => proto.Ref.equals.call(bad, keepRef), 'Ref.prototype.equals'],
  [
    'KeyedRef.equals',
    (bad) => weakref.KeyedRef.prototype.equals.call(bad, keepRef),
    'Ref.prototype.equals',
  ],
  ['WeakMethod.deref', (bad) => proto.WeakMethod.deref.call(bad), 'WeakMethod.prototype.deref'],
  [
    'WeakMethod.equals',
    (bad) => proto.WeakMethod.equals.call(bad, keepMethod),
    'WeakMethod.prototype.equals',
  ],
  [
    'Finalizer alive',
    (bad) => accessor(proto.Finalizer, 'alive').get!.call(bad),
    'get Finalizer.prototype.alive',
  ],
  [
    'Finalizer atexit (get)',
    (bad) => accessor(proto.Finalizer, 'atexit').get!.call(bad),
    'get Finalizer.prototype.atexit',
  ],
  [
    'Finalizer atexit (set)',
    (bad) => accessor(proto.Finalizer, 'atexit').set!.call(bad, false),
    'set Finalizer.prototype.atexit',
  ],
  ['Finalizer.peek', (bad) => proto.Finalizer.peek.call(bad), 'Finalizer.prototype.peek'],
  ['Finalizer.detach', (bad) => proto.Finalizer.detach.call(bad), 'Finalizer.prototype.detach'],
  [
    'Finalizer.toString',
    (bad) => proto.Finalizer.toString.call(bad),
    'Finalizer.prototype.toString',
  ],
  [
    'Finalizer[Symbol.dispose]',
    (bad) => proto.Finalizer[Symbol.dispose].call(bad),
    'Finalizer.prototype[Symbol.dispose]',
  ],
];
// Made on demand: vitest formats every row, and a fake Finalizer's toString throws.
const FOREIGN_RECEIVERS: [string, () => unknown, string][] = [
  ...NOT_WEAKABLE.map(([value, type]): [string, () => unknown, string] => [
    type,
    () => value,
    type,
  ]),
  ['a plain object', () => ({}), 'object'],
  ['a function', () => fn, 'function'],
  ['a native WeakRef', () => new WeakRef(keep), 'object'],
  ['an object inheriting from the prototype', () => Object.create(proto.WeakMethod), 'object'],
  [
    'a function inheriting from Finalizer.prototype',
    () => Object.setPrototypeOf(() => {}, proto.Finalizer),
    'function',
  ],
];
// What is an instance of a parent class only.
const PARENTS: [string, () => unknown, RegExp][] = [
  ['a Ref, for WeakMethod', () => keepRef, /^WeakMethod/],
  ['a Ref, for Finalizer', () => keepRef, /Finalizer/],
  ['a WeakMethod, for Finalizer', () => keepMethod, /Finalizer/],
];

// WeakValueMap's methods and accessors, called on something that is not a WeakValueMap.
const valueMapProto = weakref.WeakValueMap.prototype as unknown as Record<
  string,
  (...args: unknown[]) => unknown
>;
const valueMapReceivers: Row[] = [
  [
    'WeakValueMap size',
    (_, bad) => Object.getOwnPropertyDescriptor(valueMapProto, 'size')!.get!.call(bad),
  ],
  ...(
    [
      ['get', ['k']],
      ['has', ['k']],
      ['set', ['k', {}]],
      ['delete', ['k']],
      ['clear', []],
      ['getOrInsert', ['k', {}]],
      ['getOrInsertComputed', ['k', () => ({})]],
      ['pop', ['k', 'default']],
      ['popItem', []],
      ['update', [[['k', {}]]]],
      ['copy', []],
      ['union', [[['k', {}]]]],
      ['valueRefs', []],
      ['forEach', [() => {}]],
      ['entries', []],
      ['keys', []],
      ['values', []],
    ] as const
  ).map(
    ([method, args]): Row => [
      `WeakValueMap.${method}`,
      (_, bad) => valueMapProto[method]!.call(bad, ...args),
    ],
  ),
];
const NOT_A_VALUE_MAP: [string, () => unknown, string][] = [
  ...NOT_WEAKABLE.map(([value, type]): [string, () => unknown, string] => [
    type,
    () => value,
    type,
  ]),
  ['a plain object', () => ({}), 'object'],
  ['a Map', () => new Map(), 'object'],
  [
    'an object inheriting from WeakValueMap.prototype',
    () => Object.create(valueMapProto),
    'object',
  ],
];

// Documented misses: lookups that cannot find what cannot be held weakly.
const misses: [string, (w: World, bad: any) => unknown, unknown][] = [
  ['WeakKeyMap.get', (w, bad) => w.keyMap.get(bad), undefined],
  ['WeakKeyMap.has', (w, bad) => w.keyMap.has(bad), false],
  ['WeakKeyMap.delete', (w, bad) => w.keyMap.delete(bad), false],
  ['WeakKeyMap.pop(bad, default)', (w, bad) => w.keyMap.pop(bad, 'default'), 'default'],
  ['WeakKeyMap.pop(bad, undefined)', (w, bad) => w.keyMap.pop(bad, undefined), undefined],
  ['IterableWeakSet.has', (w, bad) => w.set.has(bad), false],
  ['IterableWeakSet.delete', (w, bad) => w.set.delete(bad), false],
  ['IterableWeakSet.intersection', (w, bad) => [...w.set.intersection(new Set([bad]))], []],
  [
    'IterableWeakSet.intersection (bigger other)',
    (w, bad) => [...w.set.intersection(new Set([bad, keep]))],
    [keep],
  ],
  ['IterableWeakSet.difference', (w, bad) => [...w.set.difference(new Set([bad]))], [keep]],
  [
    'IterableWeakSet.difference (bigger other)',
    (w, bad) => [...w.set.difference(new Set([bad, 2]))],
    [keep],
  ],
  ['IterableWeakSet.isSubsetOf', (w, bad) => w.set.isSubsetOf(new Set([bad])), false],
  ['IterableWeakSet.isSupersetOf', (w, bad) => w.set.isSupersetOf(new Set([bad])), false],
  ['IterableWeakSet.isDisjointFrom', (w, bad) => w.set.isDisjointFrom(new Set([bad])), true],
  [
    'IterableWeakSet.isDisjointFrom (bigger other)',
    (w, bad) => w.set.isDisjointFrom(new Set([bad, 2])),
    true,
  ],
  ['WeakValueMap.get (values are weak, keys are not)', (w, bad) => w.valueMap.get(bad), undefined],
  ['WeakValueMap.has', (w, bad) => w.valueMap.has(bad), false],
  ['WeakValueMap.delete', (w, bad) => w.valueMap.delete(bad), false],
  ['WeakValueMap.pop(bad, default)', (w, bad) => w.valueMap.pop(bad, 'default'), 'default'],
  ['getWeakRefs', (_, bad) => weakref.getWeakRefs(bad), []],
  ['getWeakRefCount', (_, bad) => weakref.getWeakRefCount(bad), 0],
  ['isProxy', (_, bad) => weakref.isProxy(bad), false],
  ['canBeHeldWeakly', (_, bad) => weakref.canBeHeldWeakly(bad), false],
  ['Ref.equals', (_, bad) => keepRef.equals(bad), false],
  ['WeakMethod.equals', (_, bad) => keepMethod.equals(bad), false],
];
// Documented: pop without a default throws RangeError on a miss, as Python raises KeyError.
const popsWithoutDefault: Row[] = [
  ['WeakKeyMap.pop(bad)', (w, bad) => w.keyMap.pop(bad)],
  ['WeakValueMap.pop(bad)', (w, bad) => w.valueMap.pop(bad)],
];

// One-off refusals: wrong arities and arguments with a single meaning.
const g = () => {};
const singles: [string, (w: World) => unknown, string][] = [
  ['ref()', () => (weakref.ref as any)(), 'undefined'],
  ['new Ref()', () => new (weakref.Ref as any)(), 'undefined'],
  ['new KeyedRef()', () => new (weakref.KeyedRef as any)(), 'undefined'],
  ['proxy()', () => (weakref.proxy as any)(), 'undefined'],
  ['proxy(unregistered symbol)', () => weakref.proxy(Symbol('s') as any), 'symbol'],
  ['finalize()', () => (weakref.finalize as any)(), 'undefined'],
  ['finalize(o)', () => (weakref.finalize as any)(keep), 'undefined'],
  ['new Finalizer(o)', () => new (weakref.Finalizer as any)(keep), 'undefined'],
  ['new WeakMethod()', () => new (weakref.WeakMethod as any)(), 'undefined'],
  ['new WeakMethod(o)', () => new (weakref.WeakMethod as any)(keep), 'undefined'],
  ['new WeakMethod(symbol, fn)', () => new weakref.WeakMethod(Symbol('s') as any, fn), 'symbol'],
  ['new WeakMethod(o, true)', () => new weakref.WeakMethod(keep, true as any), 'boolean'],
  ['new WeakMethod(o, 1n)', () => new weakref.WeakMethod(keep, 1n as any), 'bigint'],
  ['new WeakMethod(o, null)', () => new weakref.WeakMethod(keep, null as any), 'null'],
  ['new WeakMethod(o, {})', () => new weakref.WeakMethod(keep, {} as any), 'object'],
  [
    'new WeakMethod(o, non-method name)',
    () => new weakref.WeakMethod(keep, 'kept' as any),
    'boolean',
  ],
  [
    'new WeakMethod(o, missing name)',
    () => new weakref.WeakMethod(keep, 'nope' as any),
    'undefined',
  ],
  ['new WeakMethod(o, missing index)', () => new weakref.WeakMethod(keep, 0 as any), 'undefined'],
  [
    'new WeakMethod(o, registered symbol name)',
    () => new weakref.WeakMethod(keep, Symbol.for('registered') as any),
    'undefined',
  ],
  ['WeakValueMap.set(k)', (w) => (w.valueMap.set as any)('k'), 'undefined'],
  ['WeakValueMap.getOrInsert(k)', (w) => (w.valueMap.getOrInsert as any)('new'), 'undefined'],
  [
    'WeakValueMap.getOrInsertComputed(k)',
    (w) => (w.valueMap as any).getOrInsertComputed('n'),
    'undefined',
  ],
  ['WeakValueMap.forEach()', (w) => (w.valueMap.forEach as any)(), 'undefined'],
  ['WeakKeyMap.set()', (w) => (w.keyMap.set as any)(), 'undefined'],
  ['WeakKeyMap.getOrInsert()', (w) => (w.keyMap.getOrInsert as any)(), 'undefined'],
  [
    'WeakKeyMap.getOrInsertComputed(k)',
    (w) => (w.keyMap as any).getOrInsertComputed({}),
    'undefined',
  ],
  ['WeakKeyMap.forEach()', (w) => (w.keyMap.forEach as any)(), 'undefined'],
  ['IterableWeakSet.add()', (w) => (w.set.add as any)(), 'undefined'],
  ['IterableWeakSet.update()', (w) => (w.set.update as any)(), 'undefined'],
  ['IterableWeakSet.forEach()', (w) => (w.set.forEach as any)(), 'undefined'],
  ['IterableWeakSet.union()', (w) => (w.set.union as any)(), 'undefined'],
  ['IterableWeakSet.isSubsetOf()', (w) => (w.set.isSubsetOf as any)(), 'undefined'],
  ['new WeakValueMap("text")', () => new weakref.WeakValueMap('text' as any), 'string'],
  ['new WeakValueMap(["ab"])', () => new weakref.WeakValueMap(['ab'] as any), 'string'],
  ['new WeakKeyMap("ab")', () => new weakref.WeakKeyMap('ab' as any), 'string'],
  ['new IterableWeakSet("ab")', () => new weakref.IterableWeakSet('ab' as any), 'string'],
  ['IterableWeakSet.update("ab")', (w) => w.set.update('ab' as any), 'string'],
  ['IterableWeakSet.union("ab")', (w) => w.set.union('ab' as any), 'string'],
];

// Refusals whose message explains a mistake rather than a type.
const mistakes: [string, (w: World) => unknown, string][] = [
  ['finalize(f, f)', () => weakref.finalize(g, g), 'func is the object itself'],
  ['finalize(o, f, o)', () => weakref.finalize(keep, fn, 'x', keep), 'args[1] is the object'],
  ['new Finalizer(f, f)', () => new weakref.Finalizer(g, g), 'func is the object itself'],
];

describe('a weak target that cannot be held weakly', () => {
  for (const [name, call] of weakTargets) {
    it.each(NOT_WEAKABLE)(`${name} refuses %s, naming '%s', changing nothing`, (bad, type) => {
      expectRefusal((w) => call(w, bad), type);
    });
  }
});

describe('a callback that is not a function', () => {
  for (const [name, call] of callbacks) {
    it.each(NOT_CALLABLE)(`${name} refuses %s, naming '%s', changing nothing`, (bad, type) => {
      expectRefusal((w) => call(w, bad), type);
    });
  }
  for (const [name, call] of requiredCallbacks) {
    it(`${name} refuses undefined: the callback is required`, () => {
      expectRefusal((w) => call(w, undefined), 'undefined');
    });
  }
});

describe('an iterable that is not one', () => {
  for (const [name, call] of sources) {
    const rows = NOT_AN_OBJECT.filter(
      ([value]) => !(nullishIsEmpty.has(name) && (value === null || value === undefined)),
    );
    it.each(rows)(`${name} refuses %s, naming '%s', changing nothing`, (bad, type) => {
      expectRefusal((w) => call(w, bad), type);
    });
  }
  for (const [name, call] of sources.filter(([name]) => nullishIsEmpty.has(name))) {
    it.each([null, undefined])(`${name} takes %s as nothing at all`, (nothing) => {
      const w = world();
      const before = w.snapshot();
      const result = call(w, nothing) as { size: number } | undefined;
      // A constructor makes an empty container; a union copies this one; update adds nothing
      // and returns this one.
      if (result !== undefined) {
        expect(result.size).toBe(name.includes('union') || name.includes('update') ? 1 : 0);
      }
      expect(w.snapshot()).toEqual(before);
    });
  }
});

describe('a pair that is not one', () => {
  for (const [name, call] of pairReaders) {
    it.each(NOT_WEAKABLE)(`${name} refuses %s, naming '%s', changing nothing`, (bad, type) => {
      expectRefusal((w) => call(w, bad), type);
    });
  }
});

describe('a set-like argument that is not one', () => {
  for (const method of SET_METHODS) {
    it.each(NOT_WEAKABLE)(`IterableWeakSet.${method} refuses %s, naming '%s'`, (bad, type) => {
      expectRefusal((w) => callSetMethod(w, method, bad), type);
    });
    it.each(BAD_SET_LIKES)(`IterableWeakSet.${method} refuses one with %s`, (_, bad, type) => {
      expectRefusal((w) => callSetMethod(w, method, bad), type);
    });
    it(`IterableWeakSet.${method} refuses a negative size with RangeError`, () => {
      const w = world();
      const before = w.snapshot();
      expect(() => callSetMethod(w, method, { size: -1, has, keys })).toThrow(RangeError);
      expect(w.snapshot()).toEqual(before);
    });
  }
  for (const method of ITERATING_METHODS) {
    it.each(BAD_ITERATORS)(`IterableWeakSet.${method} refuses one whose %s`, (_, bad, type) => {
      expectRefusal((w) => callSetMethod(w, method, bad), type);
    });
  }
});

describe('a Ref, KeyedRef, WeakMethod or Finalizer method called on something else', () => {
  for (const [name, call, method] of receivers) {
    it.each(FOREIGN_RECEIVERS)(`${name} refuses %s`, (_, make, type) => {
      expectRefusal(() => call(make()), type);
      expect(() => call(make())).toThrow(
        new TypeError(`Method ${method} called on incompatible receiver '${type}'`),
      );
    });
    for (const [parent, make] of PARENTS.filter(([, , applies]) => applies.test(method))) {
      it(`${name} refuses ${parent}`, () => {
        expectRefusal(() => call(make()), 'object');
      });
    }
  }
  it('Ref.deref (WeakRef.prototype.deref) refuses what is not a WeakRef natively', () => {
    const w = world();
    const before = w.snapshot();
    expect(() => proto.Ref.deref.call({})).toThrow(TypeError);
    expect(w.snapshot()).toEqual(before);
  });
});

describe('a WeakValueMap method called on something else', () => {
  for (const [name, call] of valueMapReceivers) {
    it.each(NOT_A_VALUE_MAP)(`${name} refuses %s, naming '%s'`, (_, make, type) => {
      expectRefusal((w) => call(w, make()), type);
    });
  }
});

// WeakKeyMap's and IterableWeakSet's methods and accessors, called on something else: each
// with arguments that would change the world's containers if the call went through.
const keyMapProto = weakref.WeakKeyMap.prototype as any;
const setProto = weakref.IterableWeakSet.prototype as any;
const sizeOf = (proto: object) => Object.getOwnPropertyDescriptor(proto, 'size')!.get!;
const keyMapReceivers: Row[] = [
  ['WeakKeyMap.prototype.size', (_, bad) => sizeOf(keyMapProto).call(bad)],
  ['WeakKeyMap.prototype.get', (_, bad) => keyMapProto.get.call(bad, keep)],
  ['WeakKeyMap.prototype.has', (_, bad) => keyMapProto.has.call(bad, keep)],
  ['WeakKeyMap.prototype.set', (_, bad) => keyMapProto.set.call(bad, keep, 2)],
  ['WeakKeyMap.prototype.delete', (_, bad) => keyMapProto.delete.call(bad, keep)],
  ['WeakKeyMap.prototype.clear', (_, bad) => keyMapProto.clear.call(bad)],
  ['WeakKeyMap.prototype.getOrInsert', (_, bad) => keyMapProto.getOrInsert.call(bad, {}, 2)],
  [
    'WeakKeyMap.prototype.getOrInsertComputed',
    (_, bad) => keyMapProto.getOrInsertComputed.call(bad, {}, () => 2),
  ],
  ['WeakKeyMap.prototype.pop', (_, bad) => keyMapProto.pop.call(bad, keep)],
  ['WeakKeyMap.prototype.popItem', (_, bad) => keyMapProto.popItem.call(bad)],
  ['WeakKeyMap.prototype.update', (w, bad) => keyMapProto.update.call(bad, w.keyMap)],
  ['WeakKeyMap.prototype.update (no argument)', (_, bad) => keyMapProto.update.call(bad)],
  ['WeakKeyMap.prototype.copy', (_, bad) => keyMapProto.copy.call(bad)],
  ['WeakKeyMap.prototype.union', (w, bad) => keyMapProto.union.call(bad, w.keyMap)],
  ['WeakKeyMap.prototype.keyRefs', (_, bad) => keyMapProto.keyRefs.call(bad)],
  ['WeakKeyMap.prototype.keys', (_, bad) => keyMapProto.keys.call(bad)],
  ['WeakKeyMap.prototype.values', (_, bad) => keyMapProto.values.call(bad)],
  ['WeakKeyMap.prototype.entries', (_, bad) => keyMapProto.entries.call(bad)],
  [
    // The same function as entries, as on Map: the error names entries.
    'WeakKeyMap.prototype.entries (as [Symbol.iterator])',
    (_, bad) => keyMapProto[Symbol.iterator].call(bad),
  ],
  ['WeakKeyMap.prototype.forEach', (_, bad) => keyMapProto.forEach.call(bad, fn)],
];
const setReceivers: Row[] = [
  ['IterableWeakSet.prototype.size', (_, bad) => sizeOf(setProto).call(bad)],
  ['IterableWeakSet.prototype.add', (_, bad) => setProto.add.call(bad, {})],
  ['IterableWeakSet.prototype.has', (_, bad) => setProto.has.call(bad, keep)],
  ['IterableWeakSet.prototype.delete', (_, bad) => setProto.delete.call(bad, keep)],
  ['IterableWeakSet.prototype.clear', (_, bad) => setProto.clear.call(bad)],
  ['IterableWeakSet.prototype.pop', (_, bad) => setProto.pop.call(bad)],
  ['IterableWeakSet.prototype.update', (w, bad) => setProto.update.call(bad, w.set)],
  [
    'IterableWeakSet.prototype.intersectionUpdate',
    (_, bad) => setProto.intersectionUpdate.call(bad, []),
  ],
  [
    'IterableWeakSet.prototype.differenceUpdate',
    (w, bad) => setProto.differenceUpdate.call(bad, w.set),
  ],
  [
    'IterableWeakSet.prototype.symmetricDifferenceUpdate',
    (w, bad) => setProto.symmetricDifferenceUpdate.call(bad, w.set),
  ],
  ['IterableWeakSet.prototype.copy', (_, bad) => setProto.copy.call(bad)],
  ['IterableWeakSet.prototype.values', (_, bad) => setProto.values.call(bad)],
  // keys and [Symbol.iterator] are values itself, as on Set: the error names values.
  ['IterableWeakSet.prototype.values (as keys)', (_, bad) => setProto.keys.call(bad)],
  ['IterableWeakSet.prototype.entries', (_, bad) => setProto.entries.call(bad)],
  [
    'IterableWeakSet.prototype.values (as [Symbol.iterator])',
    (_, bad) => setProto[Symbol.iterator].call(bad),
  ],
  ['IterableWeakSet.prototype.forEach', (_, bad) => setProto.forEach.call(bad, fn)],
  ...SET_METHODS.map(
    (method): Row => [
      `IterableWeakSet.prototype.${method}`,
      (w, bad) => setProto[method].call(bad, w.set),
    ],
  ),
];
// What is not the class itself: primitives, look-alikes, the other container.
function notA(proto: object, other: () => unknown): [string, () => unknown, string][] {
  return [
    ...NOT_WEAKABLE.map(([value, type]): [string, () => unknown, string] => [
      type,
      () => value,
      type,
    ]),
    ['a plain object', () => ({}), 'object'],
    ['a Map', () => new Map([[keep, 1]]), 'object'],
    ['a Set', () => new Set([keep]), 'object'],
    ['an object inheriting from the prototype', () => Object.create(proto), 'object'],
    ['the other container', other, 'object'],
  ];
}

describe('a WeakKeyMap or IterableWeakSet method called on something else', () => {
  const notAKeyMap = notA(keyMapProto, () => new weakref.IterableWeakSet([keep]));
  const notASet = notA(setProto, () => new weakref.WeakKeyMap([[keep, 1]]));
  for (const [rows, receiversOfRows] of [
    [keyMapReceivers, notAKeyMap],
    [setReceivers, notASet],
  ] as const) {
    for (const [name, call] of rows) {
      it.each(receiversOfRows)(`${name} refuses %s`, (_, make, type) => {
        const method = name.split(' ')[0];
        expectRefusal((w) => call(w, make()), type);
        expect(() => call(world(), make())).toThrow(`Method ${method} called on incompatible`);
      });
    }
  }
});

describe('lookups with what cannot be held weakly simply miss', () => {
  for (const [name, call, expected] of misses) {
    it.each(NOT_WEAKABLE)(`${name}(%s) misses, changing nothing`, (bad) => {
      expectMiss((w) => call(w, bad), expected);
    });
  }
  for (const [name, call] of popsWithoutDefault) {
    it.each(NOT_WEAKABLE)(`${name} with %s throws RangeError, changing nothing`, (bad) => {
      const w = world();
      const before = w.snapshot();
      expect(() => call(w, bad)).toThrow(RangeError);
      expect(w.snapshot()).toEqual(before);
    });
  }
});

describe('wrong arities and one-off wrong arguments', () => {
  it.each(singles)('%s is refused, naming %j', (_, call, type) => {
    expectRefusal(call, type);
  });
  it.each(mistakes)('%s is refused: %j', (_, call, message) => {
    const w = world();
    const before = w.snapshot();
    expect(() => call(w)).toThrow(TypeError);
    expect(() => call(w)).toThrow(message);
    expect(w.snapshot()).toEqual(before);
  });
});
