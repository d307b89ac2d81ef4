import type { WeakKey } from '@w/core';
import { assertWeakable, describeType } from '@w/core/internal';

/**
 * What `update`, `union` and the constructor accept: key/value pairs, or a plain record (an
 * object whose prototype is `Object.prototype` or `null`, as object literals and
 * `Object.create(null)` make).
 */
export type PairSource<K, V> =
  | Iterable<readonly [K, V]>
  | Partial<Readonly<Record<K & string, V>>>
  | null
  | undefined;

/**
 * Reads every pair out of `source` and checks every value before anything is stored, so
 * a bad pair leaves the map untouched (`Map`'s own constructor stops half-way instead).
 */
export function checkedPairs<K, V extends WeakKey>(source: PairSource<K, V>): [K, V][] {
  if (source === null || source === undefined) return [];
  const pairs: [K, V][] = [];
  if (isIterable(source)) {
    for (const pair of source) {
      if (typeof pair !== 'object' || pair === null) {
        throw new TypeError(`expected a [key, value] pair, not '${describeType(pair)}'`);
      }
      pairs.push([pair[0], pair[1]]);
    }
  } else if (isPlainRecord(source)) {
    // Python's update() also takes a mapping; in JavaScript that is a plain record.
    for (const key of Object.keys(source)) {
      pairs.push([key as K, (source as Record<string, V>)[key] as V]);
    }
  } else {
    // A WeakMap, a promise, a class instance: not pairs, and reading its own keys as a
    // record would silently give nothing.
    throw new TypeError(`expected pairs or a plain record, not '${describeSource(source)}'`);
  }
  for (const [, value] of pairs) assertWeakable(value);
  return pairs;
}

function isIterable(value: unknown): value is Iterable<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<Iterable<unknown>>)[Symbol.iterator] === 'function'
  );
}

function isPlainRecord(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

// 'string' for a primitive; for an object, what it is: 'WeakMap', 'Promise', 'Foo'.
function describeSource(source: unknown): string {
  if (typeof source !== 'object' || source === null) return describeType(source);
  try {
    const tag = Object.prototype.toString.call(source).slice(8, -1);
    if (tag !== 'Object') return tag;
    const name = (Object.getPrototypeOf(source) as { constructor?: { name?: unknown } })
      ?.constructor?.name;
    return typeof name === 'string' && name !== '' ? name : 'object';
  } catch {
    return 'object'; // a revoked proxy, a throwing getter: nothing more to say
  }
}
