import { expect } from 'vitest';
import {
  asWeakKey,
  compareArray,
  describe262,
  isConstructor,
  type Port262,
  primitiveReceivers,
  verifyProperty,
} from './test262';

/** A map class the `Map.prototype.getOrInsert*` ports run against, and how it holds test262's keys and values. */
export interface MapSubject {
  /** `WeakValueMap` or `WeakKeyMap`, or the native `Map` to check the ports written for one of them. */
  M: new (
    entries?: any,
  ) => any;
  /** For the native `Map`: the name of the class whose ports it runs. */
  standsFor?: string;
  /** What a test262 key becomes: itself, or `asWeakKey` for a map whose keys are weak. */
  key: (value: unknown) => unknown;
  /** What a test262 value becomes: itself, or `asWeakKey` for a map whose values are weak. */
  value: (value: unknown) => unknown;
}

/** `asWeakKey`, for the part of an entry that a map holds weakly. */
export const weakly = asWeakKey as (value: unknown) => unknown;
/** The part of an entry that a map holds as it is. */
export const asIs = (value: unknown): unknown => value;

/**
 * The ports of test262's `built-ins/Map/prototype/getOrInsert/` and `.../getOrInsertComputed/`,
 * for a class that is a `Map` (keys, values and identities kept through `subject.key`/`value`).
 */
export function describeMapUpsert(subject: MapSubject): void {
  const options = { standsFor: subject.standsFor };
  describe262(
    'built-ins/Map/prototype/getOrInsert',
    subject.M.name,
    (port) => portGetOrInsert(port, subject),
    options,
  );
  describe262(
    'built-ins/Map/prototype/getOrInsertComputed',
    subject.M.name,
    (port) => portGetOrInsertComputed(port, subject),
    options,
  );
}

/** test262's keys of every kind, each with a value: `[key, value]` before `subject.key`/`value`. */
function differentKeys(): [unknown, number][] {
  return [
    ['bar', 0],
    [1, 42],
    [Number.NaN, 1],
    [{}, 2],
    [[], 3],
    [Symbol('item'), 4],
    [null, 5],
    [undefined, 6],
  ];
}

/** The brand-check ports every method shares, for `name`, called with `args`. */
function portShape(
  port: Port262,
  M: MapSubject['M'],
  name: 'getOrInsert' | 'getOrInsertComputed',
  args: () => unknown[],
): void {
  const fn = (): any => M.prototype[name];
  port('not-a-constructor.js', () => {
    expect(isConstructor(fn())).toBe(false);
    const map = new M();
    expect(() => new map[name](...args())).toThrow(TypeError);
  });
  port('this-not-object-throw.js', () => {
    const map = new M();
    for (const [label, receiver] of primitiveReceivers) {
      expect(() => map[name].call(receiver, ...args()), label).toThrow(TypeError);
    }
  });
  const receivers: [string, () => unknown][] = [
    ['does-not-have-mapdata-internal-slot-set.js', () => new Set()],
    ['does-not-have-mapdata-internal-slot-weakmap.js', () => new WeakMap()],
  ];
  if (name === 'getOrInsert') {
    receivers.push(['does-not-have-mapdata-internal-slot.js', () => [[], {}]]);
  }
  for (const [file, receiver] of receivers) {
    port(file, () => {
      for (const foreign of [receiver()].flat()) {
        expect(() => fn().call(foreign, ...args())).toThrow(TypeError);
        expect(() => new M()[name].call(foreign, ...args())).toThrow(TypeError);
      }
    });
  }
}

function portGetOrInsert(port: Port262, { M, key: K, value: V }: MapSubject): void {
  portShape(port, M, 'getOrInsert', () => [K(1), V(1)]);
  port('getOrInsert.js', () => {
    expect(typeof M.prototype.getOrInsert).toBe('function');
    verifyProperty(M.prototype, 'getOrInsert', {
      value: M.prototype.getOrInsert,
      writable: true,
      enumerable: false,
      configurable: true,
    });
  });
  port('length.js', () => {
    verifyProperty(M.prototype.getOrInsert, 'length', {
      value: 2,
      writable: false,
      enumerable: false,
      configurable: true,
    });
  });
  port('name.js', () => {
    verifyProperty(M.prototype.getOrInsert, 'name', {
      value: 'getOrInsert',
      writable: false,
      enumerable: false,
      configurable: true,
    });
  });
  port('append-new-values-normalizes-zero-key.js', () => {
    let map = new M();
    map.getOrInsert(K(-0), V(42));
    expect(map.get(K(0))).toBe(V(42));
    map = new M();
    map.getOrInsert(K(+0), V(43));
    expect(map.get(K(0))).toBe(V(43));
    expect(map.get(K(-0))).toBe(V(43));
  });
  port('append-new-values.js', () => {
    const s = Symbol(2);
    const map = new M([
      [K(4), V(4)],
      [K('foo3'), V(3)],
      [K(s), V(2)],
    ]);
    map.getOrInsert(K(null), V(42));
    map.getOrInsert(K(1), V('valid'));
    expectAppended(map, K, V, s);
  });
  port('append-value-if-key-is-not-present-different-key-types.js', () => {
    const map = new M();
    for (const [key, value] of differentKeys()) {
      map.getOrInsert(K(key), V(value));
      expect(map.get(K(key)), String(key)).toBe(V(value));
    }
  });
  port('returns-value-if-key-is-not-present-different-key-types.js', () => {
    const map = new M();
    for (const [key, value] of differentKeys()) {
      expect(map.getOrInsert(K(key), V(value)), String(key)).toBe(V(value));
    }
  });
  port('returns-value-if-key-is-present-different-key-types.js', () => {
    const map = new M();
    for (const [key, value] of differentKeys()) {
      map.set(K(key), V(value));
      expect(map.getOrInsert(K(key), V(value + 1)), String(key)).toBe(map.get(K(key)));
      expect(map.getOrInsert(K(key), V(value + 1)), String(key)).toBe(V(value));
    }
  });
  port('returns-value-normalized-zero-key.js', () => {
    let map = new M();
    map.set(K(+0), V(42));
    expect(map.getOrInsert(K(-0), V(1))).toBe(V(42));
    map = new M();
    map.set(K(-0), V(43));
    expect(map.getOrInsert(K(+0), V(1))).toBe(V(43));
  });
}

/** The checks of both `append-new-values.js`: two entries appended after three, in order. */
function expectAppended(map: any, K: MapSubject['key'], V: MapSubject['value'], s: symbol): void {
  expect(map.size).toBe(5);
  expect(map.get(K(1))).toBe(V('valid'));
  const entries: [unknown, unknown][] = [];
  map.forEach((value: unknown, key: unknown) => {
    entries.push([key, value]);
  });
  compareArray(entries.pop()!, [K(1), V('valid')]);
  compareArray(entries.pop()!, [K(null), V(42)]);
  compareArray(entries.pop()!, [K(s), V(2)]);
}

function portGetOrInsertComputed(port: Port262, { M, key: K, value: V }: MapSubject): void {
  portShape(port, M, 'getOrInsertComputed', () => [K(1), () => V(1)]);
  port('getOrInsertComputed.js', () => {
    const fn = M.prototype.getOrInsertComputed;
    verifyProperty(fn, 'name', {
      value: 'getOrInsertComputed',
      writable: false,
      enumerable: false,
      configurable: true,
    });
    verifyProperty(fn, 'length', {
      value: 2,
      writable: false,
      enumerable: false,
      configurable: true,
    });
    verifyProperty(M.prototype, 'getOrInsertComputed', {
      value: fn,
      writable: true,
      enumerable: false,
      configurable: true,
    });
  });
  port('append-new-values-normalizes-zero-key.js', () => {
    let map = new M();
    map.getOrInsertComputed(K(-0), () => V(42));
    expect(map.get(K(0))).toBe(V(42));
    map = new M();
    map.getOrInsertComputed(K(+0), () => V(43));
    expect(map.get(K(0))).toBe(V(43));
  });
  port('append-new-values.js', () => {
    const s = Symbol(2);
    const map = new M([
      [K(4), V(4)],
      [K('foo3'), V(3)],
      [K(s), V(2)],
    ]);
    map.getOrInsertComputed(K(null), () => V(42));
    map.getOrInsertComputed(K(1), () => V('valid'));
    expectAppended(map, K, V, s);
  });
  port('append-value-if-key-is-not-present-different-key-types.js', () => {
    const map = new M();
    for (const [key, value] of differentKeys()) {
      map.getOrInsertComputed(K(key), () => V(value));
      expect(map.get(K(key)), String(key)).toBe(V(value));
    }
  });
  port('returns-value-if-key-is-not-present-different-key-types.js', () => {
    const map = new M();
    for (const [key, value] of differentKeys()) {
      expect(
        map.getOrInsertComputed(K(key), () => V(value)),
        String(key),
      ).toBe(V(value));
    }
  });
  port('returns-value-if-key-is-present-different-key-types.js', () => {
    const map = new M();
    for (const [key, value] of differentKeys()) {
      map.set(K(key), V(value));
      expect(
        map.getOrInsertComputed(K(key), () => V(value + 1)),
        String(key),
      ).toBe(V(value));
    }
  });
  port('returns-value-normalized-zero-key.js', () => {
    let map = new M();
    map.set(K(+0), V(42));
    expect(map.getOrInsertComputed(K(-0), () => V(1))).toBe(V(42));
    map = new M();
    map.set(K(-0), V(43));
    expect(map.getOrInsertComputed(K(+0), () => V(1))).toBe(V(43));
  });
  port('callbackfn-throws.js', () => {
    const map = new M();
    expect(() =>
      map.getOrInsertComputed(K(1), () => {
        throw new Error('throw in callback');
      }),
    ).toThrow(Error);
  });
  port('canonical-key-passed-to-callback.js', () => {
    for (const key of [-0, +0]) {
      let passed: unknown;
      new M().getOrInsertComputed(K(key), (keyArg: unknown) => {
        passed = keyArg;
        return V(undefined);
      });
      expect(Object.is(passed, +0), `the callback of ${Object.is(key, -0) ? '-0' : '+0'}`).toBe(
        true,
      );
    }
  });
  port('check-callback-fn-args.js', () => {
    let called = false;
    new M().getOrInsertComputed(K(1), function (this: unknown, ...args: unknown[]) {
      expect(this).toBe(undefined);
      compareArray(args, [K(1)]);
      called = true;
      return V(undefined);
    });
    expect(called).toBe(true);
  });
  port('check-state-after-callback-fn-throws.js', () => {
    const map = new M();
    map.set(K(0), V('zero'));
    map.set(K(1), V('one'));
    map.set(K(2), V('two'));
    const expectState = (one: string, three: string | undefined) => {
      expect(map.get(K(0))).toBe(V('zero'));
      expect(map.get(K(1))).toBe(V(one));
      expect(map.get(K(2))).toBe(V('two'));
      if (three === undefined) expect(map.has(K(3))).toBe(false);
      else expect(map.get(K(3))).toBe(V(three));
    };
    const throwing = (mutate: () => void) => () => {
      mutate();
      throw new Error('throw in callback');
    };
    expect(() =>
      map.getOrInsertComputed(
        K(3),
        throwing(() => {}),
      ),
    ).toThrow(Error);
    expectState('one', undefined);
    expect(() =>
      map.getOrInsertComputed(
        K(3),
        throwing(() => map.set(K(1), V('mutated'))),
      ),
    ).toThrow(Error);
    expectState('mutated', undefined);
    expect(() =>
      map.getOrInsertComputed(
        K(3),
        throwing(() => map.set(K(3), V('mutated'))),
      ),
    ).toThrow(Error);
    expectState('mutated', 'mutated');
  });
  port('different-types-function-callbackfn-does-not-throw.js', () => {
    const map = new M();
    function three() {
      return V(3);
    }
    // A sloppy function from the Function constructor, called with `this` undefined, returns
    // globalThis: a value that every map can hold (test262's `new Function()` returns undefined).
    const fromFunctionConstructor = new Function('return this');
    const callbacks: [number, () => unknown, unknown][] = [
      [1, () => V(1), V(1)],
      [2, () => V(2), V(2)],
      [3, three, V(3)],
      [4, fromFunctionConstructor as () => unknown, globalThis],
      [
        5,
        function (this: unknown) {
          return V(5);
        }.bind(map),
        V(5),
      ],
    ];
    for (const [key, callback, value] of callbacks) {
      expect(map.getOrInsertComputed(K(key), callback), String(key)).toBe(value);
      expect(map.get(K(key)), String(key)).toBe(value);
    }
  });
  port('does-not-evaluate-callbackfn-if-key-present.js', () => {
    const map = new M([[K(1), V(0)]]);
    let calls = 0;
    const callback = () => {
      calls++;
      throw new Error('the callback must not be called when the key is present');
    };
    expect(map.getOrInsertComputed(K(1), callback)).toBe(V(0));
    map.set(K(2), V(1));
    expect(map.getOrInsertComputed(K(2), callback)).toBe(V(1));
    map.set(K(3), V(2));
    expect(map.getOrInsertComputed(K(3), callback)).toBe(V(2));
    expect(() => map.getOrInsertComputed(K(4), callback)).toThrow(Error);
    expect(calls).toBe(1);
  });
  port('not-a-function-callbackfn-throws.js', () => {
    const map = new M();
    for (const callback of [1, '', true, undefined, null, {}, [], Symbol()]) {
      expect(() => map.getOrInsertComputed(K(1), callback), String(callback)).toThrow(TypeError);
    }
    map.set(K(1), V('foo'));
    expect(() => map.getOrInsertComputed(K(1), 1), 'with the key present').toThrow(TypeError);
  });
  port('overwrites-mutation-from-callbackfn.js', () => {
    const map = new M();
    const [foo, bar, baz] = [K(1), K(2), K(3)];
    map.getOrInsertComputed(foo, () => {
      map.set(foo, V(0));
      return V(3);
    });
    map.getOrInsertComputed(bar, () => {
      map.set(bar, V(1));
      return V(undefined);
    });
    map.getOrInsertComputed(baz, () => {
      map.set(baz, V(2));
      return V('string');
    });
    expect(map.get(foo)).toBe(V(3));
    expect(map.get(bar)).toBe(V(undefined));
    expect(map.get(baz)).toBe(V('string'));
  });
}
