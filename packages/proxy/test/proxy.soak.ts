import { collectGarbage } from '@w/core/testing';
import { getWeakRefCount } from '@w/ref';
import type { Tracked } from '@w/test-support/alive';
import { SOAK_OPS, soak } from '@w/test-support/soak';
import { WatcherSoak } from '@w/test-support/watcher-soak';
import { expect, it } from 'vitest';
import { isProxy, proxy } from '../src';

// Soak (pnpm test:soak): proxies with callbacks, SOAK_OPS random create/use/drop operations
// on proxies and their targets, with a forced collection every few thousand. A proxy kept
// when its target dies calls back exactly once and then throws on use; one dropped before
// its target dies never calls back.

it(`proxies with callbacks: ${SOAK_OPS} random operations call back exactly as they should`, async () => {
  const subject = new WatcherSoak<Tracked>({
    name: 'proxy',
    create: (target, callback) => proxy(target, callback),
    reused: (target) => proxy(target),
    leadsTo: (kept, target) => isProxy(kept) && kept.id === target.id,
    isCleared: (kept) => isProxy(kept) && throwsOnUse(kept),
    countOf: getWeakRefCount,
  });
  await soak(subject, collectGarbage);
  expect(subject.kept.size).toBe(0);
});

function throwsOnUse(dead: Tracked): boolean {
  try {
    void dead.id;
    return false;
  } catch (error) {
    return error instanceof ReferenceError;
  }
}
