import { collectGarbage } from '@w/core/testing';
import { seededRandom } from '@w/test-support/seeded-random';
import { expect, it } from 'vitest';
import { WeakKeyMap } from '../src';

// Model-based test: a WeakKeyMap is driven by random steps next to a plain Map (the model)
// and an explicit set of keys kept alive. After every forced collection the two must agree
// exactly: nothing lost (live keys keep their entries) and nothing left (size is exact).

type Key = { id: number };
type Value = { n: number; owner?: Key }; // `owner` sometimes points back at the key

const SLOTS = 24;
const STEPS = 4000;

class Harness {
  readonly map = new WeakKeyMap<Key, Value>();
  readonly model = new Map<number, number>(); // key id -> value n, in insertion order
  readonly alive = new Map<number, Key>(); // the only strong references to keys
  // True while a dropped key may still be in the map (it has not been collected yet).
  droppedSinceCollect = false;
  nextId = 0;
  counter = 0;

  constructor(readonly random: () => number) {}

  // Synchronous, so no temporary outlives it and a dropped key is really unreachable.
  step(): void {
    const slot = Math.floor(this.random() * SLOTS);
    const key = this.keyInSlot(slot);
    const roll = this.random();
    if (roll < 0.3) this.set(key ?? this.newKey(slot));
    else if (roll < 0.45 && key !== undefined) this.checkedDelete(key);
    else if (roll < 0.55 && key !== undefined) {
      this.checkedDelete(key);
      this.set(key);
    } else if (roll < 0.65 && key !== undefined) this.drop(key);
    else if (roll < 0.72) this.getOrInsert(key ?? this.newKey(slot));
    else if (roll < 0.77 && key !== undefined) this.pop(key);
    else if (roll < 0.8 && !this.droppedSinceCollect) this.popItem();
    else if (roll < 0.802) this.clear();
    this.checkLiveKeys();
  }

  keyInSlot(slot: number): Key | undefined {
    for (const key of this.alive.values()) if (key.id % SLOTS === slot) return key;
    return undefined;
  }

  newKey(slot: number): Key {
    const key = { id: this.nextId++ * SLOTS + slot };
    this.alive.set(key.id, key);
    return key;
  }

  makeValue(key: Key): Value {
    const n = this.counter++;
    return this.random() < 0.3 ? { n, owner: key } : { n };
  }

  set(key: Key): void {
    const value = this.makeValue(key);
    expect(this.map.set(key, value)).toBe(this.map);
    this.model.set(key.id, value.n);
  }

  getOrInsert(key: Key): void {
    const value = this.makeValue(key);
    const got = this.map.getOrInsert(key, value);
    if (!this.model.has(key.id)) this.model.set(key.id, value.n);
    expect(got.n).toBe(this.model.get(key.id));
  }

  checkedDelete(key: Key): void {
    expect(this.map.delete(key)).toBe(this.model.delete(key.id));
  }

  pop(key: Key): void {
    const expected = this.model.get(key.id);
    this.model.delete(key.id);
    expect(this.map.pop(key, undefined)?.n).toBe(expected);
  }

  popItem(): void {
    const last = [...this.model.keys()].at(-1);
    if (last === undefined) {
      expect(() => this.map.popItem()).toThrow(RangeError);
      return;
    }
    const [key, value] = this.map.popItem();
    expect([key.id, value.n]).toEqual([last, this.model.get(last)]);
    this.model.delete(last);
  }

  clear(): void {
    this.map.clear();
    this.model.clear();
  }

  // Forget the key everywhere: from now on only the WeakKeyMap could keep it alive.
  drop(key: Key): void {
    this.alive.delete(key.id);
    this.model.delete(key.id);
    this.droppedSinceCollect = true;
  }

  // Plain comparisons: this runs for every key after every step, and expect() is slow.
  checkLiveKeys(): void {
    for (const [id, key] of this.alive) {
      const has = this.map.has(key);
      const n = this.map.get(key)?.n;
      if (has !== this.model.has(id) || n !== this.model.get(id)) {
        expect({ id, has, n }).toEqual({ id, has: this.model.has(id), n: this.model.get(id) });
      }
    }
  }

  // After a forced collection: exactly the model, in the model's order, and an exact size.
  checkExact(): void {
    this.droppedSinceCollect = false;
    const actual = [...this.map].map(([key, value]) => [key.id, value.n]);
    expect(actual).toEqual([...this.model]);
    expect(this.map.size).toBe(this.model.size);
  }
}

it.each([1, 2, 3])('agrees with a Map model over random steps (seed %i)', async (seed) => {
  const random = seededRandom(seed);
  const harness = new Harness(random);
  let collections = 0;
  for (let i = 0; i < STEPS; i++) {
    harness.step();
    if (random() < 1 / 300 || i === STEPS - 1) {
      await collectGarbage();
      harness.checkExact();
      collections++;
    }
  }
  expect(collections).toBeGreaterThan(3);
});
