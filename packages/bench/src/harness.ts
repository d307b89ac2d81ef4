import { setImmediate } from 'node:timers/promises';

/** Cleanup turns given after each forced collection in `settle` and `churn`. */
export const SETTLE_TURNS = 4;

/** Monotonic clock in nanoseconds. */
export function now(): number {
  return Number(process.hrtime.bigint());
}

/** Median of the samples (mean of the middle two for an even count); NaN if none. */
export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Ends the current macrotask. WHY: `new WeakRef` / `deref` keep their targets alive until
 * the task ends (and V8 aborts past ~2^24 of them), and cleanup callbacks only run between tasks.
 */
export function nextTurn(): Promise<void> {
  return setImmediate();
}

/** A full, forced collection. Needs `node --expose-gc`. */
export function fullGc(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run node with --expose-gc (global.gc is missing)');
  gc();
}

/** Ends the task (dropping the targets it kept), then collects. */
export async function collect(): Promise<void> {
  await nextTurn();
  fullGc();
}

/** `collect()`, then a fixed number of cleanup turns (the same for all). */
export async function collectAndSettle(): Promise<void> {
  await collect();
  for (let i = 0; i < SETTLE_TURNS; i++) await nextTurn();
}

/** `body(0)` … `body(times - 1)`, timed: the nanoseconds and the sum of the counts returned. */
export function timeEach(times: number, body: (i: number) => number | undefined) {
  let count = 0;
  const start = now();
  for (let i = 0; i < times; i++) count += body(i) ?? 0;
  return { ns: now() - start, count };
}

/** Heap bytes in use after two full collections (the second catches what the first's weak processing freed). */
export function heapAfterGc(): number {
  fullGc();
  fullGc();
  return process.memoryUsage().heapUsed;
}

/**
 * After a full collection, the turns (a yield each: cleanup runs between tasks) and nanoseconds
 * until `done()` holds; NaN nanoseconds if it still does not after `maxTurns`.
 */
export async function timeUntil(done: () => boolean, maxTurns: number) {
  await collect();
  const start = now();
  let turns = 0;
  for (; !done(); turns++) {
    if (turns === maxTurns) return { turns, ns: Number.NaN };
    await nextTurn();
  }
  return { turns, ns: now() - start };
}

/** `batches` times: `write()` then a collection and its cleanup turns, all timed (ns). */
export async function timeChurn(batches: number, write: () => void): Promise<number> {
  await collect();
  const start = now();
  for (let b = 0; b < batches; b++) {
    write();
    await collectAndSettle();
  }
  return now() - start;
}
