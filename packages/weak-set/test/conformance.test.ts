import { inspectCustom } from '@w/core/internal';
import { describe, expect, it } from 'vitest';
import { IterableWeakSet, type SetLike } from '../src';

const a = { name: 'a' };
const b = { name: 'b' };
const c = { name: 'c' };

const SET_METHODS = [
  'union',
  'intersection',
  'difference',
  'symmetricDifference',
  'isSubsetOf',
  'isSupersetOf',
  'isDisjointFrom',
] as const;

const proto = IterableWeakSet.prototype as unknown as Record<
  string | symbol,
  (...args: unknown[]) => unknown
>;
// Every method and accessor of the prototype, and arguments that would be valid.
const METHODS: [string | symbol, unknown[]][] = [
  ['add', [{}]],
  ['has', [a]],
  ['delete', [a]],
  ['clear', []],
  ['pop', []],
  ['update', [[b]]],
  ['intersectionUpdate', [[a]]],
  ['differenceUpdate', [[a]]],
  ['symmetricDifferenceUpdate', [[b]]],
  ['copy', []],
  ['values', []],
  ['keys', []],
  ['entries', []],
  [Symbol.iterator, []],
  [inspectCustom, [2, {}, String]],
  ['forEach', [() => {}]],
  ...SET_METHODS.map((method): [string, unknown[]] => [method, [new Set([a])]]),
];
const RECEIVERS: [string, unknown, string][] = [
  ['a plain object', {}, 'object'],
  ['a Set', new Set([a]), 'object'],
  ['undefined', undefined, 'undefined'],
  ['null', null, 'null'],
  ['a number', 1, 'number'],
  ['a string', '', 'string'],
  ['a boolean', true, 'boolean'],
  ['an object inheriting from IterableWeakSet.prototype', Object.create(proto), 'object'],
];

describe('a method called on something that is not an IterableWeakSet', () => {
  it('covers every method of the prototype', () => {
    const names = Reflect.ownKeys(proto).filter(
      (name) => name !== 'constructor' && name !== 'size' && name !== Symbol.toStringTag,
    );
    expect(new Set(names)).toEqual(new Set(METHODS.map(([name]) => name)));
  });

  describe.each(METHODS)('%s', (name, args) => {
    it.each(RECEIVERS)('throws a TypeError for %s', (_, receiver, type) => {
      // keys and [Symbol.iterator] are values itself, as on Set, so the error names values.
      const method =
        name === Symbol.iterator || name === 'keys'
          ? '.values'
          : name === inspectCustom
            ? '[inspect.custom]'
            : `.${String(name)}`;
      expect(() => proto[name]!.apply(receiver, args)).toThrow(
        new TypeError(
          `Method IterableWeakSet.prototype${method} called on incompatible receiver '${type}'`,
        ),
      );
    });
  });

  it.each(RECEIVERS)('size throws a TypeError for %s', (_, receiver, type) => {
    const size = Object.getOwnPropertyDescriptor(proto, 'size')!.get!;
    expect(() => size.call(receiver)).toThrow(
      `Method IterableWeakSet.prototype.size called on incompatible receiver '${type}'`,
    );
  });

  it('is refused before the argument is read, as native Set methods are', () => {
    const read: string[] = [];
    const other = new Proxy(new Set([a]), {
      get(target, key, receiver) {
        read.push(String(key));
        return Reflect.get(target, key, receiver);
      },
    });
    for (const method of SET_METHODS)
      expect(() => proto[method]!.call({}, other)).toThrow(TypeError);
    expect(() => proto.isSupersetOf!.call({}, new Set())).toThrow(TypeError); // was `true`
    expect(read).toEqual([]);
  });

  it('changes nothing on a real set passed as the argument', () => {
    const set = new IterableWeakSet([a, b]);
    expect(() => proto.update!.call({}, set)).toThrow(TypeError);
    expect(() => proto.differenceUpdate!.call({}, set)).toThrow(TypeError);
    expect([...set]).toEqual([a, b]);
  });

  it('keys and [Symbol.iterator] are values itself, as on Set.prototype', () => {
    expect(proto.keys).toBe(proto.values);
    expect(proto[Symbol.iterator]).toBe(proto.values);
    for (const key of ['keys', Symbol.iterator]) {
      expect(Object.getOwnPropertyDescriptor(proto, key)).toMatchObject({
        writable: true,
        enumerable: false,
        configurable: true,
      });
    }
  });

  it('toStringTag is a data property, as on Set.prototype', () => {
    expect(Object.getOwnPropertyDescriptor(proto, Symbol.toStringTag)).toEqual({
      value: 'IterableWeakSet',
      writable: false,
      enumerable: false,
      configurable: true,
    });
    expect(Object.prototype.toString.call(proto)).toBe('[object IterableWeakSet]');
  });
});

describe('a subclass, as with native Set', () => {
  // Overrides everything the set methods might be tempted to call.
  class Liar<T extends object> extends IterableWeakSet<T> {
    override has(): boolean {
      return false;
    }
    override get size(): number {
      return 0;
    }
    override copy(): IterableWeakSet<T> {
      return new Liar<T>();
    }
    override values(): SetIterator<T> {
      return new Set<T>()[Symbol.iterator]();
    }
    override keys(): SetIterator<T> {
      return this.values();
    }
    override [Symbol.iterator](): SetIterator<T> {
      return this.values();
    }
  }

  it('gets set-method results from its members, never from its overrides', () => {
    const set = new Liar([a, b]);
    const other = new Set([b, c]);
    const results = {
      union: [...set.union(other)],
      intersection: [...set.intersection(other)],
      difference: [...set.difference(other)],
      symmetricDifference: [...set.symmetricDifference(other)],
      isSubsetOf: set.isSubsetOf(other),
      isSupersetOf: set.isSupersetOf(new Set([a])),
      isDisjointFrom: set.isDisjointFrom(other),
      copy: [...IterableWeakSet.prototype.copy.call(set)],
    };
    expect(results).toEqual({
      union: [a, b, c],
      intersection: [b],
      difference: [a],
      symmetricDifference: [a, c],
      isSubsetOf: false,
      isSupersetOf: true,
      isDisjointFrom: false,
      copy: [a, b],
    });
  });

  it('gets base-class IterableWeakSet results', () => {
    const set = new Liar([a]);
    const other = new Set([b]);
    for (const result of [
      set.union(other),
      set.intersection(other),
      set.difference(other),
      set.symmetricDifference(other),
      IterableWeakSet.prototype.copy.call(set),
    ]) {
      expect(Object.getPrototypeOf(result)).toBe(IterableWeakSet.prototype);
    }
  });
});

describe('the spec steps, in order', () => {
  // A set-like that logs every observable step: property reads and calls.
  function loggingSetLike(items: object[], log: string[], onKeys?: () => void): SetLike<object> {
    const iterator = (): Iterator<object> => {
      let index = 0;
      return {
        next() {
          log.push('next');
          return index < items.length
            ? { value: items[index++]!, done: false }
            : { value: undefined, done: true };
        },
      };
    };
    return {
      get size() {
        log.push('size');
        return items.length;
      },
      get has() {
        log.push('get has');
        return (value: object) => {
          log.push('has');
          return items.includes(value);
        };
      },
      get keys() {
        log.push('get keys');
        return () => {
          log.push('keys');
          onKeys?.();
          return iterator();
        };
      },
    };
  }

  it('reads size, has, keys once, then calls them as Set.prototype does', () => {
    const log: string[] = [];
    new IterableWeakSet([a, b, c]).intersection(loggingSetLike([a], log));
    expect(log).toEqual(['size', 'get has', 'get keys', 'keys', 'next', 'next']);
    log.length = 0;
    new IterableWeakSet([a]).intersection(loggingSetLike([a, b], log));
    expect(log).toEqual(['size', 'get has', 'get keys', 'has']);
  });

  it('union and symmetricDifference copy the receiver after calling keys()', () => {
    const set = new IterableWeakSet<object>([a]);
    const other = loggingSetLike([b], [], () => set.add(c));
    expect([...set.union(other)]).toEqual([a, c, b]);
    set.delete(c);
    expect([...set.symmetricDifference(other)]).toEqual([a, c, b]);
  });

  it("difference judges every member, also one deleted by the argument's has()", () => {
    const set = new IterableWeakSet<object>([a, b, c]);
    const other = {
      size: 5,
      has(value: object) {
        if (value === a) set.delete(b);
        return value === b;
      },
      keys: () => [][Symbol.iterator](),
    };
    // The spec walks a copy: b is still asked about, and removed from the result.
    expect([...set.difference(other)]).toEqual([a, c]);
    expect([...set]).toEqual([a, c]);
  });

  it('symmetricDifference decides against the receiver as it is at each step', () => {
    const set = new IterableWeakSet<object>([a]);
    const other = {
      size: 2,
      has: () => false,
      keys() {
        let step = 0;
        return {
          next: () => {
            step++;
            if (step === 1) set.add(b); // b is now in the receiver, not in the result
            if (step === 1) return { value: b, done: false };
            return { value: undefined, done: true };
          },
        };
      },
    };
    expect([...set.symmetricDifference(other)]).toEqual([a]);
  });
});

describe("Python's in-place updates", () => {
  it('intersectionUpdate keeps the members that are in any iterable, and returns the set', () => {
    const set = new IterableWeakSet([a, b, c]);
    expect(set.intersectionUpdate([c, 1, a, a])).toBe(set);
    expect([...set]).toEqual([a, c]);
    set.intersectionUpdate(set);
    expect([...set]).toEqual([a, c]);
    set.intersectionUpdate((function* () {})());
    expect(set.size).toBe(0);
  });

  it('differenceUpdate removes the members that are in any iterable, and returns the set', () => {
    const set = new IterableWeakSet([a, b, c]);
    expect(set.differenceUpdate(new Map([[b, 1]]).keys())).toBe(set);
    expect([...set]).toEqual([a, c]);
    expect(set.differenceUpdate(['x', 2, null])).toBe(set);
    expect([...set]).toEqual([a, c]);
    set.differenceUpdate(set);
    expect(set.size).toBe(0);
  });

  it('symmetricDifferenceUpdate toggles each value once, adding in order, and returns the set', () => {
    const set = new IterableWeakSet<object>([a, b]);
    expect(set.symmetricDifferenceUpdate([c, b, c])).toBe(set);
    expect([...set]).toEqual([a, c]);
    set.symmetricDifferenceUpdate(set);
    expect(set.size).toBe(0);
  });

  it('symmetricDifferenceUpdate refuses a value it would add that cannot be held weakly, changing nothing', () => {
    const set = new IterableWeakSet<object>([a, b]);
    expect(() => set.symmetricDifferenceUpdate([b, c, 7 as never])).toThrow(
      new TypeError(
        "IterableWeakSet.symmetricDifferenceUpdate(): cannot create weak reference to 'number' value",
      ),
    );
    expect([...set]).toEqual([a, b]);
  });

  it.each(['intersectionUpdate', 'differenceUpdate', 'symmetricDifferenceUpdate'] as const)(
    '%s refuses what is not iterable, changing nothing',
    (method) => {
      const set = new IterableWeakSet<object>([a]);
      for (const bad of [undefined, null, 1, {}]) {
        expect(() => set[method](bad as never)).toThrow(TypeError);
      }
      expect(() => set[method](1 as never)).toThrow("expected an iterable, not 'number'");
      expect([...set]).toEqual([a]);
    },
  );

  it('an iterable that throws midway changes nothing', () => {
    const set = new IterableWeakSet<object>([a, b]);
    function* failing() {
      yield a;
      throw new Error('midway');
    }
    for (const method of [
      'intersectionUpdate',
      'differenceUpdate',
      'symmetricDifferenceUpdate',
    ] as const) {
      expect(() => set[method](failing())).toThrow('midway');
    }
    expect([...set]).toEqual([a, b]);
  });
});
