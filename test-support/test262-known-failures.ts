/**
 * The test262 ports that fail today, `'<Class> <test262 path>'` -> why. A listed port still
 * runs and must fail (`it.fails`): one that passes fails the run until it is taken off this
 * list. Every other applicable port must pass. Keep the list exact and empty it as fixes land.
 */
export const TEST262_KNOWN_FAILURES: Record<string, string> = {
  ...Object.fromEntries(
    ['intersection', 'isSupersetOf', 'isDisjointFrom', 'isSubsetOf'].map((method) => [
      `IterableWeakSet built-ins/Set/prototype/${method}/require-internal-slot.js`,
      'no receiver brand check: a receiver that is not an IterableWeakSet can give an answer instead of a TypeError',
    ]),
  ),
  ...Object.fromEntries(
    ['intersection', 'isSupersetOf', 'isDisjointFrom'].map((method) => [
      `IterableWeakSet built-ins/Set/prototype/${method}/receiver-not-set.js`,
      'no receiver brand check: a set-like receiver is used through its own size and has',
    ]),
  ),
  ...Object.fromEntries(
    ['intersection', 'symmetricDifference', 'isSupersetOf', 'isDisjointFrom'].map((method) => [
      `IterableWeakSet built-ins/Set/prototype/${method}/subclass-receiver-methods.js`,
      'reads the receiver through its overridable size and has, not its own data',
    ]),
  ),
};
