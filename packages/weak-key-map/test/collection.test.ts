import { collectGarbage } from '@w/core/testing';
import { nextTask } from '@w/test-support/next-task';
import { describe, expect, it } from 'vitest';
import { WeakKeyMap } from '../src';

type Node = { id: string; self?: unknown };

// Each helper runs synchronously, so the keys it makes are unreachable once it returns.
function addDyingKeys(map: WeakKeyMap<object, unknown>, count: number): void {
  for (let i = 0; i < count; i++) map.set({ id: `dying ${i}` }, i);
}

// The value refers to its key: a strongly held value would keep the key alive forever.
function addSelfReferencingEntry(map: WeakKeyMap<Node, { owner: Node }>): WeakRef<Node> {
  const key: Node = { id: 'self' };
  const value = { owner: key };
  key.self = value;
  map.set(key, value);
  return new WeakRef(key);
}

describe('collection', () => {
  it('removes entries whose keys died; size is exact after collectGarbage', async () => {
    const map = new WeakKeyMap<object, unknown>();
    const alive = { id: 'alive' };
    map.set(alive, 'kept');
    addDyingKeys(map, 50);
    expect(map.size).toBe(51);
    await collectGarbage();
    expect(map.size).toBe(1);
    expect([...map]).toEqual([[alive, 'kept']]);
  });

  it('hides a dead key from iteration at once, before cleanup runs', async () => {
    const map = new WeakKeyMap<object, unknown>();
    const alive = { id: 'alive' };
    map.set(alive, 1);
    addDyingKeys(map, 10);
    // A bare gc() clears the WeakRefs now; the registry's cleanup comes in a later task.
    const gc = (globalThis as { gc?: () => void }).gc!;
    await nextTask();
    gc();
    expect(map.size).toBe(11); // cleanup has not run yet
    expect([...map.keys()]).toEqual([alive]);
    expect([...map.values()]).toEqual([1]);
    let calls = 0;
    map.forEach(() => {
      calls++;
    });
    expect(calls).toBe(1);
    expect(map.keyRefs().map((r) => r.deref())).toEqual([alive]);
    await collectGarbage();
    expect(map.size).toBe(1);
  });

  it('collects a key referenced only from its own value (Python leaks it)', async () => {
    const map = new WeakKeyMap<Node, { owner: Node }>();
    const keyRef = addSelfReferencingEntry(map);
    expect(map.size).toBe(1);
    await collectGarbage();
    expect(keyRef.deref()).toBeUndefined();
    expect(map.size).toBe(0);
    expect([...map]).toEqual([]);
  });

  it('keeps a value alive while its key lives, and no longer', async () => {
    const map = new WeakKeyMap<object, object>();
    const key = {};
    const valueRef = addValue(map, key);
    await collectGarbage();
    expect(valueRef.deref()).toBeDefined();
    expect(map.get(key)).toBe(valueRef.deref());
    map.delete(key);
    await collectGarbage();
    expect(valueRef.deref()).toBeUndefined();
  });

  it('frees the value once the key dies', async () => {
    const map = new WeakKeyMap<object, object>();
    const valueRef = addValueWithDyingKey(map);
    await collectGarbage();
    expect(valueRef.deref()).toBeUndefined();
    expect(map.size).toBe(0);
  });

  it('never loses a live entry: delete then re-set, or set again, survive collection', async () => {
    const map = new WeakKeyMap<object, string>();
    const deletedThenReset = {};
    const setTwice = {};
    map.set(deletedThenReset, 'old');
    map.set(setTwice, 'first');
    addDyingKeys(map as WeakKeyMap<object, unknown>, 5);
    map.delete(deletedThenReset);
    map.set(deletedThenReset, 'new');
    map.set(setTwice, 'second');
    await collectGarbage();
    expect(map.size).toBe(2);
    expect(map.get(deletedThenReset)).toBe('new');
    expect(map.get(setTwice)).toBe('second');
    expect([...map.keys()]).toEqual([setTwice, deletedThenReset]);
  });

  it('a re-set between a collection and its cleanup keeps the new entry', async () => {
    const map = new WeakKeyMap<object, string>();
    const survivor = {};
    map.set(survivor, 'one');
    addDyingKeys(map as WeakKeyMap<object, unknown>, 5);
    const gc = (globalThis as { gc?: () => void }).gc!;
    await nextTask();
    gc(); // dead entries' cleanup is now pending
    map.delete(survivor);
    map.set(survivor, 'two');
    await collectGarbage();
    expect([...map]).toEqual([[survivor, 'two']]);
  });

  it('clear removes entries whose key died but whose cleanup is pending', async () => {
    const map = new WeakKeyMap<object, unknown>();
    addDyingKeys(map, 5);
    const gc = (globalThis as { gc?: () => void }).gc!;
    await nextTask();
    gc();
    map.clear();
    expect(map.size).toBe(0);
    await collectGarbage();
    expect(map.size).toBe(0);
  });

  it('popItem skips a dead most-recent key', async () => {
    const map = new WeakKeyMap<object, unknown>();
    const alive = {};
    map.set(alive, 'alive');
    addDyingKeys(map, 3);
    const gc = (globalThis as { gc?: () => void }).gc!;
    await nextTask();
    gc();
    expect(map.popItem()).toEqual([alive, 'alive']);
    expect(() => map.popItem()).toThrow(RangeError);
  });

  it('an unreachable map and its entries are collected', async () => {
    const mapRef = makeUnreachableMap();
    await collectGarbage();
    expect(mapRef.deref()).toBeUndefined();
  });
});

function addValue(map: WeakKeyMap<object, object>, key: object): WeakRef<object> {
  const value = {};
  map.set(key, value);
  return new WeakRef(value);
}

function addValueWithDyingKey(map: WeakKeyMap<object, object>): WeakRef<object> {
  const value = {};
  map.set({}, value);
  return new WeakRef(value);
}

function makeUnreachableMap(): WeakRef<WeakKeyMap<object, unknown>> {
  const key = {};
  const map = new WeakKeyMap<object, unknown>([[key, key]]);
  return new WeakRef(map);
}
