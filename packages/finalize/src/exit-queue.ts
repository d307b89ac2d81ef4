import { onExit } from '@w/core/internal';
import type { FinalizerState } from './finalizer';

// Alive finalizers whose `atexit` is set. Insertion order is not creation order (atexit can
// be turned off and on again), so exit processing sorts by `sequence`.
const queue = new Set<FinalizerState>();
let hookInstalled = false;
let addedDuringExit = false;

/** Puts an alive `atexit` finalizer in line to run at program exit. */
export function addToExitQueue(state: FinalizerState): void {
  queue.add(state);
  addedDuringExit = true;
  // Lazy: no exit listener until a finalizer exists. Installed again if one is created
  // after exit processing ran (e.g. by another exit hook), so that one runs too.
  if (!hookInstalled) {
    hookInstalled = true;
    onExit(runQueue);
  }
}

/** Takes a finalizer out of line (it ran, was detached, or `atexit` was turned off). */
export function removeFromExitQueue(state: FinalizerState): void {
  queue.delete(state);
}

// Python's finalize._exitfunc: newest first; re-sorted when one is added while running, so a
// finalizer created during exit processing runs too (next, being the newest).
function runQueue(): void {
  let pending: FinalizerState[] = [];
  addedDuringExit = true;
  try {
    for (;;) {
      if (addedDuringExit) {
        pending = [...queue].sort((a, b) => a.sequence - b.sequence);
        addedDuringExit = false;
      }
      const state = pending.pop();
      if (state === undefined) return;
      // Skips one that a finalizer before it ran, detached or took off the queue.
      if (queue.has(state)) state.runAtExit();
    }
  } finally {
    // @w/core removed this hook before calling it.
    hookInstalled = false;
  }
}
