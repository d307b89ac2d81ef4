import { collectGarbage } from '@w/core/testing';
import { nextTask } from '@w/test-support/next-task';
import { seededRandom } from '@w/test-support/seeded-random';
import { describe, expect, it } from 'vitest';
import { WeakValueMap } from '../src';

/*
 * Model-based randomized test. The model is a plain Map from key to value id, plus an
 * explicit `alive` set of values this test holds strongly. Dropping a value removes it from
 * `alive`, so nothing refers to it any more and it may be collected at any later point.
 * After each forced collection the map must hold exactly the keys whose value is alive.
 */

interface Value {
  readonly id: number;
}

type Key = number | string;
const KEYS: Key[] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, '0', '', 'x', Number.NaN];

const SEEDS = [1, 2, 20260101];
const COLLECTIONS_PER_SEED = 5;
const BATCHES_PER_COLLECTION = 10;
const STEPS_PER_BATCH = 60; // 3 seeds × 5 × 10 × 60 = 9,000 steps

// Mulberry32: a tiny seeded PRNG, so a failing seed reproduces exactly.

class Harness {
  readonly map = new WeakValueMap<Key, Value>();
  readonly model = new Map<Key, number>();
  readonly alive = new Map<number, Value>();
  readonly log: string[] = [];
  readonly #random: () => number;
  #nextId = 0;

  constructor(readonly seed: number) {
    this.#random = seededRandom(seed);
  }

  // Synchronous on purpose: values it creates and drops are unreachable once it returns.
  runBatch(steps: number): void {
    for (let i = 0; i < steps; i++) this.#step();
  }

  #step(): void {
    const roll = this.#random();
    const key = this.#pick(KEYS);
    if (roll < 0.25) this.#set(key, this.#fresh());
    else if (roll < 0.33) this.#setShared(key);
    else if (roll < 0.43) this.#resetDropped();
    else if (roll < 0.53) this.#delete(key);
    else if (roll < 0.58) this.#pop(key);
    else if (roll < 0.63) this.#getOrInsert(key);
    else if (roll < 0.78) this.#drop();
    else if (roll < 0.795)
      this.#gcWithoutCleanup(); // rare: a full gc() is slow
    else if (roll < 0.8) this.#clear();
    else this.#check(key);
  }

  #fresh(): Value {
    const value = { id: this.#nextId++ };
    this.alive.set(value.id, value);
    return value;
  }

  #set(key: Key, value: Value): void {
    this.log.push(`set ${String(key)} #${value.id}`);
    this.map.set(key, value);
    this.model.set(key, value.id);
  }

  #setShared(key: Key): void {
    const ids = [...this.alive.keys()];
    if (ids.length > 0) this.#set(key, this.alive.get(this.#pick(ids))!);
  }

  // The race: a key whose value was dropped (maybe collected, cleanup maybe pending) is re-set.
  #resetDropped(): void {
    const dropped = [...this.model].filter(([, id]) => !this.alive.has(id)).map(([key]) => key);
    if (dropped.length > 0) this.#set(this.#pick(dropped), this.#fresh());
  }

  #delete(key: Key): void {
    this.log.push(`delete ${String(key)}`);
    const result = this.map.delete(key);
    const id = this.model.get(key);
    // A dropped value may or may not have been collected yet: either answer is right.
    if (id === undefined && result) this.#fail(`delete(${String(key)}) was true for a missing key`);
    if (id !== undefined && this.alive.has(id) && !result) {
      this.#fail(`delete(${String(key)}) was false for a live value`);
    }
    this.model.delete(key);
  }

  #pop(key: Key): void {
    this.log.push(`pop ${String(key)}`);
    const result = this.map.pop(key, undefined);
    this.#expectValue(key, result, 'pop');
    this.model.delete(key);
  }

  #getOrInsert(key: Key): void {
    const candidate = { id: this.#nextId++ };
    this.log.push(`getOrInsert ${String(key)} #${candidate.id}`);
    const result = this.map.getOrInsert(key, candidate);
    if (result === candidate) {
      const id = this.model.get(key);
      if (id !== undefined && this.alive.has(id)) this.#fail('getOrInsert replaced a live value');
      this.alive.set(candidate.id, candidate);
      this.model.set(key, candidate.id);
    } else {
      this.#expectValue(key, result, 'getOrInsert');
    }
  }

  // Mostly drops a value some key maps to (the interesting case), sometimes any held value.
  #drop(): void {
    const mapped = [...this.model.values()].filter((id) => this.alive.has(id));
    const ids = mapped.length > 0 && this.#random() < 0.8 ? mapped : [...this.alive.keys()];
    if (ids.length === 0) return;
    const id = this.#pick(ids);
    this.log.push(`drop #${id}`);
    this.alive.delete(id);
  }

  #gcWithoutCleanup(): void {
    this.log.push('gc');
    (globalThis as unknown as { gc: () => void }).gc();
  }

  #clear(): void {
    this.log.push('clear');
    this.map.clear();
    this.model.clear();
    if (this.map.size !== 0) this.#fail(`size ${this.map.size} right after clear()`);
  }

  #check(key: Key): void {
    this.#expectValue(key, this.map.get(key), 'get');
    if (this.map.has(key) !== (this.map.get(key) !== undefined)) this.#fail('has/get disagree');
  }

  /** What the map returned for `key` matches the model, allowing for not-yet-collected values. */
  #expectValue(key: Key, actual: Value | undefined, what: string): void {
    const id = this.model.get(key);
    const ok =
      id === undefined
        ? actual === undefined
        : this.alive.has(id)
          ? actual === this.alive.get(id)
          : actual === undefined || actual.id === id;
    if (!ok) this.#fail(`${what}(${String(key)}) gave #${actual?.id}, model has #${id}`);
  }

  /** Between collections: iteration shows no key the model lacks and no wrong value. */
  checkIteration(): void {
    for (const [key, value] of this.map) {
      if (this.model.get(key) !== value.id)
        this.#fail(`iteration showed ${String(key)} #${value.id}`);
    }
  }

  /** After a forced collection: nothing lost, nothing left, size exact. */
  checkAfterCollection(): void {
    const expected = new Map<Key, Value>();
    for (const [key, id] of this.model) {
      const value = this.alive.get(id);
      if (value !== undefined) expected.set(key, value);
      else this.model.delete(key); // collected: the map must have dropped it too
    }
    for (const [key, value] of expected) {
      if (this.map.get(key) !== value) this.#fail(`lost ${String(key)} #${value.id}`);
    }
    const actualKeys = [...this.map.keys()];
    if (actualKeys.length !== expected.size || actualKeys.some((k) => !expected.has(k))) {
      this.#fail(`left behind: map has [${actualKeys.map(String)}]`);
    }
    if (this.map.size !== expected.size) {
      this.#fail(`size ${this.map.size}, expected ${expected.size}`);
    }
  }

  #pick<T>(items: T[]): T {
    return items[Math.floor(this.#random() * items.length)]!;
  }

  #fail(message: string): never {
    throw new Error(
      `seed ${this.seed}: ${message}\nlast steps:\n${this.log.slice(-20).join('\n')}`,
    );
  }
}

describe('WeakValueMap against a model', () => {
  it.each(SEEDS)('seed %i: nothing lost, nothing left', async (seed) => {
    const harness = new Harness(seed);
    let collections = 0;
    for (; collections < COLLECTIONS_PER_SEED; collections++) {
      for (let batch = 0; batch < BATCHES_PER_COLLECTION; batch++) {
        harness.runBatch(STEPS_PER_BATCH);
        harness.checkIteration();
        await nextTask(); // lets pending cleanup run in the middle of things
      }
      await collectGarbage();
      harness.checkAfterCollection();
    }
    expect(collections).toBe(COLLECTIONS_PER_SEED);
    // The run really exercised collection: some values died and were cleaned up.
    expect(harness.log.filter((step) => step.startsWith('drop')).length).toBeGreaterThan(50);
  });
});
