// Core's own scheduler, by path: a dependency on @w/core would be a cycle (core's tests use
// this package), and test-support is never built or installed.
import { nextTask as schedule } from '../core/src/next-task';

/**
 * Resolves in a later macrotask, after the cleanup tasks the runtime queued before it. Through
 * core's scheduling, so that tests wait the same with fake timers installed.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => schedule(resolve));
}
