import { createCellRegistry, createCleanupRegistry } from './cleanup-registry';
import { nextTask } from './next-task';
import { processShared } from './process-shared';
import { reportUnraisable } from './unraisable';
import { WeakCell } from './weak-cell';
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

/** Which reused (callback-less) referent a slot holds. */
export type ReusedKind = 'ref' | 'proxy';

// How referents (refs, proxies) are held: strongly while fresh (until the next task), then through a WeakRef.
//
// `new WeakRef(x)` keeps `x` alive to the end of the job, and V8 aborts a job that kept about
// 2^24 objects. A ref already keeps its target; a WeakRef to the ref made in the same job
// would keep a second object per call. So a new referent is held strongly until the next
// task, which demotes it to a WeakRef: that task keeps only referents, whose targets were
// counted by the job that made them. Until then, nothing could have collected it anyway.

// A settled watcher: a finalizer as is, a referent through a WeakRef.
type Entry = Watcher | WeakRef<Watcher>;

function isWeak(entry: Entry): entry is WeakRef<Watcher> {
  // Reading the symbol is safe on a dead proxy: its `get` trap answers it first.
  return typeof (entry as Partial<Watcher>)[targetCollected] !== 'function';
}

/**
 * The watchers this library attached to one target: a weak ref to the target and its cell in
 * the registry, which holds it until the target dies and then notifies its watchers.
 */
class TargetRecord extends WeakCell<WeakKey> {
  // Settled watchers, oldest first. Most targets have one: stored as is, a Set for more.
  entries: Entry | Set<Entry> | undefined;
  // Watchers added since the last demotion, oldest first, all newer than `entries`: pairs of
  // (watcher, is it a referent to demote). Referents are held strongly until then.
  fresh: (Watcher | boolean)[] | undefined;
  // Referents of `entries` collected since the last sweep.
  dead = 0;
  // Registered only once some watcher needs telling: refs without callbacks need no cleanup.
  registered = false;

  add(watcher: Watcher, referent: boolean): void {
    if (this.fresh === undefined) {
      this.fresh = [];
      freshLists.records.push(this);
      scheduleDemotion();
    }
    this.fresh.push(watcher, referent);
  }

  /** Moves the fresh watchers to `entries`, in order, each referent behind a WeakRef. */
  demote(): void {
    const fresh = this.fresh;
    this.fresh = undefined;
    if (fresh === undefined) return; // notified meanwhile
    for (let i = 0; i < fresh.length; i += 2) {
      const watcher = fresh[i] as Watcher;
      if (fresh[i + 1] === true) {
        this.#settle(new WeakRef(watcher));
        shared.referentRegistry.register(watcher, this);
      } else {
        this.#settle(watcher);
      }
    }
  }

  #settle(entry: Entry): void {
    const entries = this.entries;
    if (entries === undefined) this.entries = entry;
    else if (entries instanceof Set) entries.add(entry);
    else this.entries = new Set([entries, entry]);
  }

  /** Detaches a strong watcher (a finalizer); forgets the record once nothing is left. */
  remove(watcher: Watcher): void {
    const fresh = this.fresh;
    // From the newest end: detaching newest first in the job that made them stays linear.
    const at = fresh === undefined ? -1 : fresh.lastIndexOf(watcher);
    if (at !== -1) fresh!.splice(at, 2);
    else if (this.entries === watcher) this.entries = undefined;
    else if (this.entries instanceof Set) this.entries.delete(watcher);
    this.#forgetIfEmpty();
  }

  /** A referent of `entries` was collected: sweep once half of them are dead (amortized O(1)). */
  referentCollected(): void {
    const entries = this.entries;
    const size = entries instanceof Set ? entries.size : entries === undefined ? 0 : 1;
    if (++this.dead * 2 < size) return;
    this.dead = 0;
    if (entries instanceof Set) {
      for (const entry of entries)
        if (isWeak(entry) && entry.deref() === undefined) entries.delete(entry);
      if (entries.size === 0) this.entries = undefined;
    } else if (entries !== undefined && isWeak(entries) && entries.deref() === undefined) {
      this.entries = undefined;
    }
    this.#forgetIfEmpty();
  }

  // Nothing left to tell or list: leave nothing on the live target either.
  #forgetIfEmpty(): void {
    if (this.entries !== undefined || (this.fresh !== undefined && this.fresh.length > 0)) return;
    const target = this.deref();
    if (target === undefined || shared.records.get(target) !== this) return;
    shared.records.delete(target);
    if (this.registered) {
      shared.targetRegistry.retire(this);
      shared.registered.delete(this);
    }
    this.registered = false;
  }

  notify(): void {
    shared.registered.delete(this);
    const live = this.watchers(false);
    this.entries = undefined;
    this.fresh = undefined;
    for (const watcher of live) tell(watcher);
  }

  /** Live watchers, newest first (CPython runs weakref callbacks in that order). */
  watchers(onlyReferents: boolean): Watcher[] {
    const live: Watcher[] = [];
    const entries = this.entries;
    for (const entry of entries instanceof Set ? entries : entries === undefined ? [] : [entries]) {
      if (isWeak(entry)) {
        const watcher = entry.deref();
        if (watcher !== undefined) live.push(watcher);
      } else if (!onlyReferents) {
        live.push(entry);
      }
    }
    const fresh = this.fresh ?? [];
    for (let i = 0; i < fresh.length; i += 2) {
      if (!onlyReferents || fresh[i + 1] === true) live.push(fresh[i] as Watcher);
    }
    return live.reverse();
  }
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

/** Held for a reused referent: finds its slot again once the referent is collected. */
interface ReusedTicket extends WeakRef<WeakKey> {
  readonly slots: WeakMap<WeakKey, Entry>;
}

// What the fresh lists are: made since the last demotion, records with fresh watchers and
// (slots, target, referent) triples; and whether a demotion task is on its way.
interface Fresh {
  records: TargetRecord[];
  reused: unknown[];
  scheduled: boolean;
}

function makeFreshLists(): () => Fresh {
  const fresh: Fresh = { records: [], reused: [], scheduled: false };
  return () => fresh;
}

// One set of records, reused referents, registries and fresh lists per process, whichever
// copy of this module (ESM, CJS, another install) made them: the records' methods travel
// with them.
// Annotated pure (as every slot here) so that a bundle that does not use it drops it.
const shared = /* @__PURE__ */ processShared('@w/core/target-watchers@5', () => {
  // The records in the registry: what it registers again when it takes back the stale ones.
  const registered = new Set<TargetRecord>();
  return {
    records: new WeakMap<WeakKey, TargetRecord>(),
    registered,
    // The reused callback-less referents, apart from the records: `ref(target)` then costs one
    // lookup and one WeakMap entry, and no record.
    reused: {
      ref: new WeakMap<WeakKey, Entry>(),
      proxy: new WeakMap<WeakKey, Entry>(),
    } satisfies Record<ReusedKind, WeakMap<WeakKey, Entry>>,
    // A watched target is registered once, its record as the cell: no token per target, whose
    // table V8 never shrinks; a forgotten record's registration is taken back in bulk.
    targetRegistry: createCellRegistry<TargetRecord>(
      (record) => record.notify(),
      'weak callback',
      (visit) => {
        for (const record of registered) visit(record);
      },
    ),
    // A settled referent is registered too, so that its slot goes when it does.
    referentRegistry: createCleanupRegistry<TargetRecord | ReusedTicket>(
      (held) => ('referentCollected' in held ? held.referentCollected() : forgetReused(held)),
      'weak callback',
    ),
    // Behind a closure: freezing the slot (SES's `harden`) cannot reach what changes.
    fresh: makeFreshLists(),
    Ticket: class extends WeakRef<WeakKey> implements ReusedTicket {
      constructor(
        target: WeakKey,
        readonly slots: WeakMap<WeakKey, Entry>,
      ) {
        super(target);
      }
    },
  };
});

// Read once: every copy's closure gives the same lists.
const freshLists = /* @__PURE__ */ shared.fresh();

function forgetReused(ticket: ReusedTicket): void {
  const target = ticket.deref();
  if (target === undefined) return;
  const slot = ticket.slots.get(target);
  if (slot !== undefined && isWeak(slot) && slot.deref() === undefined) ticket.slots.delete(target);
}

// Demoting makes a WeakRef per referent, and one per reused referent's target: a task does
// at most this many, so that it stays far from the job limit too.
const DEMOTIONS_PER_TASK = 1 << 21;

function scheduleDemotion(): void {
  if (freshLists.scheduled) return;
  freshLists.scheduled = true;
  nextTask(demoteFresh);
}

function demoteFresh(): void {
  freshLists.scheduled = false;
  let budget = DEMOTIONS_PER_TASK;
  const reusedDone = Math.min(freshLists.reused.length, 3 * budget);
  for (let i = 0; i < reusedDone; i += 3) {
    const slots = freshLists.reused[i] as WeakMap<WeakKey, Entry>;
    const target = freshLists.reused[i + 1] as WeakKey;
    const referent = freshLists.reused[i + 2] as Watcher;
    // Replaced meanwhile (a newer reused referent) or already demoted: nothing to do.
    if (slots.get(target) !== referent) continue;
    slots.set(target, new WeakRef(referent));
    shared.referentRegistry.register(referent, new shared.Ticket(target, slots));
  }
  freshLists.reused.splice(0, reusedDone);
  budget -= reusedDone / 3;
  let recordsDone = 0;
  for (; recordsDone < freshLists.records.length && budget > 0; recordsDone++) {
    const record = freshLists.records[recordsDone]!;
    budget -= (record.fresh?.length ?? 0) / 2;
    record.demote();
  }
  freshLists.records.splice(0, recordsDone);
  if (freshLists.reused.length > 0 || freshLists.records.length > 0) scheduleDemotion();
}

function recordFor(target: WeakKey): TargetRecord {
  let record = shared.records.get(target);
  if (record === undefined) {
    record = new TargetRecord(target);
    shared.records.set(target, record);
  }
  return record;
}

function registerOnce(record: TargetRecord): void {
  if (record.registered) return;
  record.registered = true;
  shared.registered.add(record);
  shared.targetRegistry.add(record);
}

/**
 * Holds `referent` (a ref or proxy) weakly and lists it in `liveReferents` while it lives.
 * With `notify`, calls its `[targetCollected]()` after `target` is collected, newest first.
 * A referent collected before its target is never called and frees its slot.
 */
export function watchTargetWeakly(target: WeakKey, referent: Watcher, notify: boolean): void {
  const record = recordFor(target);
  record.add(referent, true);
  if (notify) registerOnce(record);
}

/**
 * Holds `watcher` (a finalizer) strongly until `target` is collected, then calls it, newest
 * first among all watchers of `target`. Returns the function that detaches it, which keeps
 * neither the target nor the watcher alive.
 */
export function watchTargetStrongly(target: WeakKey, watcher: Watcher): () => void {
  const record = recordFor(target);
  record.add(watcher, false);
  registerOnce(record);
  return () => record.remove(watcher);
}

/** The live, reused callback-less referent of `kind` for `target`, if any. */
export function getReused<R extends object>(target: WeakKey, kind: ReusedKind): R | undefined {
  const slot = shared.reused[kind].get(target);
  if (slot === undefined) return undefined;
  return (isWeak(slot) ? slot.deref() : slot) as R | undefined;
}

/** Remembers `referent` as the reused callback-less referent of `kind` for `target`. */
export function setReused(target: WeakKey, kind: ReusedKind, referent: Watcher): void {
  const slots = shared.reused[kind];
  slots.set(target, referent);
  freshLists.reused.push(slots, target, referent);
  scheduleDemotion();
}

/**
 * The live referents (refs, proxies) attached to `target`: the reused ref, the reused
 * proxy, then the others newest first, as CPython's `getweakrefs` lists them.
 */
export function liveReferents(target: WeakKey): object[] {
  const listed: object[] = [];
  for (const kind of ['ref', 'proxy'] as const) {
    const referent = getReused(target, kind);
    if (referent !== undefined) listed.push(referent);
  }
  const others = shared.records.get(target)?.watchers(true) ?? [];
  return [...listed, ...others.filter((w) => !listed.includes(w))];
}
