import {
  assertFunction,
  assertWeakable,
  createCleanupRegistry,
  describeType,
  type Inspect,
  type InspectOptions,
  inspectCollection,
  inspectCustom,
  type WeakKey,
} from '@w/core';
import { KeyedRef } from '@w/ref';
import { checkedPairs, type PairSource } from './pairs';

/**
 * One stored value: a weak reference that remembers its key. It is also what the registry
 * holds, so cleanup can tell whether it is still the current entry for its key. An entry
 * that leaves the map forgets its key, so its leftover registration holds no user object.
 */
class Entry<K, V extends WeakKey> extends WeakRef<V> {
  constructor(
    value: V,
    public key: K | undefined,
  ) {
    super(value);
  }
}

/**
 * A `Map` whose values are held weakly (Python's `weakref.WeakValueDictionary`). An entry
 * disappears once its value is garbage collected: at once for `get`, `has` and iteration,
 * and from `size` when the runtime's cleanup runs (see the docs on asynchronous collection).
 * Keys can be anything, as in `Map`; values must be objects, functions or unregistered
 * symbols. Iteration follows insertion order and tolerates mutation, as `Map` does.
 */
export class WeakValueMap<K, V extends WeakKey> implements Map<K, V> {
  readonly #entries = new Map<K, Entry<K, V>>();

  // One registry per map: when the map is dropped, its registry and all its cells go too.
  // Values are registered without an unregister token (several times cheaper, and no token
  // table that never shrinks), so an entry that leaves the map early keeps its registration
  // until its value dies: cleanup then finds it is no longer current and leaves the key alone.
  #registry = this.#newRegistry();
  // Registrations whose entry already left the map, and the most entries held since the
  // registry was made. When the first is more than twice the second (values that stay alive
  // after being overwritten or deleted), the registry is replaced (see #reregister).
  #stale = 0;
  #peak = 0;

  /**
   * Creates a map holding `entries`: `[key, value]` pairs or a plain record. Throws
   * `TypeError` for a value that cannot be held weakly.
   */
  constructor(entries?: PairSource<K, V>) {
    for (const [key, value] of checkedPairs(entries)) this.#store(key, value);
  }

  /**
   * Entries whose cleanup has not run yet. O(1). Right after a collection it can exceed
   * what iteration yields; after `collectGarbage()` it is exact.
   */
  get size(): number {
    return this.#entries.size;
  }

  /** The live value for `key`, or `undefined` if absent or collected. */
  get(key: K): V | undefined {
    return this.#entries.get(key)?.deref();
  }

  /** True when `key` has a live value. */
  has(key: K): boolean {
    return this.get(key) !== undefined;
  }

  /**
   * Stores `value` (held weakly) under `key`. Re-setting a live key keeps its place in the
   * iteration order; a key whose value died counts as new and moves to the end.
   * Throws `TypeError` for a value that cannot be held weakly, and then changes nothing.
   */
  set(key: K, value: V): this {
    assertWeakable(value);
    this.#store(key, value);
    return this;
  }

  /**
   * Removes `key`. Returns true when it had a live value; a dead entry is removed too but,
   * being already invisible, returns false.
   */
  delete(key: K): boolean {
    const entry = this.#entries.get(key);
    if (entry === undefined) return false;
    const alive = entry.deref() !== undefined;
    this.#forget(entry);
    return alive;
  }

  /** Removes every entry. */
  clear(): void {
    if (this.#entries.size === 0) return;
    this.#entries.clear();
    // A new registry: the old one becomes garbage with every registration it holds.
    this.#registry = this.#newRegistry();
    this.#stale = 0;
    this.#peak = 0;
  }

  /** The live value for `key`; if there is none, stores `value` and returns it (ES2026). */
  getOrInsert(key: K, value: V): V {
    assertWeakable(value);
    const existing = this.get(key);
    if (existing !== undefined) return existing;
    this.#store(key, value);
    return value;
  }

  /**
   * The live value for `key`; if there is none, stores and returns `callback(key)` (ES2026).
   * If the callback stored something under `key` itself, its result overwrites it.
   */
  getOrInsertComputed(key: K, callback: (key: K) => V): V {
    assertFunction(callback, 'callback');
    const existing = this.get(key);
    if (existing !== undefined) return existing;
    const value = callback(key);
    assertWeakable(value);
    this.#store(key, value);
    return value;
  }

  /**
   * Removes `key` and returns its live value (Python's `pop`). When there is none, returns
   * `defaultValue` if one was passed (even `undefined`), else throws `RangeError`, as
   * Python raises `KeyError`.
   */
  pop(key: K): V;
  pop<D>(key: K, defaultValue: D): V | D;
  pop<D>(key: K, ...rest: [] | [D]): V | D {
    const entry = this.#entries.get(key);
    const value = entry?.deref();
    if (entry !== undefined) this.#forget(entry);
    if (value !== undefined) return value;
    if (rest.length > 0) return rest[0] as D;
    throw new RangeError(`WeakValueMap.pop(): key not found: ${describeKey(key)}`);
  }

  /**
   * Removes and returns the most recently inserted live `[key, value]` (Python's LIFO
   * `popitem`). Throws `RangeError` when no live entry is left. O(n): `Map` cannot be
   * walked backwards.
   */
  popItem(): [K, V] {
    let last: [K, V] | undefined;
    for (const pair of this.entries()) last = pair;
    if (last === undefined) throw new RangeError('WeakValueMap.popItem(): map is empty');
    this.#forget(this.#entries.get(last[0])!);
    return last;
  }

  /**
   * Stores every pair of `other`: an iterable of `[key, value]` (a `Map`, another
   * `WeakValueMap`, an array) or a plain record (Python's `update`, also `|=`). All values
   * are checked first: one that cannot be held weakly throws `TypeError` and nothing is stored.
   */
  update(other?: PairSource<K, V>): void {
    for (const [key, value] of checkedPairs(other)) this.#store(key, value);
  }

  /** A new `WeakValueMap` with the same live entries (Python's `copy`). */
  copy(): WeakValueMap<K, V> {
    return new WeakValueMap<K, V>(this);
  }

  /**
   * A new `WeakValueMap` with this map's live entries, then `other`'s (Python's `|`: on a
   * shared key, `other` wins). Neither input changes.
   */
  union<K2 = K, V2 extends WeakKey = V>(other: PairSource<K2, V2>): WeakValueMap<K | K2, V | V2> {
    const pairs = checkedPairs(other);
    const result = new WeakValueMap<K | K2, V | V2>(this);
    for (const [key, value] of pairs) result.#store(key, value);
    return result;
  }

  /**
   * A `KeyedRef` (with `key`) for each live value, in insertion order (Python's
   * `valuerefs`). The refs are made on demand and hold their values weakly.
   */
  valueRefs(): KeyedRef<K, V>[] {
    const refs: KeyedRef<K, V>[] = [];
    for (const [key, value] of this.entries()) refs.push(new KeyedRef(value, undefined, key));
    return refs;
  }

  /** Calls `callback(value, key, map)` for each live entry, in insertion order. */
  forEach(callback: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    assertFunction(callback, 'callback');
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }

  /** The live `[key, value]` pairs, in insertion order; collected values are skipped. */
  *entries(): MapIterator<[K, V]> {
    // The underlying Map iterator is lazy and live, so mutation during iteration behaves as in Map.
    for (const [key, entry] of this.#entries) {
      const value = entry.deref();
      if (value !== undefined) yield [key, value];
    }
  }

  /** The keys with a live value, in insertion order. */
  *keys(): MapIterator<K> {
    for (const [key] of this.entries()) yield key;
  }

  /** The live values, in insertion order. */
  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  /** Same as `entries()`. */
  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  /**
   * What `console.log` and `util.inspect` show: `WeakValueMap(2) { 'a' => {…} }`, the live
   * entries as a `Map` shows them (a snapshot made for the call, so nothing is kept).
   */
  [inspectCustom](depth: number | null, options: InspectOptions, inspect: Inspect): string {
    return inspectCollection(this, 'WeakValueMap', new Map(this), depth, options, inspect);
  }

  /** `'WeakValueMap'`, so `Object.prototype.toString` gives `[object WeakValueMap]`. */
  get [Symbol.toStringTag](): string {
    return 'WeakValueMap';
  }

  // Assumes `value` was already checked.
  #store(key: K, value: V): void {
    const old = this.#entries.get(key);
    if (old !== undefined) {
      const oldValue = old.deref();
      if (oldValue === value) return; // Same live value: keep the registration we have.
      // A dead entry is already gone as far as the user can see: the key moves to the end.
      if (oldValue === undefined) this.#entries.delete(key);
    }
    const entry = new Entry(value, key);
    this.#registry.register(value, entry);
    this.#entries.set(key, entry);
    if (this.#entries.size > this.#peak) this.#peak = this.#entries.size;
    if (old !== undefined) this.#retired(old);
  }

  #forget(entry: Entry<K, V>): void {
    this.#entries.delete(entry.key as K);
    this.#retired(entry);
  }

  // `entry` left the map while its registration stays behind.
  #retired(entry: Entry<K, V>): void {
    entry.key = undefined;
    this.#stale++;
    if (this.#stale > 2 * this.#peak + STALE_SLACK) this.#reregister();
  }

  // Bounds the cells of values that outlive their entries: a fresh registry holds one cell
  // per entry, the old one becomes garbage with all its cells. O(size), and it runs only after
  // more than 2 × peak ≥ 2 × size removals: O(1) amortized; a map emptied by `delete` costs
  // nothing until then. Dead entries found on the way go now, as their cleanup went with the
  // old registry.
  #reregister(): void {
    const registry = this.#newRegistry();
    for (const [key, entry] of this.#entries) {
      const value = entry.deref();
      if (value === undefined) this.#entries.delete(key);
      else registry.register(value, entry);
    }
    this.#registry = registry;
    this.#stale = 0;
    this.#peak = this.#entries.size;
  }

  #newRegistry(): FinalizationRegistry<Entry<K, V>> {
    const registry = createCleanupRegistry<Entry<K, V>>((entry) => {
      if (registry !== this.#registry) return; // replaced: its entries were re-registered
      // Only the entry that died goes: the key may have been re-set since.
      if (this.#entries.get(entry.key as K) === entry) this.#entries.delete(entry.key as K);
      else this.#stale--;
    }, 'WeakValueMap cleanup');
    return registry;
  }
}

// Below this many stale registrations, replacing the registry is not worth it.
const STALE_SLACK = 1024;

function describeKey(key: unknown): string {
  if (typeof key === 'string') return JSON.stringify(key);
  try {
    return String(key);
  } catch {
    return `a '${describeType(key)}' key`;
  }
}
