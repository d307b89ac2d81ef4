import type { Measurement, Op } from '../suites/result';

/** What one of our measurements is compared with: the built-in, the floor, the best peer. */
export interface Yardsticks {
  native?: Measurement;
  floor?: Measurement;
  bestPeer?: Measurement;
}

/** The yardsticks for `op` among `rows` (one suite, one size); peers that never finished don't count. */
export function yardsticksFor(rows: readonly Measurement[], op: Op): Yardsticks {
  const byRole = (role: Measurement['role']) =>
    rows.filter((m) => m.role === role && m.op === op && !Number.isNaN(m.value));
  return {
    native: byRole('native')[0],
    floor: byRole('floor')[0],
    bestPeer: byRole('peer').sort((a, b) => a.value - b.value)[0],
  };
}
