import { SETTLE_TURNS } from './harness';
import type { Kind } from './kinds';

/** ns/op for timings, B/entry for memory, ns per dead entry for reclaim. */
export type Unit = 'ns/op' | 'B/entry' | 'ns/dead';

/** Batches in a churn sample: collections are the slow part, a few batches of N are enough. */
export const CHURN_BATCHES = 3;
/** Timed passes per read (get, has, deref, walks) and round; the fastest counts. */
export const READ_PASSES = 3;
/** Dead entries in a reclaim sample (capped at N), and the turns it may take. */
export const DEAD = 1e4;
export const RECLAIM_TURNS = 1000;

interface OpInfo {
  /** The column heading; `set` overrides it for sets (add), `ref` for refs. */
  label: string;
  label_set?: string;
  label_ref?: string;
  unit: Unit;
  /** One line in the report's legend. */
  explain: string;
}

/**
 * Everything a suite measures, in report order: the suites measure these, and the report's
 * headings and legend say them.
 */
export const OPS = {
  set: { label: 'set', label_set: 'add', unit: 'ns/op', explain: 'new keys' },
  settle: {
    label: 'set→gc',
    label_set: 'add→gc',
    unit: 'ns/op',
    explain: `the first forced collection and its ${SETTLE_TURNS} cleanup turns after \`set\`, per entry: work a design defers out of \`set\` lands here`,
  },
  create: { label: 'create', unit: 'ns/op', explain: 'a ref to a new target' },
  get: { label: 'get', unit: 'ns/op', explain: 'hits' },
  has: { label: 'has', unit: 'ns/op', explain: 'hits' },
  deref: { label: 'deref', unit: 'ns/op', explain: 'live refs' },
  replace: {
    label: 'replace',
    label_set: 're-add',
    unit: 'ns/op',
    explain: '`set` over existing keys (sets: `add` of members)',
  },
  delete: { label: 'delete', unit: 'ns/op', explain: 'existing keys' },
  iterate: { label: 'for…of', unit: 'ns/op', explain: '`for…of`, per entry' },
  values: { label: 'values()', unit: 'ns/op', explain: 'per entry' },
  keys: { label: 'keys()', unit: 'ns/op', explain: 'per entry' },
  forEach: { label: 'forEach', unit: 'ns/op', explain: 'per entry' },
  churn: {
    label: 'churn',
    unit: 'ns/op',
    explain: `${CHURN_BATCHES} batches of N writes whose weak part dies at once, each followed by a forced collection and ${SETTLE_TURNS} cleanup turns, all timed: where deferred or cleanup work shows`,
  },
  reclaim: {
    label: 'reclaim ns/dead',
    unit: 'ns/dead',
    explain: `from a full collection until D = min(N, ${DEAD}) dead entries are gone while N live ones (settled by an earlier collection) stay, per dead entry; flat across N means O(dead); \`never\` = not within ${RECLAIM_TURNS} turns`,
  },
  memory: {
    label: 'B/entry',
    label_ref: 'B/ref',
    unit: 'B/entry',
    explain:
      'heap bytes per entry after the first collection and its cleanup (keys and values are allocated before the baseline: only the structure counts)',
  },
} satisfies Record<string, OpInfo>;
export type Op = keyof typeof OPS;
export const OP_NAMES = Object.keys(OPS) as Op[];

/** The column heading of `op` in `kind`'s tables. */
export function labelOf(op: Op, kind: Kind): string {
  const info: OpInfo = OPS[op];
  return (
    (kind === 'set' ? info.label_set : kind === 'ref' ? info.label_ref : undefined) ?? info.label
  );
}
