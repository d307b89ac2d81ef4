import { createCleanupRegistry } from './cleanup-registry';
import { reportUnraisable } from './unraisable';
import type { WeakKey } from './weakable';

/** The method a watcher implements; a symbol, so it stays off the public surface of refs. */
export const targetCollected: unique symbol = Symbol('targetCollected');

/** Something attached to a target that wants to hear, once, that the target was collected. */
export interface Watcher {
  [targetCollected](): void;
}

/** Which canonical (callback-less, reused) referent a slot holds. */
export type CanonicalKind = 'ref' | 'proxy';

// A watcher held weakly is wrapped in a plain WeakRef; one held strongly is stored as is.
type Entry = Watcher | WeakRef<Watcher>;

/**
 * Everything this library attached to one target. It never references the target, so the
 * registry can hold it until the target dies and then notify its watchers.
 */
class TargetRecord {
  // Made on the first watcher: a target that only has its reused ref pays for no Set.
  entries: Set<Entry> | undefined;
  ref: WeakRef<object> | undefined;
  proxy: WeakRef<object> | undefined;
  // Registered only once some watcher needs telling: callback-less refs need no cleanup.
  registered = false;
  // Dead weak entries are swept when the set doubles: amortized O(1), memory ≤ 2× live.
  sweepAt = 16;

  add(entry: Entry): void {
    this.entries ??= new Set();
    const entries = this.entries;
    if (entries.size >= this.sweepAt) {
      for (const e of entries) if (isWeak(e) && e.deref() === undefined) entries.delete(e);
      this.sweepAt = Math.max(16, entries.size * 2);
    }
    entries.add(entry);
  }

  /** Live watchers, newest first (CPython runs weakref callbacks in that order). */
  watchersNewestFirst(onlyWeak = false): Watcher[] {
    const live: Watcher[] = [];
    if (this.entries === undefined) return live;
    for (const entry of this.entries) {
      const watcher = isWeak(entry) ? entry.deref() : onlyWeak ? undefined : entry;
      if (watcher !== undefined) live.push(watcher);
    }
    return live.reverse();
  }

  notify(): void {
    const watchers = this.watchersNewestFirst();
    this.entries = undefined;
    // Each watcher guards its own callback; this guard keeps one broken watcher from
    // skipping the others.
    for (const watcher of watchers) {
      try {
        watcher[targetCollected]();
      } catch (error) {
        reportUnraisable(error, 'weak callback');
      }
    }
  }
}

function isWeak(entry: Entry): entry is WeakRef<Watcher> {
  return typeof (entry as Partial<Watcher>)[targetCollected] !== 'function';
}

const records = new WeakMap<WeakKey, TargetRecord>();
// A watched target is registered once; the held record lists who to tell.
const registry = createCleanupRegistry<TargetRecord>((record) => record.notify(), 'weak callback');

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
  return () => record.entries?.delete(watcher);
}

/** The live, reused callback-less referent of `kind` for `target`, if any. */
export function getCanonical<R extends object>(
  target: WeakKey,
  kind: CanonicalKind,
): R | undefined {
  return records.get(target)?.[kind]?.deref() as R | undefined;
}

/** Remembers `referent` as the reused callback-less referent of `kind` for `target`. */
export function setCanonical(target: WeakKey, kind: CanonicalKind, referent: object): void {
  recordFor(target)[kind] = new WeakRef(referent);
}

/**
 * The live referents (refs, proxies) attached to `target`: the canonical ref, the canonical
 * proxy, then the others newest first, as CPython's `getweakrefs` lists them.
 */
export function liveReferents(target: WeakKey): object[] {
  const record = records.get(target);
  if (record === undefined) return [];
  const canonical = [record.ref?.deref(), record.proxy?.deref()].filter((r) => r !== undefined);
  const others = record.watchersNewestFirst(true).filter((w) => !canonical.includes(w));
  return [...canonical, ...others];
}
