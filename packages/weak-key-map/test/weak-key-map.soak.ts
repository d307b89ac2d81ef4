import { collectGarbage } from '@w/core/testing';
import { Alive, type Tracked } from '@w/test-support/alive';
import { SOAK_OPS, type SoakSubject, soak } from '@w/test-support/soak';
import { expect, it } from 'vitest';
import { WeakKeyMap } from '../src';

// Soak (pnpm test:soak): SOAK_OPS random set/replace/delete/drop operations on one map, with
// a forced collection every few thousand. The model is key id -> value tag, in insertion
// order, plus the keys the test keeps alive. Some values refer to their own key: held
// ephemerally, they must not keep it alive.

type Key = Tracked;
interface Value {
  readonly tag: number;
  readonly owner?: Key;
}

const LIVE_CAP = 2000; // keys kept alive at once: bounds what the heap may legitimately hold

class WeakKeyMapSoak implements SoakSubject {
  readonly map = new WeakKeyMap<Key, Value>();
  readonly model = new Map<number, number>(); // key id -> value tag, in insertion order
  readonly alive = new Alive(); // the keys the test keeps
  nextTag = 0;

  step(random: () => number): void {
    const roll = random();
    // The test can only reach keys it keeps, so every answer below is exact.
    const key = this.alive.pickOrAdd(random);
    if (this.alive.size > LIVE_CAP || roll < 0.2) this.alive.dropOne(random);
    else if (roll < 0.5) this.set(key, random);
    else if (roll < 0.62) this.delete(key);
    else if (roll < 0.7) this.moveToEnd(key, random);
    else if (roll < 0.85) this.read(key);
    else if (roll < 0.92) this.pop(key);
    else this.getOrInsert(key, random);
  }

  newValue(key: Key, random: () => number): Value {
    const tag = this.nextTag++;
    return random() < 0.3 ? { tag, owner: key } : { tag };
  }

  set(key: Key, random: () => number): void {
    const value = this.newValue(key, random);
    this.map.set(key, value);
    this.model.set(key.id, value.tag);
  }

  delete(key: Key): void {
    const deleted = this.map.delete(key);
    if (deleted !== this.model.delete(key.id)) throw new Error(`delete(${key.id}) gave ${deleted}`);
  }

  moveToEnd(key: Key, random: () => number): void {
    this.delete(key);
    this.set(key, random);
  }

  read(key: Key): void {
    const got = this.map.get(key)?.tag;
    const has = this.map.has(key);
    if (got !== this.model.get(key.id) || has !== this.model.has(key.id)) {
      throw new Error(`get(${key.id}) gave ${got}, expected ${this.model.get(key.id)}`);
    }
  }

  pop(key: Key): void {
    const popped = this.map.pop(key, undefined)?.tag;
    const expected = this.model.get(key.id);
    this.model.delete(key.id);
    if (popped !== expected) throw new Error(`pop(${key.id}) gave ${popped}, expected ${expected}`);
  }

  getOrInsert(key: Key, random: () => number): void {
    const value = this.newValue(key, random);
    const got = this.map.getOrInsert(key, value).tag;
    const expected = this.model.get(key.id) ?? value.tag;
    this.model.set(key.id, expected);
    if (got !== expected) throw new Error(`getOrInsert(${key.id}) gave ${got}`);
  }

  check(): void {
    for (const id of this.model.keys()) {
      if (!this.alive.has(id)) this.model.delete(id); // collected: must be gone (size below)
    }
    expect(this.map.size).toBe(this.model.size);
    // Exact, in insertion order: nothing lost, nothing left.
    const entries = Array.from(this.map, ([key, value]) => [key.id, value.tag]);
    expect(entries).toEqual([...this.model]);
  }

  dropAll(): void {
    this.alive.clear();
  }
}

it(`WeakKeyMap: ${SOAK_OPS} random operations lose nothing, leave nothing, leak nothing`, async () => {
  const subject = new WeakKeyMapSoak();
  await soak(subject, collectGarbage);
  expect(subject.map.size).toBe(0);
});
