import { describe, expect, it } from 'vitest';
import { WeakKeyMap } from '../src';

const a = { name: 'a' };
const b = { name: 'b' };
const c = { name: 'c' };

describe('WeakKeyMap as a Map', () => {
  it('constructs empty or from pairs', () => {
    expect(new WeakKeyMap().size).toBe(0);
    expect(new WeakKeyMap(null).size).toBe(0);
    const map = new WeakKeyMap([
      [a, 1],
      [b, 2],
    ]);
    expect([...map]).toEqual([
      [a, 1],
      [b, 2],
    ]);
  });

  it('accepts any iterable of pairs, including another map', () => {
    const source = new Map([[a, 1]]);
    expect([...new WeakKeyMap(source)]).toEqual([[a, 1]]);
    expect([...new WeakKeyMap(new WeakKeyMap(source))]).toEqual([[a, 1]]);
  });

  it('gets, sets, has, deletes', () => {
    const map = new WeakKeyMap<object, number>();
    expect(map.set(a, 1)).toBe(map);
    expect(map.get(a)).toBe(1);
    expect(map.has(a)).toBe(true);
    expect(map.get(b)).toBeUndefined();
    expect(map.has(b)).toBe(false);
    expect(map.delete(a)).toBe(true);
    expect(map.delete(a)).toBe(false);
    expect(map.has(a)).toBe(false);
    expect(map.get(a)).toBeUndefined();
    expect(map.size).toBe(0);
  });

  it('stores falsy values and tells them from a miss', () => {
    const map = new WeakKeyMap<object, unknown>([
      [a, 0],
      [b, undefined],
      [c, ''],
    ]);
    expect(map.has(b)).toBe(true);
    expect(map.get(a)).toBe(0);
    expect(map.delete(a)).toBe(true);
    expect(map.delete(b)).toBe(true);
    expect(map.delete(c)).toBe(true);
    expect(map.size).toBe(0);
  });

  it('accepts functions and non-registered symbols as keys', () => {
    const fn = () => {};
    const sym = Symbol('s');
    const map = new WeakKeyMap<WeakKey, string>([
      [fn, 'function'],
      [sym, 'symbol'],
    ]);
    expect(map.get(fn)).toBe('function');
    expect(map.get(sym)).toBe('symbol');
  });

  it('counts entries with size', () => {
    const map = new WeakKeyMap([[a, 1]]);
    expect(map.size).toBe(1);
    map.set(b, 2);
    expect(map.size).toBe(2);
    map.set(b, 3);
    expect(map.size).toBe(2);
  });

  it('iterates in insertion order; overwriting keeps the position', () => {
    const map = new WeakKeyMap<object, number>();
    map.set(b, 1).set(a, 2).set(c, 3).set(b, 4);
    expect([...map.keys()]).toEqual([b, a, c]);
    expect([...map.values()]).toEqual([4, 2, 3]);
    expect([...map.entries()]).toEqual([
      [b, 4],
      [a, 2],
      [c, 3],
    ]);
    expect([...map]).toEqual([...map.entries()]);
  });

  it('puts a deleted and re-set key last', () => {
    const map = new WeakKeyMap([
      [a, 1],
      [b, 2],
    ]);
    map.delete(a);
    map.set(a, 3);
    expect([...map.keys()]).toEqual([b, a]);
  });

  it('forEach passes value, key, map and thisArg', () => {
    const map = new WeakKeyMap([
      [a, 1],
      [b, 2],
    ]);
    const seen: unknown[] = [];
    const context = { tag: 'ctx' };
    map.forEach(function (this: unknown, value, key, owner) {
      seen.push([value, key, owner, this]);
    }, context);
    expect(seen).toEqual([
      [1, a, map, context],
      [2, b, map, context],
    ]);
  });

  it('clears', () => {
    const map = new WeakKeyMap([
      [a, 1],
      [b, 2],
    ]);
    map.clear();
    expect(map.size).toBe(0);
    expect(map.has(a)).toBe(false);
    expect(map.get(a)).toBeUndefined();
    expect([...map]).toEqual([]);
    map.set(a, 3);
    expect([...map]).toEqual([[a, 3]]);
  });

  it('reports its tag', () => {
    const map = new WeakKeyMap();
    expect(Object.prototype.toString.call(map)).toBe('[object WeakKeyMap]');
    expect(map[Symbol.toStringTag]).toBe('WeakKeyMap');
  });

  it('returns iterators that are iterable themselves', () => {
    const map = new WeakKeyMap([[a, 1]]);
    const keys = map.keys();
    expect(keys[Symbol.iterator]()).toBe(keys);
    expect(keys.next()).toEqual({ value: a, done: false });
    expect(keys.next()).toEqual({ value: undefined, done: true });
  });
});

describe('getOrInsert / getOrInsertComputed (ES2026)', () => {
  it('getOrInsert returns the existing value or inserts the default', () => {
    const map = new WeakKeyMap<object, number>([[a, 1]]);
    expect(map.getOrInsert(a, 9)).toBe(1);
    expect(map.getOrInsert(b, 2)).toBe(2);
    expect([...map]).toEqual([
      [a, 1],
      [b, 2],
    ]);
  });

  it('getOrInsert keeps an existing undefined value', () => {
    const map = new WeakKeyMap<object, number | undefined>([[a, undefined]]);
    expect(map.getOrInsert(a, 5)).toBeUndefined();
  });

  it('getOrInsertComputed calls the callback only on a miss, with the key alone', () => {
    const map = new WeakKeyMap<object, number>([[a, 1]]);
    const calls: unknown[][] = [];
    const compute = function (this: unknown, ...args: unknown[]) {
      calls.push([this, ...args]);
      return 2;
    };
    expect(map.getOrInsertComputed(a, compute)).toBe(1);
    expect(calls).toEqual([]);
    expect(map.getOrInsertComputed(b, compute)).toBe(2);
    expect(calls).toEqual([[undefined, b]]);
    expect(map.get(b)).toBe(2);
  });

  it('getOrInsertComputed overwrites what the callback itself set for the key', () => {
    const map = new WeakKeyMap<object, number>([[a, 1]]);
    const value = map.getOrInsertComputed(b, (key) => {
      map.set(key, 100);
      map.set(c, 3);
      return 2;
    });
    expect(value).toBe(2);
    expect([...map]).toEqual([
      [a, 1],
      [b, 2],
      [c, 3],
    ]);
  });

  it('getOrInsertComputed inserts nothing when the callback throws', () => {
    const map = new WeakKeyMap<object, number>();
    expect(() =>
      map.getOrInsertComputed(a, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(map.size).toBe(0);
  });
});

describe('mutation during iteration (as Map)', () => {
  it('visits entries added during iteration and skips ones deleted before their turn', () => {
    const map = new WeakKeyMap([
      [a, 1],
      [b, 2],
    ]);
    const seen: object[] = [];
    for (const [key] of map) {
      seen.push(key);
      if (key === a) {
        map.delete(b);
        map.set(c, 3);
      }
    }
    expect(seen).toEqual([a, c]);
  });

  it('deleting the current entry continues with the next one', () => {
    const map = new WeakKeyMap([
      [a, 1],
      [b, 2],
      [c, 3],
    ]);
    const seen: object[] = [];
    for (const key of map.keys()) {
      seen.push(key);
      map.delete(key);
    }
    expect(seen).toEqual([a, b, c]);
    expect(map.size).toBe(0);
  });

  it('clear during iteration ends it', () => {
    const map = new WeakKeyMap([
      [a, 1],
      [b, 2],
    ]);
    const seen: object[] = [];
    map.forEach((_value, key) => {
      seen.push(key);
      map.clear();
    });
    expect(seen).toEqual([a]);
  });

  it('reads a value overwritten during iteration', () => {
    const map = new WeakKeyMap([
      [a, 1],
      [b, 2],
    ]);
    const seen: number[] = [];
    for (const [key, value] of map) {
      seen.push(value);
      if (key === a) map.set(b, 20);
    }
    expect(seen).toEqual([1, 20]);
  });
});

type WeakKey = object | symbol;
