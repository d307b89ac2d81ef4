import { reportUnraisable } from './unraisable';

let registriesCreated = 0;
let cleanupsRun = 0;

/**
 * A `FinalizationRegistry` whose callback can never crash the process (an exception goes to
 * the unraisable hook) and that `collectGarbage()` knows to wait for.
 */
export function createCleanupRegistry<H>(cleanup: (held: H) => void, origin: string) {
  registriesCreated++;
  return new FinalizationRegistry<H>((held) => {
    cleanupsRun++;
    try {
      cleanup(held);
    } catch (error) {
      reportUnraisable(error, origin);
    }
  });
}

/** How many registries this library has made (V8 cleans one dirty registry per task). */
export function cleanupRegistryCount(): number {
  return registriesCreated;
}

/** How many cleanup callbacks have run so far, over all of this library's registries. */
export function cleanupRunCount(): number {
  return cleanupsRun;
}
