import { assertWeakable, describeType, type WeakKey } from '@w/core/internal';

/** What `update`, `union` and the constructor accept: key/value pairs, or a plain record. */
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
  } else if (typeof source === 'object') {
    // Python's update() also takes a mapping; in JavaScript that is a plain record.
    for (const key of Object.keys(source)) {
      pairs.push([key as K, (source as Record<string, V>)[key] as V]);
    }
  } else {
    throw new TypeError(`expected pairs or a record, not '${describeType(source)}'`);
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
