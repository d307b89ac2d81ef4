import type { CollectGarbage } from './soak';

// Node only (process.memoryUsage). What dropped refs, proxies and finalizers leave on targets
// that live on, measured after collectGarbage() against the same live targets before.

async function heapUsed(collectGarbage: CollectGarbage): Promise<number> {
  await collectGarbage();
  return process.memoryUsage().heapUsed;
}

/**
 * Heap bytes per target left after `make(target)` ran (and its result was dropped) on each.
 * With `warmUp`, a full round on other targets first: V8's hash tables (a `WeakMap`'s, a
 * registry's unregister tokens) keep the capacity they grew to when their keys die, and reuse
 * it; without, that peak counts.
 */
export async function residuePerTarget<T>(
  collectGarbage: CollectGarbage,
  count: number,
  newTarget: () => T,
  make: (target: T) => unknown,
  warmUp = true,
): Promise<number> {
  if (warmUp) for (const target of Array.from({ length: count }, newTarget)) make(target);
  const targets = Array.from({ length: count }, newTarget);
  const before = await heapUsed(collectGarbage);
  for (const target of targets) make(target);
  const after = await heapUsed(collectGarbage);
  targets.length = 0;
  return (after - before) / count;
}

// For residueOnOneTarget: the heap of a test worker moves by up to ±0.5 MB between two
// collections whatever the test does (measured: -255 to +486 KB around 1e5-2e5 dropped refs
// that leave nothing), so the bound is 5 bytes per call over 200,000 calls. A leak of one
// registration or one WeakRef per call is 40-70 bytes: 8-14 MB.
export const ONE_TARGET_COUNT = 200_000;
export const ONE_TARGET_BOUND = 5 * ONE_TARGET_COUNT;

/** Heap bytes left after `make(target)` ran `count` times on one target that lives on. */
export async function residueOnOneTarget(
  collectGarbage: CollectGarbage,
  count: number,
  make: (target: object) => unknown,
) {
  const target = {};
  for (let i = 0; i < count; i++) make({}); // the tables' peak, as above
  const before = await heapUsed(collectGarbage);
  for (let i = 0; i < count; i++) make(target);
  const after = await heapUsed(collectGarbage);
  return { bytes: after - before, target };
}
