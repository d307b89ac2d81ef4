import { setUnraisableHook, type Unraisable } from '@w/core';
import { collectGarbage } from '@w/core/testing';
import { nextTask } from '@w/test-support/next-task';
import { afterEach, describe, expect, it } from 'vitest';
import { type RemovalCause, WeakCache } from '../src';

// Values that must die are made in these synchronous helpers: once they return, only the
// cache refers to them.
function setDying(cache: WeakCache<unknown, object>, ...keys: unknown[]): void {
  for (const key of keys) cache.set(key, { dying: key });
}

/** A full collection that clears dead weak refs but, being synchronous, runs no cleanup yet. */
function gcWithoutCleanup(): void {
  (globalThis as unknown as { gc: () => void }).gc();
}

function recorder() {
  const removed: [unknown, RemovalCause][] = [];
  return {
    removed,
    onRemove: (key: unknown, cause: RemovalCause) => void removed.push([key, cause]),
  };
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe('WeakCache and garbage collection', () => {
  it('the last `strong` values set survive collections; the others go at the first one', async () => {
    const { removed, onRemove } = recorder();
    const cache = new WeakCache<unknown, object>({ strong: 10, onRemove });
    setDying(cache, ...range(0, 100));
    await collectGarbage();
    expect(cache.size).toBe(10);
    expect([...cache.keys()]).toEqual(range(90, 100).reverse());
    expect(removed.map(([key]) => key).sort((x, y) => Number(x) - Number(y))).toEqual(range(0, 90));
    expect(new Set(removed.map(([, cause]) => cause))).toEqual(new Set(['collected']));
    for (let i = 0; i < 3; i++) await collectGarbage();
    expect(cache.size).toBe(10);
    expect(cache.strongSize).toBe(10);
    expect([...cache.values()].map((value) => (value as { dying: number }).dying)).toEqual(
      range(90, 100).reverse(),
    );
    expect(removed).toHaveLength(90); // once each
  });

  it('a weak entry whose value is kept elsewhere stays, and a use brings it back strong', async () => {
    const cache = new WeakCache<unknown, object>({ strong: 1 });
    const kept = { kept: true };
    cache.set('kept', kept);
    setDying(cache, 'hot');
    await collectGarbage();
    expect([...cache.keys()]).toEqual(['hot', 'kept']);
    expect(cache.get('kept')).toBe(kept); // promoted: 'hot' goes weak and, unreferenced, dies
    await collectGarbage();
    expect([...cache]).toEqual([['kept', kept]]);
    expect([cache.size, cache.strongSize]).toEqual([1, 1]);
  });

  it('strong: 0 keeps nothing alive', async () => {
    const cache = new WeakCache<unknown, object>({ strong: 0 });
    setDying(cache, 'a', 'b');
    await collectGarbage();
    expect(cache.size).toBe(0);
  });

  it('shrinking `strong` lets the demoted values die', async () => {
    const cache = new WeakCache<unknown, object>({ strong: 5 });
    setDying(cache, ...range(0, 5));
    await collectGarbage();
    expect(cache.size).toBe(5);
    cache.strong = 2;
    await collectGarbage();
    expect([...cache.keys()]).toEqual([4, 3]);
    expect(cache.size).toBe(2);
  });

  it('a dead value is invisible at once, before its cleanup runs', async () => {
    const cache = new WeakCache<unknown, object>({ strong: 1 });
    setDying(cache, 'gone', 'strong');
    await nextTask();
    gcWithoutCleanup();
    expect(cache.get('gone')).toBeUndefined();
    expect(cache.peek('gone')).toBeUndefined();
    expect(cache.has('gone')).toBe(false);
    expect([...cache.keys()]).toEqual(['strong']);
    expect(cache.size).toBe(2); // only size still counts it: cleanup has not run
    await collectGarbage();
    expect(cache.size).toBe(1);
  });

  it("each collected entry is told 'collected' once, whichever path drops it", async () => {
    const { removed, onRemove } = recorder();
    const cache = new WeakCache<unknown, object>({ strong: 1, onRemove });
    // 'old' survives a collection (so it is registered), then dies: cleanup drops it.
    const holder: { value?: object } = { value: { old: true } };
    cache.set('old', holder.value!);
    setDying(cache, 'pin');
    await collectGarbage();
    expect(cache.has('old')).toBe(true);
    holder.value = undefined;
    await nextTask();
    setDying(cache, 'young', 'set-over', 'deleted', 'weak-dead', 'strong');
    await nextTask();
    gcWithoutCleanup();
    expect(removed).toEqual([]); // not during the collection
    // Before cleanup: a set over a dead weak entry and a delete of one leave it to its cleanup,
    // or to the next write under that key in the weak tier; either tells onRemove once.
    const fresh = { fresh: true };
    cache.set('set-over', fresh); // 'strong' goes weak, and dies
    expect(cache.delete('deleted')).toBe(false);
    cache.strong = 0; // 'set-over' goes weak, over its dead entry
    cache.strong = 1;
    expect(removed).toEqual([['set-over', 'collected']]);
    await collectGarbage();
    const keys = removed.map(([key]) => key as string).sort();
    expect(keys).toEqual(['deleted', 'old', 'pin', 'set-over', 'strong', 'weak-dead', 'young']);
    expect(new Set(removed.map(([, cause]) => cause))).toEqual(new Set(['collected']));
    expect(cache.get('set-over')).toBe(fresh);
    expect(cache.size).toBe(1);
  });

  it("clear leaves dead entries to their cleanup: 'cleared' for the live, 'collected' for the dead", async () => {
    const { removed, onRemove } = recorder();
    const cache = new WeakCache<unknown, object>({ strong: 1, onRemove });
    const kept = { kept: true };
    cache.set('kept', kept);
    setDying(cache, 'dead', 'strong');
    await nextTask();
    gcWithoutCleanup();
    cache.clear();
    expect(removed).toEqual([
      ['strong', 'cleared'],
      ['kept', 'cleared'],
    ]);
    await collectGarbage();
    expect(removed.slice(2)).toEqual([['dead', 'collected']]);
    expect(cache.size).toBe(0);
    // Read afterwards: JavaScriptCore collects a local that no later code reads.
    expect(kept.kept).toBe(true);
  });

  it("a key re-set before its dead value's cleanup keeps the new value", async () => {
    const cache = new WeakCache<unknown, object>({ strong: 1 });
    setDying(cache, 'k', 'other');
    await nextTask();
    gcWithoutCleanup();
    const fresh = { fresh: true };
    cache.set('k', fresh);
    setDying(cache, 'newest'); // 'k' goes weak, over its dead entry
    await collectGarbage();
    expect(cache.get('k')).toBe(fresh);
  });
});

describe('WeakCache onRemove errors after a collection', () => {
  let previous: ReturnType<typeof setUnraisableHook> | undefined;
  afterEach(() => {
    if (previous) setUnraisableHook(previous);
    previous = undefined;
  });

  // Bun: the three values outlived collectGarbage() in the runtime matrix (JavaScriptCore's
  // conservative stack scan, docs/collection.md); not investigated yet.
  it.skipIf('Bun' in globalThis)(
    'go to the unraisable hook, and the other entries are still told',
    async () => {
      const reported: Unraisable[] = [];
      previous = setUnraisableHook((unraisable) => void reported.push(unraisable));
      const told: unknown[] = [];
      const cache = new WeakCache<unknown, object>({
        strong: 0,
        onRemove(key) {
          told.push(key);
          if (key === 'throws') throw new Error('sync');
          if (key === 'rejects') return Promise.reject(new Error('async'));
        },
      });
      setDying(cache, 'throws', 'rejects', 'fine');
      await collectGarbage();
      expect(told.sort()).toEqual(['fine', 'rejects', 'throws']);
      expect(reported.map((r) => (r.error as Error).message).sort()).toEqual(['async', 'sync']);
      expect(reported.every((r) => r.origin.includes('WeakCache onRemove'))).toBe(true);
    },
  );
});
