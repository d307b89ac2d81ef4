import { KeyedRef } from '@w/ref';
import { describe, expect, it } from 'vitest';
import { WeakValueMap } from '../src';

const a = { name: 'a' };
const b = { name: 'b' };
const c = { name: 'c' };

describe('WeakValueMap: the Python extras', () => {
  describe('pop', () => {
    it('removes the key and returns its value', () => {
      const m = new WeakValueMap([
        ['a', a],
        ['b', b],
      ]);
      expect(m.pop('a')).toBe(a);
      expect(m.has('a')).toBe(false);
      expect(m.size).toBe(1);
    });

    it('returns the default when the key is missing, even an undefined default', () => {
      const m = new WeakValueMap<string, object>();
      expect(m.pop('x', 42)).toBe(42);
      expect(m.pop('x', undefined)).toBeUndefined();
      expect(m.pop('x', null)).toBeNull();
    });

    it('throws RangeError naming the key when missing and no default (Python KeyError)', () => {
      const m = new WeakValueMap<unknown, object>();
      expect(() => m.pop('missing')).toThrow(RangeError);
      expect(() => m.pop('missing')).toThrow('key not found: "missing"');
      expect(() => m.pop(7)).toThrow('key not found: 7');
      expect(() => m.pop(Object.create(null))).toThrow("a 'object' key");
    });
  });

  describe('popItem', () => {
    it('removes and returns the most recently inserted entry (LIFO)', () => {
      const m = new WeakValueMap([
        ['a', a],
        ['b', b],
        ['c', c],
      ]);
      m.set('a', c); // overwriting keeps a's place
      expect(m.popItem()).toEqual(['c', c]);
      expect(m.popItem()).toEqual(['b', b]);
      expect(m.popItem()).toEqual(['a', c]);
      expect(m.size).toBe(0);
    });

    it('throws RangeError when empty', () => {
      expect(() => new WeakValueMap().popItem()).toThrow(RangeError);
      expect(() => new WeakValueMap().popItem()).toThrow('map is empty');
    });
  });

  describe('update', () => {
    it('takes pairs, a Map, another WeakValueMap, a record, or nothing', () => {
      const m = new WeakValueMap<string, object>([['a', a]]);
      m.update([['b', b]]);
      m.update(new Map([['a', c]]));
      m.update(new WeakValueMap([['c', c]]));
      m.update({ d: a });
      m.update();
      expect([...m]).toEqual([
        ['a', c],
        ['b', b],
        ['c', c],
        ['d', a],
      ]);
    });

    it('accepts pairs from a generator', () => {
      const m = new WeakValueMap<number, object>();
      m.update(
        (function* () {
          yield [1, a] as const;
          yield [2, b] as const;
        })(),
      );
      expect([...m.keys()]).toEqual([1, 2]);
    });
  });

  describe('copy', () => {
    it('makes an independent map with the same live entries', () => {
      const m = new WeakValueMap([
        ['a', a],
        ['b', b],
      ]);
      const copy = m.copy();
      expect(copy).toBeInstanceOf(WeakValueMap);
      expect(copy).not.toBe(m);
      expect([...copy]).toEqual([...m]);
      copy.delete('a');
      m.set('c', c);
      expect(m.has('a')).toBe(true);
      expect(copy.has('c')).toBe(false);
    });
  });

  describe('union', () => {
    it('makes a new map; the right side wins on shared keys (Python |)', () => {
      const left = new WeakValueMap([
        ['a', a],
        ['b', b],
      ]);
      const right = new Map([
        ['b', c],
        ['c', c],
      ]);
      const both = left.union(right);
      expect([...both]).toEqual([
        ['a', a],
        ['b', c],
        ['c', c],
      ]);
      expect([...left]).toEqual([
        ['a', a],
        ['b', b],
      ]);
      expect(both).not.toBe(left);
    });

    it('accepts a record', () => {
      const both = new WeakValueMap<string, object>([['a', a]]).union({ b });
      expect([...both.keys()]).toEqual(['a', 'b']);
    });
  });

  describe('valueRefs', () => {
    it('gives a KeyedRef per live value, in insertion order', () => {
      const m = new WeakValueMap([
        ['a', a],
        ['b', b],
      ]);
      const refs = m.valueRefs();
      expect(refs).toHaveLength(2);
      for (const r of refs) expect(r).toBeInstanceOf(KeyedRef);
      expect(refs.map((r) => [r.key, r.deref()])).toEqual([
        ['a', a],
        ['b', b],
      ]);
    });
  });
});
