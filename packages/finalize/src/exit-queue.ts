import { onExit, processShared } from '@w/core/internal';

/** What the exit queue runs: a finalizer, known by its creation order. */
export interface ExitTask {
  /** Creation order (see {@link nextSequence}): exit processing runs the newest first. */
  readonly sequence: number;
  runAtExit(): void;
}

// One queue per process, whichever copy of this package made the finalizer: they all run
// in one exit pass, newest first. Insertion order is not creation order (atexit can be
// turned off and on again), so exit processing sorts by `sequence`.
const shared = processShared('@w/finalize/exit-queue@1', () => ({
  queue: new Set<ExitTask>(),
  sequence: 0,
  hookInstalled: false,
  addedDuringExit: false,
}));

/** The next creation number: finalizers made later (by any copy) get larger ones. */
export function nextSequence(): number {
  return ++shared.sequence;
}

/** Puts an alive `atexit` finalizer in line to run at program exit. */
export function addToExitQueue(task: ExitTask): void {
  shared.queue.add(task);
  shared.addedDuringExit = true;
  // Lazy: no exit listener until a finalizer exists. Installed again if one is created
  // after exit processing ran (e.g. by another exit hook), so that one runs too.
  if (!shared.hookInstalled) {
    shared.hookInstalled = true;
    onExit(runQueue);
  }
}

/** Takes a finalizer out of line (it ran, was detached, or `atexit` was turned off). */
export function removeFromExitQueue(task: ExitTask): void {
  shared.queue.delete(task);
}

// Python's finalize._exitfunc: newest first; re-sorted when one is added while running, so a
// finalizer created during exit processing runs too (next, being the newest).
function runQueue(): void {
  const { queue } = shared;
  let pending: ExitTask[] = [];
  shared.addedDuringExit = true;
  try {
    for (;;) {
      if (shared.addedDuringExit) {
        pending = [...queue].sort((a, b) => a.sequence - b.sequence);
        shared.addedDuringExit = false;
      }
      const task = pending.pop();
      if (task === undefined) return;
      // Skips one that a finalizer before it ran, detached or took off the queue.
      if (queue.has(task)) task.runAtExit();
    }
  } finally {
    // @w/core removed this hook before calling it.
    shared.hookInstalled = false;
  }
}
