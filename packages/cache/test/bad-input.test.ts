import { describe, expect, it } from 'vitest';
import { WeakCache } from '../src';

const a = { name: 'a' };
const b = { name: 'b' };
const proto = WeakCache.prototype;

// Values that cannot be held weakly, with the type the message must name.
const badValues: [unknown, string][] = [
  [1, 'number'],
  ['s', 'string'],
  [true, 'boolean'],
  [undefined, 'undefined'],
  [null, 'null'],
  [10n, 'bigint'],
  [Symbol.for('registered'), 'registered symbol'],
];

// A cache with a strong and a weak entry, and what a user can see of it.
function twoTier() {
  const cache = new WeakCache<unknown, object>({ strong: 1 });
  cache.set('weak', b).set('k', a);
  return cache;
}
function snapshot(cache: WeakCache<unknown, object>) {
  return { entries: [...cache], size: cache.size, strongSize: cache.strongSize };
}

// Every public method, with arguments that would be valid on a real cache.
const METHODS: [string, unknown[]][] = [
  ['get', ['k']],
  ['peek', ['k']],
  ['has', ['k']],
  ['set', ['k', a]],
  ['delete', ['k']],
  ['clear', []],
  ['getOrInsert', ['k', a]],
  ['getOrInsertComputed', ['k', () => a]],
  ['forEach', [() => {}]],
  ['entries', []],
  ['keys', []],
  ['values', []],
];
const ACCESSORS = ['size', 'strongSize', 'strong'];

const RECEIVERS: [string, () => unknown, string][] = [
  ['undefined', () => undefined, 'undefined'],
  ['null', () => null, 'null'],
  ['a number', () => 1, 'number'],
  ['a plain object', () => ({}), 'object'],
  ['a Map', () => new Map([['k', a]]), 'object'],
  ['an object inheriting from WeakCache.prototype', () => Object.create(proto), 'object'],
];

describe('WeakCache: brand checks', () => {
  it('covers every method and accessor on the prototype', () => {
    const names = Object.getOwnPropertyNames(proto).filter((name) => name !== 'constructor');
    expect(names.sort()).toEqual([...METHODS.map(([name]) => name), ...ACCESSORS].sort());
  });

  for (const [method, args] of METHODS) {
    it.each(RECEIVERS)(`${method} refuses %s as receiver`, (_, receiver, type) => {
      const fn = (proto as unknown as Record<string, (...args: unknown[]) => unknown>)[method]!;
      const thisValue = receiver();
      expect(() => fn.call(thisValue, ...args)).toThrow(
        new TypeError(
          `Method WeakCache.prototype.${method} called on incompatible receiver '${type}'`,
        ),
      );
      if (thisValue instanceof Map) expect([...thisValue]).toEqual([['k', a]]); // unchanged
    });
  }

  it.each(RECEIVERS)('the accessors refuse %s', (_, receiver, type) => {
    for (const name of ACCESSORS) {
      const { get, set } = Object.getOwnPropertyDescriptor(proto, name)!;
      expect(() => get!.call(receiver())).toThrow(
        new TypeError(
          `Method get WeakCache.prototype.${name} called on incompatible receiver '${type}'`,
        ),
      );
      if (set) {
        expect(() => set.call(receiver(), 1)).toThrow(
          new TypeError(
            `Method set WeakCache.prototype.${name} called on incompatible receiver '${type}'`,
          ),
        );
      }
    }
  });

  it('checks the receiver before the arguments', () => {
    expect(() => proto.getOrInsertComputed.call({}, 'k', 5 as never)).toThrow(
      'incompatible receiver',
    );
    expect(() => proto.set.call({}, 'k', 5 as never)).toThrow('incompatible receiver');
  });

  it('has Map-like tag and iterator properties', () => {
    expect(proto[Symbol.iterator]).toBe(proto.entries);
    expect(Object.getOwnPropertyDescriptor(proto, Symbol.toStringTag)).toEqual({
      value: 'WeakCache',
      writable: false,
      enumerable: false,
      configurable: true,
    });
  });
});

describe('WeakCache: bad input throws and changes nothing', () => {
  it.each(badValues)('set(key, %s), on a strong, a weak and a new key', (value, type) => {
    const cache = twoTier();
    const before = snapshot(cache);
    for (const key of ['k', 'weak', 'new']) {
      expect(() => cache.set(key, value as object)).toThrow(
        new TypeError(`cannot create weak reference to '${type}' value`),
      );
    }
    expect(snapshot(cache)).toEqual(before);
  });

  it.each(badValues)('getOrInsert(key, %s), also when the key exists', (value, type) => {
    const cache = twoTier();
    const before = snapshot(cache);
    expect(() => cache.getOrInsert('new', value as object)).toThrow(`'${type}'`);
    expect(() => cache.getOrInsert('weak', value as object)).toThrow(TypeError);
    expect(snapshot(cache)).toEqual(before);
  });

  it('getOrInsertComputed: a non-function callback, or a callback returning a primitive', () => {
    const cache = twoTier();
    const before = snapshot(cache);
    expect(() => cache.getOrInsertComputed('new', 5 as never)).toThrow(
      new TypeError("callback must be a function, not 'number'"),
    );
    expect(() => cache.getOrInsertComputed('new', () => 5 as never)).toThrow(
      "cannot create weak reference to 'number' value",
    );
    expect(snapshot(cache)).toEqual(before);
  });

  it('forEach rejects a non-function callback', () => {
    expect(() => twoTier().forEach(undefined as never)).toThrow(
      "callback must be a function, not 'undefined'",
    );
  });

  it('the constructor wants an options object with a non-negative integer `strong`', () => {
    expect(() => new WeakCache(undefined as never)).toThrow(
      new TypeError("WeakCache options must be an object, not 'undefined'"),
    );
    expect(() => new WeakCache(512 as never)).toThrow(
      new TypeError("WeakCache options must be an object, not 'number'"),
    );
    expect(() => new WeakCache({} as never)).toThrow(
      new TypeError("WeakCache strong must be a number, not 'undefined'"),
    );
    expect(() => new WeakCache({ strong: '5' as never })).toThrow(
      new TypeError("WeakCache strong must be a number, not 'string'"),
    );
    for (const strong of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => new WeakCache({ strong })).toThrow(
        new RangeError(`WeakCache strong must be a non-negative integer, not ${strong}`),
      );
    }
    expect(() => new WeakCache({ strong: 1, onRemove: 'log' as never })).toThrow(
      new TypeError("onRemove must be a function, not 'string'"),
    );
    expect(new WeakCache({ strong: 0, onRemove: undefined }).strong).toBe(0);
  });

  it('setting `strong` to a bad size throws the same errors and changes nothing', () => {
    const cache = twoTier();
    const before = snapshot(cache);
    expect(() => {
      cache.strong = -1;
    }).toThrow(RangeError);
    expect(() => {
      cache.strong = 0.5;
    }).toThrow(RangeError);
    expect(() => {
      cache.strong = '0' as never;
    }).toThrow(new TypeError("WeakCache strong must be a number, not 'string'"));
    expect(cache.strong).toBe(1);
    expect(snapshot(cache)).toEqual(before);
  });

  it('get/peek/has/delete take any key without complaint', () => {
    const cache = new WeakCache<unknown, object>({ strong: 2 });
    for (const key of [null, undefined, Number.NaN, Symbol.for('x'), {}, () => 0, 1n]) {
      expect(cache.get(key)).toBeUndefined();
      expect(cache.peek(key)).toBeUndefined();
      expect(cache.has(key)).toBe(false);
      expect(cache.delete(key)).toBe(false);
    }
    cache.set(Number.NaN, a);
    expect(cache.get(Number.NaN)).toBe(a);
  });
});
