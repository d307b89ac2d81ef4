import { nextTask as schedule } from '@w/core/internal';

/**
 * Resolves in a later macrotask, after the cleanup tasks the runtime queued before it. Through
 * core's scheduling, so that tests wait the same with fake timers installed.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => schedule(resolve));
}
