import { describe, expect, it } from 'vitest';
import { WeakValueMap } from '../src';

const a = { name: 'a' };
const b = { name: 'b' };
const c = { name: 'c' };

describe('WeakValueMap: the Map API', () => {
  it('starts empty, or from pairs, a Map, or a record', () => {
    expect(new WeakValueMap().size).toBe(0);
    expect(new WeakValueMap(null).size).toBe(0);
    const fromPairs = new WeakValueMap([
      ['a', a],
      ['b', b],
    ]);
    expect([...fromPairs]).toEqual([
      ['a', a],
      ['b', b],
    ]);
    expect(new WeakValueMap(new Map([['c', c]])).get('c')).toBe(c);
    expect(new WeakValueMap<string, object>({ a, b }).get('b')).toBe(b);
  });

  it('gets, sets, has and counts', () => {
    const m = new WeakValueMap<string, object>();
    expect(m.set('a', a)).toBe(m);
    expect(m.get('a')).toBe(a);
    expect(m.has('a')).toBe(true);
    expect(m.has('b')).toBe(false);
    expect(m.get('b')).toBeUndefined();
    expect(m.size).toBe(1);
    m.set('a', b);
    expect(m.get('a')).toBe(b);
    expect(m.size).toBe(1);
  });

  it('accepts any key, as Map does (0, "", NaN, -0, objects, undefined)', () => {
    const key = {};
    const m = new WeakValueMap<unknown, object>([
      [0, a],
      ['', b],
      [Number.NaN, c],
      [key, a],
      [undefined, b],
    ]);
    expect(m.get(-0)).toBe(a);
    expect(m.get(Number.NaN)).toBe(c);
    expect(m.get(key)).toBe(a);
    expect(m.has(undefined)).toBe(true);
    expect(m.delete(0)).toBe(true);
    expect(m.delete('')).toBe(true);
    expect(m.has(0)).toBe(false);
    expect(m.has('')).toBe(false);
    expect(m.size).toBe(3);
  });

  it('holds functions and unregistered symbols as values', () => {
    const fn = () => 1;
    const sym = Symbol('s');
    const m = new WeakValueMap<string, WeakKey>([
      ['fn', fn],
      ['sym', sym],
    ]);
    expect(m.get('fn')).toBe(fn);
    expect(m.get('sym')).toBe(sym);
  });

  it('deletes: true when there was a live value, false otherwise', () => {
    const m = new WeakValueMap([['a', a]]);
    expect(m.delete('a')).toBe(true);
    expect(m.delete('a')).toBe(false);
    expect(m.delete('never')).toBe(false);
    expect(m.size).toBe(0);
  });

  it('clears', () => {
    const m = new WeakValueMap([
      ['a', a],
      ['b', b],
    ]);
    m.clear();
    expect(m.size).toBe(0);
    expect([...m]).toEqual([]);
    m.set('a', c);
    expect(m.get('a')).toBe(c);
  });

  it('iterates keys, values, entries in insertion order; overwriting keeps the place', () => {
    const m = new WeakValueMap<string, object>();
    m.set('x', a).set('y', b).set('z', c).set('x', c);
    expect([...m.keys()]).toEqual(['x', 'y', 'z']);
    expect([...m.values()]).toEqual([c, b, c]);
    expect([...m.entries()]).toEqual([
      ['x', c],
      ['y', b],
      ['z', c],
    ]);
    expect([...m]).toEqual([...m.entries()]);
    m.delete('x');
    m.set('x', a);
    expect([...m.keys()]).toEqual(['y', 'z', 'x']);
  });

  it('iterators are iterable themselves', () => {
    const m = new WeakValueMap([['a', a]]);
    const it = m.keys();
    expect(it[Symbol.iterator]()).toBe(it);
    expect(it.next()).toEqual({ value: 'a', done: false });
    expect(it.next()).toEqual({ value: undefined, done: true });
  });

  it('forEach passes (value, key, map) and thisArg', () => {
    const m = new WeakValueMap([
      ['a', a],
      ['b', b],
    ]);
    const seen: unknown[] = [];
    const self = { tag: 'this' };
    m.forEach(function (this: unknown, value, key, map) {
      seen.push([value, key, map, this]);
    }, self);
    expect(seen).toEqual([
      [a, 'a', m, self],
      [b, 'b', m, self],
    ]);
  });

  it('is tagged WeakValueMap and is a Map to TypeScript', () => {
    const m = new WeakValueMap<string, object>();
    expect(Object.prototype.toString.call(m)).toBe('[object WeakValueMap]');
    expect(m[Symbol.toStringTag]).toBe('WeakValueMap');
    const asMap: Map<string, object> = m;
    expect(asMap.size).toBe(0);
  });

  describe('getOrInsert', () => {
    it('returns the live value, else inserts', () => {
      const m = new WeakValueMap<string, object>();
      expect(m.getOrInsert('a', a)).toBe(a);
      expect(m.getOrInsert('a', b)).toBe(a);
      expect(m.get('a')).toBe(a);
      expect(m.size).toBe(1);
    });
  });

  describe('getOrInsertComputed', () => {
    it('calls the callback with the key only when there is no live value', () => {
      const m = new WeakValueMap<string, object>();
      const calls: string[] = [];
      const make = (key: string) => {
        calls.push(key);
        return { key };
      };
      const made = m.getOrInsertComputed('k', make);
      expect(made).toEqual({ key: 'k' });
      expect(m.getOrInsertComputed('k', make)).toBe(made);
      expect(calls).toEqual(['k']);
    });

    it('overwrites what the callback itself stored under the key (ES2026)', () => {
      const m = new WeakValueMap<string, object>();
      const result = m.getOrInsertComputed('k', () => {
        m.set('k', a);
        return b;
      });
      expect(result).toBe(b);
      expect(m.get('k')).toBe(b);
      expect(m.size).toBe(1);
    });
  });

  describe('mutation during iteration (as Map)', () => {
    it('sees keys added during iteration and skips keys deleted before they are reached', () => {
      const m = new WeakValueMap([
        ['a', a],
        ['b', b],
      ]);
      const seen: string[] = [];
      for (const [key] of m) {
        seen.push(key);
        if (key === 'a') {
          m.delete('b');
          m.set('c', c);
        }
      }
      expect(seen).toEqual(['a', 'c']);
    });

    it('can delete every entry while iterating', () => {
      const m = new WeakValueMap([
        ['a', a],
        ['b', b],
        ['c', c],
      ]);
      for (const key of m.keys()) m.delete(key);
      expect(m.size).toBe(0);
    });

    it('can clear while iterating', () => {
      const m = new WeakValueMap([
        ['a', a],
        ['b', b],
      ]);
      const seen: string[] = [];
      m.forEach((_, key) => {
        seen.push(key);
        m.clear();
      });
      expect(seen).toEqual(['a']);
    });
  });
});

type WeakKey = object | symbol;
