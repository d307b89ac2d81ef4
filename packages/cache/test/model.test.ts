import { seededRandom } from '@w/test-support/seeded-random';
import { describe, expect, it } from 'vitest';
import { type RemovalCause, WeakCache } from '../src';

// Random operations against a plain model of the two tiers (every value is kept alive here,
// so nothing is collected): after each one, the order, the tiers, the values and what
// onRemove was told must match.

class Model {
  values = new Map<number, object>();
  strong: number[] = []; // most recently used first
  weak: number[] = []; // most recently demoted first
  removed: [number, RemovalCause][] = [];
  constructor(public capacity: number) {}

  #promote(key: number): void {
    this.strong.unshift(key);
    while (this.strong.length > this.capacity) this.weak.unshift(this.strong.pop()!);
  }
  #drop(key: number): void {
    this.strong = this.strong.filter((k) => k !== key);
    this.weak = this.weak.filter((k) => k !== key);
  }
  use(key: number): object | undefined {
    const value = this.values.get(key);
    if (value === undefined) return undefined;
    if (this.strong.includes(key)) {
      this.#drop(key);
      this.strong.unshift(key);
    } else if (this.capacity > 0) {
      this.#drop(key);
      this.#promote(key);
    }
    return value;
  }
  /** `getOrInsert`: a use on a hit, else a set. */
  getOrInsert(key: number, value: object): object {
    const found = this.use(key);
    if (found !== undefined) return found;
    this.set(key, value);
    return value;
  }
  set(key: number, value: object): void {
    const old = this.values.get(key);
    if (old !== undefined && old !== value) this.removed.push([key, 'replaced']);
    this.values.set(key, value);
    this.#drop(key);
    if (this.capacity === 0) this.weak.unshift(key);
    else this.#promote(key);
  }
  delete(key: number): boolean {
    if (!this.values.delete(key)) return false;
    this.#drop(key);
    this.removed.push([key, 'deleted']);
    return true;
  }
  clear(): void {
    for (const key of [...this.strong, ...this.weak]) this.removed.push([key, 'cleared']);
    this.values.clear();
    this.strong = [];
    this.weak = [];
  }
  resize(capacity: number): void {
    this.capacity = capacity;
    while (this.strong.length > capacity) this.weak.unshift(this.strong.pop()!);
  }
}

// Under the stress hosts' --gc-interval a seed takes about 40 s alone: 3 minutes leave room
// for a busy machine.
const SEED_TIMEOUT = 180_000;

describe('WeakCache against a model', () => {
  it.each([1, 2, 3, 4, 5])(
    'seed %i: 3000 random operations',
    (seed) => {
      const random = seededRandom(seed);
      const pick = (n: number) => Math.floor(random() * n);
      const pool = Array.from({ length: 8 }, (_, i) => ({ i }));
      const removed: [number, RemovalCause][] = [];
      const start = pick(4);
      const cache = new WeakCache<number, object>({
        strong: start,
        onRemove: (key, cause) => void removed.push([key, cause]),
      });
      const model = new Model(start);
      for (let step = 0; step < 3000; step++) {
        const key = pick(12);
        const value = pool[pick(pool.length)]!;
        const op = pick(10);
        const what = `step ${step}: op ${op} key ${key}`;
        if (op === 0) expect(cache.get(key), what).toBe(model.use(key));
        else if (op === 1) expect(cache.peek(key), what).toBe(model.values.get(key));
        else if (op === 2) expect(cache.has(key), what).toBe(model.values.has(key));
        else if (op <= 4) {
          cache.set(key, value);
          model.set(key, value);
        } else if (op === 5) expect(cache.delete(key), what).toBe(model.delete(key));
        else if (op === 6) {
          expect(cache.getOrInsert(key, value), what).toBe(model.getOrInsert(key, value));
        } else if (op === 7) {
          const expected = model.getOrInsert(key, value);
          expect(
            cache.getOrInsertComputed(key, () => value),
            what,
          ).toBe(expected);
        } else if (op === 8) {
          const capacity = pick(5);
          cache.strong = capacity;
          model.resize(capacity);
        } else if (pick(20) === 0) {
          cache.clear();
          model.clear();
        }
        expect([...cache.keys()], what).toEqual([...model.strong, ...model.weak]);
        expect([cache.size, cache.strongSize], what).toEqual([
          model.values.size,
          model.strong.length,
        ]);
        expect(removed, what).toEqual(model.removed);
      }
      expect([...cache]).toEqual(
        [...model.strong, ...model.weak].map((k) => [k, model.values.get(k)]),
      );
    },
    SEED_TIMEOUT,
  );
});
