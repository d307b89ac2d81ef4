import { describe, expect, it } from 'vitest';
import { type RemovalCause, WeakCache } from '../src';

// Values here are kept alive by the test: this file is about order, tiers and onRemove, not
// collection (collection.test.ts).
const v = (name: string) => ({ name });

function filled(
  strong: number,
  keys: string[],
  onRemove?: (key: string, cause: RemovalCause) => void,
) {
  const values = new Map(keys.map((key) => [key, v(key)]));
  const cache = new WeakCache<string, { name: string }>({ strong, onRemove });
  for (const [key, value] of values) cache.set(key, value);
  return { cache, values };
}

function recorder() {
  const removed: [string, RemovalCause][] = [];
  return {
    removed,
    onRemove: (key: string, cause: RemovalCause) => void removed.push([key, cause]),
  };
}

describe('WeakCache: the Map verbs', () => {
  it('stores and reads back, as a Map does', () => {
    const { cache, values } = filled(2, ['a', 'b', 'c']);
    expect(cache.get('a')).toBe(values.get('a'));
    expect(cache.peek('b')).toBe(values.get('b'));
    expect(cache.has('c')).toBe(true);
    expect(cache.has('z')).toBe(false);
    expect(cache.get('z')).toBeUndefined();
    expect(cache.peek('z')).toBeUndefined();
    expect(cache.size).toBe(3);
    const value = v('x');
    expect(cache.set('x', value)).toBe(cache);
    expect(cache.get('x')).toBe(value);
  });

  it('holds the `strong` most recently set values strongly, the rest weakly', () => {
    const { cache } = filled(2, ['a', 'b', 'c', 'd']);
    expect(cache.strong).toBe(2);
    expect(cache.strongSize).toBe(2);
    expect(cache.size).toBe(4);
    expect([...cache.keys()]).toEqual(['d', 'c', 'b', 'a']);
  });

  it('iterates most recently used first; get and set are uses, peek and has are not', () => {
    const { cache, values } = filled(2, ['a', 'b', 'c', 'd']);
    cache.peek('a');
    cache.has('b');
    expect([...cache.keys()]).toEqual(['d', 'c', 'b', 'a']);
    cache.get('c');
    expect([...cache.keys()]).toEqual(['c', 'd', 'b', 'a']);
    cache.set('b', values.get('b')!); // a weak entry: back into the strong tier
    expect([...cache.keys()]).toEqual(['b', 'c', 'd', 'a']);
    cache.get('a');
    expect([...cache.keys()]).toEqual(['a', 'b', 'c', 'd']);
    expect(cache.strongSize).toBe(2);
    expect([...cache.values()].map((value) => value.name)).toEqual(['a', 'b', 'c', 'd']);
    expect([...cache.entries()]).toEqual([...cache]);
    expect([...cache].map(([key, value]) => [key, value.name])).toEqual([
      ['a', 'a'],
      ['b', 'b'],
      ['c', 'c'],
      ['d', 'd'],
    ]);
    const seen: string[] = [];
    const thisArg = {};
    cache.forEach(function (this: unknown, value, key, map) {
      expect(this).toBe(thisArg);
      expect(map).toBe(cache);
      seen.push(`${key}=${value.name}`);
    }, thisArg);
    expect(seen).toEqual(['a=a', 'b=b', 'c=c', 'd=d']);
  });

  it('a weak hit comes back into the strong tier and the least recently used strong one goes weak', () => {
    const { cache } = filled(2, ['a', 'b', 'c']); // strong: c, b; weak: a
    cache.get('a');
    expect([...cache.keys()]).toEqual(['a', 'c', 'b']);
    expect(cache.strongSize).toBe(2);
    // b went weak: shrinking to 1 now demotes c, so only a is strong.
    cache.strong = 1;
    expect(cache.strongSize).toBe(1);
    expect([...cache.keys()]).toEqual(['a', 'c', 'b']);
  });

  it('resizing: shrinking demotes the least recently used, growing promotes nothing', () => {
    const { cache } = filled(3, ['a', 'b', 'c', 'd']);
    cache.strong = 1;
    expect([cache.strong, cache.strongSize, cache.size]).toEqual([1, 1, 4]);
    expect([...cache.keys()]).toEqual(['d', 'c', 'b', 'a']);
    cache.strong = 10;
    expect([cache.strong, cache.strongSize]).toEqual([10, 1]);
    cache.get('a');
    expect(cache.strongSize).toBe(2);
    cache.strong = 0;
    expect(cache.strongSize).toBe(0);
    expect([...cache.keys()]).toEqual(['a', 'd', 'c', 'b']);
  });

  it('keeps the order through growing, shrinking a lot, and growing again', () => {
    const keys = Array.from({ length: 300 }, (_, i) => `k${i}`);
    const { cache } = filled(300, keys);
    const mru = [...keys].reverse();
    expect([...cache.keys()]).toEqual(mru);
    cache.strong = 3;
    expect([...cache.keys()]).toEqual(mru);
    expect(cache.strongSize).toBe(3);
    cache.get('k0');
    cache.strong = 300;
    for (const key of keys.slice(0, 50)) cache.get(key);
    expect([...cache.keys()].slice(0, 51)).toEqual([...keys.slice(0, 50)].reverse().concat('k299'));
    expect(cache.strongSize).toBe(52); // k0, k299, k298, and k1…k49 brought back
    expect(cache.size).toBe(300);
  });

  it('strong: 0 holds every value weakly and gets do not reorder', () => {
    const { cache, values } = filled(0, ['a', 'b', 'c']);
    expect(cache.strongSize).toBe(0);
    expect(cache.get('a')).toBe(values.get('a'));
    expect([...cache.keys()]).toEqual(['c', 'b', 'a']);
    cache.set('a', v('a2'));
    expect([...cache.keys()]).toEqual(['a', 'c', 'b']);
    expect(cache.strongSize).toBe(0);
  });

  it('delete removes from either tier, and says whether there was a live value', () => {
    const { cache } = filled(1, ['a', 'b']);
    expect(cache.delete('b')).toBe(true); // strong
    expect(cache.delete('a')).toBe(true); // weak
    expect(cache.delete('a')).toBe(false);
    expect(cache.size).toBe(0);
    expect(cache.strongSize).toBe(0);
    const value = v('c');
    cache.set('c', value);
    expect([...cache]).toEqual([['c', value]]);
  });

  it('clear empties both tiers', () => {
    const { cache } = filled(1, ['a', 'b', 'c']);
    cache.clear();
    expect([cache.size, cache.strongSize]).toEqual([0, 0]);
    expect([...cache]).toEqual([]);
    cache.set('d', v('d'));
    expect([...cache.keys()]).toEqual(['d']);
  });

  it('getOrInsert and getOrInsertComputed: a hit is a use, a miss stores', () => {
    const { cache, values } = filled(2, ['a', 'b', 'c']);
    const other = v('other');
    expect(cache.getOrInsert('a', other)).toBe(values.get('a'));
    expect([...cache.keys()]).toEqual(['a', 'c', 'b']);
    expect(cache.getOrInsert('n', other)).toBe(other);
    expect([...cache.keys()]).toEqual(['n', 'a', 'c', 'b']);
    const calls: string[] = [];
    const make = (key: string) => {
      calls.push(key);
      return v(key);
    };
    expect(cache.getOrInsertComputed('b', make)).toBe(values.get('b'));
    expect(cache.getOrInsertComputed('m', make).name).toBe('m');
    expect(calls).toEqual(['m']);
    expect([...cache.keys()]).toEqual(['m', 'b', 'n', 'a', 'c']);
  });

  it('-0 and +0 are one key, handed out as +0', () => {
    const cache = new WeakCache<number, object>({ strong: 1 });
    const value = {};
    cache.set(-0, value);
    expect(cache.get(0)).toBe(value);
    expect(Object.is([...cache.keys()][0], 0)).toBe(true);
    const seen: number[] = [];
    cache.getOrInsertComputed(-0, (key) => {
      seen.push(key);
      return {};
    });
    expect(seen).toEqual([]); // a hit
    cache.delete(0);
    cache.getOrInsertComputed(-0, (key) => {
      seen.push(key);
      return {};
    });
    expect(Object.is(seen[0], 0)).toBe(true);
  });

  it('iteration walks the keys as they were when it started', () => {
    const { cache } = filled(2, ['a', 'b', 'c']);
    const seen: string[] = [];
    for (const [key] of cache) {
      seen.push(key);
      if (key === 'c') {
        cache.delete('a');
        cache.set('new', v('new'));
        cache.get('b');
      }
    }
    expect(seen).toEqual(['c', 'b']);
  });

  it('is a Map as far as Object.prototype.toString and iteration are concerned', () => {
    const cache = new WeakCache({ strong: 1 });
    expect(Object.prototype.toString.call(cache)).toBe('[object WeakCache]');
    expect(cache[Symbol.iterator]).toBe(cache.entries);
    expect(WeakCache.prototype[Symbol.iterator]).toBe(WeakCache.prototype.entries);
  });

  it('works for a subclass', () => {
    class Docs extends WeakCache<string, object> {
      hits = 0;
      override get(key: string) {
        const value = super.get(key);
        if (value !== undefined) this.hits++;
        return value;
      }
    }
    const docs = new Docs({ strong: 1 });
    docs.set('a', {});
    docs.get('a');
    expect(docs.hits).toBe(1);
    expect(docs.size).toBe(1);
  });
});

describe('WeakCache onRemove', () => {
  it("is told 'replaced', 'deleted' and 'cleared' once per entry that leaves", () => {
    const { removed, onRemove } = recorder();
    const { cache, values } = filled(1, ['a', 'b', 'c'], onRemove);
    cache.set('c', values.get('c')!); // the same value: nothing leaves
    cache.set('b', values.get('b')!); // weak, same value: promoted, nothing leaves
    expect(removed).toEqual([]);
    cache.set('b', v('b2')); // strong
    cache.set('a', v('a2')); // weak
    expect(removed).toEqual([
      ['b', 'replaced'],
      ['a', 'replaced'],
    ]);
    removed.length = 0;
    cache.delete('a');
    cache.delete('a');
    cache.delete('zzz');
    expect(removed).toEqual([['a', 'deleted']]);
    removed.length = 0;
    cache.clear();
    expect(removed).toEqual([
      ['b', 'cleared'],
      ['c', 'cleared'],
    ]);
    cache.clear();
    expect(removed).toHaveLength(2);
  });

  it('is not called when a value moves between tiers', () => {
    const { removed, onRemove } = recorder();
    const { cache } = filled(1, ['a', 'b', 'c'], onRemove);
    cache.get('a');
    cache.strong = 0;
    cache.strong = 3;
    cache.getOrInsert('b', v('unused'));
    expect(removed).toEqual([]);
  });

  it('getOrInsertComputed: a value the callback stored under the key is replaced', () => {
    const { removed, onRemove } = recorder();
    const cache = new WeakCache<string, object>({ strong: 2, onRemove });
    const result = cache.getOrInsertComputed('k', (key) => {
      cache.set(key, v('inner'));
      return v('outer');
    });
    expect(cache.get('k')).toBe(result);
    expect(removed).toEqual([['k', 'replaced']]);
  });

  it('runs once the cache is consistent, and may use it', () => {
    const log: string[] = [];
    const cache: WeakCache<string, object> = new WeakCache<string, object>({
      strong: 1,
      onRemove(key, cause) {
        log.push(`${key} ${cause}: size ${cache.size}, has ${cache.has(key)}`);
        if (key === 'a') cache.set('from-callback', v('x'));
      },
    });
    cache.set('a', v('a'));
    cache.set('b', v('b'));
    cache.delete('a');
    expect(log).toEqual(['a deleted: size 1, has false']);
    expect([...cache.keys()]).toEqual(['from-callback', 'b']);
  });

  it('is called with the cache as its `this`-free function, and its errors are not thrown', async () => {
    const { setUnraisableHook } = await import('@w/core');
    const reported: unknown[] = [];
    const previous = setUnraisableHook((unraisable) => void reported.push(unraisable));
    try {
      const cache = new WeakCache<string, object>({
        strong: 1,
        onRemove() {
          throw new Error('boom');
        },
      });
      cache.set('a', v('a'));
      expect(() => cache.delete('a')).not.toThrow();
      expect(cache.size).toBe(0);
      expect(reported).toHaveLength(1);
      expect(reported[0]).toMatchObject({ error: new Error('boom') });
      expect((reported[0] as { origin: string }).origin).toContain('WeakCache onRemove');
    } finally {
      setUnraisableHook(previous);
    }
  });
});
