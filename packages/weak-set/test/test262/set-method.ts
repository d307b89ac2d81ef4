import {
  asWeakKey,
  asWeakKeys,
  compareArray,
  describe262,
  isConstructor,
  type Port262,
  primitiveReceivers,
  setArguments,
  verifyProperty,
  withEachArgument,
} from '@w/test-support/test262';
import { expect } from 'vitest';
import { IterableWeakSet } from '../../src';

export type SetMethod =
  | 'union'
  | 'intersection'
  | 'difference'
  | 'symmetricDifference'
  | 'isSubsetOf'
  | 'isSupersetOf'
  | 'isDisjointFrom';

/** The class a port runs against: `IterableWeakSet`, or the native `Set` to check the port. */
export type SetClass = new (members?: any) => any;

/** What a port of one `Set.prototype.<method>` file is given. */
export interface SetMethodSuite {
  port: Port262;
  /** The class under test; test262's `new Set(...)` receivers are `new S(...)`. */
  S: SetClass;
  /** `new S(asWeakKeys(members))`. */
  set(members: readonly unknown[]): any;
  /** Arguments that test262 makes with `new Set(...)`: a native `Set`, then an `IterableWeakSet`. */
  setArguments: ReturnType<typeof setArguments>;
  /** `receiver[method](argument)`. */
  call(receiver: unknown, argument: unknown): any;
}

/**
 * The ports of test262's `built-ins/Set/prototype/<method>/`: the files every set method has
 * alike (shape, brand check, argument protocol), then `body`'s. They run against
 * `IterableWeakSet`, and against the native `Set` where the runtime has `method`.
 */
export function describeSetMethod(method: SetMethod, body: (suite: SetMethodSuite) => void): void {
  const subjects: [SetClass, { standsFor?: string }][] = [[IterableWeakSet, {}]];
  if (typeof (Set.prototype as any)[method] === 'function') {
    subjects.push([Set, { standsFor: 'IterableWeakSet' }]);
  }
  for (const [S, options] of subjects) {
    describe262(
      `built-ins/Set/prototype/${method}`,
      S.name,
      (port) => {
        const suite: SetMethodSuite = {
          port,
          S,
          set: (members) => new S(asWeakKeys(members)),
          setArguments: setArguments(IterableWeakSet),
          call: (receiver, argument) => (receiver as any)[method](argument),
        };
        portSharedFiles(suite, method);
        body(suite);
      },
      options,
    );
  }
}

function portSharedFiles({ port, S, set, setArguments, call }: SetMethodSuite, method: SetMethod) {
  const fn = (): any => S.prototype[method];
  const OtherSet: SetClass = S === Set ? IterableWeakSet : Set;

  port(`${method}.js`, () => {
    expect(typeof fn()).toBe('function');
    verifyProperty(S.prototype, method, { writable: true, enumerable: false, configurable: true });
  });
  port('length.js', () => {
    verifyProperty(fn(), 'length', {
      value: 1,
      writable: false,
      enumerable: false,
      configurable: true,
    });
  });
  port('name.js', () => {
    verifyProperty(fn(), 'name', {
      value: method,
      writable: false,
      enumerable: false,
      configurable: true,
    });
  });
  port('not-a-constructor.js', () => {
    expect(isConstructor(fn())).toBe(false);
    expect(() => new (fn())()).toThrow(TypeError);
  });
  port('builtins.js', () => {
    expect(Object.isExtensible(fn())).toBe(true);
    expect(Object.prototype.toString.call(fn())).toBe('[object Function]');
    expect(Object.getPrototypeOf(fn())).toBe(Function.prototype);
  });
  port('require-internal-slot.js', () => {
    const receivers: [string, unknown][] = [
      ...primitiveReceivers,
      ['a plain object', {}],
      ['an array', []],
      ['a Map', new Map()],
      [`${S.name}.prototype`, S.prototype],
      [`a ${OtherSet.name}`, new OtherSet()],
    ];
    withEachArgument(setArguments, (make) => {
      for (const [name, receiver] of receivers) {
        expect(() => fn().call(receiver, make([])), name).toThrow(TypeError);
      }
    });
  });
  port('receiver-not-set.js', () => {
    class MySetLike {
      size = 2;
      has = () => {};
      *keys() {
        yield asWeakKey(2);
        yield asWeakKey(3);
      }
    }
    withEachArgument(setArguments, (make) => {
      expect(() => fn().call(new MySetLike(), make([])), 'a set-like class').toThrow(TypeError);
      expect(
        () => fn().call(setLikeObject({ size: 2, keys: [2, 3] }), make([])),
        'a set-like object',
      ).toThrow(TypeError);
    });
  });
  port('array-throws.js', () => {
    expect(() => call(set([1, 2]), [asWeakKey(3)])).toThrow(TypeError);
  });
  port('called-with-object.js', () => {
    const receiver = set([1]);
    for (const argument of [1, '', 1n, false, undefined, null, Symbol('test')]) {
      expect(() => call(receiver, argument), String(argument)).toThrow(TypeError);
    }
  });
  port('has-is-callable.js', () => {
    const receiver = set([1, 2]);
    for (const has of [undefined, {}]) {
      expect(
        () => call(receiver, { ...setLikeObject({ size: 2, keys: [2, 3] }), has }),
        String(has),
      ).toThrow(TypeError);
    }
  });
  port('keys-is-callable.js', () => {
    const receiver = set([1, 2]);
    for (const keys of [undefined, {}]) {
      expect(
        () => call(receiver, { ...setLikeObject({ size: 2, keys: [2, 3] }), keys }),
        String(keys),
      ).toThrow(TypeError);
    }
  });
  port('size-is-a-number.js', () => {
    const receiver = set([1, 2]);
    let coercions = 0;
    const coercesToNaN = {
      valueOf() {
        coercions++;
        return Number.NaN;
      },
    };
    for (const size of [undefined, Number.NaN, coercesToNaN, 0n, 'string']) {
      expect(
        () => call(receiver, { ...setLikeObject({ size: 2, keys: [2, 3] }), size }),
        String(size),
      ).toThrow(TypeError);
    }
    expect(coercions, 'size is coerced once').toBe(1);
  });
}

/** A result of a set method: a `S` (not a subclass), holding `expected` (as `asWeakKey`s) in order. */
export function expectSetResult(result: any, S: SetClass, expected: readonly unknown[]): void {
  compareArray([...result], asWeakKeys(expected));
  expect(result instanceof S, `a ${S.name}`).toBe(true);
  expect(Object.getPrototypeOf(result), `a ${S.name}, not a subclass`).toBe(S.prototype);
}

/** `[receiver members, argument members, expected]`: the members of a `Set` result, or a predicate's answer. */
export type SetCase = [receiver: unknown[], argument: unknown[], expected: unknown[] | boolean];

/**
 * Ports of the files that only call `method` on Sets and check the result
 * (`combines-sets.js`, `compares-empty-sets.js`, `result-order.js`, ...): each case runs with
 * the argument as a native `Set` and as an `IterableWeakSet`. A `Set` result is a new object.
 */
export function portCases(
  { port, S, set, setArguments, call }: SetMethodSuite,
  files: Record<string, SetCase[]>,
): void {
  for (const [file, cases] of Object.entries(files)) {
    port(file, () => {
      withEachArgument(setArguments, (make) => {
        for (const [mine, theirs, expected] of cases) {
          const receiver = set(mine);
          const argument = make(theirs);
          const result = call(receiver, argument);
          if (typeof expected === 'boolean') {
            expect(result).toBe(expected);
          } else {
            expectSetResult(result, S, expected);
            expect(result === receiver || result === argument, 'a new object').toBe(false);
          }
        }
      });
    });
  }
}

/** Port of `combines-itself.js` / `compares-itself.js`: the receiver as its own argument. */
export function portItself(
  { port, S, set, call }: SetMethodSuite,
  file: string,
  expected: unknown[] | boolean,
): void {
  port(file, () => {
    const receiver = set([1, 2]);
    const result = call(receiver, receiver);
    if (typeof expected === 'boolean') {
      expect(result).toBe(expected);
    } else {
      expectSetResult(result, S, expected);
      expect(result === receiver, 'a new object').toBe(false);
    }
  });
}

/** Port of `combines-Map.js` / `compares-Map.js`: a `Map` is set-like through its keys. */
export function portMapArgument(
  { port, S, set, call }: SetMethodSuite,
  file: string,
  expected: unknown[] | boolean,
): void {
  port(file, () => {
    const map = new Map([
      [asWeakKey(2), 'two'],
      [asWeakKey(3), 'three'],
    ]);
    const result = call(set([1, 2]), map);
    if (typeof expected === 'boolean') expect(result).toBe(expected);
    else expectSetResult(result, S, expected);
  });
}

/**
 * Ports of the subclass files (receiver `[1, 2]`, argument `[2, 3]`, `expected`):
 * `subclass-receiver-methods.js` for every method, and for the four that return a set also
 * `add-not-called.js`, `subclass.js` and `subclass-symbol-species.js`.
 */
export function portSubclassing(
  { port, S, setArguments, call }: SetMethodSuite,
  expected: unknown[] | boolean,
): void {
  const Base = S;
  const check = (result: any) => {
    if (typeof expected === 'boolean') expect(result).toBe(expected);
    else expectSetResult(result, S, expected);
  };
  port('subclass-receiver-methods.js', () => {
    withEachArgument(setArguments, (make) => {
      const counts = { size: 0, has: 0, keys: 0 };
      class MySet extends Base {
        size(...rest: unknown[]) {
          counts.size++;
          return super.size(...rest);
        }
        has(...rest: unknown[]) {
          counts.has++;
          return super.has(...rest);
        }
        keys(...rest: unknown[]) {
          counts.keys++;
          return super.keys(...rest);
        }
      }
      check(call(new MySet(asWeakKeys([1, 2])), make([2, 3])));
      expect(counts, "the receiver's size, has and keys are never used").toEqual({
        size: 0,
        has: 0,
        keys: 0,
      });
    });
  });
  if (typeof expected === 'boolean') return;

  port('add-not-called.js', () => {
    withEachArgument(setArguments, (make) => {
      const receiver = new S(asWeakKeys([1, 2]));
      const argument = make([2, 3]);
      const add = S.prototype.add;
      let adds = 0;
      S.prototype.add = function (this: unknown, ...rest: unknown[]) {
        adds++;
        return add.apply(this, rest);
      };
      try {
        check(call(receiver, argument));
      } finally {
        S.prototype.add = add;
      }
      expect(adds, 'add is never called').toBe(0);
    });
  });
  port('subclass.js', () => {
    class MySet extends Base {}
    withEachArgument(setArguments, (make) => {
      check(call(new MySet(asWeakKeys([1, 2])), make([2, 3])));
    });
  });
  port('subclass-symbol-species.js', () => {
    let speciesReads = 0;
    class MySet extends Base {
      static get [Symbol.species]() {
        speciesReads++;
        return Base;
      }
    }
    withEachArgument(setArguments, (make) => {
      check(call(new MySet(asWeakKeys([1, 2])), make([2, 3])));
    });
    expect(speciesReads, 'Symbol.species is never read').toBe(0);
  });
}

/**
 * The set-like class of the `set-like-class-order.js` files: every read of `size`, `has`,
 * `keys` and of the iterator it returns is logged. `keys()` yields `keys` (as `asWeakKey`s);
 * `has` answers for `keys`, or throws when the file says the method must not call it.
 */
export function observableSetLike(
  log: string[],
  size: number,
  keys: readonly unknown[],
  { hasThrows = false, keysThrows = false } = {},
) {
  const values = asWeakKeys(keys);
  return {
    get size() {
      log.push('getting size');
      return {
        valueOf() {
          log.push('ToNumber(size)');
          return size;
        },
      };
    },
    get has() {
      log.push('getting has');
      return (value: unknown) => {
        if (hasThrows) throw new Error("the argument's has must not be called");
        log.push('calling has');
        return values.includes(value as WeakKey);
      };
    },
    get keys() {
      log.push('getting keys');
      return () => {
        if (keysThrows) throw new Error("the argument's keys must not be called");
        log.push('calling keys');
        let index = 0;
        return {
          get next() {
            log.push('getting next');
            return () => {
              log.push('calling next');
              return {
                get done() {
                  log.push('getting done');
                  return index >= values.length;
                },
                get value() {
                  log.push('getting value');
                  return values[index++];
                },
              };
            };
          },
        };
      };
    },
  };
}

/** What `observableSetLike` logs, step by step. */
export const order = {
  /** GetSetRecord: size (read, then ToNumber), has, keys. */
  record: ['getting size', 'ToNumber(size)', 'getting has', 'getting keys'],
  /** `count` calls of the argument's `has`. */
  has: (count: number) => Array<string>(count).fill('calling has'),
  /** `keys()`, its `next` read once, then `values` steps that yield a value, and, if `done`, the last. */
  keys: (values: number, { done = true } = {}) => [
    'calling keys',
    'getting next',
    ...Array.from({ length: values }, () => [
      'calling next',
      'getting done',
      'getting value',
    ]).flat(),
    ...(done ? ['calling next', 'getting done'] : []),
  ],
};

/** Port of a `set-like-class-order.js` block: `method` on `receiver` logs `expectedOrder` and gives `expected`. */
export function expectOrder(
  { set, call }: SetMethodSuite,
  receiver: unknown[],
  argument: ReturnType<typeof observableSetLike>,
  log: string[],
  expected: unknown[] | boolean,
  expectedOrder: string[],
): void {
  const mine = set(receiver);
  log.length = 0;
  const result = call(mine, argument);
  if (typeof expected === 'boolean') expect(result).toBe(expected);
  else compareArray([...result], asWeakKeys(expected));
  expect(log).toEqual(expectedOrder);
}

/**
 * An argument of the `allows-set-like-*.js` and `set-like-array.js` files. `has` answers
 * `true` for the `hasTrue` members and `false` for the `hasFalse` ones, and throws for any
 * other value (test262's "should only call has with contents of this"); without either list
 * it must not be called at all. `keys` yields `keys`; without it, it must not be called.
 */
export interface SetLikeSpec {
  size: number;
  hasTrue?: unknown[];
  hasFalse?: unknown[];
  keys?: unknown[];
}

/** A plain object made to `spec`. */
export function setLikeObject({ size, hasTrue, hasFalse, keys }: SetLikeSpec) {
  const yes = asWeakKeys(hasTrue ?? []);
  const no = asWeakKeys(hasFalse ?? []);
  return {
    size,
    has(value: unknown): boolean {
      if (yes.includes(value as WeakKey)) return true;
      if (no.includes(value as WeakKey)) return false;
      throw new Error(`the argument's has was called with ${String(value)}`);
    },
    keys(): Iterator<unknown> {
      if (keys === undefined) throw new Error("the argument's keys was called");
      return asWeakKeys(keys).values();
    },
  };
}

/** An instance of a class made to `spec`: a `size` getter, `has` and `keys` on its prototype. */
export function setLikeInstance(spec: SetLikeSpec) {
  const made = setLikeObject(spec);
  return new (class {
    get size() {
      return made.size;
    }
    has(value: unknown) {
      return made.has(value);
    }
    keys() {
      return made.keys();
    }
  })();
}

/** An array of `elements` that is also set-like to `spec` (the method must use the latter). */
export function setLikeArray(elements: unknown[], spec: SetLikeSpec) {
  return Object.assign(asWeakKeys(elements), setLikeObject(spec));
}

/** The result of `method` on a set of `receiver` with `argument`: a `S` of `expected`, or the answer. */
export function expectCall(
  { S, set, call }: SetMethodSuite,
  receiver: unknown[],
  argument: unknown,
  expected: unknown[] | boolean,
): void {
  const result = call(set(receiver), argument);
  if (typeof expected === 'boolean') expect(result).toBe(expected);
  else expectSetResult(result, S, expected);
}
