import { SETTLE_TURNS } from './harness';

/** The four suites, in report order, with their headings. Each runs in its own process. */
export const SUITES = {
  'value-map': 'Weak-value maps (`WeakValueMap`)',
  'key-map': 'Weak-key maps (`WeakKeyMap`)',
  set: 'Iterable weak sets (`IterableWeakSet`)',
  ref: 'Weak references (`ref()`)',
  cache: 'Caches (`WeakCache`): the most recently used strong, the rest weak',
} as const;
export type Kind = keyof typeof SUITES;

/** Batches in a churn sample: collections are the slow part, a few batches of N are enough. */
export const CHURN_BATCHES = 3;
/** Timed passes per container read (get, has, walks) and round; the fastest counts. */
export const READ_PASSES = 3;
/** Dead entries in a reclaim sample (capped at N), and the turns it may take. */
export const DEAD = 1e4;
export const RECLAIM_TURNS = 1000;

interface OpInfo {
  /** The column heading (ns/op unless it names its unit), and where a suite's differs. */
  label: string;
  labels?: Partial<Record<Kind, string>>;
  /** One line in the report's legend. */
  explain: string;
}

/**
 * Everything a suite measures, in report order: the suites measure these, and the report's
 * headings and legend say them.
 */
// biome-ignore format: a table reads best as one
export const OPS = {
  set: { label: 'set', labels: { set: 'add' }, explain: 'new keys' },
  settle: { label: 'set→gc', labels: { set: 'add→gc' }, explain: `the first forced collection and its ${SETTLE_TURNS} cleanup turns after \`set\`, per entry: work a design defers out of \`set\` lands here` },
  evict: { label: 'set, strong N/10', explain: 'N new keys into a cache whose strong tier (lru-cache: `max`) holds N/10, so each set past N/10 moves the least recently used to the weak tier (lru-cache: evicts it)' },
  create: { label: 'create', explain: 'a ref to a new target' },
  get: { label: 'get', explain: 'hits (caches: hot hits, every entry strong)' },
  has: { label: 'has', explain: 'hits' },
  deref: { label: 'deref', explain: 'live refs' },
  replace: { label: 'replace', labels: { set: 're-add' }, explain: '`set` over existing keys (sets: `add` of members)' },
  delete: { label: 'delete', explain: 'existing keys' },
  iterate: { label: 'for…of', explain: '`for…of`, per entry' },
  values: { label: 'values()', explain: 'per entry' },
  keys: { label: 'keys()', explain: 'per entry' },
  entries: { label: 'entries()', explain: 'per entry' },
  forEach: { label: 'forEach', explain: 'per entry' },
  churn: { label: 'churn', explain: `${CHURN_BATCHES} batches of N writes whose weak part dies at once, each followed by a forced collection and ${SETTLE_TURNS} cleanup turns, all timed: where deferred or cleanup work shows` },
  reclaim: { label: 'reclaim ns/dead', explain: `from a full collection until D = min(N, ${DEAD}) dead entries are gone while N live ones (settled by an earlier collection) stay, per dead entry; flat across N means O(dead); \`never\` = not within ${RECLAIM_TURNS} turns` },
  memory: { label: 'B/entry', labels: { ref: 'B/ref' }, explain: 'heap bytes per entry after the first collection and its cleanup (keys and values are allocated before the baseline: only the structure counts)' },
} satisfies Record<string, OpInfo>;
export type Op = keyof typeof OPS;
export const OP_NAMES = Object.keys(OPS) as Op[];

/** The column heading of `op` in `kind`'s tables. */
export function labelOf(op: Op, kind: Kind): string {
  const info: OpInfo = OPS[op];
  return info.labels?.[kind] ?? info.label;
}
