import {
  type CleanupRegistry,
  cleanOwnCell,
  createCleanupRegistry,
  type OwnCell,
} from './cleanup-registry';
import type { WeakKey } from './weakable';

// A key's one WeakRef for its whole life, and its own registration cell (held strongly by
// the registry, so it must never reach the value). `link` is its place in the order, or
// undefined while it is deleted but alive: a re-add then reuses this ref and registration.
class KeyRef<K extends WeakKey> extends WeakRef<K> implements OwnCell {
  link: Link<K> | undefined = undefined;
  cleanupOwner: object | undefined = undefined;
  clean(): void {
    cleanOwnCell(this);
  }
}

// One place in the order, made per insertion. Unlinked links keep their `prev`/`next`: an
// iterator paused on one finds its way back into the list from there (see `#after`).
class Link<K extends WeakKey> {
  readonly ref: KeyRef<K>;
  prev: Link<K> | null;
  next: Link<K> | null = null;
  constructor(ref: KeyRef<K>, prev: Link<K> | null) {
    this.ref = ref;
    this.prev = prev;
  }
}

// What the key's WeakMap entry holds: reachable only through the key, so the value is held
// ephemerally (a value that refers to its key does not keep it alive).
class Slot<K extends WeakKey, V> {
  readonly ref: KeyRef<K>;
  value: V;
  constructor(ref: KeyRef<K>, value: V) {
    this.ref = ref;
    this.value = value;
  }
}

/**
 * Weakly held keys in insertion order, each with a value held ephemerally: the structure
 * behind `WeakKeyMap` and `IterableWeakSet`. One WeakMap lookup answers `has`/`get`; a
 * doubly linked list keeps the order, so delete and pop at either end are O(1) and
 * iteration behaves as `Map`'s does under changes. Each key gets one WeakRef for its whole
 * life, also across delete and re-add, and one registration once it outlives a collection.
 */
export class OrderedWeakKeys<K extends WeakKey, V> {
  // The members' slots: `has` and `get` are one lookup here.
  #slots = new WeakMap<K, Slot<K, V>>();
  // The slots of keys deleted while alive: still registered, so a re-add takes its slot back.
  #detachedSlots = new WeakMap<K, Slot<K, V>>();
  // The list: `#head` is a placeholder before the first link; `#tail` is the last link.
  readonly #head: Link<K>;
  #tail: Link<K>;
  #size = 0;
  // The refs of the keys in `#detachedSlots`, listed so that a rebuild finds them again.
  readonly #detached = new Set<KeyRef<K>>();
  // Refs made since the last collection, not registered yet. Most short-lived keys die
  // before a collection sees them alive: they never pay for a registration. One sentinel
  // registration per collection (made when this list stops being empty) says a collection
  // happened; its cleanup sweeps the list once: refs whose key died go, the others are
  // registered like any long-lived key.
  #young: KeyRef<K>[] = [];
  // The most keys both tables held since they were last rebuilt (see `#compactIfShrunk`).
  #peak = 0;
  #registry: CleanupRegistry<Held<K>> | undefined;
  readonly #origin: string;

  /** `origin` names this container's cleanup for the unraisable hook. */
  constructor(origin: string) {
    this.#origin = origin;
    this.#head = new Link(new KeyRef(HEAD_TARGET as K), null);
    this.#tail = this.#head;
  }

  /** How many keys are held, counting collected ones whose cleanup has not run yet. */
  get size(): number {
    return this.#size;
  }

  has(key: unknown): boolean {
    return this.#slots.has(key as K);
  }

  get(key: unknown): V | undefined {
    return this.#slots.get(key as K)?.value;
  }

  /** Sets `key`'s value; a new key goes last. `key` must be weakable (the caller checks). */
  set(key: K, value: V): void {
    const slot = this.#slots.get(key);
    if (slot !== undefined) {
      slot.value = value;
      return;
    }
    const detached = this.#detached.size === 0 ? undefined : this.#detachedSlots.get(key);
    if (detached !== undefined) {
      this.#detachedSlots.delete(key);
      this.#detached.delete(detached.ref);
      this.#slots.set(key, detached);
      this.#append(detached.ref);
      detached.value = value;
    } else {
      const ref = new KeyRef(key);
      this.#slots.set(key, new Slot(ref, value));
      if (this.#young.push(ref) === 1) this.#awaitCollection();
      this.#append(ref);
      const count = this.#size + this.#detached.size;
      if (count > this.#peak) this.#peak = count;
    }
  }

  /** Removes `key`; true when it was there. */
  delete(key: unknown): boolean {
    const slot = this.#slots.get(key as K);
    if (slot === undefined) return false;
    this.#detachKey(key as K, slot);
    return true;
  }

  clear(): void {
    // Every key stays registered, listed as detached (a dead one leaves that list when its
    // pending cleanup runs). Its value is dropped now: that takes a deref.
    for (let link = this.#head.next; link !== null; link = link.next) {
      const ref = link.ref;
      ref.link = undefined;
      link.prev = this.#head; // so that a paused iterator finds its way out (see `#after`)
      this.#detached.add(ref);
      const key = ref.deref();
      if (key !== undefined) this.#detachedSlots.set(key, this.#released(key));
    }
    this.#slots = new WeakMap();
    this.#head.next = null;
    this.#tail = this.#head;
    this.#size = 0;
  }

  /** Removes and returns the first (oldest) live key with its value, or undefined. */
  shift(): [K, V] | undefined {
    for (let link = this.#head.next; link !== null; link = this.#head.next) {
      const entry = this.#take(link);
      if (entry !== undefined) return entry;
    }
    return undefined;
  }

  /** Removes and returns the last (newest) live key with its value, or undefined. */
  pop(): [K, V] | undefined {
    for (let link = this.#tail; link !== this.#head; link = this.#tail) {
      const entry = this.#take(link);
      if (entry !== undefined) return entry;
    }
    return undefined;
  }

  /** The live keys in insertion order; keys added meanwhile are visited, deleted ones not. */
  *keys(): Generator<K, undefined> {
    for (let link = this.#after(this.#head); link !== null; link = this.#after(link)) {
      const key = link.ref.deref();
      if (key !== undefined) yield key;
    }
    return undefined;
  }

  /** The values of the live keys in insertion order, as `keys()` visits them. */
  *values(): Generator<V, undefined> {
    for (const key of this.keys()) {
      const slot = this.#slots.get(key);
      if (slot !== undefined) yield slot.value;
    }
    return undefined;
  }

  /** The live `[key, value]` pairs in insertion order, as `keys()` visits them. */
  *entries(): Generator<[K, V], undefined> {
    for (const key of this.keys()) {
      const slot = this.#slots.get(key);
      if (slot !== undefined) yield [key, slot.value];
    }
    return undefined;
  }

  // The link an iterator visits after `link`, which it visited last. A link removed since
  // kept its pointers: `next` leads to a link not visited yet, `prev` (taken when it was
  // the last one) back to a visited one. Each step goes to a link that was still in the
  // list when the current one left it, so this ends.
  #after(link: Link<K>): Link<K> | null {
    while (link !== this.#head && link.ref.link !== link) {
      if (link.next === null) {
        link = link.prev as Link<K>;
        continue;
      }
      link = link.next;
      if (link.ref.link === link) return link;
    }
    return link.next;
  }

  #append(ref: KeyRef<K>): void {
    const link = new Link(ref, this.#tail);
    this.#tail.next = link;
    this.#tail = link;
    ref.link = link;
    this.#size++;
  }

  // Takes a live member out: its slot, value dropped, waits in `#detachedSlots`.
  #detachKey(key: K, slot: Slot<K, V>): void {
    this.#slots.delete(key);
    slot.value = undefined as V; // released now, not when the key dies
    this.#detachedSlots.set(key, slot);
    this.#detach(slot.ref);
  }

  // Takes `ref`'s link out of the order; the key stays registered, listed as detached.
  #detach(ref: KeyRef<K>): void {
    this.#unlink(ref);
    this.#detached.add(ref);
  }

  // A member's slot with its value dropped.
  #released(key: K): Slot<K, V> {
    const slot = this.#slots.get(key) as Slot<K, V>;
    slot.value = undefined as V;
    return slot;
  }

  #unlink(ref: KeyRef<K>): void {
    const link = ref.link as Link<K>;
    (link.prev as Link<K>).next = link.next;
    if (link.next === null) this.#tail = link.prev as Link<K>;
    else link.next.prev = link.prev;
    ref.link = undefined;
    this.#size--;
  }

  // Removes `link`; its entry when its key is alive. A collected key goes too (its cleanup
  // is pending and will find it gone), so draining never passes the same one twice.
  #take(link: Link<K>): [K, V] | undefined {
    const ref = link.ref;
    const key = ref.deref();
    if (key === undefined) {
      this.#detach(ref);
      return undefined;
    }
    const slot = this.#slots.get(key) as Slot<K, V>;
    const value = slot.value;
    this.#detachKey(key, slot);
    return [key, value];
  }

  // One sentinel registration per collection, for the young refs. Its own method: a closure
  // in `set` would make every call allocate a context for it.
  #awaitCollection(): void {
    this.#registry ??= createCleanupRegistry(
      (held: Held<K>) => (held === undefined ? this.#sweep() : this.#collected(held)),
      this.#origin,
    );
    this.#registry.register({}, undefined);
  }

  // After a collection: the young refs whose key died go; the others are registered.
  #sweep(): void {
    const young = this.#young;
    this.#young = [];
    const registry = this.#registry as CleanupRegistry<Held<K>>;
    for (const ref of young) {
      const key = ref.deref();
      if (key === undefined) this.#forget(ref);
      else registry.registerCell(key, ref);
    }
    this.#compactIfShrunk();
  }

  // Cleanup: `ref`'s key was collected.
  #collected(ref: KeyRef<K>): void {
    this.#forget(ref);
    this.#compactIfShrunk();
  }

  // `ref`'s key is dead: it leaves the order, or the detached list.
  #forget(ref: KeyRef<K>): void {
    if (ref.link !== undefined) this.#unlink(ref);
    else this.#detached.delete(ref);
  }

  // V8 never shrinks a WeakMap's table when a collection empties it: after 1e6 keys die it
  // keeps ~34 MB of empty slots. Rebuilding it once it falls to a quarter of its peak frees
  // that, at O(live) cost spread over the >= 3x as many keys that died: O(1) per key.
  #compactIfShrunk(): void {
    const count = this.#size + this.#detached.size;
    if (this.#peak < COMPACT_MIN_PEAK || count > this.#peak / 4) return;
    const slots = new WeakMap<K, Slot<K, V>>();
    for (let link = this.#head.next; link !== null; link = link.next) {
      const key = link.ref.deref();
      if (key !== undefined) slots.set(key, this.#slots.get(key) as Slot<K, V>);
    }
    const detachedSlots = new WeakMap<K, Slot<K, V>>();
    for (const ref of this.#detached) {
      const key = ref.deref();
      if (key !== undefined) detachedSlots.set(key, this.#detachedSlots.get(key) as Slot<K, V>);
    }
    this.#slots = slots;
    this.#detachedSlots = detachedSlots;
    this.#peak = count;
  }
}

// Below this peak, empty WeakMap slots cost too little to be worth a rebuild.
const COMPACT_MIN_PEAK = 1024;

// What the registry holds: a key's ref, or `undefined` for the per-collection sentinel (see
// `#young`).
type Held<K extends WeakKey> = KeyRef<K> | undefined;

// What the placeholder head of every order refers to (never registered, never visited).
const HEAD_TARGET = {};
