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
} from '@w/core/internal';
import { type Ref, ref } from '@w/ref';

// One WeakRef per key for the key's whole life: it gives iteration its key back, and it is
// what the key is registered with. Cleanup deletes it from the order by identity, which is a
// no-op once the key was deleted.
type Entry<K extends WeakKey> = WeakRef<K>;

/**
 * A `Map` whose keys are held weakly (Python's `WeakKeyDictionary`): an entry disappears
 * once its key is garbage-collected. Unlike `WeakMap` it can be iterated and counted.
 *
 * Values are held ephemerally, as in `WeakMap`: a value keeps nothing alive through its key,
 * so a value that refers to its own key does not keep that key (or itself) alive.
 *
 * A dead key is invisible at once (`get`, `has` and iteration skip it); `size` counts it until
 * the runtime's cleanup has run. Iteration follows insertion order, and the map may be
 * changed while it is being iterated, as a `Map` may.
 *
 * @typeParam K - the keys: objects, functions or non-registered symbols.
 * @typeParam V - the values: anything.
 */
export class WeakKeyMap<K extends WeakKey, V> implements Map<K, V> {
  // The members and their values: values live only here, so a value->key reference is not a
  // strong path to the key. `has`/`get` are one lookup here.
  #values = new WeakMap<K, V>();
  // Every key ever set and still alive, even deleted ones, with its one registered entry.
  // Registering without an unregister token is ~4x cheaper and needs no token table; keeping
  // the entry across delete/clear means re-adding a live key never registers it twice.
  readonly #entries = new WeakMap<K, Entry<K>>();
  // Insertion order and `size`; holds only WeakRefs, never keys or values.
  readonly #order = new Set<Entry<K>>();
  readonly #registry = createCleanupRegistry<Entry<K>>((entry) => {
    this.#order.delete(entry);
    this.#compactIfShrunk();
  }, 'WeakKeyMap cleanup');
  // The most entries held since the WeakMaps were last rebuilt (see #compactIfShrunk).
  #peakSize = 0;

  /**
   * Creates a map from `[key, value]` pairs. A key that cannot be held weakly throws a
   * `TypeError` before any pair is added.
   */
  constructor(entries?: Iterable<readonly [K, V]> | null) {
    if (entries !== undefined && entries !== null) this.#setAll(checkedPairs(entries));
  }

  /**
   * How many entries the map holds: O(1). An entry whose key was just collected is counted
   * until the runtime runs cleanup; after `collectGarbage()` the count is exact.
   */
  get size(): number {
    return this.#order.size;
  }

  /** `'WeakKeyMap'`, so `Object.prototype.toString` reports `[object WeakKeyMap]`. */
  get [Symbol.toStringTag](): string {
    return 'WeakKeyMap';
  }

  /** The value for `key`, or `undefined`. A key that cannot be held weakly simply misses. */
  get(key: K): V | undefined {
    return this.#values.get(key);
  }

  /** True when `key` has a live entry. A key that cannot be held weakly gives `false`. */
  has(key: K): boolean {
    return this.#values.has(key);
  }

  /**
   * Sets the value for `key`; a new key goes last in iteration order, an existing key keeps
   * its place. Throws a `TypeError`, changing nothing, when `key` cannot be held weakly.
   */
  set(key: K, value: V): this {
    assertWeakable(key);
    this.#set(key, value);
    return this;
  }

  /** Removes the entry for `key`; true when there was one. */
  delete(key: K): boolean {
    if (!this.#values.has(key)) return false;
    this.#remove(key);
    return true;
  }

  /** Removes every entry. */
  clear(): void {
    // No deref, no unregister: the keys keep their entries in `#entries` for a re-add.
    this.#order.clear();
    this.#values = new WeakMap();
    this.#peakSize = 0;
  }

  /**
   * The value for `key`; when there is none, sets `defaultValue` and returns it (ES2026
   * `Map.prototype.getOrInsert`, Python's `setdefault`). Throws a `TypeError`, changing
   * nothing, when `key` cannot be held weakly.
   */
  getOrInsert(key: K, defaultValue: V): V {
    assertWeakable(key);
    if (this.#values.has(key)) return this.#values.get(key) as V;
    this.#set(key, defaultValue);
    return defaultValue;
  }

  /**
   * The value for `key`; when there is none, calls `callback(key)`, sets its result and
   * returns it (ES2026 `Map.prototype.getOrInsertComputed`). If the callback itself set
   * `key`, its result overwrites that value. Throws a `TypeError`, changing nothing, when
   * `callback` is not a function or `key` cannot be held weakly.
   */
  getOrInsertComputed(key: K, callback: (key: K) => V): V {
    assertFunction(callback, 'callback');
    assertWeakable(key);
    if (this.#values.has(key)) return this.#values.get(key) as V;
    const value = callback.call(undefined, key);
    this.#set(key, value);
    return value;
  }

  /**
   * Removes `key` and returns its value (Python's `pop`). On a miss, returns `defaultValue`
   * when one was given, even `undefined`; without one, throws a `RangeError` (Python raises
   * `KeyError`).
   */
  pop(key: K): V;
  pop<D>(key: K, defaultValue: D): V | D;
  pop<D>(key: K, ...defaultValue: [D?]): V | D {
    if (!this.#values.has(key)) {
      if (defaultValue.length > 0) return defaultValue[0] as D;
      throw new RangeError('WeakKeyMap.pop(): key not found');
    }
    const value = this.#values.get(key) as V;
    this.#remove(key);
    return value;
  }

  /**
   * Removes the most recently inserted live entry and returns it as `[key, value]` (Python's
   * `popitem`). Throws a `RangeError` when there is none. O(size): a `Set` cannot be read
   * from its end.
   */
  popItem(): [K, V] {
    // Copying the entries costs no deref; then usually only the last one is dereferenced.
    const entries = [...this.#order];
    for (let i = entries.length - 1; i >= 0; i--) {
      const entry = entries[i]!;
      const key = entry.deref();
      if (key === undefined) continue;
      const value = this.#values.get(key) as V;
      this.#remove(key);
      return [key, value];
    }
    throw new RangeError('WeakKeyMap.popItem(): the map is empty');
  }

  /**
   * Sets every `[key, value]` pair of `entries`, in order (Python's `update`). Throws a
   * `TypeError`, adding nothing, when any key cannot be held weakly.
   */
  update(entries: Iterable<readonly [K, V]>): this {
    this.#setAll(checkedPairs(entries));
    return this;
  }

  /** A new `WeakKeyMap` with the same live entries, in the same order. */
  copy(): WeakKeyMap<K, V> {
    return new WeakKeyMap(this);
  }

  /**
   * A new `WeakKeyMap` with this map's entries, then `other`'s (Python's `|`): for a key in
   * both, `other`'s value wins and this map's position is kept. Neither input changes.
   */
  union<K2 extends WeakKey, V2>(other: Iterable<readonly [K2, V2]>): WeakKeyMap<K | K2, V | V2> {
    const pairs = checkedPairs<K | K2, V | V2>(other);
    const result = new WeakKeyMap<K | K2, V | V2>(this);
    result.#setAll(pairs);
    return result;
  }

  /**
   * A `Ref` to every live key, in iteration order (Python's `keyrefs`). Holding the refs
   * does not keep the keys alive.
   */
  keyRefs(): Ref<K>[] {
    const refs: Ref<K>[] = [];
    for (const key of this.keys()) refs.push(ref(key));
    return refs;
  }

  /** The live keys, in insertion order. */
  *keys(): MapIterator<K> {
    for (const entry of this.#order) {
      const key = entry.deref();
      if (key !== undefined) yield key;
    }
  }

  /** The values of the live keys, in insertion order. */
  *values(): MapIterator<V> {
    for (const key of this.keys()) yield this.#values.get(key) as V;
  }

  /** The live `[key, value]` pairs, in insertion order. */
  *entries(): MapIterator<[K, V]> {
    for (const key of this.keys()) yield [key, this.#values.get(key) as V];
  }

  /** Same as `entries()`. */
  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  /**
   * What `console.log` and `util.inspect` show: `WeakKeyMap(2) { {…} => 1, {…} => 2 }`, the
   * live entries as a `Map` shows them (a snapshot made for the call, so nothing is kept).
   */
  [inspectCustom](depth: number | null, options: InspectOptions, inspect: Inspect): string {
    return inspectCollection(this, 'WeakKeyMap', new Map(this), depth, options, inspect);
  }

  /** Calls `callback(value, key, map)` for each live entry, in insertion order. */
  forEach(callback: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    assertFunction(callback, 'callback');
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }

  #set(key: K, value: V): void {
    if (!this.#values.has(key)) {
      let entry = this.#entries.get(key);
      if (entry === undefined) {
        entry = new WeakRef(key);
        this.#entries.set(key, entry);
        this.#registry.register(key, entry);
      }
      this.#order.add(entry);
      if (this.#order.size > this.#peakSize) this.#peakSize = this.#order.size;
    }
    this.#values.set(key, value);
  }

  #setAll(pairs: (readonly [K, V])[]): void {
    for (const [key, value] of pairs) this.#set(key, value);
  }

  #remove(key: K): void {
    this.#order.delete(this.#entries.get(key) as Entry<K>);
    this.#values.delete(key);
    this.#compactIfShrunk();
  }

  // V8's WeakMap tables never shrink, even when GC empties them: after 1e5 keys die, each
  // would keep ~4 MB of empty slots. Rebuilding them once the map falls to a quarter of its
  // peak frees that, at O(live) cost amortized over the >= 3x as many removals: O(1) per
  // removal. `#entries` is kept: deleted live keys must keep their registered entries.
  #compactIfShrunk(): void {
    if (this.#peakSize < COMPACT_MIN_PEAK || this.#order.size > this.#peakSize / 4) return;
    const values = new WeakMap<K, V>();
    for (const entry of this.#order) {
      const key = entry.deref();
      if (key === undefined) continue; // its cleanup is pending and will remove it
      values.set(key, this.#values.get(key) as V);
    }
    this.#values = values;
    this.#peakSize = this.#order.size;
  }
}

// Below this peak, empty WeakMap slots cost too little to be worth a rebuild.
const COMPACT_MIN_PEAK = 1024;

// Reads every pair first, so a bad one throws before anything is changed.
function checkedPairs<K extends WeakKey, V>(entries: Iterable<readonly [K, V]>): [K, V][] {
  if (
    entries == null ||
    typeof (entries as Partial<Iterable<unknown>>)[Symbol.iterator] !== 'function'
  ) {
    throw new TypeError(`entries must be iterable, not '${describeType(entries)}'`);
  }
  const pairs: [K, V][] = [];
  for (const pair of entries) {
    if (pair === null || (typeof pair !== 'object' && typeof pair !== 'function')) {
      throw new TypeError(`each entry must be a [key, value] pair, not '${describeType(pair)}'`);
    }
    const key = pair[0];
    assertWeakable(key);
    pairs.push([key, pair[1]]);
  }
  return pairs;
}
