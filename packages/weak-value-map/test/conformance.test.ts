import { describe, expect, it } from 'vitest';
import { WeakValueMap } from '../src';

// What Map does and test262 checks: brand checks on every method and accessor, -0 keys
// canonicalized to +0, results of copy/union that ignore a subclass's overrides.

const a = { name: 'a' };
const b = { name: 'b' };
const proto = WeakValueMap.prototype;

// Every public method, with arguments that would be valid on a real map.
const METHODS: [string, unknown[]][] = [
  ['get', ['k']],
  ['has', ['k']],
  ['set', ['k', a]],
  ['delete', ['k']],
  ['clear', []],
  ['getOrInsert', ['k', a]],
  ['getOrInsertComputed', ['k', () => a]],
  ['pop', ['k', 'default']],
  ['popItem', []],
  ['update', [[['k', a]]]],
  ['copy', []],
  ['union', [[['k', a]]]],
  ['valueRefs', []],
  ['forEach', [() => {}]],
  ['entries', []],
  ['keys', []],
  ['values', []],
];

const RECEIVERS: [string, () => unknown, string][] = [
  ['undefined', () => undefined, 'undefined'],
  ['null', () => null, 'null'],
  ['a number', () => 1, 'number'],
  ['a plain object', () => ({}), 'object'],
  ['a Map', () => new Map([['k', a]]), 'object'],
  ['an object inheriting from WeakValueMap.prototype', () => Object.create(proto), 'object'],
];

describe('WeakValueMap: brand checks', () => {
  it('covers every method on the prototype', () => {
    const names = Object.getOwnPropertyNames(proto).filter(
      (name) => name !== 'constructor' && name !== 'size',
    );
    expect(names.sort()).toEqual(METHODS.map(([name]) => name).sort());
  });

  for (const [method, args] of METHODS) {
    it.each(RECEIVERS)(`${method} refuses %s as receiver`, (_, receiver, type) => {
      const fn = (proto as unknown as Record<string, (...args: unknown[]) => unknown>)[method]!;
      const thisValue = receiver();
      expect(() => fn.call(thisValue, ...args)).toThrow(
        new TypeError(
          `Method WeakValueMap.prototype.${method} called on incompatible receiver '${type}'`,
        ),
      );
      if (thisValue instanceof Map) expect([...thisValue]).toEqual([['k', a]]); // unchanged
    });
  }

  it.each(RECEIVERS)('the size getter refuses %s', (_, receiver, type) => {
    const size = Object.getOwnPropertyDescriptor(proto, 'size')!.get!;
    expect(() => size.call(receiver())).toThrow(
      new TypeError(
        `Method get WeakValueMap.prototype.size called on incompatible receiver '${type}'`,
      ),
    );
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
      value: 'WeakValueMap',
      writable: false,
      enumerable: false,
      configurable: true,
    });
    expect(Object.prototype.toString.call(proto)).toBe('[object WeakValueMap]');
  });
});

describe('WeakValueMap: -0 keys are +0 (CanonicalizeKeyedCollectionKey)', () => {
  it('getOrInsertComputed passes +0 to the callback and stores under +0', () => {
    const m = new WeakValueMap<number, object>();
    const seen: number[] = [];
    m.getOrInsertComputed(-0, (key) => {
      seen.push(key);
      return a;
    });
    expect(Object.is(seen[0], 0)).toBe(true);
    expect(Object.is([...m.keys()][0], 0)).toBe(true);
    expect(m.get(0)).toBe(a);
  });

  it('set, getOrInsert and update store -0 as +0, as Map does', () => {
    for (const store of [
      (m: WeakValueMap<number, object>) => m.set(-0, a),
      (m: WeakValueMap<number, object>) => m.getOrInsert(-0, a),
      (m: WeakValueMap<number, object>) => m.update([[-0, a]]),
      (m: WeakValueMap<number, object>) => m.popItem(), // after the list of keys exists
    ]) {
      const m = new WeakValueMap<number, object>([[1, b]]);
      m.popItem();
      m.set(-0, a);
      store(m);
      m.set(-0, a);
      const keys = [...m.keys(), ...[...m].map(([key]) => key), ...m.valueRefs().map((r) => r.key)];
      for (const key of keys) expect(Object.is(key, -0)).toBe(false);
      if (m.size > 0) expect(Object.is(m.popItem()[0], 0)).toBe(true);
    }
  });
});

describe('WeakValueMap: update returns the map', () => {
  it('returns this, with or without pairs', () => {
    const m = new WeakValueMap<string, object>();
    expect(m.update([['a', a]])).toBe(m);
    expect(m.update()).toBe(m);
  });
});

describe('WeakValueMap: subclasses', () => {
  class Overriding<K, V extends object> extends WeakValueMap<K, V> {
    override get(): V | undefined {
      return undefined;
    }
    override *entries(): MapIterator<[K, V]> {}
    override copy(): WeakValueMap<K, V> {
      throw new Error('not called by union');
    }
  }

  it('copy and union give base-class maps read from the internal data', () => {
    const sub = new Overriding<string, object>([['a', a]]);
    const copy = WeakValueMap.prototype.copy.call(sub);
    expect(copy.constructor).toBe(WeakValueMap);
    expect([...copy]).toEqual([['a', a]]);
    const both = sub.union([['b', b]]);
    expect(both.constructor).toBe(WeakValueMap);
    expect([...both]).toEqual([
      ['a', a],
      ['b', b],
    ]);
  });

  it('a subclass instance passes the brand check', () => {
    const sub = new Overriding<string, object>([['a', a]]);
    expect(WeakValueMap.prototype.get.call(sub, 'a')).toBe(a);
    expect(sub.size).toBe(1);
  });
});
