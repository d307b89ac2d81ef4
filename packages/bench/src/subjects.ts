import { createRequire } from 'node:module';
import { compileLoops, type LoopFamily, type Loops } from './loops';
import {
  droppableCallbackRef,
  MinimumCache,
  MinimumKeyMap,
  MinimumValueMap,
  MinimumWeakSet,
  reusedRef,
} from './minimum-designs';
import type { Kind, Op } from './ops';

export { type Kind, SUITES } from './ops';

/** What a subject is for; `ratio` is the heading of the column that divides ours by it. */
// biome-ignore format: a table reads best as one
export const ROLES = {
  ours: { ratio: undefined, explain: 'our packages, loaded from their `dist/`' },
  floor: { ratio: '× floor', explain: 'the built-in (`Map`, `WeakMap`, `WeakSet`, `new WeakRef`; for caches, lru-cache 11, a strong-only LRU): not weak, the speed of light' },
  minimum: { ratio: '× minimum', explain: "the minimum design: the least a correct design does with today's primitives, hand-written bare (`src/minimum-designs.ts`; for caches, lru-cache whose evictions move to a `Map<K, WeakRef>` tier)" },
  lazy: { ratio: '× lazy', explain: '`Map<K, WeakRef>` with no registry (the `@cspell/strong-weak-map` design, bare): the fastest a value map can be, and it never reclaims an untouched dead entry. A yardstick, not a design; its walks are the plain loops our iteration is held to' },
  peer: { ratio: '× best correct peer', explain: 'an npm library (exact versions in package.json)' },
  'flawed peer': { ratio: undefined, explain: 'an npm library with a known bug (in the notes): shown, but never the best peer' },
} as const;
export type Role = keyof typeof ROLES;

/** One subject: what it is, which loops time it, what it measures, and how to make one. */
export interface SubjectRow {
  name: string;
  role: Role;
  kind: Kind;
  loops: LoopFamily;
  ops: readonly Op[];
  /**
   * Loads the library; the factory returns a container, or a ref context (`make(target)`).
   * `capacity`: a cache's strong size (lru-cache's `max`), from the cache suite.
   */
  load(): Promise<(counter: { fired: number; capacity?: number }) => unknown>;
  /** Ours only: the minimum design it is held to, when its suite has several. */
  minimum?: string;
  note?: string;
}

// Op lists: every container writes, reads `has`, churns and weighs; the rest is per row.
const WRITES: Op[] = ['set', 'settle', 'has', 'replace', 'delete', 'churn', 'memory'];
const WALKS: Op[] = ['values', 'keys', 'entries', 'forEach'];
const MAP_OPS: Op[] = [...WRITES, 'get', 'iterate', 'reclaim'];
const SET_OPS: Op[] = [...WRITES, 'iterate', 'reclaim', ...WALKS];
const REF_OPS: Op[] = ['create', 'deref', 'churn', 'memory'];
const CACHE_OPS: Op[] = ['set', 'get', 'evict'];

/** Subject names the goals refer to. */
export const NAMES = {
  valueMap: 'WeakValueMap (ours)',
  keyMap: 'WeakKeyMap (ours)',
  set: 'IterableWeakSet (ours)',
  ref: 'ref(o) (ours)',
  callbackRef: 'ref(o, cb) (ours)',
  lazy: 'lazy: Map<K, WeakRef>',
  valueMapMinimum: 'minimum: Map+WeakRef+FR',
  weakLruValueMap: 'weak-lru-cache (expirer off)',
  keyMapMinimum: 'minimum: WeakMap+Set<WeakRef>+FR',
  reusedRef: 'minimum: WeakRef reused via WeakMap',
  callbackRefMinimum: 'minimum: WeakRef + register(o, WeakRef(ref))',
  cache: 'WeakCache (ours)',
  cacheMinimum: 'minimum: lru-cache + Map<K, WeakRef> tier',
  lruCache: 'lru-cache',
  weakLruCache: 'weak-lru-cache',
} as const;

const built =
  <T>(make: () => T) =>
  async () =>
    make;

/** Every subject of every suite: adding a library or a yardstick is one row here. */
// biome-ignore format: a table reads best as one
export const SUBJECTS: readonly SubjectRow[] = [
  { kind: 'value-map', role: 'floor', name: 'Map (strong)', loops: 'map', ops: [...WRITES, 'get', 'iterate'],
    load: built(() => new Map()) },
  { kind: 'value-map', role: 'minimum', name: NAMES.valueMapMinimum, loops: 'map', ops: MAP_OPS,
    load: built(() => new MinimumValueMap()) },
  { kind: 'value-map', role: 'lazy', name: NAMES.lazy, loops: 'lazy', ops: [...MAP_OPS, ...WALKS],
    load: built(() => new Map()),
    note: 'no registry, so a dead entry stays until something meets it: `reclaim` is `never` by design' },
  { kind: 'value-map', role: 'ours', name: NAMES.valueMap, loops: 'map', ops: [...MAP_OPS, ...WALKS],
    load: async () => { const m = await import('@w/weak-value-map'); return () => new m.WeakValueMap(); } },
  { kind: 'value-map', role: 'flawed peer', name: 'weakref WeakValueMap', loops: 'map', ops: MAP_OPS,
    load: async () => { const m = await import('weakref'); return () => new m.WeakValueMap(); },
    note: 'weakref@0.2.5: cleanup deletes its key blindly, so a key re-set before the old value’s cleanup ran loses its new value' },
  { kind: 'value-map', role: 'flawed peer', name: '@cspell/strong-weak-map', loops: 'map', ops: MAP_OPS,
    load: async () => { const m = await import('@cspell/strong-weak-map'); return () => new m.StrongWeakMap(); },
    note: '9.8.0 (10.x needs Node ≥ 22.18): no FinalizationRegistry, so dead entries stay (and count in size) until get() meets them' },
  { kind: 'value-map', role: 'flawed peer', name: NAMES.weakLruValueMap, loops: 'lru', ops: [...WRITES, 'get', 'reclaim'],
    load: async () => { const m = await import('weak-lru-cache'); return () => new m.WeakLRUCache({ expirer: false }); },
    note: '1.2.2 with `expirer: false`, setValue/getValue: registers without an unregister token, so replaced values leave registrations behind; its iteration counts dead entries, so none is timed' },

  { kind: 'key-map', role: 'floor', name: 'WeakMap', loops: 'key-map', ops: [...WRITES, 'get'],
    load: built(() => new WeakMap()) },
  { kind: 'key-map', role: 'minimum', name: NAMES.keyMapMinimum, loops: 'key-map', ops: [...MAP_OPS, ...WALKS],
    load: built(() => new MinimumKeyMap()) },
  { kind: 'key-map', role: 'ours', name: NAMES.keyMap, loops: 'key-map', ops: [...MAP_OPS, ...WALKS],
    load: async () => { const m = await import('@w/weak-key-map'); return () => new m.WeakKeyMap(); } },
  { kind: 'key-map', role: 'peer', name: 'weakref IterableWeakMap', loops: 'key-map', ops: [...MAP_OPS, ...WALKS],
    load: async () => { const m = await import('weakref'); return () => new m.IterableWeakMap(); } },
  { kind: 'key-map', role: 'flawed peer', name: 'iterable-weak IterableWeakMap', loops: 'key-map', ops: MAP_OPS,
    load: async () => { const m = await iterableWeak(); return () => new m.IterableWeakMap(); },
    note: 'iterable-weak@1.0.4: Map<WeakRef<K>, V>, so a value that refers to its own key keeps it alive forever' },

  { kind: 'set', role: 'floor', name: 'WeakSet', loops: 'set', ops: WRITES,
    load: built(() => new WeakSet()) },
  { kind: 'set', role: 'minimum', name: NAMES.keyMapMinimum, loops: 'set', ops: SET_OPS,
    load: built(() => new MinimumWeakSet()) },
  { kind: 'set', role: 'ours', name: NAMES.set, loops: 'set', ops: SET_OPS,
    load: async () => { const m = await import('@w/weak-set'); return () => new m.IterableWeakSet(); } },
  { kind: 'set', role: 'peer', name: 'weakref IterableWeakSet', loops: 'set', ops: SET_OPS,
    load: async () => { const m = await import('weakref'); return () => new m.IterableWeakSet(); } },
  { kind: 'set', role: 'peer', name: 'iterable-weak IterableWeakSet', loops: 'set', ops: SET_OPS,
    load: async () => { const m = await iterableWeak(); return () => new m.IterableWeakSet(); } },

  // refs: the factory returns the context whose `make(target)` the loops call
  { kind: 'ref', role: 'floor', name: 'new WeakRef(o)', loops: 'ref', ops: REF_OPS,
    load: built(() => ({ make: (target: object) => new WeakRef(target) })) },
  { kind: 'ref', role: 'minimum', name: NAMES.reusedRef, loops: 'ref', ops: REF_OPS,
    load: async () => reusedRef },
  { kind: 'ref', role: 'minimum', name: NAMES.callbackRefMinimum, loops: 'ref', ops: [...REF_OPS, 'reclaim'],
    load: async () => droppableCallbackRef },
  { kind: 'ref', role: 'ours', name: NAMES.ref, loops: 'ref', ops: REF_OPS, minimum: NAMES.reusedRef,
    load: async () => { const m = await import('@w/ref'); return () => ({ make: (o: object) => m.ref(o) }); } },
  { kind: 'ref', role: 'ours', name: NAMES.callbackRef, loops: 'ref', ops: [...REF_OPS, 'reclaim'], minimum: NAMES.callbackRefMinimum,
    load: async () => { const m = await import('@w/ref'); return (counter) => {
      const callback = () => { counter.fired++; }; // one for all refs, as the minimum has
      return { make: (o: object) => m.ref(o, callback) };
    } } },

  // caches: the factory takes the strong size as `capacity`
  { kind: 'cache', role: 'floor', name: NAMES.lruCache, loops: 'map', ops: CACHE_OPS,
    load: async () => { const m = await import('lru-cache'); return ({ capacity = 1 }) => new m.LRUCache<number, object>({ max: capacity }); },
    note: 'lru-cache 11.5.3 with `max` = the strong size: evicts instead of holding weakly' },
  { kind: 'cache', role: 'minimum', name: NAMES.cacheMinimum, loops: 'map', ops: CACHE_OPS,
    // lru-cache's CommonJS build: a copy of its class of its own, so the floor row's use of
    // the ESM one leaves this row's call sites inside lru-cache monomorphic (and the reverse).
    load: async () => { const m: typeof import('lru-cache') = createRequire(import.meta.url)('lru-cache'); return ({ capacity = 1 }) => new MinimumCache<number, object>(m.LRUCache, capacity); } },
  { kind: 'cache', role: 'ours', name: NAMES.cache, loops: 'map', ops: CACHE_OPS,
    load: async () => { const m = await import('@w/cache'); return ({ capacity = 1 }) => new m.WeakCache({ strong: capacity }); } },
  { kind: 'cache', role: 'flawed peer', name: NAMES.weakLruCache, loops: 'lru', ops: CACHE_OPS,
    load: async () => { const m = await import('weak-lru-cache'); return ({ capacity = 1 }) => new m.WeakLRUCache({ expirer: new m.LRFUExpirer({ lruSize: Math.max(1, capacity >> 2) }) }); },
    note: '1.2.2 with its default LRFU expirer, one per cache, sized to the strong size (4 LRUs of N/4), setValue/getValue: its WeakRefs pin values inside a synchronous loop (its issue #4), and `expirationPriority = -1` grows until out of memory (#3)' },
];

async function iterableWeak(): Promise<typeof import('iterable-weak')> {
  const module = await import('iterable-weak');
  return (module.default ?? module) as typeof import('iterable-weak');
}

/** A subject ready to run in this process: its factory and its own fresh loop copies. */
export interface Subject extends SubjectRow {
  make(counter: { fired: number; capacity?: number }): unknown;
  loop: Loops;
}

/** Loads `kind`'s subjects; one that cannot load is left out with a note (build ours first). */
export async function loadSubjects(
  kind: Kind,
  rows: readonly SubjectRow[] = SUBJECTS,
): Promise<{ subjects: Subject[]; notes: string[] }> {
  const subjects: Subject[] = [];
  const notes: string[] = [];
  for (const row of rows.filter((r) => r.kind === kind)) {
    try {
      subjects.push({ ...row, make: await row.load(), loop: compileLoops(row.loops) });
      if (row.note) notes.push(`${row.name}: ${row.note}`);
    } catch (error) {
      notes.push(`${row.name} left out: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { subjects, notes };
}
