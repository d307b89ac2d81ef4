import { collectGarbage } from '@w/core/testing';
import { Alive, type Tracked } from '@w/test-support/alive';
import { OPS_PER_CHECK, SOAK_OPS, type SoakSubject, soak } from '@w/test-support/soak';
import { expect, it } from 'vitest';
import { type RemovalCause, WeakCache } from '../src';

// Soak (pnpm test:soak): SOAK_OPS random gets, sets, deletes, resizes and dropped values on
// one cache, with a forced collection every few thousand. After each: every key whose latest
// value the test still holds has it; the entries that were strong before the collection are
// all still there; size is what iteration yields; onRemove was told once per entry that left
// (entries made minus entries left); and the heap is flat.

const KEYS = 2048;
const LIVE_CAP = 1500;

class WeakCacheSoak implements SoakSubject {
  readonly removals: RemovalCause[] = [];
  readonly cache = new WeakCache<number, Tracked>({
    strong: 64,
    onRemove: (_key, cause) => void this.removals.push(cause),
  });
  readonly latest = new Map<number, number>(); // key -> id of the value last set under it
  readonly alive = new Alive();
  made = 0; // entries made: sets that did not find the same value under the key

  step(random: () => number, op: number): void {
    this.#step(random);
    // The last step before a collection: what is strong now must survive it.
    if (op % OPS_PER_CHECK === OPS_PER_CHECK - 1) this.strongBefore = this.strongEntries();
  }

  #step(random: () => number): void {
    const roll = random();
    const key = Math.floor(random() * KEYS);
    if (this.alive.size > LIVE_CAP || roll < 0.2) this.alive.dropOne(random);
    else if (roll < 0.5) this.set(key, this.alive.pickOrAdd(random));
    else if (roll < 0.75) this.get(key);
    else if (roll < 0.85) this.delete(key);
    else if (roll < 0.86) this.cache.strong = Math.floor(random() * 128);
    else this.getOrInsertComputed(key);
  }

  set(key: number, value: Tracked): void {
    // The value is held here, so whether the cache has it under `key` is certain.
    if (this.latest.get(key) !== value.id) this.made++;
    this.cache.set(key, value);
    this.latest.set(key, value.id);
  }

  get(key: number): void {
    const id = this.latest.get(key);
    const got = this.cache.get(key);
    const held = id === undefined ? undefined : this.alive.get(id);
    // A value this test holds is found; one it dropped may be found until it is collected.
    if (held !== undefined && got !== held) throw new Error(`get(${key}) lost value ${id}`);
    if (got !== undefined && got.id !== id)
      throw new Error(`get(${key}) gave ${got.id}, not ${id}`);
  }

  delete(key: number): void {
    const held = this.alive.get(this.latest.get(key) ?? -1);
    const deleted = this.cache.delete(key);
    if (held !== undefined && !deleted) throw new Error(`delete(${key}) missed value ${held.id}`);
    this.latest.delete(key);
  }

  getOrInsertComputed(key: number): void {
    const got = this.cache.getOrInsertComputed(key, () => {
      this.made++;
      return this.alive.add();
    });
    this.latest.set(key, got.id);
  }

  // The strong entries before a collection, which must all survive it.
  strongBefore: [number, number][] = [];

  check(): void {
    const entries = [...this.cache];
    expect(this.cache.size).toBe(entries.length);
    expect(this.cache.strongSize).toBeLessThanOrEqual(this.cache.strong);
    const present = new Map(entries.map(([key, value]) => [key, value.id]));
    for (const [key, id] of present) {
      if (this.latest.get(key) !== id) throw new Error(`key ${key} has ${id}, not its latest`);
    }
    for (const [key, id] of this.latest) {
      if (this.alive.has(id) && present.get(key) !== id) throw new Error(`lost key ${key}`);
    }
    for (const [key, id] of this.strongBefore) {
      if (present.get(key) !== id) throw new Error(`strong key ${key} did not survive`);
    }
    expect(this.removals.length).toBe(this.made - this.cache.size);
    this.strongBefore = [];
  }

  // The strong entries as [key, id]: the first strongSize of the iteration order.
  strongEntries(): [number, number][] {
    return [...this.cache]
      .slice(0, this.cache.strongSize)
      .map(([key, value]): [number, number] => [key, value.id]);
  }

  dropAll(): void {
    this.alive.clear();
    this.cache.strong = 0;
    this.strongBefore = [];
  }
}

it(`WeakCache: ${SOAK_OPS} random operations keep the hot, lose nothing held, leak nothing`, async () => {
  const subject = new WeakCacheSoak();
  await soak(subject, collectGarbage);
  expect(subject.cache.size).toBe(0);
  expect(new Set(subject.removals)).toEqual(new Set(['collected', 'deleted', 'replaced']));
});
