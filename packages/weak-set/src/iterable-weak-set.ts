import type { CleanupRegistry, WeakKey } from '@w/core/internal';
import {
  assertFunction,
  assertWeakable,
  canBeHeldWeakly,
  createCleanupRegistry,
  describeType,
} from '@w/core/internal';
import { getSetRecord, keysOf, otherHas, type SetLike } from './set-like';

/**
 * The members of a `SetLike<U>` that an `IterableWeakSet` can hold: `U` itself when it is
 * weakable; `WeakKey` for `unknown`. The set methods throw for the others at run time.
 */
export type WeakMembers<U> = U extends WeakKey ? U : U & WeakKey;

/**
 * A `Set` that holds its members weakly (Python's `weakref.WeakSet`): a member that nothing
 * else references is collected, and then disappears from the set. Unlike the global
 * `WeakSet`, it can be iterated (in insertion order) and counted.
 *
 * A collected member is invisible at once (`has` is `false`, iteration skips it); `size`
 * counts it until the runtime's cleanup task has run (see docs/collection.md), so `size`
 * is exact after `collectGarbage()` from `@w/core/testing`.
 */
export class IterableWeakSet<T extends WeakKey> implements Set<T> {
  // Insertion order. Each value gets exactly one WeakRef for its whole life, which is what
  // its cleanup removes: cleanup deletes by identity, a no-op once the ref left the order.
  #order = new Set<WeakRef<T>>();
  // Finds a member's ref in O(1), and answers `has` without a deref (a deref would keep
  // the member alive until the end of the current task).
  #refs = new WeakMap<T, WeakRef<T>>();
  // Values removed while alive, with the ref they are still registered under. A value is
  // registered once, without an unregister token (4x cheaper, and no token table), so
  // re-adding it reuses that ref instead of piling up registrations.
  #removed = new WeakMap<T, WeakRef<T>>();
  // One registry per set: when the set is dropped, its registry and registrations go too.
  // Made on first add, so empty sets (results of set methods...) cost no registry.
  #registry: CleanupRegistry<WeakRef<T>> | undefined;

  /**
   * Creates a set holding the members of `iterable`, like `new Set(iterable)`. Throws
   * `TypeError` if any of them cannot be held weakly, before anything is added.
   */
  constructor(iterable?: Iterable<T> | null) {
    if (iterable !== undefined && iterable !== null) {
      for (const value of weakableValues(iterable)) this.#add(value);
    }
  }

  /** Number of members whose cleanup has not run yet: O(1), exact after a collection's cleanup. */
  get size(): number {
    return this.#order.size;
  }

  /** Adds `value` (kept in place if already a member). Throws `TypeError` for a value that cannot be held weakly. */
  add(value: T): this {
    assertWeakable(value);
    this.#add(value);
    return this;
  }

  /** True when `value` is a live member. Values that cannot be held weakly are never members. */
  has(value: T): boolean {
    // WeakMap.has answers false for what cannot be held weakly: no check needed on this hot path.
    return this.#refs.has(value);
  }

  /** Removes `value`; returns whether it was a member. */
  delete(value: T): boolean {
    const ref = this.#refs.get(value);
    if (ref === undefined) return false;
    this.#forget(value, ref);
    return true;
  }

  /** Removes every member. */
  clear(): void {
    // Live members stay registered: remember their refs for a re-add.
    for (const ref of this.#order) {
      const value = ref.deref();
      if (value !== undefined) this.#removed.set(value, ref);
    }
    this.#order.clear();
    // A WeakMap cannot be cleared; a fresh one drops every entry of the old one.
    this.#refs = new WeakMap();
  }

  /**
   * Removes and returns the OLDEST live member (the first one iteration would yield; Python's
   * `WeakSet.pop()` returns an arbitrary one). Collected members it passes are removed at
   * once, so `size` can drop before their cleanup runs. Throws `RangeError` when no member is left.
   */
  pop(): T {
    for (const ref of this.#order) {
      const value = ref.deref();
      if (value !== undefined) {
        this.#forget(value, ref);
        return value;
      }
      this.#order.delete(ref); // collected, its cleanup pending: that will be a no-op
    }
    throw new RangeError('IterableWeakSet.pop(): the set is empty');
  }

  /**
   * Adds every member of `iterable` (Python's `update`). Throws `TypeError`, and adds
   * nothing, if any of them cannot be held weakly. Returns this set.
   */
  update(iterable: Iterable<T>): this {
    for (const value of weakableValues(iterable)) this.#add(value);
    return this;
  }

  /** A new `IterableWeakSet` with the same live members, in the same order. */
  copy(): IterableWeakSet<T> {
    const result = new IterableWeakSet<T>();
    for (const value of this) result.#add(value);
    return result;
  }

  /** Live members in insertion order; members added while iterating are visited, deleted ones are not. */
  *values(): SetIterator<T> {
    for (const ref of this.#order) {
      const value = ref.deref();
      if (value !== undefined) yield value;
    }
    return undefined;
  }

  /** The same as `values()`, as for `Set`. */
  keys(): SetIterator<T> {
    return this.values();
  }

  /** `[member, member]` pairs, as for `Set`. */
  *entries(): SetIterator<[T, T]> {
    for (const value of this.values()) yield [value, value];
    return undefined;
  }

  /** The same as `values()`. */
  [Symbol.iterator](): SetIterator<T> {
    return this.values();
  }

  /** Calls `callback(member, member, set)` for each live member, in insertion order. */
  forEach(callback: (value: T, value2: T, set: Set<T>) => void, thisArg?: unknown): void {
    assertFunction(callback, 'IterableWeakSet.forEach(): callback');
    for (const value of this.values()) callback.call(thisArg, value, value, this);
  }

  /** `'IterableWeakSet'`, for `Object.prototype.toString`. */
  get [Symbol.toStringTag](): string {
    return 'IterableWeakSet';
  }

  /**
   * A new set with the members of this set and of `other` (any set-like: `Set`,
   * `IterableWeakSet`, your own). Throws `TypeError` if a member of `other` cannot be held weakly.
   */
  union<U>(other: SetLike<U>): IterableWeakSet<T | WeakMembers<U>> {
    const record = getSetRecord(other, 'union');
    const result: IterableWeakSet<T | WeakMembers<U>> = this.copy();
    for (const value of keysOf(record, 'union')) {
      assertWeakableMember(value, 'union');
      result.#add(value as WeakMembers<U>);
    }
    return result;
  }

  /** A new set with the members of this set that are also in `other`. */
  intersection<U>(other: SetLike<U>): IterableWeakSet<T & U> {
    const record = getSetRecord(other, 'intersection');
    const result = new IterableWeakSet<T & U>();
    // As the spec does: walk the smaller side, ask the other one.
    if (this.size <= record.size) {
      for (const value of this) if (otherHas(record, value)) result.#add(value as T & U);
    } else {
      for (const value of keysOf(record, 'intersection')) {
        if (this.has(value as T)) result.#add(value as T & U);
      }
    }
    return result;
  }

  /** A new set with the members of this set that are not in `other`. */
  difference<U>(other: SetLike<U>): IterableWeakSet<T> {
    const record = getSetRecord(other, 'difference');
    const result = this.copy();
    if (this.size <= record.size) {
      for (const value of this) if (otherHas(record, value)) result.delete(value);
    } else {
      for (const value of keysOf(record, 'difference')) result.delete(value as T);
    }
    return result;
  }

  /**
   * A new set with the members that are in exactly one of this set and `other`. Throws
   * `TypeError` if a member of `other` that it would add cannot be held weakly.
   */
  symmetricDifference<U>(other: SetLike<U>): IterableWeakSet<T | WeakMembers<U>> {
    const record = getSetRecord(other, 'symmetricDifference');
    const result: IterableWeakSet<T | WeakMembers<U>> = this.copy();
    for (const value of keysOf(record, 'symmetricDifference')) {
      // Decided against this set, not the result, so a duplicate key cannot toggle twice.
      if (this.has(value as T)) {
        result.delete(value as T);
      } else {
        assertWeakableMember(value, 'symmetricDifference');
        result.#add(value as WeakMembers<U>);
      }
    }
    return result;
  }

  /** True when every live member of this set is in `other`. */
  isSubsetOf(other: SetLike<unknown>): boolean {
    const record = getSetRecord(other, 'isSubsetOf');
    // `size` may still count collected members: only trust the shortcut on a live count.
    if (this.size > record.size && this.#liveCount() > record.size) return false;
    for (const value of this) if (!otherHas(record, value)) return false;
    return true;
  }

  /** True when every member of `other` is a live member of this set. */
  isSupersetOf(other: SetLike<unknown>): boolean {
    const record = getSetRecord(other, 'isSupersetOf');
    // Counting collected members only makes this shortcut rarer, never wrong.
    if (this.size < record.size) return false;
    for (const value of keysOf(record, 'isSupersetOf')) if (!this.has(value as T)) return false;
    return true;
  }

  /** True when this set and `other` have no member in common. */
  isDisjointFrom(other: SetLike<unknown>): boolean {
    const record = getSetRecord(other, 'isDisjointFrom');
    if (this.size <= record.size) {
      for (const value of this) if (otherHas(record, value)) return false;
    } else {
      for (const value of keysOf(record, 'isDisjointFrom')) if (this.has(value as T)) return false;
    }
    return true;
  }

  #add(value: T): void {
    if (this.#refs.has(value)) return;
    let ref = this.#removed.get(value);
    if (ref === undefined) {
      ref = new WeakRef(value);
      this.#registry ??= createCleanupRegistry<WeakRef<T>>(
        (dead) => this.#order.delete(dead),
        'IterableWeakSet cleanup',
      );
      this.#registry.register(value, ref);
    } else {
      this.#removed.delete(value);
    }
    this.#refs.set(value, ref);
    this.#order.add(ref);
  }

  // Removes a live member; its registration stays, kept for a re-add.
  #forget(value: T, ref: WeakRef<T>): void {
    this.#order.delete(ref);
    this.#refs.delete(value);
    this.#removed.set(value, ref);
  }

  #liveCount(): number {
    let count = 0;
    for (const _ of this) count++;
    return count;
  }
}

/** Reads all of `iterable` and checks every value before the caller adds any (no partial update). */
function weakableValues<T>(iterable: Iterable<T>): T[] {
  if (
    iterable == null ||
    typeof (iterable as Partial<Iterable<T>>)[Symbol.iterator] !== 'function'
  ) {
    throw new TypeError(`IterableWeakSet: expected an iterable, not '${describeType(iterable)}'`);
  }
  const values = [...iterable];
  for (const value of values) assertWeakable(value);
  return values;
}

function assertWeakableMember(value: unknown, method: string): asserts value is WeakKey {
  if (!canBeHeldWeakly(value)) {
    throw new TypeError(
      `IterableWeakSet.${method}(): cannot create weak reference to '${describeType(value)}' value`,
    );
  }
}
