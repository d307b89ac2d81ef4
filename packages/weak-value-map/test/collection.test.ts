import { collectGarbage } from '@w/core/testing';
import { nextTask } from '@w/test-support/next-task';
import { describe, expect, it } from 'vitest';
import { WeakValueMap } from '../src';

// Objects that must die are created in these synchronous helpers: once they return,
// nothing (not even a suspended async frame) refers to them.
function setDying(map: WeakValueMap<unknown, object>, ...keys: unknown[]): void {
  for (const key of keys) map.set(key, { dying: key });
}

function shareDying(map: WeakValueMap<unknown, object>, ...keys: unknown[]): void {
  const shared = { shared: true };
  for (const key of keys) map.set(key, shared);
}

/** A full collection that clears dead weak refs but, being synchronous, runs no cleanup yet. */
function gcWithoutCleanup(): void {
  (globalThis as unknown as { gc: () => void }).gc();
}

// WeakRef targets created or read in this task stay alive until it ends: start a new one.

describe('WeakValueMap and garbage collection', () => {
  it('a dead value is invisible at once, before its cleanup runs', async () => {
    const kept = { kept: true };
    const m = new WeakValueMap<unknown, object>([['kept', kept]]);
    setDying(m, 'a');
    await nextTask();
    gcWithoutCleanup();
    expect(m.get('a')).toBeUndefined();
    expect(m.has('a')).toBe(false);
    expect([...m]).toEqual([['kept', kept]]);
    expect([...m.keys()]).toEqual(['kept']);
    expect([...m.values()]).toEqual([kept]);
    expect(m.valueRefs().map((r) => r.key)).toEqual(['kept']);
    const seen: unknown[] = [];
    m.forEach((_, key) => {
      seen.push(key);
    });
    expect(seen).toEqual(['kept']);
    expect(m.copy().size).toBe(1);
    // Only size still counts it: cleanup has not run (the documented window).
    expect(m.size).toBe(2);
    await collectGarbage();
    expect(m.size).toBe(1);
  });

  it('a dead value counts as missing for delete, pop, popItem and getOrInsert', async () => {
    const m = new WeakValueMap<unknown, object>();
    const first = { first: true };
    m.set('first', first);
    setDying(m, 'a', 'b', 'c', 'last');
    await nextTask();
    gcWithoutCleanup();
    expect(m.delete('a')).toBe(false);
    expect(m.pop('b', 'default')).toBe('default');
    expect(() => m.pop('b')).toThrow(RangeError);
    expect(m.popItem()).toEqual(['first', first]);
    const fresh = { fresh: true };
    expect(m.getOrInsert('c', fresh)).toBe(fresh);
    expect(m.getOrInsertComputed('last', () => fresh)).toBe(fresh);
    await collectGarbage();
    expect([...m]).toEqual([
      ['c', fresh],
      ['last', fresh],
    ]);
    expect(m.size).toBe(2);
  });

  it('size is exact after collectGarbage()', async () => {
    const m = new WeakValueMap<unknown, object>();
    const kept: object[] = [];
    for (let i = 0; i < 100; i++) {
      if (i % 3 === 0) {
        const value = { i };
        kept.push(value);
        m.set(i, value);
      } else {
        setDying(m, i);
      }
    }
    expect(m.size).toBe(100);
    await collectGarbage();
    expect(m.size).toBe(34);
    expect([...m.values()]).toEqual(kept);
  });

  it('a value that outlives its first collection is still removed when it dies later', async () => {
    const m = new WeakValueMap<unknown, object>();
    const kept = Array.from({ length: 50 }, (_, i) => ({ i }));
    kept.forEach((value, i) => {
      m.set(i, value);
    });
    await collectGarbage(); // the young entries survive it and get registered
    expect(m.size).toBe(50);
    kept.length = 25;
    await collectGarbage();
    expect([...m.keys()]).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(m.size).toBe(25);
  });

  it('a value shared by several keys removes all of them when it dies', async () => {
    const m = new WeakValueMap<unknown, object>();
    shareDying(m, 'x', 'y', 'z');
    await collectGarbage();
    expect(m.size).toBe(0);
  });

  it('nothing lost: re-setting a key after its value died, before cleanup, keeps the new value', async () => {
    const m = new WeakValueMap<unknown, object>();
    setDying(m, 'a', 'b');
    await nextTask();
    gcWithoutCleanup();
    expect(m.get('a')).toBeUndefined(); // proves the old value really is dead
    const newA = { newA: true };
    const newB = { newB: true };
    m.set('a', newA);
    m.delete('b');
    m.set('b', newB);
    await collectGarbage();
    expect(m.get('a')).toBe(newA);
    expect(m.get('b')).toBe(newB);
    expect(m.size).toBe(2);
  });

  it('a key re-set after its value died moves to the end, as a new key would', async () => {
    const m = new WeakValueMap<unknown, object>();
    setDying(m, 'a');
    const b = { b: true };
    m.set('b', b);
    await nextTask();
    gcWithoutCleanup();
    const a = { a: true };
    m.set('a', a);
    expect([...m.keys()]).toEqual(['b', 'a']);
    await collectGarbage();
    expect([...m]).toEqual([
      ['b', b],
      ['a', a],
    ]);
  });

  it('nothing lost: an overwritten value dying later does not remove the new one', async () => {
    const m = new WeakValueMap<unknown, object>();
    setDying(m, 'a'); // alive until collected
    const replacement = { replacement: true };
    m.set('a', replacement);
    await collectGarbage();
    expect(m.get('a')).toBe(replacement);
    expect(m.size).toBe(1);
  });

  it('clear() drops dead entries too (it does not deref first)', async () => {
    const m = new WeakValueMap<unknown, object>();
    const kept = { kept: true };
    m.set('kept', kept);
    setDying(m, 'a', 'b');
    await nextTask();
    gcWithoutCleanup();
    m.clear();
    expect(m.size).toBe(0);
    const a = { a: true };
    m.set('a', a);
    await collectGarbage();
    expect(m.get('a')).toBe(a);
    expect(m.size).toBe(1);
  });

  it('re-setting the same live value keeps it, and its later death still removes the entry', async () => {
    const m = new WeakValueMap<unknown, object>();
    (() => {
      const value = {};
      m.set('a', value);
      m.set('a', value);
      m.getOrInsert('a', {});
    })();
    await collectGarbage();
    expect(m.size).toBe(0);
  });

  it('a dropped map is collected even while its values live (the registry does not pin it)', async () => {
    const immortal = { immortal: true };
    let mapCollected = false;
    const watcher = new FinalizationRegistry(() => {
      mapCollected = true;
    });
    (() => {
      const m = new WeakValueMap<unknown, object>([['immortal', immortal]]);
      watcher.register(m, undefined);
    })();
    await collectGarbage();
    expect(mapCollected).toBe(true);
    expect(immortal.immortal).toBe(true);
  });

  it('values are held weakly by valueRefs() too', async () => {
    const m = new WeakValueMap<unknown, object>();
    setDying(m, 'a');
    const refs = m.valueRefs();
    await collectGarbage();
    expect(refs[0]?.key).toBe('a');
    expect(refs[0]?.deref()).toBeUndefined();
    expect(m.size).toBe(0);
  });
});
