import {
  CALLBACK_REF_FLOOR,
  KEY_MAP_FLOOR,
  LAZY_MAP,
  REUSED_REF_FLOOR,
  VALUE_MAP_FLOOR,
} from '../subjects/floors';
import type { Measurement, Op } from '../suites/result';

/** A goal from the tracker: `subject`'s `op` against a reference or a byte budget. */
export interface Target {
  subject: string;
  op: Op;
  /** The subject whose same op is the yardstick; absent for a plain budget (memory). */
  against?: string;
  /** Max ratio (with `against`) or max value (B/entry without it). */
  max: number;
}

const VALUE_MAP = 'WeakValueMap (ours)';
const KEY_MAP = 'WeakKeyMap (ours)';
const SET = 'IterableWeakSet (ours)';

/** The goals of issue 14, at one size (memory: never above the floor's bytes per entry). */
export const TARGETS: readonly Target[] = [
  { subject: VALUE_MAP, op: 'set', against: LAZY_MAP, max: 1.1 },
  { subject: VALUE_MAP, op: 'replace', against: LAZY_MAP, max: 1.2 },
  { subject: VALUE_MAP, op: 'get', against: LAZY_MAP, max: 1.05 },
  ...(['iterate', 'values', 'keys', 'forEach'] as const).map(
    (op): Target => ({ subject: VALUE_MAP, op, against: LAZY_MAP, max: 1.1 }),
  ),
  { subject: VALUE_MAP, op: 'memory', against: VALUE_MAP_FLOOR, max: 1 },
  { subject: KEY_MAP, op: 'set', against: 'WeakMap', max: 3 },
  { subject: KEY_MAP, op: 'get', against: 'WeakMap', max: 1.1 },
  { subject: KEY_MAP, op: 'has', against: 'WeakMap', max: 1.1 },
  { subject: KEY_MAP, op: 'memory', against: KEY_MAP_FLOOR, max: 1 },
  { subject: SET, op: 'set', against: 'WeakSet', max: 3 },
  { subject: SET, op: 'has', against: 'WeakSet', max: 1.1 },
  { subject: SET, op: 'memory', against: KEY_MAP_FLOOR, max: 1 },
  { subject: 'ref(o) (ours)', op: 'create', against: REUSED_REF_FLOOR, max: 1.1 },
  { subject: 'ref(o, cb) (ours)', op: 'create', against: CALLBACK_REF_FLOOR, max: 1.2 },
];

/** A target checked against one run. */
export interface TargetCheck {
  target: Target;
  n: number;
  /** Ratio (or B/entry for a budget); NaN if a side is missing. */
  actual: number;
  met: boolean | undefined;
}

/** Checks every target at size `n` (the same suite holds both sides of a ratio). */
export function checkTargets(measurements: readonly Measurement[], n: number): TargetCheck[] {
  const find = (subject: string, op: Op) =>
    measurements.find((m) => m.subject === subject && m.op === op && m.n === n);
  return TARGETS.map((target) => {
    const mine = find(target.subject, target.op);
    const yardstick = target.against === undefined ? undefined : find(target.against, target.op);
    const actual =
      mine === undefined
        ? Number.NaN
        : target.against === undefined
          ? mine.value
          : mine.value / (yardstick?.value ?? Number.NaN);
    return { target, n, actual, met: Number.isNaN(actual) ? undefined : actual <= target.max };
  });
}
