import type { WeakKey } from '@w/core';
import { Ref } from '@w/ref';
import { describe, expect, it } from 'vitest';
import { WeakKeyMap } from '../src';

const a = { name: 'a' };
const b = { name: 'b' };
const c = { name: 'c' };

describe('pop', () => {
  it('removes the key and returns its value', () => {
    const map = new WeakKeyMap([
      [a, 1],
      [b, 2],
    ]);
    expect(map.pop(a)).toBe(1);
    expect(map.has(a)).toBe(false);
    expect(map.size).toBe(1);
  });

  it('returns the default on a miss, even undefined', () => {
    const map = new WeakKeyMap<object, number>([[a, 1]]);
    expect(map.pop(b, 'none')).toBe('none');
    expect(map.pop(b, undefined)).toBeUndefined();
    expect(map.pop(a, 'none')).toBe(1);
  });

  it('throws a RangeError on a miss without a default (Python raises KeyError)', () => {
    const map = new WeakKeyMap<object, number>([[a, 1]]);
    expect(() => map.pop(b)).toThrow(RangeError);
    expect(() => map.pop(b)).toThrow('key not found');
    expect(map.size).toBe(1);
  });

  it('names the missing key, cut short as WeakValueMap cuts it', () => {
    const map = new WeakKeyMap<WeakKey, number>([[a, 1]]);
    const session = Symbol('session');
    expect(() => map.pop(session)).toThrow(
      new RangeError('WeakKeyMap.pop(): key not found: Symbol(session)'),
    );
    const long = { toString: () => 'k'.repeat(1e6) };
    expect(() => map.pop(long)).toThrow(
      new RangeError(`WeakKeyMap.pop(): key not found: ${'k'.repeat(60)}…`),
    );
  });

  it('returns a stored falsy value rather than the default', () => {
    const map = new WeakKeyMap<object, number>([[a, 0]]);
    expect(map.pop(a, 5)).toBe(0);
  });
});

describe('popItem', () => {
  it('removes and returns the most recently inserted entry', () => {
    const map = new WeakKeyMap([
      [a, 1],
      [b, 2],
      [c, 3],
    ]);
    map.set(a, 10); // an overwrite does not make a key more recent
    expect(map.popItem()).toEqual([c, 3]);
    expect(map.popItem()).toEqual([b, 2]);
    expect(map.popItem()).toEqual([a, 10]);
    expect(map.size).toBe(0);
  });

  it('throws a RangeError when empty', () => {
    const map = new WeakKeyMap();
    expect(() => map.popItem()).toThrow(RangeError);
    expect(() => map.popItem()).toThrow('empty');
  });
});

describe('update', () => {
  it('sets every pair in order and returns the map', () => {
    const map = new WeakKeyMap<object, number>([[a, 1]]);
    expect(
      map.update([
        [b, 2],
        [a, 10],
      ]),
    ).toBe(map);
    expect([...map]).toEqual([
      [a, 10],
      [b, 2],
    ]);
  });

  it('accepts a Map or another WeakKeyMap', () => {
    const map = new WeakKeyMap<object, number>();
    map.update(new Map([[a, 1]]));
    map.update(new WeakKeyMap([[b, 2]]));
    expect([...map]).toEqual([
      [a, 1],
      [b, 2],
    ]);
  });
});

describe('copy', () => {
  it('is a new, independent map with the same entries in the same order', () => {
    const map = new WeakKeyMap([
      [b, 2],
      [a, 1],
    ]);
    const copy = map.copy();
    expect(copy).toBeInstanceOf(WeakKeyMap);
    expect(copy).not.toBe(map);
    expect([...copy]).toEqual([...map]);
    copy.set(c, 3);
    map.delete(a);
    expect(map.has(c)).toBe(false);
    expect(copy.has(a)).toBe(true);
  });
});

describe('union', () => {
  it("returns a new map: this map's entries, then other's; other's values win", () => {
    const left = new WeakKeyMap([
      [a, 1],
      [b, 2],
    ]);
    const right = new Map<object, string>([
      [b, 'two'],
      [c, 'three'],
    ]);
    const merged = left.union(right);
    expect([...merged]).toEqual([
      [a, 1],
      [b, 'two'],
      [c, 'three'],
    ]);
    expect([...left]).toEqual([
      [a, 1],
      [b, 2],
    ]);
    expect(right.size).toBe(2);
  });
});

describe('keyRefs', () => {
  it('returns a Ref to every live key in order', () => {
    const map = new WeakKeyMap([
      [a, 1],
      [b, 2],
    ]);
    const refs = map.keyRefs();
    expect(refs).toHaveLength(2);
    for (const r of refs) expect(r).toBeInstanceOf(Ref);
    expect(refs.map((r) => r.deref())).toEqual([a, b]);
  });

  it('is empty for an empty map', () => {
    expect(new WeakKeyMap().keyRefs()).toEqual([]);
  });
});
