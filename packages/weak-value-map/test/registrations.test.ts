import { collectGarbage } from '@w/core/testing';
import { nextTask } from '@w/test-support/next-task';
import { describe, expect, it } from 'vitest';
import { WeakValueMap } from '../src';

// Values are registered without an unregister token: an entry that leaves the map (delete,
// overwrite, clear) keeps its registration until its value dies. These tests pin down what
// that registration may and may not do.

/** A full collection that clears dead weak refs but, being synchronous, runs no cleanup yet. */
function gcWithoutCleanup(): void {
  (globalThis as unknown as { gc: () => void }).gc();
}

// WeakRef targets created or read in this task stay alive until it ends: start a new one.

function setDying(map: WeakValueMap<unknown, object>, ...keys: unknown[]): void {
  for (const key of keys) map.set(key, { dying: key });
}

describe('WeakValueMap registrations', () => {
  it('a deleted entry does not keep its value alive through its key', async () => {
    const m = new WeakValueMap<object, object>();
    const probe = (() => {
      const value = { value: true };
      const key = { owns: value }; // the key refers to its own value
      m.set(key, value);
      m.delete(key);
      return new WeakRef(value);
    })();
    await collectGarbage();
    expect(probe.deref()).toBeUndefined();
  });

  it('an overwritten entry does not keep its value alive through its key', async () => {
    const m = new WeakValueMap<object, object>();
    const probe = (() => {
      const value = { value: true };
      const key = { owns: value };
      m.set(key, value);
      m.set(key, {});
      return new WeakRef(value);
    })();
    await collectGarbage();
    expect(probe.deref()).toBeUndefined();
  });

  it('a key stored as its own value can be set, deleted and collected', async () => {
    const m = new WeakValueMap<object, object>();
    const probe = (() => {
      const self = {};
      m.set(self, self);
      expect(m.get(self)).toBe(self);
      m.delete(self);
      return new WeakRef(self);
    })();
    await collectGarbage();
    expect(probe.deref()).toBeUndefined();
    expect(m.size).toBe(0);
  });

  it('after values outlived thousands of overwrites, nothing is lost and dead values still go', async () => {
    const m = new WeakValueMap<unknown, object>();
    const live = Array.from({ length: 10 }, (_, i) => ({ i }));
    live.forEach((value, i) => {
      m.set(i, value);
    });
    setDying(m, 'd0', 'd1', 'd2');
    await nextTask();
    gcWithoutCleanup(); // the three are dead, their cleanup still pending
    // Two values that stay alive, overwriting each other: their registrations pile up until
    // the map replaces its registry (and with it that pending cleanup).
    const even = { even: true };
    const odd = { odd: true };
    for (let i = 0; i < 5000; i++) m.set('x', i % 2 === 0 ? even : odd);
    await collectGarbage();
    expect(m.size).toBe(11);
    expect([...m.values()]).toEqual([...live, odd]);
    // Values registered before the registry was replaced still remove their entries.
    live.length = 0;
    await collectGarbage();
    expect([...m.keys()]).toEqual(['x']);
    expect(m.size).toBe(1);
  });

  it('a registry dropped with cleanup pending does not stop later cleanup', async () => {
    const m = new WeakValueMap<unknown, object>();
    setDying(m, 'a', 'b');
    await nextTask();
    gcWithoutCleanup(); // their cleanup is pending in the map's registry...
    m.clear(); // ...which clear() drops...
    gcWithoutCleanup(); // ...and a collection takes before that cleanup ran
    const kept = { kept: true };
    m.set('kept', kept);
    setDying(m, 'c');
    await collectGarbage();
    expect([...m]).toEqual([['kept', kept]]);
    expect(m.size).toBe(1);
  });
});
