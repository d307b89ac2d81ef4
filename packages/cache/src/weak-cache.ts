import type { WeakKey } from '@w/core';
import {
  assertFunction,
  assertWeakable,
  callReportingErrors,
  describeType,
  type Inspect,
  type InspectOptions,
  incompatibleReceiver,
  inspectCollection,
  inspectCustom,
  setUpClass,
} from '@w/core/internal';
import { StrongTier } from './strong-tier';
import { WeakTier } from './weak-tier';

/** Why an entry left a `WeakCache`, as `onRemove` is told. */
export type RemovalCause = 'collected' | 'deleted' | 'replaced' | 'cleared';

/** What `new WeakCache(options)` takes. */
export interface WeakCacheOptions<K> {
  /** How many of the most recently used values are held strongly: a non-negative integer. */
  strong: number;
  /**
   * Called once for each entry that leaves, with its key and why: `'collected'` (its value
   * was garbage collected), `'deleted'`, `'replaced'` (`set` gave the key another value) or
   * `'cleared'`. A throw or a rejected promise goes to the unraisable hook.
   */
  onRemove?: ((key: K, cause: RemovalCause) => unknown) | undefined;
}

// Set up with the class: a brand check that works on any value.
let isWeakCache: (value: unknown) => boolean;

function check(receiver: unknown, method: string): void {
  if (!isWeakCache(receiver)) throw incompatibleReceiver(`WeakCache.prototype.${method}`, receiver);
}

/**
 * A cache that holds its `strong` most recently used values strongly and every other value
 * weakly: a hot entry survives any number of garbage collections, a cold one stays for as
 * long as something else keeps its value alive, and goes away once the value is collected
 * (as in `WeakValueMap`, whose cleanup its weak tier is). Keys can be anything, as in `Map`;
 * values must be objects, functions or unregistered symbols.
 *
 * `get`, `set`, `getOrInsert` and `getOrInsertComputed` count as a use: the entry becomes the
 * most recently used, and a weak one comes back into the strong tier (the least recently used
 * strong one then goes weak). `peek`, `has` and iteration do not. A hot read (a `get` of a
 * strong entry) allocates nothing and makes no `WeakRef`; only a value moving to the weak tier
 * gets one, once per stay there.
 */
export class WeakCache<K, V extends WeakKey> implements Map<K, V> {
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: the class's set-up (CONTRIBUTING.md)
  static #setUp = (() => {
    isWeakCache = (value) =>
      typeof value === 'object' && value !== null && #strong in (value as object);
    setUpClass(this, 'WeakCache', 'entries');
  })();

  // The strong tier, in recency order.
  #strong: StrongTier<K, V>;
  // The weak tier, in the order its entries went weak. A key is live in one tier at most.
  readonly #weak: WeakTier<K, V>;
  #capacity: number;
  readonly #onRemove: ((key: K, cause: RemovalCause) => unknown) | undefined;
  // Removals not yet told to onRemove, as key, cause, key, cause...: told at the end of the
  // call that made them, once this cache is consistent, or in a microtask after cleanup.
  #removals: unknown[] = [];
  #flushQueued = false;

  /**
   * `options.strong`: how many of the most recently used values are held strongly (a
   * non-negative integer; `0` makes a `WeakValueMap` with cache verbs). `options.onRemove`:
   * see `WeakCacheOptions`. Throws `TypeError` or `RangeError` for anything else.
   */
  constructor(options: WeakCacheOptions<K>) {
    if (typeof options !== 'object' || options === null) {
      throw new TypeError(`WeakCache options must be an object, not '${describeType(options)}'`);
    }
    const { strong, onRemove } = options;
    this.#capacity = checkedStrong(strong);
    this.#strong = new StrongTier<K, V>(this.#capacity);
    if (onRemove !== undefined) assertFunction(onRemove, 'onRemove');
    this.#onRemove = onRemove;
    this.#weak = new WeakTier<K, V>((key) => this.#collected(key));
  }

  /**
   * Live entries: the strong ones, plus the weak ones whose cleanup has not run. O(1). Right
   * after a collection it can exceed what iteration yields; after `collectGarbage()` it is exact.
   */
  get size(): number {
    if (!isWeakCache(this)) throw incompatibleReceiver('get WeakCache.prototype.size', this);
    return this.#strong.size + this.#weak.size;
  }

  /** How many entries are held strongly now: at most `strong`. */
  get strongSize(): number {
    if (!isWeakCache(this)) throw incompatibleReceiver('get WeakCache.prototype.strongSize', this);
    return this.#strong.size;
  }

  /**
   * How many of the most recently used values are held strongly. Setting it resizes the
   * strong tier: shrinking moves the least recently used to the weak tier, growing moves
   * nothing (a weak entry comes back when it is used).
   */
  get strong(): number {
    if (!isWeakCache(this)) throw incompatibleReceiver('get WeakCache.prototype.strong', this);
    return this.#capacity;
  }

  set strong(value: number) {
    if (!isWeakCache(this)) throw incompatibleReceiver('set WeakCache.prototype.strong', this);
    this.#capacity = checkedStrong(value);
    const strong = this.#strong;
    while (strong.size > this.#capacity) this.#demote(strong.last());
    // Shrunk a lot: give the slots back.
    if (strong.allocated > 2 * strong.size + 64) this.#strong = strong.compacted();
    this.#flush();
  }

  /** The live value for `key`, made the most recently used; `undefined` if absent or collected. */
  get(key: K): V | undefined {
    check(this, 'get');
    const strong = this.#strong;
    const slot = strong.slotOf(key);
    if (slot === undefined) return this.#useWeak(key);
    strong.use(slot);
    return strong.valueAt(slot);
  }

  /** The live value for `key`, leaving the order and the tiers as they are. */
  peek(key: K): V | undefined {
    check(this, 'peek');
    const slot = this.#strong.slotOf(key);
    if (slot !== undefined) return this.#strong.valueAt(slot);
    return this.#weak.size === 0 ? undefined : this.#weak.get(key);
  }

  /** True when `key` has a live value. Not a use: the order and the tiers stay as they are. */
  has(key: K): boolean {
    check(this, 'has');
    return this.#strong.has(key) || (this.#weak.size !== 0 && this.#weak.has(key));
  }

  /**
   * Stores `value` under `key` as the most recently used, held strongly (`strong: 0`: weakly),
   * and returns this cache. A different value already under `key` leaves with `'replaced'`.
   * Throws `TypeError` for a value that cannot be held weakly, and then changes nothing.
   */
  set(key: K, value: V): this {
    check(this, 'set');
    assertWeakable(value);
    this.#store(canonicalKey(key), value);
    this.#flush();
    return this;
  }

  /** Removes `key`; true when it had a live value (which leaves with `'deleted'`). */
  delete(key: K): boolean {
    check(this, 'delete');
    const canonical = canonicalKey(key);
    const slot = this.#strong.slotOf(canonical);
    if (slot !== undefined) {
      this.#strong.remove(slot);
    } else if (this.#weak.size === 0 || this.#weak.get(canonical) === undefined) {
      // A collected value's entry is left to its cleanup, which tells onRemove 'collected'.
      return false;
    } else {
      this.#weak.delete(canonical);
    }
    this.#removed(canonical, 'deleted');
    this.#flush();
    return true;
  }

  /**
   * Removes every entry; each live one leaves with `'cleared'`. An entry whose value was
   * already collected is left to its cleanup (it leaves with `'collected'`), so with
   * `onRemove` set, `size` counts such entries until then.
   */
  clear(): void {
    check(this, 'clear');
    const strongKeys = this.#onRemove === undefined ? [] : this.#strong.keys();
    this.#strong = new StrongTier(this.#capacity);
    if (this.#onRemove === undefined) {
      this.#weak.clear();
      return;
    }
    // Most recently used first, as iteration. The weak tier only loses its live entries.
    for (const key of strongKeys) this.#removed(key, 'cleared');
    for (const key of [...this.#weak.keys()].reverse()) {
      this.#weak.delete(key);
      this.#removed(key, 'cleared');
    }
    this.#flush();
  }

  /**
   * The live value for `key`, as `get` (a use); if there is none, stores `value` as `set`
   * does and returns it (ES2026).
   */
  getOrInsert(key: K, value: V): V {
    check(this, 'getOrInsert');
    assertWeakable(value);
    const canonical = canonicalKey(key);
    const existing = this.#use(canonical);
    if (existing !== undefined) return existing;
    this.#store(canonical, value);
    this.#flush();
    return value;
  }

  /**
   * The live value for `key`, as `get` (a use); if there is none, stores and returns
   * `callback(key)` (ES2026: a key of `-0` reaches the callback as `+0`). If the callback
   * stored something under `key` itself, its result replaces that.
   */
  getOrInsertComputed(key: K, callback: (key: K) => V): V {
    check(this, 'getOrInsertComputed');
    assertFunction(callback, 'callback');
    const canonical = canonicalKey(key);
    const existing = this.#use(canonical);
    if (existing !== undefined) return existing;
    const value = callback(canonical);
    assertWeakable(value);
    this.#store(canonical, value);
    this.#flush();
    return value;
  }

  /** Calls `callback(value, key, cache)` for each live entry, most recently used first. */
  forEach(callback: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    check(this, 'forEach');
    assertFunction(callback, 'callback');
    for (const key of this.#keysByRecency()) {
      const value = this.#peek(key);
      if (value !== undefined) callback.call(thisArg, value, key, this);
    }
  }

  /**
   * The live `[key, value]` pairs, most recently used first (the strong ones, then the weak
   * ones). Not a use. The walk follows the keys as they were when it started: an entry
   * removed meanwhile is skipped, one added meanwhile is not visited.
   */
  entries(): MapIterator<[K, V]> {
    check(this, 'entries');
    return this.#walk((key, value) => [key, value]);
  }

  /** The keys with a live value, most recently used first (as `entries()`). */
  keys(): MapIterator<K> {
    check(this, 'keys');
    return this.#walk((key) => key);
  }

  /** The live values, most recently used first (as `entries()`). */
  values(): MapIterator<V> {
    check(this, 'values');
    return this.#walk((_, value) => value);
  }

  /** Same as `entries()` (the very same function, as on `Map.prototype`). */
  declare [Symbol.iterator]: () => MapIterator<[K, V]>;

  /**
   * What `console.log` and `util.inspect` show: the live entries as a `Map` shows them, most
   * recently used first, then `strongSize`: the first `strongSize` of them are the strong ones.
   * `WeakCache(3) { 'a' => {…}, 'b' => {…}, 'c' => {…}, strongSize: 2 }`.
   */
  [inspectCustom](depth: number | null, options: InspectOptions, inspect: Inspect): string {
    const snapshot = new Map(this.entries());
    Object.defineProperty(snapshot, 'strongSize', {
      value: this.#strong.size,
      enumerable: true,
    });
    return inspectCollection(this, 'WeakCache', snapshot, depth, options, inspect);
  }

  /** `'WeakCache'`, so `Object.prototype.toString` gives `[object WeakCache]`. */
  declare readonly [Symbol.toStringTag]: string;

  // A use of `key` (canonical): its live value, made the most recently used.
  #use(key: K): V | undefined {
    const slot = this.#strong.slotOf(key);
    if (slot === undefined) return this.#useWeak(key);
    this.#strong.use(slot);
    return this.#strong.valueAt(slot);
  }

  // A use of a key that has no strong entry: a weak hit comes back into the strong tier.
  #useWeak(key: K): V | undefined {
    if (this.#weak.size === 0) return undefined;
    const value = this.#weak.get(key);
    if (value === undefined || this.#capacity === 0) return value;
    const canonical = canonicalKey(key);
    this.#weak.delete(canonical);
    this.#insertStrong(canonical, value);
    this.#flush();
    return value;
  }

  #peek(key: K): V | undefined {
    const slot = this.#strong.slotOf(key);
    return slot !== undefined ? this.#strong.valueAt(slot) : this.#weak.get(key);
  }

  // Stores `value` (checked) under `key` (canonical) as the most recently used.
  #store(key: K, value: V): void {
    const strong = this.#strong;
    const slot = strong.slotOf(key);
    if (slot !== undefined) {
      const old = strong.valueAt(slot);
      strong.setValueAt(slot, value);
      strong.use(slot);
      if (old !== value) this.#removed(key, 'replaced');
      return;
    }
    if (this.#weak.size !== 0) {
      const old = this.#weak.get(key);
      if (old !== undefined) {
        this.#weak.delete(key);
        if (old !== value) this.#removed(key, 'replaced');
      }
    }
    if (this.#capacity === 0) this.#weak.set(key, value);
    else this.#insertStrong(key, value);
  }

  // A new strong entry, first in the order; past capacity, the last one goes weak and the new
  // entry takes its slot.
  #insertStrong(key: K, value: V): void {
    const strong = this.#strong;
    if (strong.size < this.#capacity) {
      strong.add(key, value);
      return;
    }
    const slot = strong.last();
    const demotedKey = strong.keyAt(slot);
    const demotedValue = strong.valueAt(slot);
    strong.reuse(slot, key, value);
    this.#weak.set(demotedKey, demotedValue);
  }

  // `slot` leaves the strong tier for the weak one: its value's one WeakRef is made here.
  #demote(slot: number): void {
    const key = this.#strong.keyAt(slot);
    const value = this.#strong.valueAt(slot);
    this.#strong.remove(slot);
    this.#weak.set(key, value);
  }

  // The weak tier dropped `key` because its value was collected.
  #collected(key: K): void {
    this.#removed(key, 'collected');
    // From the runtime's cleanup (no call of ours to flush at its end): tell onRemove in a
    // microtask, once the weak tier has finished its sweep.
    if (this.#onRemove !== undefined && !this.#flushQueued) {
      this.#flushQueued = true;
      queueMicrotask(() => {
        this.#flushQueued = false;
        this.#flush();
      });
    }
  }

  #removed(key: K, cause: RemovalCause): void {
    if (this.#onRemove !== undefined) this.#removals.push(key, cause);
  }

  // Tells onRemove of the removals made so far. Runs when this cache is consistent: a
  // callback may use it (its own removals are told after it returns, in order).
  #flush(): void {
    const removals = this.#removals;
    if (removals.length === 0) return;
    this.#removals = [];
    const onRemove = this.#onRemove as (key: K, cause: RemovalCause) => unknown;
    for (let i = 0; i < removals.length; i += 2) {
      callReportingErrors(
        onRemove,
        'WeakCache onRemove',
        this,
        removals[i] as K,
        removals[i + 1] as RemovalCause,
      );
    }
  }

  // The keys with an entry now, most recently used first: the strong tier's, then the weak
  // tier's from the latest to go weak.
  #keysByRecency(): K[] {
    const keys = this.#strong.keys();
    if (this.#weak.size !== 0) keys.push(...[...this.#weak.keys()].reverse());
    return keys;
  }

  *#walk<T>(shape: (key: K, value: V) => T): Generator<T, undefined, unknown> {
    for (const key of this.#keysByRecency()) {
      const value = this.#peek(key);
      if (value !== undefined) yield shape(key, value);
    }
    return undefined;
  }
}

function checkedStrong(value: unknown): number {
  if (typeof value !== 'number') {
    throw new TypeError(`WeakCache strong must be a number, not '${describeType(value)}'`);
  }
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`WeakCache strong must be a non-negative integer, not ${value}`);
  }
  return value;
}

// The spec's CanonicalizeKeyedCollectionKey: Map stores -0 as +0, and so must what we hand out.
function canonicalKey<K>(key: K): K {
  return (key === 0 ? 0 : key) as K;
}
