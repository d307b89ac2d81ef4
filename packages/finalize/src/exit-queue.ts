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
const shared = /* @__PURE__ */ processShared('@w/finalize/exit-queue@1', () => ({
  queue: new Set<ExitTask>(),
  sequence: 0,
  hookInstalled: false,
  // While exit processing runs: what it still has to run, oldest first (it pops the newest).
  running: undefined as ExitTask[] | undefined,
  // Exit processing has run once: the process is ending.
  exiting: false,
  latePassScheduled: false,
}));

/** The next creation number: finalizers made later (by any copy) get larger ones. */
export function nextSequence(): number {
  return ++shared.sequence;
}

/** Puts an alive `atexit` finalizer in line to run at program exit. */
export function addToExitQueue(task: ExitTask): void {
  shared.queue.add(task);
  if (shared.running !== undefined) insertBySequence(shared.running, task);
  // Lazy: no exit listener until a finalizer exists. Installed again if one is created
  // after exit processing ran (e.g. by another exit hook), so that one runs too.
  if (!shared.hookInstalled) {
    shared.hookInstalled = true;
    onExit(runQueue);
  }
  if (shared.exiting && shared.running === undefined) scheduleLatePass();
}

/** Takes a finalizer out of line (it ran, was detached, or `atexit` was turned off). */
export function removeFromExitQueue(task: ExitTask): void {
  shared.queue.delete(task);
}

// Python's finalize._exitfunc: newest first. One created while it runs is the newest and
// goes on top, so it runs next: linear however many are created during exit.
function runQueue(): void {
  shared.exiting = true;
  if (shared.running !== undefined) return; // an exit hook of a finalizer re-entered
  const running = [...shared.queue].sort((a, b) => a.sequence - b.sequence);
  shared.running = running;
  try {
    for (let task = running.pop(); task !== undefined; task = running.pop()) {
      // Skips one that a finalizer before it ran, detached or took off the queue.
      if (shared.queue.has(task)) task.runAtExit();
    }
  } finally {
    shared.running = undefined;
    // @w/core removed this hook before calling it.
    shared.hookInstalled = false;
  }
}

// Oldest first: a new finalizer (the newest) is pushed; one whose atexit was turned back on
// goes where its creation puts it.
function insertBySequence(running: ExitTask[], task: ExitTask): void {
  let low = 0;
  let high = running.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (running[middle]!.sequence < task.sequence) low = middle + 1;
    else high = middle;
  }
  running.splice(low, 0, task);
}

/**
 * A finalizer made due after exit processing ran (by an `exit` listener added after ours)
 * runs before the process ends: Node runs microtasks after the `exit` listeners of a
 * natural end, and `process.exit()` calls `process.reallyExit` after them.
 */
function scheduleLatePass(): void {
  const proc = (globalThis as { process?: { reallyExit?: (...args: unknown[]) => unknown } })
    .process;
  const reallyExit = proc?.reallyExit;
  // Only where the end is final: a browser page can come back after `pagehide`.
  if (proc === undefined || typeof reallyExit !== 'function' || shared.latePassScheduled) return;
  shared.latePassScheduled = true;
  const latePass = () => {
    if (!shared.latePassScheduled) return;
    shared.latePassScheduled = false;
    runQueue();
  };
  queueMicrotask(latePass);
  proc.reallyExit = function (this: unknown, ...args: unknown[]) {
    proc.reallyExit = reallyExit;
    latePass();
    return reallyExit.apply(this, args);
  };
}
