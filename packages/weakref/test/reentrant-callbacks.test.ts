import { setUnraisableHook, type Unraisable } from '@w/core';
import { collectGarbage } from '@w/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type Finalizer,
  finalize,
  IterableWeakSet,
  type Ref,
  ref,
  WeakKeyMap,
  WeakValueMap,
} from '../src';

// Re-entrancy: ref callbacks and finalizers that change the very container whose entries are
// being cleaned up, or that make new refs and finalizers, while the cleanup of a collection
// runs. Whatever order the runtime cleans in, the containers end up exact (nothing lost,
// nothing left) and the callbacks made during cleanup run later, once each.

let reports: Unraisable[];
beforeEach(() => {
  reports = [];
  setUnraisableHook((u) => reports.push(u));
});
afterEach(() => {
  expect(reports).toEqual([]); // no callback threw, not even inside a container
  setUnraisableHook();
});

const N = 2000; // entries that die in one collection

describe('WeakValueMap changed by finalizers of its dying values', () => {
  // Keys 0..N-1 hold values that die; each value's finalizer changes the map:
  //   i % 4 == 0: re-sets its own key to a kept value (before or after the map's own cleanup)
  //   i % 4 == 1: deletes a key whose value is kept
  //   i % 4 == 2: sets a new key to a value created there, which dies at once
  //   i % 4 == 3: sets a new key to a kept value
  function fill(map: WeakValueMap<string, object>, kept: Map<string, object>): void {
    for (let i = 0; i < N; i++) {
      kept.set(`kept ${i}`, { kept: i });
      map.set(`kept ${i}`, kept.get(`kept ${i}`)!);
      const value = { i };
      map.set(`dying ${i}`, value);
      finalize(value, changeMap, map, kept, i);
    }
  }

  function changeMap(map: WeakValueMap<string, object>, kept: Map<string, object>, i: number) {
    if (i % 4 === 0) {
      kept.set(`dying ${i}`, { replacement: i });
      map.set(`dying ${i}`, kept.get(`dying ${i}`)!);
    } else if (i % 4 === 1) {
      map.delete(`kept ${i}`);
      kept.delete(`kept ${i}`);
    } else if (i % 4 === 2) {
      map.set(`made in cleanup ${i}`, { dies: i });
    } else {
      kept.set(`made in cleanup ${i}`, { made: i });
      map.set(`made in cleanup ${i}`, kept.get(`made in cleanup ${i}`)!);
    }
    expect(map.size).toBeGreaterThanOrEqual(kept.size); // dead entries may still count
  }

  it('ends exact: every kept value present under its key, nothing else', async () => {
    const map = new WeakValueMap<string, object>();
    const kept = new Map<string, object>();
    fill(map, kept);
    await collectGarbage();
    expect(map.size).toBe(kept.size);
    expect(new Map(map)).toEqual(kept);
    for (const [key, value] of kept) expect(map.get(key)).toBe(value);
  });
});

describe('WeakKeyMap changed by ref callbacks of its dying keys', () => {
  // N keys die, KEPT stay: the map falls below a quarter of its peak, so its own cleanup
  // compacts it, before or after these callbacks change it:
  //   i % 3 == 0: sets a kept key, and re-sets another kept key (moved to the end)
  //   i % 3 == 1: deletes a kept key
  //   i % 3 == 2: sets a key created there, which dies at once, and iterates the map
  const KEPT = N / 8;

  function fill(map: WeakKeyMap<object, number>, kept: object[], refs: Ref[]): void {
    for (let i = 0; i < N; i++) {
      if (i < KEPT) {
        kept.push({ kept: i });
        map.set(kept[i]!, i);
      }
      const key = { i };
      map.set(key, -i);
      refs.push(ref(key, () => (i < KEPT ? changeMap(map, kept, i) : undefined)));
    }
  }

  function changeMap(map: WeakKeyMap<object, number>, kept: object[], i: number): void {
    if (i % 3 === 0) {
      const added = { added: i };
      kept.push(added);
      map.set(added, N + i);
      map.delete(kept[i]!);
      map.set(kept[i]!, i);
    } else if (i % 3 === 1) {
      map.delete(kept[i]!);
      kept[i] = { deleted: i }; // stands in for the deleted key, which the map no longer has
    } else {
      map.set({ dies: i }, 0);
      for (const [key, value] of map) if (map.get(key) !== value) throw new Error('bad entry');
    }
  }

  it('ends exact, also across the compaction its own cleanup triggers', async () => {
    const map = new WeakKeyMap<object, number>();
    const kept: object[] = [];
    const refs: Ref[] = [];
    fill(map, kept, refs);
    await collectGarbage();
    const expected = kept.filter((key) => !('deleted' in key));
    expect(map.size).toBe(expected.length);
    expect(new Set(map.keys())).toEqual(new Set(expected));
    for (const key of expected) expect(map.has(key)).toBe(true);
    expect(refs.every((r) => r.deref() === undefined && r.callback === undefined)).toBe(true);
  });
});

describe('IterableWeakSet changed by finalizers of its dying members', () => {
  //   i % 3 == 0: adds a kept member; i % 3 == 1: deletes a kept member;
  //   i % 3 == 2: adds a member created there (dies at once), then pops one and re-adds it
  function fill(set: IterableWeakSet<object>, kept: Set<object>): void {
    for (let i = 0; i < N; i++) {
      const keptMember = { kept: i };
      kept.add(keptMember);
      set.add(keptMember);
      const member = { i };
      set.add(member);
      finalize(member, changeSet, set, kept, keptMember, i);
    }
  }

  function changeSet(set: IterableWeakSet<object>, kept: Set<object>, mine: object, i: number) {
    if (i % 3 === 0) {
      const added = { added: i };
      kept.add(added);
      set.add(added);
    } else if (i % 3 === 1) {
      set.delete(mine);
      kept.delete(mine);
    } else {
      set.add({ dies: i });
      const popped = set.pop(); // the oldest live member: a kept one or one made here
      set.add(popped);
    }
  }

  it('ends exact: every kept member, nothing else', async () => {
    const set = new IterableWeakSet<object>();
    const kept = new Set<object>();
    fill(set, kept);
    await collectGarbage();
    expect(set.size).toBe(kept.size);
    expect(new Set(set)).toEqual(kept);
  });
});

describe('refs and finalizers made while cleanup runs', () => {
  const log: string[] = [];
  beforeEach(() => {
    log.length = 0;
  });

  // Each dying object's finalizer makes: a finalizer on an object that dies at once, a ref
  // with a callback to a kept object, and a finalizer on that kept object.
  function makeDying(kept: object[], refs: Ref[]): void {
    for (let i = 0; i < 100; i++) finalize({}, makeMore, kept, refs, i);
  }

  function makeMore(kept: object[], refs: Ref[], i: number): void {
    log.push(`ran ${i}`);
    finalize({}, (n: number) => log.push(`made in cleanup ${n}`), i);
    const target = { i };
    kept.push(target);
    refs.push(ref(target, () => log.push(`ref to kept ${i}`)));
    finalize(target, (n: number) => log.push(`finalizer of kept ${n}`), i);
  }

  const count = (prefix: string) => log.filter((line) => line.startsWith(prefix)).length;

  it('runs what was made later, once each, and only when its object dies', async () => {
    const kept: object[] = [];
    const refs: Ref[] = [];
    makeDying(kept, refs);
    await collectGarbage(); // repeats while cleanup frees more: the made-in-cleanup ones too
    expect([count('ran'), count('made in cleanup')]).toEqual([100, 100]);
    expect([count('ref to kept'), count('finalizer of kept')]).toEqual([0, 0]);
    kept.length = 0;
    await collectGarbage();
    expect([count('ref to kept'), count('finalizer of kept')]).toEqual([100, 100]);
    await collectGarbage();
    expect(log).toHaveLength(400); // nothing ran twice
    expect(refs).toHaveLength(100); // read last: Bun collects locals no longer read, refs too
  });

  // Finalizers of one object that call, detach or re-arm their siblings while running.
  function siblings(log: string[], fs: Finalizer[], other: object): void {
    const obj = {};
    fs.push(finalize(obj, () => log.push('oldest')));
    fs.push(finalize(other, () => log.push('of the other object')));
    fs.push(
      finalize(obj, () => {
        log.push('middle');
        fs[0]!(); // runs the oldest now: cleanup must not run it again
        fs[1]!.detach(); // the other object is alive: detaches it for good
        fs[1]!.atexit = true; // a dead finalizer ignores this
      }),
    );
  }

  it('lets a finalizer call or detach its siblings: each runs at most once', async () => {
    const fs: Finalizer[] = [];
    const other = {};
    siblings(log, fs, other);
    await collectGarbage();
    expect(log).toEqual(['middle', 'oldest']);
    expect(fs.map((f) => f.alive)).toEqual([false, false, false]);
    expect(other).toBeDefined();
  });
});
