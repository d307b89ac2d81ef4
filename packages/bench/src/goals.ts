import type { CleanupRow } from './measure/cleanup';
import type { Measurement } from './measure/record';
import type { Op } from './ops';
import { NAMES } from './subjects';

/** A goal of issue 14: `subject`'s `op` at most `max` times `against`'s, at every size. */
export interface Goal {
  subject: string;
  op: Op;
  /** The yardstick subject (same suite, same size), or SMALLEST_N: itself at the smallest size. */
  against: string;
  max: number;
}

/** The yardstick of a cost that must not grow with N (reclaim is O(dead)). */
export const SMALLEST_N = 'itself at the smallest N';

const WALK_OPS = ['iterate', 'values', 'keys', 'forEach'] as const;

export const GOALS: readonly Goal[] = [
  { subject: NAMES.valueMap, op: 'set', against: NAMES.lazy, max: 1.1 },
  { subject: NAMES.valueMap, op: 'replace', against: NAMES.lazy, max: 1.2 },
  { subject: NAMES.valueMap, op: 'get', against: NAMES.lazy, max: 1.05 },
  ...WALK_OPS.map((op) => ({ subject: NAMES.valueMap, op, against: NAMES.lazy, max: 1.1 })),
  // D dead entries among N live ones: flat across N, within this machine's noise.
  { subject: NAMES.valueMap, op: 'reclaim', against: SMALLEST_N, max: 2 },
  { subject: NAMES.valueMap, op: 'memory', against: NAMES.valueMapMinimum, max: 1 },
  { subject: NAMES.keyMap, op: 'set', against: 'WeakMap', max: 3 },
  { subject: NAMES.keyMap, op: 'get', against: 'WeakMap', max: 1.1 },
  { subject: NAMES.keyMap, op: 'has', against: 'WeakMap', max: 1.1 },
  { subject: NAMES.keyMap, op: 'memory', against: NAMES.keyMapMinimum, max: 1 },
  { subject: NAMES.set, op: 'set', against: 'WeakSet', max: 3 },
  { subject: NAMES.set, op: 'has', against: 'WeakSet', max: 1.1 },
  { subject: NAMES.set, op: 'memory', against: NAMES.keyMapMinimum, max: 1 },
  { subject: NAMES.ref, op: 'create', against: NAMES.reusedRef, max: 1.1 },
  { subject: NAMES.ref, op: 'memory', against: NAMES.reusedRef, max: 1 },
  { subject: NAMES.callbackRef, op: 'create', against: NAMES.callbackRefMinimum, max: 1.2 },
  { subject: NAMES.callbackRef, op: 'memory', against: NAMES.callbackRefMinimum, max: 1 },
  // Issue 21: WeakCache against lru-cache (a strong-only LRU) and weak-lru-cache.
  { subject: NAMES.cache, op: 'get', against: NAMES.lruCache, max: 1.3 },
  { subject: NAMES.cache, op: 'set', against: NAMES.lruCache, max: 1.3 },
  { subject: NAMES.cache, op: 'evict', against: NAMES.lruCache, max: 2.5 },
  ...(['set', 'get', 'evict'] as const).map((op) => ({
    subject: NAMES.cache,
    op,
    against: NAMES.weakLruCache,
    max: 1,
  })),
];

/**
 * `goal` at every size of `measurements` that has its subject: the ratio (NaN if a side is
 * missing) and whether it is within the goal (undefined if not known).
 */
export function checkGoal(goal: Goal, measurements: readonly Measurement[]) {
  const find = (subject: string, n: number) =>
    measurements.find((m) => m.subject === subject && m.op === goal.op && m.n === n);
  const sizes = [
    ...new Set(measurements.filter((m) => m.subject === goal.subject).map((m) => m.n)),
  ].sort((a, b) => a - b);
  return sizes.map((n) => {
    const yardstick = find(
      goal.against === SMALLEST_N ? goal.subject : goal.against,
      goal.against === SMALLEST_N ? sizes[0]! : n,
    );
    const ratio = (find(goal.subject, n)?.value ?? Number.NaN) / (yardstick?.value ?? Number.NaN);
    return { n, ratio, met: Number.isFinite(ratio) ? ratio <= goal.max : undefined };
  });
}

/** A goal of issue 11 for each of our containers, read at the most containers measured (K). */
export interface CleanupGoal {
  label(k: number): string;
  max: number;
  unit: string;
  actual(rows: readonly CleanupRow[], k: number): number;
}

const at = (rows: readonly CleanupRow[], k: number) => rows.find((r) => r.containers === k);

export const CLEANUP_GOALS: readonly CleanupGoal[] = [
  {
    // "within a small constant number of macrotasks, independent of how many containers exist"
    label: (k) => `cleanup turns with ${k} live containers ÷ with 1`,
    max: 2,
    unit: '×',
    actual: (rows, k) =>
      (at(rows, k)?.turns ?? Number.NaN) / Math.max(1, at(rows, 1)?.turns ?? Number.NaN),
  },
  {
    label: (k) => `\`collectGarbage()\` with ${k} live containers`,
    max: 250,
    unit: ' ms',
    actual: (rows, k) => at(rows, k)?.collectMs ?? Number.NaN,
  },
];
