import { type CellRegistry, createCellRegistry } from './cleanup-registry';
import { WeakCell } from './weak-cell';
import type { WeakKey } from './weakable';

// A key's WeakRef, its place in the order and its own registration cell (held strongly by
// the registry, so it must never reach the value), made per insertion: a re-add makes a new
// one. Once it left the order it keeps its `prev`/`next`: an iterator paused on it finds its
// way back into the list from there (see `after`).
class KeyRef<K extends WeakKey> extends WeakCell<K> {
  prev: KeyRef<K> | null;
  next: KeyRef<K> | null = null;
  linked = true;
  constructor(key: K, prev: KeyRef<K> | null) {
    super(key);
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
 * iteration behaves as `Map`'s does under changes. Each member gets one WeakRef, and one
 * registration once it outlives a collection (see `CellRegistry.add`).
 */
export class OrderedWeakKeys<K extends WeakKey, V> {
  // The members' slots: `has` and `get` are one lookup here.
  #slots = new WeakMap<K, Slot<K, V>>();
  // The list: `#head` is a placeholder before the first ref; `#tail` is the last ref.
  readonly #head: KeyRef<K>;
  #tail: KeyRef<K>;
  #size = 0;
  // The most keys `#slots` held since it was last rebuilt (see `#compactIfShrunk`).
  #peak = 0;
  #registry: CellRegistry<KeyRef<K>> | undefined;
  readonly #origin: string;

  /** `origin` names this container's cleanup for the unraisable hook. */
  constructor(origin: string) {
    this.#origin = origin;
    this.#head = new KeyRef(HEAD_TARGET as K, null);
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
    const ref = new KeyRef(key, this.#tail);
    this.#slots.set(key, new Slot(ref, value));
    this.#registry ??= this.#newRegistry();
    this.#registry.add(ref);
    this.#tail.next = ref;
    this.#tail = ref;
    this.#size++;
    if (this.#size > this.#peak) this.#peak = this.#size;
  }

  /** Removes `key`; true when it was there. */
  delete(key: unknown): boolean {
    const slot = this.#slots.get(key as K);
    if (slot === undefined) return false;
    this.#slots.delete(key as K);
    this.#unlink(slot.ref);
    this.#registry?.retire(slot.ref);
    return true;
  }

  clear(): void {
    for (let ref = this.#head.next; ref !== null; ref = ref.next) {
      ref.linked = false;
      ref.prev = this.#head; // so that a paused iterator finds its way out (see `after`)
    }
    this.#slots = new WeakMap();
    this.#head.next = null;
    this.#tail = this.#head;
    this.#size = 0;
    this.#peak = 0;
    this.#registry?.unregisterAll(); // nothing is left to clean for
  }

  /** Removes and returns the first (oldest) live key with its value, or undefined. */
  shift(): [K, V] | undefined {
    for (let ref = this.#head.next; ref !== null; ref = this.#head.next) {
      const entry = this.#take(ref);
      if (entry !== undefined) return entry;
    }
    return undefined;
  }

  /** Removes and returns the last (newest) live key with its value, or undefined. */
  pop(): [K, V] | undefined {
    for (let ref = this.#tail; ref !== this.#head; ref = this.#tail) {
      const entry = this.#take(ref);
      if (entry !== undefined) return entry;
    }
    return undefined;
  }

  // The casts below: an iterator's prototype is %IteratorPrototype%, so a newer lib's
  // `MapIterator` helpers (`map`, `take`...) are there wherever the runtime has them.

  /** The live keys in insertion order; keys added meanwhile are visited, deleted ones not. */
  keys(): MapIterator<K> {
    return new OrderIterator<K, V, K>(this, this.#head, KEYS) as unknown as MapIterator<K>;
  }

  /** The values of the live keys in insertion order, as `keys()` visits them. */
  values(): MapIterator<V> {
    return new OrderIterator<K, V, V>(this, this.#head, VALUES) as unknown as MapIterator<V>;
  }

  /** The live `[key, value]` pairs in insertion order, as `keys()` visits them. */
  entries(): MapIterator<[K, V]> {
    return new OrderIterator<K, V, [K, V]>(this, this.#head, ENTRIES) as unknown as MapIterator<
      [K, V]
    >;
  }

  /** The live `[key, key]` pairs in insertion order, as `Set.prototype.entries` gives them. */
  pairs(): MapIterator<[K, K]> {
    return new OrderIterator<K, V, [K, K]>(this, this.#head, PAIRS) as unknown as MapIterator<
      [K, K]
    >;
  }

  /** Calls `visit(key)` for each live key, as `keys()` visits them: a walk with no iterator. */
  forEach(visit: (key: K) => void): void {
    const head = this.#head;
    for (let ref = after(head, head); ref !== null; ref = after(head, ref)) {
      const key = ref.deref();
      if (key !== undefined) visit(key);
    }
  }

  #unlink(ref: KeyRef<K>): void {
    (ref.prev as KeyRef<K>).next = ref.next;
    if (ref.next === null) this.#tail = ref.prev as KeyRef<K>;
    else ref.next.prev = ref.prev;
    ref.linked = false;
    this.#size--;
  }

  // Removes `ref`; its entry when its key is alive. A collected key goes too (retired, its
  // pending cleanup does nothing), so draining never passes the same one twice.
  #take(ref: KeyRef<K>): [K, V] | undefined {
    const key = ref.deref();
    this.#unlink(ref);
    this.#registry?.retire(ref);
    if (key === undefined) return undefined;
    const slot = this.#slots.get(key) as Slot<K, V>;
    this.#slots.delete(key);
    return [key, slot.value];
  }

  #newRegistry(): CellRegistry<KeyRef<K>> {
    return createCellRegistry<KeyRef<K>>(
      (ref) => {
        this.#unlink(ref); // its key was collected
        this.#compactIfShrunk();
      },
      this.#origin,
      (visit) => {
        for (let ref = this.#head.next; ref !== null; ref = ref.next) visit(ref);
      },
    );
  }

  // V8 never shrinks a WeakMap's table when a collection empties it: after 1e6 keys die it
  // keeps ~34 MB of empty slots. Rebuilding it once it falls to a quarter of its peak frees
  // that, at O(live) cost spread over the >= 3x as many keys that died: O(1) per key.
  #compactIfShrunk(): void {
    const count = this.#size;
    if (this.#peak < COMPACT_MIN_PEAK || count > this.#peak / 4) return;
    const slots = new WeakMap<K, Slot<K, V>>();
    for (let ref = this.#head.next; ref !== null; ref = ref.next) {
      const key = ref.deref();
      if (key !== undefined) slots.set(key, this.#slots.get(key) as Slot<K, V>);
    }
    this.#slots = slots;
    this.#peak = count;
  }
}

// Below this peak, empty WeakMap slots cost too little to be worth a rebuild.
const COMPACT_MIN_PEAK = 1024;

// What the placeholder head of every order refers to (never registered, never visited).
const HEAD_TARGET = {};

// The ref an iterator visits after `ref`, which it visited last. A ref removed since kept
// its pointers: `next` leads to a ref not visited yet, `prev` (taken when it was the last
// one) back to a visited one. Each step goes to a ref that was still in the list when the
// current one left it, so this ends. A ref in the list whose key is alive has a slot: its
// key is a member.
function after<K extends WeakKey>(head: KeyRef<K>, ref: KeyRef<K>): KeyRef<K> | null {
  while (ref !== head && !ref.linked) {
    if (ref.next === null) {
      ref = ref.prev as KeyRef<K>;
      continue;
    }
    ref = ref.next;
    if (ref.linked) return ref;
  }
  return ref.next;
}

// What an `OrderIterator` yields per live key.
const KEYS = 0;
const VALUES = 1;
const ENTRIES = 2;
const PAIRS = 3;
type Kind = typeof KEYS | typeof VALUES | typeof ENTRIES | typeof PAIRS;

// The iterators of an order: a hand-written iterator object, as `Map`'s are (a generator
// costs as much again as the walk). Like `Map`'s, it has no `return`; once done, it stays done.
class OrderIterator<K extends WeakKey, V, T> {
  // Iterator helpers (`map`, `toArray`...) where the runtime has them, as on `Map`'s iterators.
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: the class's set-up (CONTRIBUTING.md)
  static #setUp = (() => {
    Object.setPrototypeOf(
      this.prototype,
      Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())),
    );
  })();

  readonly #keys: OrderedWeakKeys<K, V>;
  readonly #head: KeyRef<K>;
  readonly #kind: Kind;
  // The ref visited last (the head before the first); null once done.
  #last: KeyRef<K> | null;

  constructor(keys: OrderedWeakKeys<K, V>, head: KeyRef<K>, kind: Kind) {
    this.#keys = keys;
    this.#head = head;
    this.#kind = kind;
    this.#last = head;
  }

  next(): IteratorResult<T, undefined> {
    const last = this.#last;
    if (last === null) return { value: undefined, done: true };
    const head = this.#head;
    for (let ref = after(head, last); ref !== null; ref = after(head, ref)) {
      const key = ref.deref();
      if (key === undefined) continue;
      this.#last = ref;
      return { value: this.#item(key) as T, done: false };
    }
    this.#last = null;
    return { value: undefined, done: true };
  }

  #item(key: K): unknown {
    switch (this.#kind) {
      case KEYS:
        return key;
      case VALUES:
        return this.#keys.get(key);
      case ENTRIES:
        return [key, this.#keys.get(key)];
      default:
        return [key, key];
    }
  }

  [Symbol.iterator](): this {
    return this;
  }
}
