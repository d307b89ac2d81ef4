import { expect } from 'vitest';
import { seededRandom } from './seeded-random';

/**
 * Shared driver of the soak tests (`pnpm test:soak`: the `*.soak.ts` files in the packages'
 * test folders): many random operations in synchronous batches, with a forced collection, a
 * full check against the test's model and a heap measurement between batches.
 */

/** Operations per soak test: the `SOAK_OPS` environment variable, default 1e6. */
export const SOAK_OPS = readCount('SOAK_OPS', 1_000_000);

/** Operations between two forced collections (and checks). */
export const OPS_PER_CHECK = 10_000;

/**
 * How far the heap may sit above its baseline after a collection. The models keep at most a
 * few thousand objects alive; a leak of even 8 bytes per operation is 8 MB at 1e6.
 */
export const HEAP_MARGIN = 8 * 1024 * 1024;

/** The longest a soak stays silent: it prints a progress line at least this often. */
export const PROGRESS_EVERY_MS = 5_000;

/** The seed of a soak run: `SOAK_SEED`, or a fixed default, so a failure can be replayed. */
export const SOAK_SEED = readCount('SOAK_SEED', 20_260_101);

/** `collectGarbage` of `@w/core/testing`, passed in: this folder cannot resolve `@w/*`. */
export type CollectGarbage = () => Promise<void>;

/** Used heap bytes once a forced collection and its cleanup are done. */
export async function heapAfterCollection(collectGarbage: CollectGarbage): Promise<number> {
  await collectGarbage();
  return process.memoryUsage().heapUsed;
}

/** What a soak test drives: a synchronous step and a check that runs after each collection. */
export interface SoakSubject {
  /** One random operation. Synchronous, so nothing it drops stays alive in a suspended frame. */
  step(random: () => number, op: number): void;
  /** Compares the real object with the model; runs right after `collectGarbage()`. */
  check(): void;
  /** Drops everything the model keeps alive, so the final heap can go back to the baseline. */
  dropAll(): void;
}

/**
 * Runs `ops` random steps on `subject` in batches of `OPS_PER_CHECK`, each followed by a
 * forced collection, `subject.check()` and a heap check against the baseline taken before
 * the first step. At the end, drops everything and checks the heap once more.
 */
export async function soak(
  subject: SoakSubject,
  collectGarbage: CollectGarbage,
  ops = SOAK_OPS,
  seed = SOAK_SEED,
): Promise<void> {
  const random = seededRandom(seed);
  const report = progress();
  const baseline = await heapAfterCollection(collectGarbage);
  for (let done = 0; done < ops; ) {
    const batch = Math.min(OPS_PER_CHECK, ops - done);
    runBatch(subject, random, done, batch);
    done += batch;
    const heap = await heapAfterCollection(collectGarbage);
    report(`${done} of ${ops} operations, heap ${formatGrowth(heap - baseline)}`);
    const where = `seed ${seed}, after ${done} operations`;
    try {
      subject.check();
    } catch (error) {
      throw new Error(`${where}: ${(error as Error).message}`, { cause: error });
    }
    expectHeapNear(heap, baseline, where);
  }
  subject.dropAll();
  const heap = await heapAfterCollection(collectGarbage);
  subject.check();
  expectHeapNear(heap, baseline, `seed ${seed}, after dropping all`);
}

/**
 * A progress printer for the running soak test: `report(text)` writes
 * `[soak 12s] WeakValueMap: text` to stderr when `PROGRESS_EVERY_MS` have passed since the
 * last line (stderr, as Vitest would wrap each `console.log` in a header of its own).
 */
export function progress(): (text: string) => void {
  const name = expect.getState().currentTestName ?? 'soak';
  // Test names read `WeakValueMap: 1000000 random operations ...`: the part before the colon.
  const label = name.split(':')[0];
  const started = Date.now();
  let last = started;
  return (text) => {
    const now = Date.now();
    if (now - last < PROGRESS_EVERY_MS) return;
    last = now;
    const seconds = Math.round((now - started) / 1000);
    process.stderr.write(`[soak ${seconds}s] ${label}: ${text}\n`);
  };
}

/** Says what a long, silent step (a child process, a build) is about to do: `[soak] text`. */
export function announce(text: string): void {
  process.stderr.write(`[soak] ${text}\n`);
}

function formatGrowth(bytes: number): string {
  return `${bytes >= 0 ? '+' : ''}${(bytes / 2 ** 20).toFixed(1)} MB`;
}

/** Fails when `heap` is more than `HEAP_MARGIN` above `baseline`, in MB for a readable message. */
export function expectHeapNear(heap: number, baseline: number, where: string): void {
  const growthMb = (heap - baseline) / 2 ** 20;
  expect(growthMb, `heap growth in MB (${where})`).toBeLessThan(HEAP_MARGIN / 2 ** 20);
}

// Its own function: when it returns, whatever the steps dropped is unreachable.
function runBatch(subject: SoakSubject, random: () => number, first: number, count: number) {
  for (let op = first; op < first + count; op++) subject.step(random, op);
}

/** Yields one macrotask: the end of a job, which releases what `WeakRef`s kept alive in it. */

/** A uniformly random element of a non-empty array. */
export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/**
 * A set of ids with O(1) add, delete and uniform random pick (swap-remove on an array), for
 * models that keep thousands of objects alive.
 */
export class IdPool {
  readonly #ids: number[] = [];
  readonly #index = new Map<number, number>();

  get size(): number {
    return this.#ids.length;
  }

  has(id: number): boolean {
    return this.#index.has(id);
  }

  add(id: number): void {
    if (this.#index.has(id)) return;
    this.#index.set(id, this.#ids.length);
    this.#ids.push(id);
  }

  delete(id: number): boolean {
    const at = this.#index.get(id);
    if (at === undefined) return false;
    const last = this.#ids.pop()!;
    if (last !== id) {
      this.#ids[at] = last;
      this.#index.set(last, at);
    }
    this.#index.delete(id);
    return true;
  }

  /** A random id, or `undefined` when empty. */
  pick(random: () => number): number | undefined {
    return this.#ids.length === 0 ? undefined : pick(random, this.#ids);
  }

  values(): readonly number[] {
    return this.#ids;
  }

  clear(): void {
    this.#ids.length = 0;
    this.#index.clear();
  }
}

/** A positive integer from the environment variable `name`, or `fallback` when unset. */
export function readCount(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new TypeError(`${name} must be a positive integer, not ${JSON.stringify(raw)}`);
  }
  return value;
}
