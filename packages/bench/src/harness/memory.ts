import { fullGc } from './timing';

/** Heap bytes in use after a full collection: the baseline or end point of a memory sample. */
export function heapAfterGc(): number {
  fullGc();
  fullGc(); // a second pass catches what the first one's weak processing freed
  return process.memoryUsage().heapUsed;
}

/** Bytes per entry between two `heapAfterGc()` readings; negative noise is clamped to 0. */
export function bytesPerEntry(before: number, after: number, entries: number): number {
  return Math.max(0, after - before) / entries;
}
