/**
 * The test262 files that cannot apply to one of our classes, `'<Class> <test262 path>'` ->
 * why. The suites skip them (a skipped test names its reason) and check that every other
 * file of a ported directory has a port. Everything here is about primitive members, which
 * these classes cannot hold: where a primitive only stands for "some member", the ports use
 * `asWeakKey` (`@w/test-support/test262`) instead, and the file applies.
 */
export const TEST262_NOT_APPLICABLE: Record<string, string> = {
  ...Object.fromEntries(
    [
      'union',
      'intersection',
      'difference',
      'symmetricDifference',
      'isSupersetOf',
      'isDisjointFrom',
    ].map((method) => [
      `IterableWeakSet built-ins/Set/prototype/${method}/converts-negative-zero.js`,
      'checks that a -0 member of the argument is read as +0: members are objects, never numbers',
    ]),
  ),
  ...Object.fromEntries(
    [
      'getOrInsert/append-new-values-normalizes-zero-key.js',
      'getOrInsert/returns-value-normalized-zero-key.js',
      'getOrInsertComputed/append-new-values-normalizes-zero-key.js',
      'getOrInsertComputed/returns-value-normalized-zero-key.js',
      'getOrInsertComputed/canonical-key-passed-to-callback.js',
    ].map((file) => [
      `WeakKeyMap built-ins/Map/prototype/${file}`,
      'checks that a -0 key is stored and passed on as +0: keys are objects, never numbers',
    ]),
  ),
};
