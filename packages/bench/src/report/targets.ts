import type { Measurement, Op } from '../suites/result';

/** A goal from the tracker (issue 6): `subject`'s `op` against a reference or a byte budget. */
export interface Target {
  subject: string;
  op: Op;
  /** The subject whose same op is the yardstick; absent for a plain budget (memory). */
  against?: string;
  /** Max ratio (with `against`) or max value (B/entry without it). */
  max: number;
}

const VALUE_FLOOR = 'floor: Map+WeakRef+FR';
const SET_FLOOR = 'floor: WeakMap+Set<WeakRef>+FR';

export const TARGETS: readonly Target[] = [
  { subject: 'WeakValueMap (ours)', op: 'set', against: '@cspell/strong-weak-map', max: 1 },
  { subject: 'WeakValueMap (ours)', op: 'replace', against: '@cspell/strong-weak-map', max: 1 },
  { subject: 'WeakValueMap (ours)', op: 'get', against: VALUE_FLOOR, max: 1.2 },
  { subject: 'WeakValueMap (ours)', op: 'memory', max: 100 },
  { subject: 'WeakKeyMap (ours)', op: 'set', against: SET_FLOOR, max: 0.5 },
  { subject: 'WeakKeyMap (ours)', op: 'get', against: 'WeakMap', max: 1.2 },
  { subject: 'WeakKeyMap (ours)', op: 'has', against: 'WeakMap', max: 1.2 },
  { subject: 'WeakKeyMap (ours)', op: 'iterate', against: SET_FLOOR, max: 1.2 },
  { subject: 'WeakKeyMap (ours)', op: 'memory', max: 150 },
  { subject: 'IterableWeakSet (ours)', op: 'set', against: SET_FLOOR, max: 0.5 },
  { subject: 'IterableWeakSet (ours)', op: 'has', against: 'WeakSet', max: 1.2 },
  { subject: 'IterableWeakSet (ours)', op: 'iterate', against: SET_FLOOR, max: 1.2 },
  { subject: 'IterableWeakSet (ours)', op: 'memory', max: 150 },
  { subject: 'ref(o) (ours)', op: 'create', against: 'new WeakRef(o)', max: 1.2 },
  {
    subject: 'ref(o, cb) (ours)',
    op: 'create',
    against: 'floor: WeakRef + register(o, ref)',
    max: 1.5,
  },
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
