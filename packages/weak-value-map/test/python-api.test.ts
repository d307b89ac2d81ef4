import { KeyedRef } from '@w/ref';
import { seededRandom } from '@w/test-support/seeded-random';
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

    it('always takes the last entry of the insertion order, however keys come and go', () => {
      const random = seededRandom(7);
      const m = new WeakValueMap<number, object>();
      const model = new Map<number, object>(); // a Map's last entry is the newest
      const values = Array.from({ length: 8 }, (_, i) => ({ i }));
      for (let step = 0; step < 20_000; step++) {
        const roll = random();
        const key = Math.floor(random() * 64);
        if (roll < 0.45) {
          const value = values[Math.floor(random() * values.length)]!;
          m.set(key, value);
          model.set(key, value);
        } else if (roll < 0.65) {
          expect(m.delete(key)).toBe(model.delete(key));
        } else if (model.size === 0) {
          expect(() => m.popItem()).toThrow(RangeError);
        } else {
          const last = [...model].at(-1)!;
          model.delete(last[0]);
          expect(m.popItem()).toEqual(last);
        }
      }
      expect([...m]).toEqual([...model]);
    });

    it('drains a map in O(1) amortized per item: not much slower than deleting every key', () => {
      const n = 20_000;
      const values = Array.from({ length: n }, (_, i) => ({ i }));
      const fill = () => {
        const m = new WeakValueMap<number, object>();
        for (let i = 0; i < n; i++) m.set(i, values[i]!);
        return m;
      };
      const time = (work: () => void) => {
        const start = performance.now();
        work();
        return performance.now() - start;
      };
      const ratios: number[] = [];
      for (let round = 0; round < 3; round++) {
        const deleted = fill();
        const deleting = time(() => {
          for (let i = 0; i < n; i++) deleted.delete(i);
        });
        const drained = fill();
        const draining = time(() => {
          for (let i = 0; i < n; i++) drained.popItem();
        });
        expect(drained.size).toBe(0);
        ratios.push(draining / Math.max(deleting, 0.5));
      }
      // Loose, for a loaded machine (the soak reports the real figure): a full scan per
      // popItem makes this several hundred times slower.
      expect(Math.min(...ratios)).toBeLessThan(10);
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
