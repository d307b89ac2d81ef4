import { collectGarbage } from '@w/core/testing';
import { describe, expect, it } from 'vitest';
import { IterableWeakSet } from '../src';

async function heapAfterCollection(): Promise<number> {
  await collectGarbage();
  return process.memoryUsage().heapUsed;
}

describe('nothing leaked', () => {
  // Keys that stay alive after they leave: before, each kept its ref, slot and registration
  // (about 230 B) for as long as it lived. Added, then deleted in the same job (never
  // registered) or after a collection (registered).
  it.each([false, true])(
    'keeps at most 64 B per key deleted while alive (collection in between: %s)',
    async (collectInBetween) => {
      const keys = Array.from({ length: 200_000 }, () => ({}));
      const set = new IterableWeakSet<object>();
      const before = await heapAfterCollection();
      for (const key of keys) set.add(key);
      if (collectInBetween) await collectGarbage();
      for (const key of keys) set.delete(key);
      const after = await heapAfterCollection();
      expect(set.size).toBe(0);
      expect(keys.some((key) => set.has(key))).toBe(false); // and they are alive
      expect((after - before) / keys.length).toBeLessThanOrEqual(64);
    },
  );

  it('add/delete of new members gives the memory back once they die, as a WeakSet does', async () => {
    // Never more than one member at a time. Before, every deleted member kept an empty slot
    // in a WeakMap table that never shrank (8 MB for these 2e5; the soak measures 1e6).
    const set = new IterableWeakSet<object>();
    const before = await heapAfterCollection();
    (() => {
      for (let i = 0; i < 200_000; i++) {
        const member = {};
        set.add(member);
        set.delete(member);
      }
    })();
    const after = await heapAfterCollection();
    expect(set.size).toBe(0);
    expect(after - before).toBeLessThan(1024 * 1024);
  });

  it('add/delete of the same live member 1e6 times does not grow memory', async () => {
    // It stays registered once: a re-add reuses that registration.
    const set = new IterableWeakSet<object>();
    const member = {};
    const before = await heapAfterCollection();
    for (let i = 0; i < 1_000_000; i++) set.add(member).delete(member);
    const after = await heapAfterCollection();
    expect(set.has(member)).toBe(false);
    expect(after - before).toBeLessThan(4 * 1024 * 1024);
  });
});
