import { hasNodeApis } from '@w/test-support/node-apis';
import { describe, expect, it } from 'vitest';
import { OrderedWeakKeys } from '../src/internal';
import { collectGarbage } from '../src/testing';

const [a, b, c, d, e] = [{ name: 'a' }, { name: 'b' }, { name: 'c' }, { name: 'd' }, { name: 'e' }];

function keysOf(...keys: object[]): OrderedWeakKeys<object, string> {
  const ordered = new OrderedWeakKeys<object, string>('test cleanup');
  for (const key of keys) ordered.set(key, (key as { name: string }).name);
  return ordered;
}

function heapAfterCollection(): Promise<number> {
  return collectGarbage().then(() => process.memoryUsage().heapUsed);
}

describe('OrderedWeakKeys', () => {
  it('keeps insertion order; a re-added key goes last, an overwrite keeps its place', () => {
    const ordered = keysOf(a, b, c);
    ordered.set(a, 'A');
    expect(ordered.delete(b)).toBe(true);
    expect(ordered.delete(b)).toBe(false);
    ordered.set(b, 'B');
    expect([...ordered.entries()]).toEqual([
      [a, 'A'],
      [c, 'c'],
      [b, 'B'],
    ]);
    expect(ordered.size).toBe(3);
    expect([ordered.has(b), ordered.get(b), ordered.has({}), ordered.get({})]).toEqual([
      true,
      'B',
      false,
      undefined,
    ]);
  });

  it('forgets a deleted or cleared key and its value', () => {
    const ordered = keysOf(a, b);
    ordered.delete(a);
    expect([ordered.has(a), ordered.get(a)]).toEqual([false, undefined]);
    ordered.clear();
    expect([ordered.has(b), ordered.get(b), ordered.size, [...ordered.keys()]]).toEqual([
      false,
      undefined,
      0,
      [],
    ]);
    ordered.set(b, 'again');
    expect([...ordered.entries()]).toEqual([[b, 'again']]);
  });

  it('pops from either end', () => {
    const ordered = keysOf(a, b, c, d);
    expect(ordered.pop()).toEqual([d, 'd']);
    expect(ordered.shift()).toEqual([a, 'a']);
    expect(ordered.pop()).toEqual([c, 'c']);
    expect(ordered.shift()).toEqual([b, 'b']);
    expect([ordered.pop(), ordered.shift(), ordered.size]).toEqual([undefined, undefined, 0]);
  });

  describe('iterates as a Map does while it changes', () => {
    type Changes = {
      set(key: object, value: string): unknown;
      delete(key: object): unknown;
      clear(): void;
    };
    // Each change is made once, right after `when` is visited.
    const changes: [string, object, (m: Changes) => void][] = [
      ['the visited key deleted', a, (m) => m.delete(a)],
      ['the next key deleted', a, (m) => m.delete(b)],
      [
        'the visited and the next key deleted',
        b,
        (m) => {
          m.delete(b);
          m.delete(c);
        },
      ],
      [
        'the visited key moved to the end',
        b,
        (m) => {
          m.delete(b);
          m.set(b, 'B');
        },
      ],
      [
        'the last key deleted, then a key added',
        d,
        (m) => {
          m.delete(d);
          m.set(e, 'e');
        },
      ],
      [
        'the visited key and all after it deleted, then one added',
        b,
        (m) => {
          for (const key of [b, c, d]) m.delete(key);
          m.set(e, 'e');
        },
      ],
      [
        'everything cleared, then keys added',
        b,
        (m) => {
          m.clear();
          m.set(e, 'e');
          m.set(c, 'c');
        },
      ],
      ['a key added', a, (m) => m.set(e, 'e')],
    ];

    it.each(changes)('%s', (_, when, change) => {
      const visit = (keys: Iterable<object>, changed: Changes) => {
        const seen: object[] = [];
        let done = false;
        for (const key of keys) {
          seen.push(key);
          if (key === when && !done) {
            done = true;
            change(changed);
          }
        }
        return seen;
      };
      const ordered = keysOf(a, b, c, d);
      const map = new Map([a, b, c, d].map((key) => [key, key.name]));
      expect(visit(ordered.keys(), ordered)).toEqual(visit(map.keys(), map));
    });
  });

  it('drops collected keys: size is exact after their cleanup', async () => {
    const ordered = keysOf(a);
    (() => {
      for (let i = 0; i < 100; i++) ordered.set({ i }, 'dying');
    })();
    ordered.set(b, 'b');
    expect(ordered.size).toBe(102);
    await collectGarbage();
    expect(ordered.size).toBe(2);
    expect([...ordered.keys()]).toEqual([a, b]);
  });

  // Measures the heap with process.memoryUsage().
  it.runIf(hasNodeApis)(
    'gives back the memory of keys set and deleted while alive once they die',
    async () => {
      // Short-lived keys, never more than one in at a time: what a native WeakMap frees. (Before,
      // their empty WeakMap slots stayed: 8 MB here; the soak measures 1e6.)
      const ordered = new OrderedWeakKeys<object, number>('test cleanup');
      const before = await heapAfterCollection();
      (() => {
        for (let i = 0; i < 200_000; i++) {
          const key = {};
          ordered.set(key, i);
          ordered.delete(key);
        }
      })();
      const after = await heapAfterCollection();
      expect(ordered.size).toBe(0);
      expect(after - before).toBeLessThan(1024 * 1024);
    },
  );
});
