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

  describe('registers a key only once it outlives a collection', () => {
    // Counts registrations with any FinalizationRegistry, and those whose target is in
    // `watched`, holding no target (a held one would never die).
    function countRegistrations(watched: WeakSet<object> = new WeakSet()) {
      const prototype = FinalizationRegistry.prototype;
      const original = prototype.register;
      const counts = { all: 0, watched: 0 };
      prototype.register = function (this: FinalizationRegistry<unknown>, ...args) {
        counts.all++;
        if (watched.has(args[0] as object)) counts.watched++;
        return original.apply(this, args);
      };
      return {
        counts,
        restore: () => {
          prototype.register = original;
        },
      };
    }

    it('a key that dies before any collection is never registered, and is gone after it', async () => {
      const ordered = keysOf(a);
      await collectGarbage();
      const registrations = countRegistrations();
      (() => {
        for (let i = 0; i < 1000; i++) ordered.set({ i }, 'dying');
      })();
      registrations.restore();
      // One sentinel for the collection, not one registration per key.
      expect(registrations.counts.all).toBe(1);
      expect(ordered.size).toBe(1001);
      await collectGarbage();
      expect(ordered.size).toBe(1);
      expect([...ordered.entries()]).toEqual([[a, 'a']]);
    });

    it('a key that outlives a collection is registered by it, then reclaimed when it dies', async () => {
      const ordered = new OrderedWeakKeys<object, string>('test cleanup');
      const kept = { name: 'kept' };
      const watched = new WeakSet<object>([kept]);
      const registrations = countRegistrations(watched);
      const dropLater = (() => {
        const keys: object[] = [kept, { name: 'dies later' }];
        watched.add(keys[1] as object);
        for (const key of keys) ordered.set(key, 'value');
        return () => keys.pop();
      })();
      const whenSet = registrations.counts.watched;
      try {
        await collectGarbage();
      } finally {
        registrations.restore();
      }
      expect([whenSet, registrations.counts.watched]).toEqual([0, 2]);
      dropLater();
      await collectGarbage();
      expect(ordered.size).toBe(1);
      expect([...ordered.keys()]).toEqual([kept]);
    });

    it('young keys deleted, re-added or cleared before the collection end up right', async () => {
      const ordered = new OrderedWeakKeys<object, string>('test cleanup');
      const kept = [{ name: 'x' }, { name: 'y' }, { name: 'z' }];
      (() => {
        for (const key of kept) ordered.set(key, key.name);
        const dead = [{}, {}, {}];
        for (const key of dead) ordered.set(key, 'dead');
        ordered.delete(kept[0] as object);
        ordered.delete(dead[0] as object);
        ordered.set(kept[0] as object, 'X'); // re-added: goes last
        ordered.delete(kept[1] as object); // deleted while alive
      })();
      await collectGarbage();
      expect(ordered.size).toBe(2);
      expect([...ordered.entries()]).toEqual([
        [kept[2], 'z'],
        [kept[0], 'X'],
      ]);
      ordered.set(kept[1] as object, 'Y'); // its ref was kept and registered by the sweep
      (() => {
        for (let i = 0; i < 10; i++) ordered.set({ i }, 'dead');
        ordered.clear();
      })();
      ordered.set(kept[2] as object, 'Z');
      await collectGarbage();
      expect([...ordered.entries()]).toEqual([[kept[2], 'Z']]);
      kept.length = 0;
      await collectGarbage();
      expect(ordered.size).toBe(0);
    });
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
