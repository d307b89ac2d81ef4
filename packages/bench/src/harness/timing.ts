import { setImmediate as nextImmediate } from 'node:timers/promises';

/** Monotonic clock in nanoseconds (as a float, precise enough for runs of > 1 µs). */
export function now(): number {
  return Number(process.hrtime.bigint());
}

/** Median of the samples (mean of the middle two for an even count). */
export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/**
 * Ends the current macrotask. WHY: `new WeakRef` / `deref` keep their targets alive until
 * the task ends (and V8 aborts past ~2^24 of them), and cleanup callbacks only run between tasks.
 */
export function nextTurn(): Promise<void> {
  return nextImmediate();
}

/** A full, forced collection. Needs `node --expose-gc`. */
export function fullGc(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run node with --expose-gc (global.gc is missing)');
  gc();
}

/**
 * Collects, then gives pending FinalizationRegistry callbacks a fixed number of turns
 * (V8 cleans one registry per task). Fixed, so every subject pays the same waiting.
 */
export async function collectAndSettle(turns = 4): Promise<void> {
  await nextTurn();
  fullGc();
  for (let i = 0; i < turns; i++) await nextTurn();
}

/** Runs `work` once and returns its duration in nanoseconds. */
export function timeOnce(work: () => void): number {
  const start = now();
  work();
  return now() - start;
}

/** Awaits `work` once and returns its duration in nanoseconds. */
export async function timeAsync(work: () => Promise<void>): Promise<number> {
  const start = now();
  await work();
  return now() - start;
}
