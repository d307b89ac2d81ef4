/**
 * A value that `WeakRef`, `WeakMap` and `FinalizationRegistry` accept: the lib's own union,
 * `object | symbol` with lib ES2023, `object` under an older lib (so a program compiled with
 * `lib: ["es2022"]` type-checks, and holds symbols weakly only once its lib says it may).
 */
export type WeakKey = WeakKeyTypes[keyof WeakKeyTypes];

// Symbols as weak keys arrived in ES2023; older runtimes reject them.
// Pure: a bundle that never asks drops the probe.
const symbolsAreWeakable = /* @__PURE__ */ (() => {
  try {
    new WeakRef(Symbol() as unknown as object);
    return true;
  } catch {
    return false;
  }
})();

/** True when `value` can be the target of a weak reference on this runtime. */
export function canBeHeldWeakly(value: unknown): value is WeakKey {
  const type = typeof value;
  if (type === 'object') return value !== null;
  if (type === 'function') return true;
  return type === 'symbol' && symbolsAreWeakable && Symbol.keyFor(value as symbol) === undefined;
}

/** The name an error message uses for `value`: `'number'`, `'null'`, `'registered symbol'`... */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'symbol' && Symbol.keyFor(value) !== undefined) return 'registered symbol';
  return typeof value;
}

/** Throws `TypeError: cannot create weak reference to 'number' value` for non-weakable values. */
export function assertWeakable(value: unknown): asserts value is WeakKey {
  if (!canBeHeldWeakly(value)) {
    throw new TypeError(`cannot create weak reference to '${describeType(value)}' value`);
  }
}

/** Throws `TypeError: <what> must be a function, not 'number'` unless `value` is callable. */
export function assertFunction(value: unknown, what: string): asserts value is Function {
  if (typeof value !== 'function') {
    throw new TypeError(`${what} must be a function, not '${describeType(value)}'`);
  }
}
