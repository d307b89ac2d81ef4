import { canBeHeldWeakly, type WeakKey } from '@w/core';
import {
  assertFunction,
  assertWeakable,
  describeType,
  type Inspect,
  type InspectOptions,
  incompatibleReceiver,
  inspectCollection,
  inspectCustom,
  OrderedWeakKeys,
  setUpClass,
} from '@w/core/internal';
import { getSetRecord, keysOf, otherHas, type SetLike } from './set-like';

/**
 * The members of a `SetLike<U>` that an `IterableWeakSet` can hold: `U` itself when it is
 * weakable; `WeakKey` for `unknown`. The set methods throw for the others at run time.
 */
export type WeakMembers<U> = U extends WeakKey ? U : U & WeakKey;

type Members<T extends WeakKey> = OrderedWeakKeys<T, undefined>;

// The members of an IterableWeakSet, or a TypeError naming `method` when `set` is not one.
let ownMembers: <T extends WeakKey>(set: unknown, method: string) => Members<T>;
// A new, empty IterableWeakSet and its members (set methods fill results through them).
let newSet: <T extends WeakKey>() => [IterableWeakSet<T>, Members<T>];

/**
 * A `Set` that holds its members weakly (Python's `weakref.WeakSet`): a member that nothing
 * else references is collected, and then disappears from the set. Unlike the global
 * `WeakSet`, it can be iterated (in insertion order) and counted.
 *
 * A collected member is invisible at once (`has` is `false`, iteration skips it); `size`
 * counts it until the runtime's cleanup task has run (see docs/collection.md), so `size`
 * is exact after `collectGarbage()` from `@w/core/testing`.
 *
 * As with `Set`, every method checks that it is called on an `IterableWeakSet`, the set
 * methods read the set's own members (never overridable methods such as `has`), and every
 * set they return is an `IterableWeakSet`, also when called on a subclass.
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the interface below types two methods
export class IterableWeakSet<T extends WeakKey> implements Set<T> {
  readonly #members: Members<T> = new OrderedWeakKeys<T, undefined>('IterableWeakSet cleanup');

  /**
   * Creates a set holding the members of `iterable`, like `new Set(iterable)`. Throws
   * `TypeError` if any of them cannot be held weakly, before anything is added.
   */
  constructor(iterable?: Iterable<T> | null) {
    if (iterable !== undefined && iterable !== null)
      addAll(this.#members, weakableValues(iterable));
  }

  /** Number of members whose cleanup has not run yet: O(1), exact after a collection's cleanup. */
  get size(): number {
    return ownMembers(this, 'size').size;
  }

  /** Adds `value` (kept in place if already a member). Throws `TypeError` for a value that cannot be held weakly. */
  add(value: T): this {
    const members = ownMembers<T>(this, 'add');
    assertWeakable(value);
    if (!members.has(value)) members.set(value, undefined);
    return this;
  }

  /** True when `value` is a live member. Values that cannot be held weakly are never members. */
  has(value: T): boolean {
    return ownMembers(this, 'has').has(value);
  }

  /** Removes `value`; returns whether it was a member. */
  delete(value: T): boolean {
    return ownMembers(this, 'delete').delete(value);
  }

  /** Removes every member. */
  clear(): void {
    ownMembers(this, 'clear').clear();
  }

  /**
   * Removes and returns the OLDEST live member (the first one iteration would yield; Python's
   * `WeakSet.pop()` returns an arbitrary one): O(1) amortized. Collected members it passes
   * are removed at once, so `size` can drop before their cleanup runs. Throws `RangeError`
   * when no member is left.
   */
  pop(): T {
    const entry = ownMembers<T>(this, 'pop').shift();
    if (entry === undefined) throw new RangeError('IterableWeakSet.pop(): the set is empty');
    return entry[0];
  }

  /**
   * Adds every member of `iterable` (Python's `update`). Throws `TypeError`, and adds
   * nothing, if any of them cannot be held weakly. Returns this set.
   */
  update(iterable: Iterable<T>): this {
    const members = ownMembers<T>(this, 'update');
    addAll(members, weakableValues(iterable));
    return this;
  }

  /**
   * Keeps only the members that are also in `iterable`, any iterable (Python's
   * `intersection_update`, `&=`). Returns this set.
   */
  intersectionUpdate(iterable: Iterable<unknown>): this {
    const members = ownMembers<T>(this, 'intersectionUpdate');
    const kept = new Set(readAll(iterable, 'intersectionUpdate'));
    for (const value of [...members.keys()]) if (!kept.has(value)) members.delete(value);
    return this;
  }

  /**
   * Removes every member that is in `iterable`, any iterable (Python's `difference_update`,
   * `-=`). Returns this set.
   */
  differenceUpdate(iterable: Iterable<unknown>): this {
    const members = ownMembers<T>(this, 'differenceUpdate');
    for (const value of readAll(iterable, 'differenceUpdate')) members.delete(value);
    return this;
  }

  /**
   * Removes the members that are in `iterable` and adds, in order, its values that were not
   * members (Python's `symmetric_difference_update`, `^=`); a value given twice counts once.
   * Throws `TypeError`, changing nothing, if a value it would add cannot be held weakly.
   * Returns this set.
   */
  symmetricDifferenceUpdate(iterable: Iterable<T>): this {
    const members = ownMembers<T>(this, 'symmetricDifferenceUpdate');
    const values = new Set(readAll(iterable, 'symmetricDifferenceUpdate'));
    for (const value of values) {
      if (!members.has(value)) assertWeakableMember(value, 'symmetricDifferenceUpdate');
    }
    const toAdd = [...values].filter((value) => !members.has(value));
    for (const value of values) members.delete(value);
    addAll(members, toAdd as T[]);
    return this;
  }

  /** A new `IterableWeakSet` with the same live members, in the same order. */
  copy(): IterableWeakSet<T> {
    return copyOf(ownMembers<T>(this, 'copy'))[0];
  }

  /** Live members in insertion order; members added while iterating are visited, deleted ones are not. */
  values(): SetIterator<T> {
    return ownMembers<T>(this, 'values').keys();
  }

  /** `[member, member]` pairs, as for `Set`. */
  entries(): SetIterator<[T, T]> {
    return ownMembers<T>(this, 'entries').pairs();
  }

  /**
   * What `console.log` and `util.inspect` show: `IterableWeakSet(2) { {…}, {…} }`, the live
   * members as a `Set` shows them (a snapshot made for the call, so nothing is kept).
   */
  [inspectCustom](depth: number | null, options: InspectOptions, inspect: Inspect): string {
    ownMembers(this, '[inspect.custom]');
    return inspectCollection(this, 'IterableWeakSet', new Set(this), depth, options, inspect);
  }

  /** Calls `callback(member, member, set)` for each live member, in insertion order. */
  forEach(callback: (value: T, value2: T, set: Set<T>) => void, thisArg?: unknown): void {
    const members = ownMembers<T>(this, 'forEach');
    assertFunction(callback, 'IterableWeakSet.forEach(): callback');
    members.forEach((value) => {
      callback.call(thisArg, value, value, this);
    });
  }

  /** `'IterableWeakSet'`, for `Object.prototype.toString`. */
  declare readonly [Symbol.toStringTag]: string;

  // The ES2025 set methods, step by step as the spec writes them (Set.prototype.union...):
  // the receiver check, GetSetRecord, then the algorithm, with the argument's methods called
  // in the same order and as often.

  /**
   * A new set with the members of this set and of `other` (any set-like: `Set`,
   * `IterableWeakSet`, your own). Throws `TypeError` if a member of `other` cannot be held weakly.
   */
  union<U>(other: SetLike<U>): IterableWeakSet<T | WeakMembers<U>> {
    const members = ownMembers<T>(this, 'union');
    const record = getSetRecord(other, 'union');
    const otherKeys = keysOf(record, 'union');
    const [result, resultMembers] = copyOf<T | WeakMembers<U>>(members);
    for (const value of otherKeys) {
      if (resultMembers.has(value)) continue;
      assertWeakableMember(value, 'union');
      resultMembers.set(value as WeakMembers<U>, undefined);
    }
    return result;
  }

  /** A new set with the members of this set that are also in `other`. */
  intersection<U>(other: SetLike<U>): IterableWeakSet<T & U> {
    const members = ownMembers<T>(this, 'intersection');
    const record = getSetRecord(other, 'intersection');
    const [result, resultMembers] = newSet<T & U>();
    if (members.size <= record.size) {
      for (const value of members.keys()) {
        if (otherHas(record, value)) addOnce(resultMembers, value as T & U);
      }
    } else {
      for (const value of keysOf(record, 'intersection')) {
        if (members.has(value)) addOnce(resultMembers, value as T & U);
      }
    }
    return result;
  }

  /** A new set with the members of this set that are not in `other`. */
  difference<U>(other: SetLike<U>): IterableWeakSet<T> {
    const members = ownMembers<T>(this, 'difference');
    const record = getSetRecord(other, 'difference');
    const snapshot = [...members.keys()];
    const [result, resultMembers] = newSet<T>();
    addAll(resultMembers, snapshot);
    if (members.size <= record.size) {
      // Walks the copy: a member that `has` deletes from this set is still judged.
      for (const value of snapshot) if (otherHas(record, value)) resultMembers.delete(value);
    } else {
      for (const value of keysOf(record, 'difference')) resultMembers.delete(value);
    }
    return result;
  }

  /**
   * A new set with the members that are in exactly one of this set and `other`. Throws
   * `TypeError` if a member of `other` that it would add cannot be held weakly.
   */
  symmetricDifference<U>(other: SetLike<U>): IterableWeakSet<T | WeakMembers<U>> {
    const members = ownMembers<T>(this, 'symmetricDifference');
    const record = getSetRecord(other, 'symmetricDifference');
    const otherKeys = keysOf(record, 'symmetricDifference');
    const [result, resultMembers] = copyOf<T | WeakMembers<U>>(members);
    for (const value of otherKeys) {
      // Decided against this set as it is now, not the result, as the spec does.
      if (members.has(value)) {
        resultMembers.delete(value);
      } else if (!resultMembers.has(value)) {
        assertWeakableMember(value, 'symmetricDifference');
        resultMembers.set(value as WeakMembers<U>, undefined);
      }
    }
    return result;
  }

  /** True when every live member of this set is in `other`. */
  isSubsetOf(other: SetLike<unknown>): boolean {
    const members = ownMembers<T>(this, 'isSubsetOf');
    const record = getSetRecord(other, 'isSubsetOf');
    // `size` may still count collected members: only trust the shortcut on a live count.
    if (members.size > record.size && liveCount(members) > record.size) return false;
    for (const value of members.keys()) if (!otherHas(record, value)) return false;
    return true;
  }

  /** True when every member of `other` is a live member of this set. */
  isSupersetOf(other: SetLike<unknown>): boolean {
    const members = ownMembers<T>(this, 'isSupersetOf');
    const record = getSetRecord(other, 'isSupersetOf');
    // Counting collected members only makes this shortcut rarer, never wrong.
    if (members.size < record.size) return false;
    for (const value of keysOf(record, 'isSupersetOf')) if (!members.has(value)) return false;
    return true;
  }

  /** True when this set and `other` have no member in common. */
  isDisjointFrom(other: SetLike<unknown>): boolean {
    const members = ownMembers<T>(this, 'isDisjointFrom');
    const record = getSetRecord(other, 'isDisjointFrom');
    if (members.size <= record.size) {
      for (const value of members.keys()) if (otherHas(record, value)) return false;
    } else {
      for (const value of keysOf(record, 'isDisjointFrom')) if (members.has(value)) return false;
    }
    return true;
  }

  // In the class, so that a bundle that does not use it drops it with the class.
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: the class's set-up (CONTRIBUTING.md)
  static #setUp = (() => {
    ownMembers = <U extends WeakKey>(set: unknown, method: string) => {
      if (typeof set === 'object' && set !== null && #members in set) {
        return (set as unknown as IterableWeakSet<U>).#members;
      }
      throw incompatibleReceiver(
        `IterableWeakSet.prototype${method[0] === '[' ? '' : '.'}${method}`,
        set,
      );
    };
    newSet = <U extends WeakKey>() => {
      const set = new this<U>();
      return [set, set.#members];
    };
    setUpClass(this, 'IterableWeakSet', 'values');
  })();
}

// `keys` and [Symbol.iterator] are `values` itself (see the class's set-up).
export interface IterableWeakSet<T extends WeakKey> {
  /** The same as `values()` (the same function, as on `Set`). */
  keys(): SetIterator<T>;
  /** The same as `values()` (the same function, as on `Set`). */
  [Symbol.iterator](): SetIterator<T>;
}

function addOnce<T extends WeakKey>(members: Members<T>, value: T): void {
  if (!members.has(value)) members.set(value, undefined);
}

function addAll<T extends WeakKey>(members: Members<T>, values: Iterable<T>): void {
  for (const value of values) addOnce(members, value);
}

function copyOf<T extends WeakKey>(members: Members<T>): [IterableWeakSet<T>, Members<T>] {
  const copy = newSet<T>();
  addAll(copy[1], members.keys() as Iterable<T>);
  return copy;
}

function liveCount(members: Members<WeakKey>): number {
  let count = 0;
  for (const _ of members.keys()) count++;
  return count;
}

/** Reads all of `iterable` first, so that a throwing iterator changes nothing. */
function readAll(iterable: unknown, method: string): unknown[] {
  if (
    iterable == null ||
    typeof (iterable as Partial<Iterable<unknown>>)[Symbol.iterator] !== 'function'
  ) {
    throw new TypeError(
      `IterableWeakSet.${method}(): expected an iterable, not '${describeType(iterable)}'`,
    );
  }
  return [...(iterable as Iterable<unknown>)];
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
