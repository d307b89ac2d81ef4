import { reportUnraisable } from './unraisable';

// Weakly, so that registries dropped with their container stop costing collectGarbage() turns.
const registries = new Set<WeakRef<FinalizationRegistry<never>>>();
let cleanupsRun = 0;
let pruneAt = 64;

// V8 11.3 (Node 20) stops ALL FinalizationRegistry cleanup for good once a registry whose
// cleanup is pending is collected before that cleanup ran (the task it posted finds no dirty
// registry and never posts again). Dropped containers, and containers that replace their
// registry, do that. This registry always has a dead object waiting after any collection,
// so that task always finds one.
let canary: FinalizationRegistry<undefined> | undefined;
function armCanary(): void {
  canary ??= new FinalizationRegistry(armCanary);
  canary.register({}, undefined);
}

/**
 * A `FinalizationRegistry` whose callback can never crash the process (an exception goes to
 * the unraisable hook) and that `collectGarbage()` knows to wait for.
 */
export function createCleanupRegistry<H>(cleanup: (held: H) => void, origin: string) {
  if (canary === undefined) armCanary();
  const registry = new FinalizationRegistry<H>((held) => {
    cleanupsRun++;
    try {
      cleanup(held);
    } catch (error) {
      reportUnraisable(error, origin);
    }
  });
  registries.add(new WeakRef(registry as FinalizationRegistry<never>));
  // Containers replace their registry now and then: forget dead ones once the set doubles.
  if (registries.size >= pruneAt) pruneAt = 2 * cleanupRegistryCount() + 64;
  return registry;
}

/** How many of this library's registries are alive (V8 cleans one dirty registry per task). */
export function cleanupRegistryCount(): number {
  for (const registry of registries)
    if (registry.deref() === undefined) registries.delete(registry);
  return registries.size;
}

/** How many cleanup callbacks have run so far, over all of this library's registries. */
export function cleanupRunCount(): number {
  return cleanupsRun;
}
