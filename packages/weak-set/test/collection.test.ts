import { collectGarbage } from '@w/core/testing';
import { nextTask } from '@w/test-support/next-task';
import { hasNodeApis } from '@w/test-support/node-apis';
import { describe, expect, it } from 'vitest';
import { IterableWeakSet } from '../src';

// Helpers that create members which must die: synchronous, so nothing of theirs survives the call.
function addDying(set: IterableWeakSet<object>, count = 1): void {
  for (let i = 0; i < count; i++) set.add({ dying: i });
}

// A bare collection, without waiting for cleanup: opens the window where a member is dead
// but its cleanup has not run yet. A task boundary first, so no WeakRef made or deref'd in
// the caller's task keeps a member alive (KeepDuringJob).
async function collectWithoutCleanup(): Promise<void> {
  await nextTask();
  (globalThis as { gc?: () => void }).gc!();
}

function heapUsed(): number {
  return process.memoryUsage().heapUsed;
}

describe('collected members', () => {
  it('disappear: size is exact after collectGarbage()', async () => {
    const alive = [{ alive: 1 }, { alive: 2 }];
    const set = new IterableWeakSet<object>();
    set.add(alive[0]!);
    addDying(set, 500);
    set.add(alive[1]!);
    expect(set.size).toBe(502);
    await collectGarbage();
    expect(set.size).toBe(2);
    expect([...set]).toEqual(alive);
  });

  it('are invisible at once, before their cleanup has run', async () => {
    const alive = { alive: true };
    const set = new IterableWeakSet<object>([alive]);
    addDying(set, 3);
    await collectWithoutCleanup();
    // Cleanup has not run: size still counts the dead, nothing else shows them.
    expect(set.size).toBe(4);
    expect([...set]).toEqual([alive]);
    expect([...set.entries()]).toEqual([[alive, alive]]);
    let calls = 0;
    set.forEach(() => {
      calls++;
    });
    expect(calls).toBe(1);
    await collectGarbage();
    expect(set.size).toBe(1);
  });

  it('are never returned by pop(), which drops them as it passes', async () => {
    const alive = { alive: true };
    const set = new IterableWeakSet<object>();
    addDying(set, 3);
    set.add(alive);
    await collectWithoutCleanup();
    expect(set.pop()).toBe(alive);
    expect(set.size).toBe(0);
    expect(() => set.pop()).toThrow(RangeError);
    await collectGarbage();
    expect(set.size).toBe(0);
  });

  it('do not count for isSubsetOf, even before cleanup', async () => {
    const alive = { alive: true };
    const set = new IterableWeakSet<object>([alive]);
    addDying(set, 2);
    await collectWithoutCleanup();
    expect(set.size).toBe(3);
    expect(set.isSubsetOf(new Set([alive]))).toBe(true);
    expect(set.isSupersetOf(new Set([alive]))).toBe(true);
    expect([...set.union(new Set<object>())]).toEqual([alive]);
    expect(set.copy().size).toBe(1);
  });

  it('clear() in the window leaves nothing behind and loses nothing added after', async () => {
    const set = new IterableWeakSet<object>();
    addDying(set, 3);
    await collectWithoutCleanup();
    set.clear();
    const later = [{ later: 1 }, { later: 2 }];
    set.update(later);
    await collectGarbage();
    expect(set.size).toBe(2);
    expect([...set]).toEqual(later);
  });
});

describe('nothing lost', () => {
  it('keeps every member that is still reachable', async () => {
    const alive = Array.from({ length: 200 }, (_, i) => ({ i }));
    const set = new IterableWeakSet<object>(alive);
    addDying(set, 200);
    await collectGarbage();
    expect([...set]).toEqual(alive);
  });

  it('keeps a member deleted and re-added before an older cleanup ran', async () => {
    const member = { member: true };
    const set = new IterableWeakSet<object>([member]);
    addDying(set, 10);
    await collectWithoutCleanup();
    set.delete(member);
    set.add(member);
    await collectGarbage();
    expect(set.has(member)).toBe(true);
    expect(set.size).toBe(1);
    expect([...set]).toEqual([member]);
  });

  it('keeps members in a set whose other members die repeatedly', async () => {
    const member = { member: true };
    const set = new IterableWeakSet<object>();
    for (let round = 0; round < 3; round++) {
      addDying(set, 5);
      set.delete(member);
      set.add(member);
      await collectGarbage();
      expect([...set]).toEqual([member]);
      expect(set.size).toBe(1);
    }
  });
});

describe('nothing leaked', () => {
  it.runIf(hasNodeApis)(
    'add/delete of the same member 1e6 times does not grow memory',
    async () => {
      const member = { member: true };
      const set = new IterableWeakSet<object>([member]);
      set.delete(member);
      await collectGarbage();
      const before = heapUsed();
      for (let i = 0; i < 1e6; i++) {
        set.add(member);
        set.delete(member);
      }
      await collectGarbage();
      // Without unregistering on delete, 1e6 registrations would hold ~100 MB.
      expect(heapUsed() - before).toBeLessThan(8e6);
      expect(set.size).toBe(0);
    },
  );

  it.runIf(hasNodeApis)('add/clear of live members does not grow memory', async () => {
    const members = Array.from({ length: 100 }, (_, i) => ({ i }));
    const set = new IterableWeakSet<object>(members);
    set.clear();
    await collectGarbage();
    const before = heapUsed();
    for (let i = 0; i < 2000; i++) {
      set.update(members);
      set.clear();
    }
    await collectGarbage();
    // Without unregistering in clear(), 2e5 registrations would hold ~20 MB.
    expect(heapUsed() - before).toBeLessThan(5e6);
  });

  it.runIf(hasNodeApis)('waves of collected members leave no memory behind', async () => {
    const set = new IterableWeakSet<object>();
    // Warm-up waves: V8 keeps the registry's token table at its high-water capacity.
    for (let wave = 0; wave < 2; wave++) {
      addDying(set, 3e4);
      await collectGarbage();
    }
    const before = heapUsed();
    for (let wave = 0; wave < 3; wave++) {
      addDying(set, 3e4);
      await collectGarbage();
      expect(set.size).toBe(0);
    }
    // A leaked entry costs ~150 bytes: 3 waves of 3e4 would hold ~13 MB.
    expect(heapUsed() - before).toBeLessThan(4e6);
  });

  it('a dropped set is collected even while its members live', async () => {
    const members = [{ member: 1 }, { member: 2 }];
    const setRef = makeSetOf(members);
    await collectGarbage();
    expect(setRef.deref()).toBeUndefined();
    expect(members.length).toBe(2);
  });
});

function makeSetOf(members: object[]): WeakRef<IterableWeakSet<object>> {
  return new WeakRef(new IterableWeakSet(members));
}
