// The suites' kinds: what ops and subjects both name their tables by.
/** The four suites, in report order, with their headings. Each runs in its own process. */
export const SUITES = {
  'value-map': 'Weak-value maps (`WeakValueMap`)',
  'key-map': 'Weak-key maps (`WeakKeyMap`)',
  set: 'Iterable weak sets (`IterableWeakSet`)',
  ref: 'Weak references (`ref()`)',
} as const;
export type Kind = keyof typeof SUITES;
