import { reportUnraisable } from './unraisable';

// Weakly, so that registries dropped with their container stop costing collectGarbage() turns.
const registries = new Set<WeakRef<FinalizationRegistry<never>>>();
let cleanupsRun = 0;

/**
 * A `FinalizationRegistry` whose callback can never crash the process (an exception goes to
 * the unraisable hook) and that `collectGarbage()` knows to wait for.
 */
export function createCleanupRegistry<H>(cleanup: (held: H) => void, origin: string) {
  const registry = new FinalizationRegistry<H>((held) => {
    cleanupsRun++;
    try {
      cleanup(held);
    } catch (error) {
      reportUnraisable(error, origin);
    }
  });
  registries.add(new WeakRef(registry as FinalizationRegistry<never>));
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
