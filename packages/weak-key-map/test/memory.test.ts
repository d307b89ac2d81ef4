import { collectGarbage } from '@w/core/testing';
import { describe, expect, it } from 'vitest';
import { WeakKeyMap } from '../src';

const ROUNDS = 1_000_000;
// Generous: a leak of even 8 bytes per round would be 8 MB.
const MARGIN = 4 * 1024 * 1024;

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
      const map = new WeakKeyMap<object, number>();
      const before = await heapAfterCollection();
      for (const key of keys) map.set(key, 1);
      if (collectInBetween) await collectGarbage();
      for (const key of keys) map.delete(key);
      const after = await heapAfterCollection();
      expect(map.size).toBe(0);
      expect(keys.some((key) => map.has(key))).toBe(false); // and they are alive
      expect((after - before) / keys.length).toBeLessThanOrEqual(64);
    },
  );

  it('set/delete of the same key 1e6 times does not grow memory', async () => {
    const map = new WeakKeyMap<object, number>();
    const key = {};
    for (let i = 0; i < 1000; i++) map.set(key, i).delete(key); // warm up
    const before = await heapAfterCollection();
    for (let i = 0; i < ROUNDS; i++) {
      map.set(key, i);
      map.delete(key);
    }
    const after = await heapAfterCollection();
    expect(map.size).toBe(0);
    expect(map.has(key)).toBe(false); // keeps the key alive: its registrations must not pile up
    expect(after - before).toBeLessThan(MARGIN);
  });

  it('set/delete of new keys gives the memory back once they die, as a WeakMap does', async () => {
    // Never more than one entry in at a time. Before, every deleted key kept an empty slot in
    // a WeakMap table that never shrank (8 MB for these 2e5; the soak measures 1e6).
    const map = new WeakKeyMap<object, number>();
    const before = await heapAfterCollection();
    (() => {
      for (let i = 0; i < ROUNDS / 5; i++) {
        const key = {};
        map.set(key, i);
        map.delete(key);
      }
    })();
    const after = await heapAfterCollection();
    expect(map.size).toBe(0);
    expect(after - before).toBeLessThan(1024 * 1024);
  });

  it('set/clear of the same live keys does not grow memory', async () => {
    // Keys stay registered across clear(); re-adding them must not register them again.
    const map = new WeakKeyMap<object, number>();
    const keys = Array.from({ length: 10 }, () => ({}));
    for (const key of keys) map.set(key, 0);
    map.clear();
    const before = await heapAfterCollection();
    for (let i = 0; i < ROUNDS / 10; i++) {
      for (const key of keys) map.set(key, i);
      map.clear();
    }
    const after = await heapAfterCollection();
    expect(map.size).toBe(0);
    expect(keys.every((key) => !map.has(key))).toBe(true);
    expect(after - before).toBeLessThan(MARGIN);
  });

  it('overwriting the same key 1e6 times does not grow memory', async () => {
    const map = new WeakKeyMap<object, object>();
    const key = {};
    map.set(key, {});
    const before = await heapAfterCollection();
    for (let i = 0; i < ROUNDS; i++) map.set(key, { i });
    const after = await heapAfterCollection();
    expect(map.has(key)).toBe(true); // reading `key` here also keeps it alive until now
    expect(map.size).toBe(1);
    expect(after - before).toBeLessThan(MARGIN);
  });

  it('after many keys die and cleanup runs, nothing per entry remains', async () => {
    const map = new WeakKeyMap<object, object>();
    const empty = await heapAfterCollection();
    const valueRefs = fill(map, KEYS);
    expect(map.size).toBe(KEYS);
    const afterFirstRound = await heapAfterCollection();
    expect(map.size).toBe(0);
    expect(valueRefs.every((r) => r.deref() === undefined)).toBe(true);
    // What is left is V8's unregister-token table, which never shrinks (~44 B per peak
    // entry): our own WeakMap tables were rebuilt small (without that, 3x as much stays).
    expect(afterFirstRound - empty).toBeLessThan(KEYS * 64);
    // ...and later rounds reuse that table instead of adding to it.
    let afterMoreRounds = 0;
    for (let round = 0; round < 2; round++) {
      fill(map, KEYS);
      afterMoreRounds = await heapAfterCollection();
    }
    expect(map.size).toBe(0);
    expect(afterMoreRounds - afterFirstRound).toBeLessThan(MARGIN / 4);
  });
});

const KEYS = 50_000;

// Returns WeakRefs to a sample of the values, to check they die with their keys.
function fill(map: WeakKeyMap<object, object>, count: number): WeakRef<object>[] {
  const sample: WeakRef<object>[] = [];
  for (let i = 0; i < count; i++) {
    const value = { payload: new Array(4).fill(i) };
    map.set({ i }, value);
    if (i % 1000 === 0) sample.push(new WeakRef(value));
  }
  return sample;
}
