import type { WeakKey } from '@w/core';
import {
  assertFunction,
  assertWeakable,
  type CellRegistry,
  createCellRegistry,
  describeKey,
  type Inspect,
  type InspectOptions,
  incompatibleReceiver,
  inspectCollection,
  inspectCustom,
  setUpClass,
  WeakCell,
} from '@w/core/internal';
import { KeyedRef } from '@w/ref';
import { liveEntries, liveKeys, liveValues } from './live-iterators';
import { checkedPairs, type PairSource } from './pairs';

/**
 * One stored value: a weak reference that remembers its key, and its own registration cell,
 * so its cleanup knows which key to drop. An entry that leaves the map is retired and forgets
 * its key, so its leftover registration holds no user object.
 */
class Entry<K, V extends WeakKey> extends WeakCell<V> {
  constructor(
    value: V,
    public key: K | undefined,
  ) {
    super(value);
  }
}

// Internal seam for @w/cache: a subclass method under this key is called with the key of each
// entry that this map drops because its value was collected (cleanup, or a set over the dead
// entry); not for delete, pop, popItem or clear. A registered symbol: no export to keep stable.
const onCollected = Symbol.for('@w/weak-value-map:onCollected');

// Set up with the class: a brand check that works on any value.
let isWeakValueMap: (value: unknown) => boolean;

function check(receiver: unknown, method: string): void {
  if (!isWeakValueMap(receiver)) {
    throw incompatibleReceiver(`WeakValueMap.prototype.${method}`, receiver);
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
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: the class's set-up (CONTRIBUTING.md)
  static #setUp = (() => {
    isWeakValueMap = (value) =>
      typeof value === 'object' && value !== null && #entries in (value as object);
    setUpClass(this, 'WeakValueMap', 'entries');
  })();

  readonly #entries = new Map<K, Entry<K, V>>();

  // One cleanup handle per map, made by the first write: when the map is dropped, the handle
  // and all its cells go too. An entry that leaves the map early is retired: its
  // registration, if it has one, cleans for no one.
  #registry: CellRegistry<Entry<K, V>> | undefined;

  // Keys in insertion order, for popItem: made by its first call, then kept up to date.
  // A key deleted and set again appears twice; only its topmost copy is its place, and as
  // popItem takes from the top it meets that copy first. Rebuilt once mostly stale.
  #order: K[] | undefined;

  /**
   * Creates a map holding `entries`: `[key, value]` pairs or a plain record (an object
   * whose prototype is `Object.prototype` or `null`). Throws `TypeError` for anything else,
   * and for a value that cannot be held weakly.
   */
  constructor(entries?: PairSource<K, V>) {
    for (const [key, value] of checkedPairs(entries)) this.#store(key, value);
  }

  /**
   * Entries whose cleanup has not run yet. O(1). Right after a collection it can exceed
   * what iteration yields; after `collectGarbage()` it is exact.
   */
  get size(): number {
    if (!isWeakValueMap(this)) throw incompatibleReceiver('get WeakValueMap.prototype.size', this);
    return this.#entries.size;
  }

  /** The live value for `key`, or `undefined` if absent or collected. */
  get(key: K): V | undefined {
    check(this, 'get');
    return this.#entries.get(key)?.deref();
  }

  /** True when `key` has a live value. */
  has(key: K): boolean {
    check(this, 'has');
    return this.#entries.get(key)?.deref() !== undefined;
  }

  /**
   * Stores `value` (held weakly) under `key`. Re-setting a live key keeps its place in the
   * iteration order; a key whose value died counts as new and moves to the end.
   * Throws `TypeError` for a value that cannot be held weakly, and then changes nothing.
   */
  set(key: K, value: V): this {
    check(this, 'set');
    assertWeakable(value);
    this.#store(key, value);
    return this;
  }

  /**
   * Removes `key`. Returns true when it had a live value; a dead entry is removed too but,
   * being already invisible, returns false.
   */
  delete(key: K): boolean {
    check(this, 'delete');
    const entry = this.#entries.get(key);
    if (entry === undefined) return false;
    const alive = entry.deref() !== undefined;
    this.#forget(entry);
    return alive;
  }

  /** Removes every entry. */
  clear(): void {
    check(this, 'clear');
    if (this.#entries.size === 0) return;
    this.#entries.clear();
    this.#registry?.unregisterAll(); // nothing is left to clean for
    this.#order = undefined;
  }

  /** The live value for `key`; if there is none, stores `value` and returns it (ES2026). */
  getOrInsert(key: K, value: V): V {
    check(this, 'getOrInsert');
    assertWeakable(value);
    const existing = this.#entries.get(key)?.deref();
    if (existing !== undefined) return existing;
    this.#store(key, value);
    return value;
  }

  /**
   * The live value for `key`; if there is none, stores and returns `callback(key)` (ES2026:
   * a key of `-0` reaches the callback as `+0`). If the callback stored something under
   * `key` itself, its result overwrites that.
   */
  getOrInsertComputed(key: K, callback: (key: K) => V): V {
    check(this, 'getOrInsertComputed');
    assertFunction(callback, 'callback');
    const canonical = canonicalKey(key);
    const existing = this.#entries.get(canonical)?.deref();
    if (existing !== undefined) return existing;
    const value = callback(canonical);
    assertWeakable(value);
    this.#store(canonical, value);
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
    check(this, 'pop');
    const entry = this.#entries.get(key);
    const value = entry?.deref();
    if (entry !== undefined) this.#forget(entry);
    if (value !== undefined) return value;
    if (rest.length > 0) return rest[0] as D;
    throw new RangeError(`WeakValueMap.pop(): key not found: ${describeKey(key)}`);
  }

  /**
   * Removes and returns the most recently inserted live `[key, value]` (Python's LIFO
   * `popitem`). Throws `RangeError` when no live entry is left. O(1) amortized; the first
   * call lists the keys once (O(size)).
   */
  popItem(): [K, V] {
    check(this, 'popItem');
    this.#order ??= [...this.#entries.keys()];
    const order = this.#order;
    while (order.length > 0) {
      const key = order.pop() as K;
      const entry = this.#entries.get(key);
      if (entry === undefined) continue; // deleted since it was listed
      const value = entry.deref();
      this.#forget(entry); // a dead entry is invisible: it goes on the way
      if (value !== undefined) return [key, value];
    }
    throw new RangeError('WeakValueMap.popItem(): map is empty');
  }

  /**
   * Stores every pair of `other`: an iterable of `[key, value]` (a `Map`, another
   * `WeakValueMap`, an array) or a plain record (Python's `update`, also `|=`), and returns
   * this map. All values are checked first: one that cannot be held weakly throws
   * `TypeError` and nothing is stored.
   */
  update(other?: PairSource<K, V>): this {
    check(this, 'update');
    for (const [key, value] of checkedPairs(other)) this.#store(key, value);
    return this;
  }

  /**
   * A new `WeakValueMap` with the same live entries (Python's `copy`). Always a
   * `WeakValueMap`, also for a subclass, and read from this map's own data, as `Map`'s
   * methods do: overriding `entries` or `get` does not change it.
   */
  copy(): WeakValueMap<K, V> {
    check(this, 'copy');
    const result = emptyMap<K, V>();
    result.#storeAll(this.#entries);
    return result;
  }

  /**
   * A new `WeakValueMap` with this map's live entries, then `other`'s (Python's `|`: on a
   * shared key, `other` wins). Neither input changes. Like `copy`, always a `WeakValueMap`.
   */
  union<K2 = K, V2 extends WeakKey = V>(other: PairSource<K2, V2>): WeakValueMap<K | K2, V | V2> {
    check(this, 'union');
    const pairs = checkedPairs(other);
    const result = emptyMap<K | K2, V | V2>();
    result.#storeAll(this.#entries);
    for (const [key, value] of pairs) result.#store(key, value);
    return result;
  }

  /**
   * A `KeyedRef` (with `key`) for each live value, in insertion order (Python's
   * `valuerefs`). The refs are made on demand and hold their values weakly.
   */
  valueRefs(): KeyedRef<K, V>[] {
    check(this, 'valueRefs');
    const refs: KeyedRef<K, V>[] = [];
    for (const [key, entry] of this.#entries) {
      const value = entry.deref();
      if (value !== undefined) refs.push(new KeyedRef(value, undefined, key));
    }
    return refs;
  }

  /** Calls `callback(value, key, map)` for each live entry, in insertion order. */
  forEach(callback: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    check(this, 'forEach');
    assertFunction(callback, 'callback');
    // The Map iterator is live, so mutation during the walk behaves as in Map.
    for (const [key, entry] of this.#entries) {
      const value = entry.deref();
      if (value !== undefined) callback.call(thisArg, value, key, this);
    }
  }

  /** The live `[key, value]` pairs, in insertion order; collected values are skipped. */
  entries(): MapIterator<[K, V]> {
    check(this, 'entries');
    return liveEntries(this.#entries);
  }

  /** The keys with a live value, in insertion order. */
  keys(): MapIterator<K> {
    check(this, 'keys');
    return liveKeys(this.#entries);
  }

  /** The live values, in insertion order. */
  values(): MapIterator<V> {
    check(this, 'values');
    return liveValues(this.#entries);
  }

  /** Same as `entries()` (the very same function, as on `Map.prototype`). */
  declare [Symbol.iterator]: () => MapIterator<[K, V]>;

  /**
   * What `console.log` and `util.inspect` show: `WeakValueMap(2) { 'a' => {…} }`, the live
   * entries as a `Map` shows them (a snapshot made for the call, so nothing is kept).
   */
  [inspectCustom](depth: number | null, options: InspectOptions, inspect: Inspect): string {
    return inspectCollection(this, 'WeakValueMap', new Map(this), depth, options, inspect);
  }

  /** `'WeakValueMap'`, so `Object.prototype.toString` gives `[object WeakValueMap]`. */
  declare readonly [Symbol.toStringTag]: string;

  // Assumes `value` was already checked.
  #store(key: K, value: V): void {
    const canonical = canonicalKey(key);
    const old = this.#entries.get(canonical);
    let isNew = old === undefined;
    if (old !== undefined) {
      const oldValue = old.deref();
      if (oldValue === value) return; // Same live value: keep the entry we have.
      // A dead entry is already gone as far as the user can see: the key moves to the end.
      if (oldValue === undefined) {
        this.#dropCollected(canonical);
        isNew = true;
      }
    }
    const entry = new Entry(value, canonical);
    this.#registry ??= this.#newRegistry();
    this.#registry.add(entry);
    this.#entries.set(canonical, entry);
    if (old !== undefined) this.#retire(old);
    if (isNew && this.#order !== undefined) this.#pushOrder(canonical);
  }

  #storeAll(source: Map<K, Entry<K, V>>): void {
    for (const [key, entry] of source) {
      const value = entry.deref();
      if (value !== undefined) this.#store(key, value);
    }
  }

  #pushOrder(key: K): void {
    const order = this.#order as K[];
    order.push(key);
    if (order.length > 2 * this.#entries.size + ORDER_SLACK) this.#order = undefined;
  }

  #forget(entry: Entry<K, V>): void {
    this.#entries.delete(entry.key as K);
    this.#retire(entry);
  }

  // `entry` left the map: a registration it leaves behind holds no user object.
  #retire(entry: Entry<K, V>): void {
    entry.key = undefined;
    this.#registry?.retire(entry);
  }

  #dropCollected(key: K): void {
    this.#entries.delete(key);
    (this as { [onCollected]?: (key: K) => void })[onCollected]?.(key);
  }

  #newRegistry(): CellRegistry<Entry<K, V>> {
    return createCellRegistry<Entry<K, V>>(
      (entry) => this.#dropCollected(entry.key as K),
      'WeakValueMap cleanup',
      (visit) => {
        for (const entry of this.#entries.values()) visit(entry);
      },
    );
  }
}
// Below this many stale keys in popItem's list, rebuilding it is not worth it.
const ORDER_SLACK = 1024;

// The spec's CanonicalizeKeyedCollectionKey: Map stores -0 as +0, and so must what we hand out.
function canonicalKey<K>(key: K): K {
  return (key === 0 ? 0 : key) as K;
}

// For `copy` and `union`: outside the class, as a class body never names its own class.
function emptyMap<K, V extends WeakKey>(): WeakValueMap<K, V> {
  return new WeakValueMap();
}
