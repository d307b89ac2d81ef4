import {
  compareArray,
  describe262,
  isConstructor,
  type Port262,
  primitiveReceivers,
  verifyProperty,
} from '@w/test-support/test262';
import { expect } from 'vitest';
import { WeakKeyMap } from '../../src';

// test262's WeakMap files already use objects and symbols as keys: no stand-ins needed.
type WeakMapClass = new (entries?: any) => any;

// Where the runtime has them, the same ports also run against the native WeakMap.
const subjects: [WeakMapClass, { standsFor?: string }][] = [[WeakKeyMap, {}]];
if (typeof (WeakMap.prototype as any).getOrInsert === 'function') {
  subjects.push([WeakMap, { standsFor: 'WeakKeyMap' }]);
}

for (const [M, options] of subjects) {
  describe262(
    'built-ins/WeakMap/prototype/getOrInsert',
    M.name,
    (port) => portGetOrInsert(port, M),
    options,
  );
  describe262(
    'built-ins/WeakMap/prototype/getOrInsertComputed',
    M.name,
    (port) => portGetOrInsertComputed(port, M),
    options,
  );
}

type Method = 'getOrInsert' | 'getOrInsertComputed';

/** The ports every method shares: shape and brand checks; `args` are valid arguments. */
function portShape(port: Port262, M: WeakMapClass, name: Method, args: () => unknown[]): void {
  const fn = (): any => M.prototype[name];
  port(`${name}.js`, () => {
    expect(typeof fn()).toBe('function');
    verifyProperty(M.prototype, name, {
      value: fn(),
      writable: true,
      enumerable: false,
      configurable: true,
    });
    if (name === 'getOrInsertComputed') {
      // verifyPrimordialCallableProperty also checks name and length
      verifyProperty(fn(), 'name', {
        value: name,
        writable: false,
        enumerable: false,
        configurable: true,
      });
      verifyProperty(fn(), 'length', {
        value: 2,
        writable: false,
        enumerable: false,
        configurable: true,
      });
    }
  });
  if (name === 'getOrInsert') {
    port('length.js', () => {
      verifyProperty(fn(), 'length', {
        value: 2,
        writable: false,
        enumerable: false,
        configurable: true,
      });
    });
    port('name.js', () => {
      verifyProperty(fn(), 'name', {
        value: name,
        writable: false,
        enumerable: false,
        configurable: true,
      });
    });
  }
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
  const foreign: [string, () => unknown][] = [
    ['array', () => []],
    ['map', () => new Map()],
    ['object', () => ({})],
    ['set', () => new Set()],
    ['weakmap-prototype', () => M.prototype],
  ];
  for (const [suffix, receiver] of foreign) {
    port(`does-not-have-weakmapdata-internal-slot-${suffix}.js`, () => {
      expect(() => fn().call(receiver(), ...args())).toThrow(TypeError);
      expect(() => new M()[name].call(receiver(), ...args())).toThrow(TypeError);
    });
  }
}

/**
 * How a method stores a value: `getOrInsert(key, value)`, or `getOrInsertComputed(key, () => value)`.
 * Most files of the two directories differ only in that.
 */
function store(map: any, name: Method, key: WeakKey, value: unknown): unknown {
  return name === 'getOrInsert'
    ? map.getOrInsert(key, value)
    : map.getOrInsertComputed(key, () => value);
}

/** The ports whose checks the two directories share, for `name`. */
function portStoring(port: Port262, M: WeakMapClass, name: Method): void {
  port('adds-object-element.js', () => {
    const map = new M();
    const keys = [{}, {}, {}];
    for (const [i, key] of keys.entries()) store(map, name, key, i + 1);
    keys.forEach((key, i) => {
      expect(map.has(key)).toBe(true);
      expect(map.get(key)).toBe(i + 1);
    });
  });
  port('adds-symbol-element.js', () => {
    const map = new M();
    const foo = Symbol('a description');
    const bar = Symbol('a description');
    store(map, name, foo, 1);
    store(map, name, bar, 2);
    store(map, name, Symbol.hasInstance, 3);
    expect(map.has(bar), 'a regular symbol as key').toBe(true);
    expect(map.get(foo), 'symbols with the same description are different keys').toBe(1);
    expect(map.has(Symbol.hasInstance), 'a well-known symbol as key').toBe(true);
    expect(map.get(bar)).toBe(2);
    expect(map.get(Symbol.hasInstance)).toBe(3);
  });
  port('returns-value-if-key-is-not-present-object-key.js', () => {
    const map = new M();
    [{}, {}, []].forEach((key, i) => {
      expect(store(map, name, key, i)).toBe(i);
    });
  });
  port('returns-value-if-key-is-not-present-symbol-key.js', () => {
    const map = new M();
    const keys: [symbol, number][] = [
      [Symbol('a description'), 0],
      [Symbol('different description'), 2],
      [Symbol('a description'), 1],
      [Symbol.hasInstance, 3],
    ];
    for (const [key, value] of keys) expect(store(map, name, key, value)).toBe(value);
  });
  port('returns-value-if-key-is-present-object-key.js', () => {
    const [foo, bar, baz] = [{}, {}, []];
    const map = new M([[foo, 0]]);
    expect(store(map, name, foo, 3), 'a key from the constructor').toBe(0);
    map.set(bar, 1);
    expect(store(map, name, bar, 4)).toBe(1);
    map.set(baz, 2);
    expect(store(map, name, baz, 5)).toBe(2);
  });
  port('returns-value-if-key-is-present-symbol-key.js', () => {
    const foo = Symbol('a description');
    const bar = Symbol('a description');
    const baz = Symbol('different description');
    const map = new M([[foo, 0]]);
    expect(store(map, name, foo, 3), 'a symbol key from the constructor').toBe(0);
    map.set(bar, 1);
    map.set(baz, 2);
    expect(store(map, name, baz, 4), 'a symbol key set with set()').toBe(2);
    expect(store(map, name, bar, 5), 'symbols with the same description are different keys').toBe(
      1,
    );
    map.set(Symbol.hasInstance, 3);
    expect(store(map, name, Symbol.hasInstance, 6), 'a well-known symbol as key').toBe(3);
  });
  port('throw-if-key-cannot-be-held-weakly.js', () => {
    const map = new M();
    const called: unknown[] = [];
    for (const key of [1, false, undefined, 'string', null, Symbol.for('registered symbol')]) {
      const attempt =
        name === 'getOrInsert'
          ? () => map.getOrInsert(key, 1)
          : () => map.getOrInsertComputed(key, () => called.push(key));
      expect(attempt, String(key)).toThrow(TypeError);
    }
    compareArray(called, []);
  });
}

function portGetOrInsert(port: Port262, M: WeakMapClass): void {
  portShape(port, M, 'getOrInsert', () => [{}, 1]);
  portStoring(port, M, 'getOrInsert');
}

function portGetOrInsertComputed(port: Port262, M: WeakMapClass): void {
  portShape(port, M, 'getOrInsertComputed', () => [{}, () => 1]);
  portStoring(port, M, 'getOrInsertComputed');
  port('adds-value-different-callbackfn.js', () => {
    const map = new M();
    function three() {
      return 3;
    }
    const callbacks: [() => unknown, unknown][] = [
      [() => 1, 1],
      [() => 2, 2],
      [three, 3],
      [new Function() as () => unknown, undefined],
      [
        function (this: unknown) {
          return 5;
        }.bind(map),
        5,
      ],
    ];
    for (const [callback, value] of callbacks) {
      const key = {};
      expect(map.getOrInsertComputed(key, callback)).toBe(value);
      expect(map.get(key)).toBe(value);
    }
  });
  port('callbackfn-throws.js', () => {
    expect(() =>
      new M().getOrInsertComputed({}, () => {
        throw new Error('throw in callback');
      }),
    ).toThrow(Error);
  });
  port('check-callback-fn-args.js', () => {
    const symbol = Symbol('a description');
    let called = false;
    new M().getOrInsertComputed(symbol, function (this: unknown, ...args: unknown[]) {
      expect(this).toBe(undefined);
      compareArray(args, [symbol]);
      called = true;
    });
    expect(called).toBe(true);
  });
  port('check-state-after-callback-fn-throws.js', () => {
    const map = new M();
    const [obj0, obj1, obj2, obj3] = [{}, {}, {}, {}];
    map.set(obj0, 'zero');
    map.set(obj1, 'one');
    map.set(obj2, 'two');
    const expectState = (one: string, three: string | undefined) => {
      expect(map.get(obj0)).toBe('zero');
      expect(map.get(obj1)).toBe(one);
      expect(map.get(obj2)).toBe('two');
      if (three === undefined) expect(map.has(obj3)).toBe(false);
      else expect(map.get(obj3)).toBe(three);
    };
    const throwing = (mutate: () => void) => () => {
      mutate();
      throw new Error('throw in callback');
    };
    expect(() =>
      map.getOrInsertComputed(
        Symbol('3'),
        throwing(() => {}),
      ),
    ).toThrow(Error);
    expectState('one', undefined);
    expect(() =>
      map.getOrInsertComputed(
        obj3,
        throwing(() => map.set(obj1, 'mutated')),
      ),
    ).toThrow(Error);
    expectState('mutated', undefined);
    expect(() =>
      map.getOrInsertComputed(
        obj3,
        throwing(() => map.set(obj3, 'mutated')),
      ),
    ).toThrow(Error);
    expectState('mutated', 'mutated');
  });
  port('does-not-evaluate-callbackfn-if-key-present.js', () => {
    const [obj1, obj2, obj3, obj4] = [{}, {}, {}, {}];
    const map = new M();
    map.set(obj1, 0);
    let calls = 0;
    const callback = () => {
      calls++;
      throw new Error('the callback must not be called when the key is present');
    };
    expect(map.getOrInsertComputed(obj1, callback)).toBe(0);
    map.set(obj2, 1);
    expect(map.getOrInsertComputed(obj2, callback)).toBe(1);
    map.set(obj3, 2);
    expect(map.getOrInsertComputed(obj3, callback)).toBe(2);
    expect(() => map.getOrInsertComputed(obj4, callback)).toThrow(Error);
    expect(calls).toBe(1);
  });
  port('not-a-function-callbackfn-throws.js', () => {
    const bar = {};
    const map = new M();
    for (const callback of [1, '', true, undefined, null, {}, [], Symbol()]) {
      expect(() => map.getOrInsertComputed(bar, callback), String(callback)).toThrow(TypeError);
    }
    map.set(bar, 'foo');
    expect(() => map.getOrInsertComputed(bar, 1), 'with the key present').toThrow(TypeError);
  });
  port('overwrites-mutation-from-callbackfn.js', () => {
    const map = new M();
    const [foo, bar, baz] = [{}, {}, {}];
    map.getOrInsertComputed(foo, () => {
      map.set(foo, 0);
      return 3;
    });
    map.getOrInsertComputed(bar, () => {
      map.set(bar, 1);
    });
    map.getOrInsertComputed(baz, () => {
      map.set(baz, 2);
      return 'string';
    });
    expect(map.get(foo)).toBe(3);
    expect(map.get(bar)).toBe(undefined);
    expect(map.get(baz)).toBe('string');
  });
}
