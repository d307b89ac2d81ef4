import { collectGarbage } from '@w/core/testing';
import { getWeakRefCount } from '@w/ref';
import {
  ONE_TARGET_BOUND,
  ONE_TARGET_COUNT,
  residueOnOneTarget,
  residuePerTarget,
} from '@w/test-support/residue';
import { describe, expect, it } from 'vitest';
import { proxy } from '../src';

// Dropped proxies leave nothing on targets that live on, also after a method was read
// through them. Figures at scale: residue.soak.ts.

const TARGETS = 50_000;
class Target {
  method(): void {}
}
const callback = () => {};

const DROPPED: [string, (target: Target) => unknown][] = [
  ['proxy, a method read', (t) => proxy(t).method],
  ['proxy with a callback, a method read', (t) => proxy(t, callback).method],
];

// No warm-up round: a map keyed by proxy, or a registration with a token of its own per
// target, would show here as a V8 table that keeps its peak size (about 42 B per target).
describe(`one dropped proxy on each of ${TARGETS} live targets, the first time`, () => {
  it.each(DROPPED)('%s leaves at most 16 bytes per target', async (_, make) => {
    expect(
      await residuePerTarget(collectGarbage, TARGETS, () => new Target(), make, false),
    ).toBeLessThanOrEqual(16);
  });
});

it('200,000 proxies with callbacks made and dropped on one long-lived target leave nothing', async () => {
  const { bytes, target } = await residueOnOneTarget(collectGarbage, ONE_TARGET_COUNT, (t) =>
    proxy(t, callback),
  );
  expect(getWeakRefCount(target)).toBe(0);
  expect(bytes).toBeLessThan(ONE_TARGET_BOUND);
});
