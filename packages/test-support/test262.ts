import { describe, expect, it } from 'vitest';
import { TEST262_KNOWN_FAILURES } from './test262-known-failures';
import { TEST262_NOT_APPLICABLE } from './test262-not-applicable';

/**
 * The tc39/test262 commit the ports under packages/*\/test/test262/ were written from
 * (each port is our own code, named after the test262 file whose checks it repeats).
 */
export const TEST262_COMMIT = 'be13516fb6441b950ba8a3df97eb34062c186972';

/** Every file of each ported test262 directory at TEST262_COMMIT: each is ported or not applicable. */
export const TEST262_FILES: Record<string, readonly string[]> = {
  'built-ins/Map/prototype/getOrInsert': [
    'append-new-values-normalizes-zero-key.js',
    'append-new-values.js',
    'append-value-if-key-is-not-present-different-key-types.js',
    'does-not-have-mapdata-internal-slot-set.js',
    'does-not-have-mapdata-internal-slot-weakmap.js',
    'does-not-have-mapdata-internal-slot.js',
    'getOrInsert.js',
    'length.js',
    'name.js',
    'not-a-constructor.js',
    'returns-value-if-key-is-not-present-different-key-types.js',
    'returns-value-if-key-is-present-different-key-types.js',
    'returns-value-normalized-zero-key.js',
    'this-not-object-throw.js',
  ],
  'built-ins/Map/prototype/getOrInsertComputed': [
    'append-new-values-normalizes-zero-key.js',
    'append-new-values.js',
    'append-value-if-key-is-not-present-different-key-types.js',
    'callbackfn-throws.js',
    'canonical-key-passed-to-callback.js',
    'check-callback-fn-args.js',
    'check-state-after-callback-fn-throws.js',
    'different-types-function-callbackfn-does-not-throw.js',
    'does-not-evaluate-callbackfn-if-key-present.js',
    'does-not-have-mapdata-internal-slot-set.js',
    'does-not-have-mapdata-internal-slot-weakmap.js',
    'getOrInsertComputed.js',
    'not-a-constructor.js',
    'not-a-function-callbackfn-throws.js',
    'overwrites-mutation-from-callbackfn.js',
    'returns-value-if-key-is-not-present-different-key-types.js',
    'returns-value-if-key-is-present-different-key-types.js',
    'returns-value-normalized-zero-key.js',
    'this-not-object-throw.js',
  ],
  'built-ins/WeakMap/prototype/getOrInsert': [
    'adds-object-element.js',
    'adds-symbol-element.js',
    'does-not-have-weakmapdata-internal-slot-array.js',
    'does-not-have-weakmapdata-internal-slot-map.js',
    'does-not-have-weakmapdata-internal-slot-object.js',
    'does-not-have-weakmapdata-internal-slot-set.js',
    'does-not-have-weakmapdata-internal-slot-weakmap-prototype.js',
    'getOrInsert.js',
    'length.js',
    'name.js',
    'not-a-constructor.js',
    'returns-value-if-key-is-not-present-object-key.js',
    'returns-value-if-key-is-not-present-symbol-key.js',
    'returns-value-if-key-is-present-object-key.js',
    'returns-value-if-key-is-present-symbol-key.js',
    'this-not-object-throw.js',
    'throw-if-key-cannot-be-held-weakly.js',
  ],
  'built-ins/WeakMap/prototype/getOrInsertComputed': [
    'adds-object-element.js',
    'adds-symbol-element.js',
    'adds-value-different-callbackfn.js',
    'callbackfn-throws.js',
    'check-callback-fn-args.js',
    'check-state-after-callback-fn-throws.js',
    'does-not-evaluate-callbackfn-if-key-present.js',
    'does-not-have-weakmapdata-internal-slot-array.js',
    'does-not-have-weakmapdata-internal-slot-map.js',
    'does-not-have-weakmapdata-internal-slot-object.js',
    'does-not-have-weakmapdata-internal-slot-set.js',
    'does-not-have-weakmapdata-internal-slot-weakmap-prototype.js',
    'getOrInsertComputed.js',
    'not-a-constructor.js',
    'not-a-function-callbackfn-throws.js',
    'overwrites-mutation-from-callbackfn.js',
    'returns-value-if-key-is-not-present-object-key.js',
    'returns-value-if-key-is-not-present-symbol-key.js',
    'returns-value-if-key-is-present-object-key.js',
    'returns-value-if-key-is-present-symbol-key.js',
    'this-not-object-throw.js',
    'throw-if-key-cannot-be-held-weakly.js',
  ],
  'built-ins/Set/prototype/union': [
    'add-not-called.js',
    'allows-set-like-class.js',
    'allows-set-like-object.js',
    'appends-new-values.js',
    'array-throws.js',
    'builtins.js',
    'called-with-object.js',
    'combines-Map.js',
    'combines-empty-sets.js',
    'combines-itself.js',
    'combines-same-sets.js',
    'combines-sets.js',
    'converts-negative-zero.js',
    'has-is-callable.js',
    'keys-is-callable.js',
    'length.js',
    'name.js',
    'not-a-constructor.js',
    'receiver-not-set.js',
    'require-internal-slot.js',
    'result-order.js',
    'set-like-array.js',
    'set-like-class-mutation.js',
    'set-like-class-order.js',
    'size-is-a-number.js',
    'subclass-receiver-methods.js',
    'subclass-symbol-species.js',
    'subclass.js',
    'union.js',
  ],
  'built-ins/Set/prototype/intersection': [
    'add-not-called.js',
    'allows-set-like-class.js',
    'allows-set-like-object.js',
    'array-throws.js',
    'builtins.js',
    'called-with-object.js',
    'combines-Map.js',
    'combines-empty-sets.js',
    'combines-itself.js',
    'combines-same-sets.js',
    'combines-sets.js',
    'converts-negative-zero.js',
    'has-is-callable.js',
    'intersection.js',
    'keys-is-callable.js',
    'length.js',
    'name.js',
    'not-a-constructor.js',
    'receiver-not-set.js',
    'require-internal-slot.js',
    'result-order.js',
    'set-like-array.js',
    'set-like-class-mutation.js',
    'set-like-class-order.js',
    'size-is-a-number.js',
    'subclass-receiver-methods.js',
    'subclass-symbol-species.js',
    'subclass.js',
  ],
  'built-ins/Set/prototype/difference': [
    'add-not-called.js',
    'allows-set-like-class.js',
    'allows-set-like-object.js',
    'array-throws.js',
    'builtins.js',
    'called-with-object.js',
    'combines-Map.js',
    'combines-empty-sets.js',
    'combines-itself.js',
    'combines-same-sets.js',
    'combines-sets.js',
    'converts-negative-zero.js',
    'difference.js',
    'has-is-callable.js',
    'keys-is-callable.js',
    'length.js',
    'name.js',
    'not-a-constructor.js',
    'receiver-not-set.js',
    'require-internal-slot.js',
    'result-order.js',
    'set-like-array.js',
    'set-like-class-mutation.js',
    'set-like-class-order.js',
    'size-is-a-number.js',
    'subclass-receiver-methods.js',
    'subclass-symbol-species.js',
    'subclass.js',
  ],
  'built-ins/Set/prototype/symmetricDifference': [
    'add-not-called.js',
    'allows-set-like-class.js',
    'allows-set-like-object.js',
    'array-throws.js',
    'builtins.js',
    'called-with-object.js',
    'combines-Map.js',
    'combines-empty-sets.js',
    'combines-itself.js',
    'combines-same-sets.js',
    'combines-sets.js',
    'converts-negative-zero.js',
    'has-is-callable.js',
    'keys-is-callable.js',
    'length.js',
    'name.js',
    'not-a-constructor.js',
    'receiver-not-set.js',
    'require-internal-slot.js',
    'result-order.js',
    'set-like-array.js',
    'set-like-class-mutation.js',
    'set-like-class-order.js',
    'size-is-a-number.js',
    'subclass-receiver-methods.js',
    'subclass-symbol-species.js',
    'subclass.js',
    'symmetricDifference.js',
  ],
  'built-ins/Set/prototype/isSubsetOf': [
    'allows-set-like-class.js',
    'allows-set-like-object.js',
    'array-throws.js',
    'builtins.js',
    'called-with-object.js',
    'compares-Map.js',
    'compares-empty-sets.js',
    'compares-itself.js',
    'compares-same-sets.js',
    'compares-sets.js',
    'has-is-callable.js',
    'isSubsetOf.js',
    'keys-is-callable.js',
    'length.js',
    'name.js',
    'not-a-constructor.js',
    'receiver-not-set.js',
    'require-internal-slot.js',
    'set-like-array.js',
    'set-like-class-mutation.js',
    'set-like-class-order.js',
    'size-is-a-number.js',
    'subclass-receiver-methods.js',
  ],
  'built-ins/Set/prototype/isSupersetOf': [
    'allows-set-like-class.js',
    'allows-set-like-object.js',
    'array-throws.js',
    'builtins.js',
    'called-with-object.js',
    'compares-Map.js',
    'compares-empty-sets.js',
    'compares-itself.js',
    'compares-same-sets.js',
    'compares-sets.js',
    'converts-negative-zero.js',
    'has-is-callable.js',
    'isSupersetOf.js',
    'keys-is-callable.js',
    'length.js',
    'name.js',
    'not-a-constructor.js',
    'receiver-not-set.js',
    'require-internal-slot.js',
    'set-like-array.js',
    'set-like-class-mutation.js',
    'set-like-class-order.js',
    'set-like-iter-return.js',
    'size-is-a-number.js',
    'subclass-receiver-methods.js',
  ],
  'built-ins/Set/prototype/isDisjointFrom': [
    'allows-set-like-class.js',
    'allows-set-like-object.js',
    'array-throws.js',
    'builtins.js',
    'called-with-object.js',
    'compares-Map.js',
    'compares-empty-sets.js',
    'compares-itself.js',
    'compares-same-sets.js',
    'compares-sets.js',
    'converts-negative-zero.js',
    'has-is-callable.js',
    'isDisjointFrom.js',
    'keys-is-callable.js',
    'length.js',
    'name.js',
    'not-a-constructor.js',
    'receiver-not-set.js',
    'require-internal-slot.js',
    'set-like-array.js',
    'set-like-class-mutation.js',
    'set-like-class-order.js',
    'set-like-iter-return.js',
    'size-is-a-number.js',
    'subclass-receiver-methods.js',
  ],
};

/** Registers the port of one file of a suite's test262 directory. */
export type Port262 = (file: string, body: () => void) => void;

/**
 * `describe('<dir> on <subject>')` whose tests are ports of the files of test262's `dir`
 * (e.g. `built-ins/Set/prototype/union`), each test named after its file. For our classes:
 * - a file listed in TEST262_NOT_APPLICABLE for `subject` is skipped, its reason in the name;
 * - a file listed in TEST262_KNOWN_FAILURES must fail (`it.fails`): once it passes, the run
 *   fails until it is taken off the list, so the list cannot go stale;
 * - a last test checks that every file of `dir` is ported or not applicable.
 * With `standsFor: '<our class>'`, `subject` is the engine's own class, run through the
 * ports written for ours (what our class cannot apply is skipped; no known failures, no
 * coverage check): that shows the ports check what test262 checks.
 */
export function describe262(
  dir: string,
  subject: string,
  body: (port: Port262) => void,
  { standsFor }: { standsFor?: string } = {},
): void {
  describe(`${dir} on ${subject}`, () => {
    const ported = new Set<string>();
    body((file, test) => {
      if (ported.has(file)) throw new Error(`${dir}/${file} is ported twice`);
      ported.add(file);
      const id = `${subject} ${dir}/${file}`;
      const notApplicable = TEST262_NOT_APPLICABLE[`${standsFor ?? subject} ${dir}/${file}`];
      const knownFailure = standsFor === undefined ? TEST262_KNOWN_FAILURES[id] : undefined;
      if (notApplicable !== undefined) it.skip(`${file} (not applicable: ${notApplicable})`, test);
      else if (knownFailure !== undefined)
        it.fails(`${file} (known failure: ${knownFailure})`, test);
      else it(file, test);
    });
    if (standsFor === undefined)
      it('ports every file of the directory', () => checkCoverage(dir, subject, ported));
  });
}

function checkCoverage(dir: string, subject: string, ported: ReadonlySet<string>): void {
  const files = TEST262_FILES[dir];
  expect(files, `${dir} is not in TEST262_FILES`).toBeDefined();
  const prefix = `${subject} ${dir}/`;
  const listed = (list: Record<string, string>) =>
    Object.keys(list)
      .filter((id) => id.startsWith(prefix))
      .map((id) => id.slice(prefix.length));
  const notApplicable = listed(TEST262_NOT_APPLICABLE);
  const knownFailures = listed(TEST262_KNOWN_FAILURES);
  expect(
    files!.filter((file) => !ported.has(file) && !notApplicable.includes(file)),
    'neither ported nor listed as not applicable',
  ).toEqual([]);
  expect(
    [...ported, ...notApplicable].filter((file) => !files!.includes(file)),
    `not a file of ${dir} at ${TEST262_COMMIT}`,
  ).toEqual([]);
  expect(
    knownFailures.filter((file) => !ported.has(file) || notApplicable.includes(file)),
    'known failures that name no port that runs',
  ).toEqual([]);
}

/**
 * What a weak container can hold in place of test262's `value`: the value itself when it can
 * be held weakly (an object, a function, a non-registered symbol), otherwise one frozen object
 * per value, the same on every call. Values are told apart as Map keys are (SameValueZero:
 * -0 and +0 are one value, NaN is one value), so a port keeps test262's identities.
 */
export function asWeakKey<T>(value: T): T extends WeakKey ? T : object {
  if (canBeHeldWeakly(value)) return value as never;
  let stand = standIns.get(value);
  if (stand === undefined) {
    stand = Object.freeze({ test262: value });
    standIns.set(value, stand);
  }
  return stand as never;
}

/** `asWeakKey` of each value. */
export function asWeakKeys(values: readonly unknown[]): WeakKey[] {
  return values.map(asWeakKey) as WeakKey[];
}

const standIns = new Map<unknown, object>();

function canBeHeldWeakly(value: unknown): boolean {
  return (
    (typeof value === 'object' && value !== null) ||
    typeof value === 'function' ||
    (typeof value === 'symbol' && Symbol.keyFor(value) === undefined)
  );
}

/**
 * Where test262 passes a `Set` as the argument, a port runs once with each of these: a native
 * `Set` and one of ours (`OurSet` is `IterableWeakSet`), holding `asWeakKey` of the members.
 */
export function setArguments(
  OurSet: new (members: Iterable<WeakKey>) => object,
): [name: string, make: (members: readonly unknown[]) => any][] {
  return [
    ['a native Set', (members) => new Set(asWeakKeys(members))],
    [`an ${OurSet.name}`, (members) => new OurSet(asWeakKeys(members))],
  ];
}

/** Runs `check` once per kind of argument, naming the kind in a failure. */
export function withEachArgument<Make>(
  kinds: readonly [name: string, make: Make][],
  check: (make: Make) => void,
): void {
  for (const [name, make] of kinds) {
    try {
      check(make);
    } catch (error) {
      throw new Error(`with ${name} as the argument: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
}

/** test262's `compareArray`: the same length and, element by element, the same value (`Object.is`). */
export function compareArray(actual: readonly unknown[], expected: readonly unknown[]): void {
  const same =
    actual.length === expected.length && actual.every((value, i) => Object.is(value, expected[i]));
  if (!same) {
    expect(actual).toEqual(expected); // shows the difference
    expect.fail('the values are deep-equal but not the same objects');
  }
}

/** test262's `verifyProperty`, for a data property: its own descriptor has these fields. */
export function verifyProperty(
  object: object,
  key: PropertyKey,
  expected: { value?: unknown; writable: boolean; enumerable: boolean; configurable: boolean },
): void {
  const descriptor = Object.getOwnPropertyDescriptor(object, key);
  expect(descriptor, `${String(key)} is an own property`).toBeDefined();
  if ('value' in expected) expect(descriptor!.value, `${String(key)}'s value`).toBe(expected.value);
  expect({
    writable: descriptor!.writable,
    enumerable: descriptor!.enumerable,
    configurable: descriptor!.configurable,
  }).toEqual({
    writable: expected.writable,
    enumerable: expected.enumerable,
    configurable: expected.configurable,
  });
}

/** test262's `isConstructor`: whether `value` has [[Construct]], found without calling it. */
export function isConstructor(value: unknown): boolean {
  try {
    Reflect.construct(Object, [], value as new () => unknown);
    return true;
  } catch {
    return false;
  }
}

/**
 * The receivers that are not `Subject` instances, as test262's brand-check files list them
 * (`require-internal-slot.js`, `this-not-object-throw.js`, `does-not-have-*-internal-slot*.js`).
 */
export const primitiveReceivers: readonly [name: string, value: unknown][] = [
  ['undefined', undefined],
  ['null', null],
  ['true', true],
  ['false', false],
  ['an empty string', ''],
  ['a symbol', Symbol()],
  ['1', 1],
  ['1n', 1n],
];
