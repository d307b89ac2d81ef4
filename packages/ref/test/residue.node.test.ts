import { collectGarbage } from '@w/core/testing';
import {
  ONE_TARGET_BOUND,
  ONE_TARGET_COUNT,
  residueOnOneTarget,
  residuePerTarget,
} from '@w/test-support/residue';
import { describe, expect, it } from 'vitest';
import { getWeakRefCount, KeyedRef, Ref, ref, WeakMethod } from '../src';

// Dropped refs leave nothing on targets that live on (a raw WeakRef leaves nothing).
// Figures at scale: residue.soak.ts.

const TARGETS = 50_000;
class Target {
  method(): void {}
}
const callback = () => {};

const DROPPED: [string, (target: Target) => unknown][] = [
  ['ref', (t) => ref(t)],
  ['ref with a callback', (t) => ref(t, callback)],
  ['new Ref', (t) => new Ref(t)],
  ['KeyedRef with a callback', (t) => new KeyedRef(t, callback, 'key')],
  ['WeakMethod', (t) => new WeakMethod(t, 'method')],
  ['WeakMethod with a callback', (t) => new WeakMethod(t, 'method', callback)],
];

// No warm-up round: a registration with a token of its own per target would show here as
// V8's token table, which keeps its peak size (about 42 B per target).
describe(`one dropped ref on each of ${TARGETS} live targets, the first time`, () => {
  it.each(DROPPED)('%s leaves at most 16 bytes per target', async (_, make) => {
    expect(
      await residuePerTarget(collectGarbage, TARGETS, () => new Target(), make, false),
    ).toBeLessThanOrEqual(16);
  });
});

it('200,000 refs with callbacks made and dropped on one long-lived target leave nothing', async () => {
  const { bytes, target } = await residueOnOneTarget(collectGarbage, ONE_TARGET_COUNT, (t) =>
    ref(t, callback),
  );
  expect(getWeakRefCount(target)).toBe(0);
  expect(bytes).toBeLessThan(ONE_TARGET_BOUND);
});
