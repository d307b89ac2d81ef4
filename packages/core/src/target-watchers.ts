import { createCleanupRegistry } from './cleanup-registry';
import { processShared } from './process-shared';
import { reportUnraisable } from './unraisable';
import type { WeakKey } from './weakable';

/**
 * The method a watcher implements; a symbol, so it stays off the public surface of refs.
 * Registered, so that a watcher made by one copy of this library is called by another.
 */
export const targetCollected: unique symbol = Symbol.for('@w/core/targetCollected@1');

/** Something attached to a target that wants to hear, once, that the target was collected. */
export interface Watcher {
  [targetCollected](): void;
}

/** Which canonical (callback-less, reused) referent a slot holds. */
export type CanonicalKind = 'ref' | 'proxy';

// A watcher held weakly is wrapped in a plain WeakRef; one held strongly is stored as is.
type Entry = Watcher | WeakRef<Watcher>;

/**
 * The watchers this library attached to one target. It never references the target, so the
 * registry can hold it until the target dies and then notify its watchers.
 */
class TargetRecord {
  // Most targets have one watcher: it is stored as is, and a Set is made for a second one.
  entries: Entry | Set<Entry> | undefined;
  // Registered only once some watcher needs telling: refs without callbacks need no cleanup.
  registered = false;
  // Dead weak entries are swept when the set doubles: amortized O(1), memory ≤ 2× live.
  sweepAt = 16;

  add(entry: Entry): void {
    const entries = this.entries;
    if (entries === undefined) {
      this.entries = entry;
    } else if (!(entries instanceof Set)) {
      this.entries = new Set([entries, entry]);
    } else {
      if (entries.size >= this.sweepAt) {
        for (const e of entries) if (isWeak(e) && e.deref() === undefined) entries.delete(e);
        this.sweepAt = Math.max(16, entries.size * 2);
      }
      entries.add(entry);
    }
  }

  remove(entry: Entry): void {
    const entries = this.entries;
    if (entries === entry) this.entries = undefined;
    else if (entries instanceof Set) entries.delete(entry);
  }

  notify(): void {
    const entries = this.entries;
    this.entries = undefined;
    if (entries instanceof Set) {
      for (const watcher of newestFirst(entries, false)) tell(watcher);
    } else if (entries !== undefined) {
      const watcher = liveWatcher(entries, false);
      if (watcher !== undefined) tell(watcher);
    }
  }
}

/** Live watchers, newest first (CPython runs weakref callbacks in that order). */
function newestFirst(entries: Entry | Set<Entry> | undefined, onlyWeak: boolean): Watcher[] {
  const live: Watcher[] = [];
  if (entries === undefined) return live;
  for (const entry of entries instanceof Set ? entries : [entries]) {
    const watcher = liveWatcher(entry, onlyWeak);
    if (watcher !== undefined) live.push(watcher);
  }
  return live.reverse();
}

function liveWatcher(entry: Entry, onlyWeak: boolean): Watcher | undefined {
  if (isWeak(entry)) return entry.deref();
  return onlyWeak ? undefined : entry;
}

// Each watcher guards its own callback; this guard keeps one broken watcher from skipping
// the others.
function tell(watcher: Watcher): void {
  try {
    watcher[targetCollected]();
  } catch (error) {
    reportUnraisable(error, 'weak callback');
  }
}

function isWeak(entry: Entry): entry is WeakRef<Watcher> {
  return typeof (entry as Partial<Watcher>)[targetCollected] !== 'function';
}

// One set of records, reused referents and registry per process, whichever copy of this
// module (ESM, CJS, another install) made them: the records' methods travel with them.
const { records, canonical, registry } = processShared('@w/core/target-watchers@1', () => ({
  records: new WeakMap<WeakKey, TargetRecord>(),
  // The reused callback-less referents, apart from the records: `ref(target)` then costs one
  // lookup, one WeakRef and one WeakMap entry, and no record.
  canonical: {
    ref: new WeakMap<WeakKey, WeakRef<object>>(),
    proxy: new WeakMap<WeakKey, WeakRef<object>>(),
  } satisfies Record<CanonicalKind, WeakMap<WeakKey, WeakRef<object>>>,
  // A watched target is registered once; the held record lists who to tell.
  registry: createCleanupRegistry<TargetRecord>((record) => record.notify(), 'weak callback'),
}));

function recordFor(target: WeakKey): TargetRecord {
  let record = records.get(target);
  if (record === undefined) {
    record = new TargetRecord();
    records.set(target, record);
  }
  return record;
}

function registerOnce(target: WeakKey, record: TargetRecord): void {
  if (record.registered) return;
  record.registered = true;
  registry.register(target, record);
}

/**
 * Holds `referent` (a ref or proxy) weakly and lists it in `liveReferents` while it lives.
 * With `notify`, calls its `[targetCollected]()` after `target` is collected, newest first.
 * A referent collected before its target is never called and frees its slot.
 */
export function watchTargetWeakly(target: WeakKey, referent: Watcher, notify: boolean): void {
  const record = recordFor(target);
  record.add(new WeakRef(referent));
  if (notify) registerOnce(target, record);
}

/**
 * Holds `watcher` (a finalizer) strongly until `target` is collected, then calls it, newest
 * first among all watchers of `target`. Returns the function that detaches it, which keeps
 * neither the target nor the watcher alive.
 */
export function watchTargetStrongly(target: WeakKey, watcher: Watcher): () => void {
  const record = recordFor(target);
  record.add(watcher);
  registerOnce(target, record);
  return () => record.remove(watcher);
}

/** The live, reused callback-less referent of `kind` for `target`, if any. */
export function getCanonical<R extends object>(
  target: WeakKey,
  kind: CanonicalKind,
): R | undefined {
  return canonical[kind].get(target)?.deref() as R | undefined;
}

/** Remembers `referent` as the reused callback-less referent of `kind` for `target`. */
export function setCanonical(target: WeakKey, kind: CanonicalKind, referent: object): void {
  canonical[kind].set(target, new WeakRef(referent));
}

/**
 * The live referents (refs, proxies) attached to `target`: the canonical ref, the canonical
 * proxy, then the others newest first, as CPython's `getweakrefs` lists them.
 */
export function liveReferents(target: WeakKey): object[] {
  const reused = [getCanonical(target, 'ref'), getCanonical(target, 'proxy')].filter(
    (r) => r !== undefined,
  );
  const others = newestFirst(records.get(target)?.entries, true);
  return [...reused, ...others.filter((w) => !reused.includes(w))];
}
