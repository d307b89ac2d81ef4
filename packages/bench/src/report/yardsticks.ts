import { CALLBACK_REF_FLOOR, REUSED_REF_FLOOR } from '../subjects/floors';
import type { Measurement, Op } from '../suites/result';

/** What one of our measurements is compared with. */
export interface Yardsticks {
  /** The built-in (not weak-iterable): the speed of light. */
  native?: Measurement;
  /** The minimal correct hand-written design. */
  floor?: Measurement;
  /** `Map<K, WeakRef>` without a registry, and the plain loop over it (value maps). */
  lazy?: Measurement;
  /** The fastest npm peer without a known bug. */
  bestPeer?: Measurement;
}

// Where a suite has several floors, the one each of ours is held to.
const FLOOR_OF: Record<string, string> = {
  'ref(o) (ours)': REUSED_REF_FLOOR,
  'ref(o, cb) (ours)': CALLBACK_REF_FLOOR,
};

/**
 * The yardsticks for `ours`'s `op` among `rows` (one suite, one size); subjects that never
 * finished don't count.
 */
export function yardsticksFor(rows: readonly Measurement[], op: Op, ours?: string): Yardsticks {
  const byRole = (role: Measurement['role']) =>
    rows.filter((m) => m.role === role && m.op === op && !Number.isNaN(m.value));
  const floorName = ours === undefined ? undefined : FLOOR_OF[ours];
  const floors = byRole('floor');
  return {
    native: byRole('native')[0],
    floor: floorName === undefined ? floors[0] : floors.find((m) => m.subject === floorName),
    lazy: byRole('lazy')[0],
    bestPeer: byRole('peer').sort((a, b) => a.value - b.value)[0],
  };
}
