import type { CleanupRow } from './measure/cleanup';
import type { Measurement } from './measure/record';
import type { Op } from './ops';
import { NAMES, SUBJECTS } from './subjects';

/** A goal (issues 14, 21, 24): `subject`'s `op` at most `max` times `against`'s, at every size. */
export interface Goal {
  subject: string;
  op: Op;
  /**
   * The yardstick: a subject of the same suite, measured at the same size; SMALLEST_N (itself
   * at the smallest size); or BEST_PEER (the fastest correct peer at that size).
   */
  against: string;
  max: number;
}

/** The yardstick of a cost that must not grow with N (reclaim is O(dead)). */
export const SMALLEST_N = 'itself at the smallest N';
/** The yardstick "ahead of every correct peer": the lowest figure of a `peer` row (never a flawed one). */
export const BEST_PEER = 'the best correct peer';

const WALK_OPS = ['iterate', 'values', 'keys', 'entries', 'forEach'] as const;
const walks = (subject: string, against: string) =>
  WALK_OPS.map((op) => ({ subject, op, against, max: 1.1 }));

/** Every op of ours that a correct peer of its suite also measures: at most the best peer's. */
const aheadOfPeers = (): Goal[] =>
  SUBJECTS.filter((ours) => ours.role === 'ours').flatMap((ours) =>
    ours.ops
      .filter((op) =>
        SUBJECTS.some((s) => s.role === 'peer' && s.kind === ours.kind && s.ops.includes(op)),
      )
      .map((op) => ({ subject: ours.name, op, against: BEST_PEER, max: 1 })),
  );

export const GOALS: readonly Goal[] = [
  { subject: NAMES.valueMap, op: 'set', against: NAMES.lazy, max: 1.1 },
  { subject: NAMES.valueMap, op: 'replace', against: NAMES.lazy, max: 1.2 },
  { subject: NAMES.valueMap, op: 'get', against: NAMES.lazy, max: 1.05 },
  // Issue 24: the walks of all three containers at the plain loop (value map) or the minimum.
  ...walks(NAMES.valueMap, NAMES.lazy),
  // D dead entries among N live ones: flat across N, within this machine's noise.
  { subject: NAMES.valueMap, op: 'reclaim', against: SMALLEST_N, max: 2 },
  { subject: NAMES.valueMap, op: 'memory', against: NAMES.valueMapMinimum, max: 1 },
  // Issue 24 names weak-lru-cache (a flawed peer, so never the best correct one) for these.
  { subject: NAMES.valueMap, op: 'get', against: NAMES.weakLruValueMap, max: 1 },
  { subject: NAMES.valueMap, op: 'replace', against: NAMES.weakLruValueMap, max: 1 },
  { subject: NAMES.keyMap, op: 'set', against: 'WeakMap', max: 3 },
  { subject: NAMES.keyMap, op: 'get', against: 'WeakMap', max: 1.5 },
  { subject: NAMES.keyMap, op: 'has', against: 'WeakMap', max: 1.1 },
  { subject: NAMES.keyMap, op: 'memory', against: NAMES.keyMapMinimum, max: 1 },
  ...walks(NAMES.keyMap, NAMES.keyMapMinimum),
  { subject: NAMES.set, op: 'set', against: 'WeakSet', max: 3 },
  { subject: NAMES.set, op: 'has', against: 'WeakSet', max: 1.1 },
  { subject: NAMES.set, op: 'memory', against: NAMES.keyMapMinimum, max: 1 },
  ...walks(NAMES.set, NAMES.keyMapMinimum),
  { subject: NAMES.ref, op: 'create', against: NAMES.reusedRef, max: 1.1 },
  { subject: NAMES.ref, op: 'memory', against: NAMES.reusedRef, max: 1 },
  { subject: NAMES.callbackRef, op: 'create', against: NAMES.callbackRefMinimum, max: 1.2 },
  { subject: NAMES.callbackRef, op: 'memory', against: NAMES.callbackRefMinimum, max: 1 },
  // Issue 21: WeakCache against lru-cache (a strong-only LRU) and weak-lru-cache, and against
  // the minimum (lru-cache + a weak tier): what a demotion's WeakRef and registration cost.
  { subject: NAMES.cache, op: 'get', against: NAMES.lruCache, max: 1.3 },
  { subject: NAMES.cache, op: 'set', against: NAMES.lruCache, max: 1.3 },
  { subject: NAMES.cache, op: 'evict', against: NAMES.lruCache, max: 2.5 },
  { subject: NAMES.cache, op: 'get', against: NAMES.cacheMinimum, max: 1.1 },
  { subject: NAMES.cache, op: 'set', against: NAMES.cacheMinimum, max: 1.1 },
  { subject: NAMES.cache, op: 'evict', against: NAMES.cacheMinimum, max: 1.2 },
  ...(['set', 'get', 'evict'] as const).map((op) => ({
    subject: NAMES.cache,
    op,
    against: NAMES.weakLruCache,
    max: 1,
  })),
  // Issue 24: ahead of every correct peer on every op they both measure.
  ...aheadOfPeers(),
];

/**
 * The fastest correct peer's `op` among `measurements` (one suite, one size); subjects that
 * never finished (NaN) don't count.
 */
export function bestPeer(measurements: readonly Measurement[], op: Op): Measurement | undefined {
  return measurements
    .filter((m) => m.role === 'peer' && m.op === op && !Number.isNaN(m.value))
    .sort((a, b) => a.value - b.value)[0];
}

/** One size of a goal: the ratio (NaN if a side is missing), the yardstick's name, and whether it is met. */
export interface GoalCheck {
  n: number;
  ratio: number;
  /** The yardstick subject measured (for BEST_PEER, which peer it was). */
  yardstick?: string;
  /** Undefined when a side was not measured. */
  met: boolean | undefined;
}

/** `goal` at every size of `measurements` that has its subject, in its subject's suite. */
export function checkGoal(goal: Goal, measurements: readonly Measurement[]): GoalCheck[] {
  const suite = measurements.find((m) => m.subject === goal.subject)?.suite;
  // Two suites can share a subject name (the key map's and the set's minimum).
  const mine = measurements.filter((m) => m.suite === suite && m.op === goal.op);
  const find = (subject: string, n: number) => mine.find((m) => m.subject === subject && m.n === n);
  const sizes = [
    ...new Set(measurements.filter((m) => m.subject === goal.subject).map((m) => m.n)),
  ].sort((a, b) => a - b);
  return sizes.map((n) => {
    const yardstick =
      goal.against === SMALLEST_N
        ? find(goal.subject, sizes[0]!)
        : goal.against === BEST_PEER
          ? bestPeer(
              mine.filter((m) => m.n === n),
              goal.op,
            )
          : find(goal.against, n);
    const ratio = (find(goal.subject, n)?.value ?? Number.NaN) / (yardstick?.value ?? Number.NaN);
    return {
      n,
      ratio,
      ...(yardstick && { yardstick: yardstick.subject }),
      met: Number.isFinite(ratio) ? ratio <= goal.max : undefined,
    };
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
