import { assertFunction, describeType } from '@w/core/internal';

/**
 * What the ES2025 set methods accept as their argument: anything with a numeric `size`, a
 * `has` and a `keys` (a native `Set`, an `IterableWeakSet`, a `Map`, your own class).
 * The same shape as TypeScript's `ReadonlySetLike`, which the ES2023 lib does not have.
 */
export interface SetLike<T> {
  readonly size: number;
  has(value: T): boolean;
  keys(): Iterator<T>;
}

/** The spec's Set Record: what `GetSetRecord` reads from the argument, once, up front. */
export interface SetRecord {
  set: object;
  size: number;
  has: (this: unknown, value: unknown) => unknown;
  keys: (this: unknown) => unknown;
}

/**
 * The spec's `GetSetRecord(other)`: reads `size`, `has` and `keys` once, in that order.
 * A non-object, a `size` that is not a number, or a `has`/`keys` that is not callable throws
 * `TypeError` naming what it got; a negative `size` throws `RangeError`, as native `Set` does.
 */
export function getSetRecord(other: unknown, method: string): SetRecord {
  if (!isObject(other)) {
    throw new TypeError(
      `IterableWeakSet.${method}(): the argument must be set-like (size, has, keys), not '${describeType(other)}'`,
    );
  }
  const rawSize: unknown = (other as { size?: unknown }).size;
  // The spec's ToNumber (so '3' counts as 3, as in native Set); a symbol or a bigint, where
  // ToNumber throws a vague error, is refused naming its type, as `undefined` is.
  const size =
    typeof rawSize === 'symbol' || typeof rawSize === 'bigint' ? Number.NaN : +(rawSize as number);
  if (Number.isNaN(size)) {
    const got = typeof rawSize === 'number' ? 'NaN' : `'${describeType(rawSize)}'`;
    throw new TypeError(
      `IterableWeakSet.${method}(): the argument's size must be a number, not ${got}`,
    );
  }
  const intSize = Math.trunc(size);
  if (intSize < 0) {
    throw new RangeError(`IterableWeakSet.${method}(): the argument's size must not be negative`);
  }
  const has = (other as { has?: unknown }).has;
  assertFunction(has, `IterableWeakSet.${method}(): the argument's 'has'`);
  const keys = (other as { keys?: unknown }).keys;
  assertFunction(keys, `IterableWeakSet.${method}(): the argument's 'keys'`);
  return {
    set: other,
    size: intSize,
    has: has as SetRecord['has'],
    keys: keys as SetRecord['keys'],
  };
}

/** `ToBoolean(other.has(value))`, called on the argument as the spec does. */
export function otherHas(record: SetRecord, value: unknown): boolean {
  return Boolean(record.has.call(record.set, value));
}

/**
 * Calls `other.keys()` now (the spec's GetIteratorFromMethod) and gives its values, read
 * with the `next` method fetched once. Stopping early (`break`, `return`, a throw in the
 * loop body) closes the iterator by calling its `return`, as `IteratorClose` does.
 */
export function keysOf(record: SetRecord, method: string): Generator<unknown, undefined> {
  const iterator = record.keys.call(record.set);
  if (!isObject(iterator)) {
    throw new TypeError(
      `IterableWeakSet.${method}(): the argument's keys() must return an iterator, not '${describeType(iterator)}'`,
    );
  }
  const next = (iterator as { next?: unknown }).next;
  assertFunction(next, `IterableWeakSet.${method}(): the argument's keys().next`);
  return stepThrough(iterator, next, method);
}

function* stepThrough(
  iterator: object,
  next: Function,
  method: string,
): Generator<unknown, undefined> {
  for (;;) {
    const result = next.call(iterator);
    if (!isObject(result)) {
      throw new TypeError(
        `IterableWeakSet.${method}(): an iterator result must be an object, not '${describeType(result)}'`,
      );
    }
    if ((result as IteratorResult<unknown>).done) return undefined;
    let consumerStopped = true;
    try {
      yield (result as IteratorResult<unknown>).value;
      consumerStopped = false;
    } finally {
      if (consumerStopped) closeIterator(iterator);
    }
  }
}

function closeIterator(iterator: object): void {
  const close = (iterator as { return?: unknown }).return;
  if (close === undefined || close === null) return;
  assertFunction(close, 'an iterator return');
  const result = close.call(iterator);
  if (!isObject(result)) {
    throw new TypeError(
      `an iterator's return() must return an object, not '${describeType(result)}'`,
    );
  }
}

function isObject(value: unknown): value is object {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}
