import type { WeakKey } from '@w/core';
import {
  assertFunction,
  assertWeakable,
  describeKey,
  describeType,
  type Inspect,
  type InspectOptions,
  incompatibleReceiver,
  inspectCollection,
  inspectCustom,
  OrderedWeakKeys,
  setUpClass,
} from '@w/core/internal';
import { type Ref, ref } from '@w/ref';

// The keys and values of a WeakKeyMap, or a TypeError naming `method` when `map` is not one.
let ownKeys: <K extends WeakKey, V>(map: unknown, method: string) => OrderedWeakKeys<K, V>;

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
 * As with `Map`, every method checks that it is called on a `WeakKeyMap`, methods read the
 * map's own entries (never overridable methods), and `copy()`/`union()` return a
 * `WeakKeyMap`, also from a subclass.
 *
 * @typeParam K - the keys: objects, functions or non-registered symbols.
 * @typeParam V - the values: anything.
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the interface below types a method
export class WeakKeyMap<K extends WeakKey, V> implements Map<K, V> {
  readonly #keys = new OrderedWeakKeys<K, V>('WeakKeyMap cleanup');

  /**
   * Creates a map from `[key, value]` pairs. A key that cannot be held weakly throws a
   * `TypeError` before any pair is added.
   */
  constructor(entries?: Iterable<readonly [K, V]> | null) {
    if (entries !== undefined && entries !== null) setAll(this.#keys, checkedPairs(entries));
  }

  /**
   * How many entries the map holds: O(1). An entry whose key was just collected is counted
   * until the runtime runs cleanup; after `collectGarbage()` the count is exact.
   */
  get size(): number {
    return ownKeys(this, 'size').size;
  }

  /** `'WeakKeyMap'`, so `Object.prototype.toString` reports `[object WeakKeyMap]`. */
  declare readonly [Symbol.toStringTag]: string;

  /** The value for `key`, or `undefined`. A key that cannot be held weakly simply misses. */
  get(key: K): V | undefined {
    return ownKeys<K, V>(this, 'get').get(key);
  }

  /** True when `key` has a live entry. A key that cannot be held weakly gives `false`. */
  has(key: K): boolean {
    return ownKeys(this, 'has').has(key);
  }

  /**
   * Sets the value for `key`; a new key goes last in iteration order, an existing key keeps
   * its place. Throws a `TypeError`, changing nothing, when `key` cannot be held weakly.
   */
  set(key: K, value: V): this {
    const keys = ownKeys<K, V>(this, 'set');
    assertWeakable(key);
    keys.set(key, value);
    return this;
  }

  /** Removes the entry for `key`; true when there was one. */
  delete(key: K): boolean {
    return ownKeys(this, 'delete').delete(key);
  }

  /** Removes every entry. */
  clear(): void {
    ownKeys(this, 'clear').clear();
  }

  /**
   * The value for `key`; when there is none, sets `defaultValue` and returns it (ES2026
   * `Map.prototype.getOrInsert`, Python's `setdefault`). Throws a `TypeError`, changing
   * nothing, when `key` cannot be held weakly.
   */
  getOrInsert(key: K, defaultValue: V): V {
    const keys = ownKeys<K, V>(this, 'getOrInsert');
    assertWeakable(key);
    if (keys.has(key)) return keys.get(key) as V;
    keys.set(key, defaultValue);
    return defaultValue;
  }

  /**
   * The value for `key`; when there is none, calls `callback(key)`, sets its result and
   * returns it (ES2026 `Map.prototype.getOrInsertComputed`). If the callback itself set
   * `key`, its result overwrites that value. Throws a `TypeError`, changing nothing, when
   * `callback` is not a function or `key` cannot be held weakly.
   */
  getOrInsertComputed(key: K, callback: (key: K) => V): V {
    const keys = ownKeys<K, V>(this, 'getOrInsertComputed');
    assertFunction(callback, 'callback');
    assertWeakable(key);
    if (keys.has(key)) return keys.get(key) as V;
    const value = callback.call(undefined, key);
    keys.set(key, value);
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
    const keys = ownKeys<K, V>(this, 'pop');
    if (!keys.has(key)) {
      if (defaultValue.length > 0) return defaultValue[0] as D;
      throw new RangeError(`WeakKeyMap.pop(): key not found: ${describeKey(key)}`);
    }
    const value = keys.get(key) as V;
    keys.delete(key);
    return value;
  }

  /**
   * Removes the most recently inserted live entry and returns it as `[key, value]` (Python's
   * `popitem`): O(1) amortized. Throws a `RangeError` when there is none.
   */
  popItem(): [K, V] {
    const entry = ownKeys<K, V>(this, 'popItem').pop();
    if (entry === undefined) throw new RangeError('WeakKeyMap.popItem(): the map is empty');
    return entry;
  }

  /**
   * Sets every `[key, value]` pair of `entries`, in order (Python's `update`); with no
   * argument (or `null`/`undefined`) it sets nothing. Throws a `TypeError`, adding nothing,
   * when any key cannot be held weakly. Returns this map.
   */
  update(entries?: Iterable<readonly [K, V]> | null): this {
    const keys = ownKeys<K, V>(this, 'update');
    if (entries !== undefined && entries !== null) setAll(keys, checkedPairs(entries));
    return this;
  }

  /** A new `WeakKeyMap` with the same live entries, in the same order. */
  copy(): WeakKeyMap<K, V> {
    const keys = ownKeys<K, V>(this, 'copy');
    const result = emptyMap<K, V>();
    setAll(result.#keys, keys.entries());
    return result;
  }

  /**
   * A new `WeakKeyMap` with this map's entries, then `other`'s (Python's `|`): for a key in
   * both, `other`'s value wins and this map's position is kept. Neither input changes.
   */
  union<K2 extends WeakKey, V2>(other: Iterable<readonly [K2, V2]>): WeakKeyMap<K | K2, V | V2> {
    const keys = ownKeys<K, V>(this, 'union');
    const pairs = checkedPairs<K | K2, V | V2>(other);
    const result = emptyMap<K | K2, V | V2>();
    setAll(result.#keys, keys.entries());
    setAll(result.#keys, pairs);
    return result;
  }

  /**
   * A `Ref` to every live key, in iteration order (Python's `keyrefs`). Holding the refs
   * does not keep the keys alive.
   */
  keyRefs(): Ref<K>[] {
    const refs: Ref<K>[] = [];
    for (const key of ownKeys<K, V>(this, 'keyRefs').keys()) refs.push(ref(key));
    return refs;
  }

  /** The live keys, in insertion order. */
  keys(): MapIterator<K> {
    return ownKeys<K, V>(this, 'keys').keys();
  }

  /** The values of the live keys, in insertion order. */
  values(): MapIterator<V> {
    return ownKeys<K, V>(this, 'values').values();
  }

  /** The live `[key, value]` pairs, in insertion order. */
  entries(): MapIterator<[K, V]> {
    return ownKeys<K, V>(this, 'entries').entries();
  }

  /**
   * What `console.log` and `util.inspect` show: `WeakKeyMap(2) { {…} => 1, {…} => 2 }`, the
   * live entries as a `Map` shows them (a snapshot made for the call, so nothing is kept).
   */
  [inspectCustom](depth: number | null, options: InspectOptions, inspect: Inspect): string {
    ownKeys(this, '[inspect.custom]');
    return inspectCollection(this, 'WeakKeyMap', new Map(this), depth, options, inspect);
  }

  /** Calls `callback(value, key, map)` for each live entry, in insertion order. */
  forEach(callback: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    const keys = ownKeys<K, V>(this, 'forEach');
    assertFunction(callback, 'callback');
    keys.forEach((key) => {
      callback.call(thisArg, keys.get(key) as V, key, this);
    });
  }

  // In the class, so that a bundle that does not use it drops it with the class.
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: the class's set-up (CONTRIBUTING.md)
  static #setUp = (() => {
    ownKeys = <K2 extends WeakKey, V2>(map: unknown, method: string) => {
      if (typeof map === 'object' && map !== null && #keys in map) {
        return (map as unknown as WeakKeyMap<K2, V2>).#keys;
      }
      throw incompatibleReceiver(
        `WeakKeyMap.prototype${method[0] === '[' ? '' : '.'}${method}`,
        map,
      );
    };
    setUpClass(this, 'WeakKeyMap', 'entries');
  })();
}

// [Symbol.iterator] is `entries` itself (see the class's set-up).
export interface WeakKeyMap<K extends WeakKey, V> {
  /** Same as `entries()` (the same function, as on `Map`). */
  [Symbol.iterator](): MapIterator<[K, V]>;
}

// For `copy` and `union`: outside the class, as a class body never names its own class.
function emptyMap<K extends WeakKey, V>(): WeakKeyMap<K, V> {
  return new WeakKeyMap();
}

function setAll<K extends WeakKey, V>(
  keys: OrderedWeakKeys<K, V>,
  pairs: Iterable<readonly [K, V]>,
): void {
  for (const [key, value] of pairs) keys.set(key, value);
}

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
