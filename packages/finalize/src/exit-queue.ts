import { processShared } from '@w/core/internal';

/** What the exit queue runs: a finalizer, known by its creation order. */
export interface ExitTask {
  /** Creation order (see {@link nextSequence}): exit processing runs the newest first. */
  readonly sequence: number;
  runAtExit(): void;
}

type Emit = (this: unknown, ...args: unknown[]) => unknown;

interface NodeProcess {
  // Node sets it on every real exit; a hand-made `process.emit('exit')` sees `false`.
  _exiting?: boolean;
  emit: Emit;
  on(event: 'exit', listener: () => void): unknown;
  removeListener(event: 'exit', listener: () => void): unknown;
}

// Where each of our `process.emit` wrappers keeps the function it wraps. Registered, so that
// any copy or realm of this package can take another's wrapper out of the chain.
const wrapped = Symbol.for('@w/finalize/wrapped-emit@1');
type EmitWrapper = Emit & { [wrapped]: Emit };

// One queue per realm, whichever copy of this package made the finalizer: they all run in
// one exit pass, newest first. Insertion order is not creation order (atexit can be turned
// off and on again), so exit processing sorts by `sequence`.
const shared = /* @__PURE__ */ processShared('@w/finalize/exit-queue@2', () => ({
  queue: new Set<ExitTask>(),
  sequence: 0,
  // While exit processing runs: what it still has to run, oldest first (it pops the newest).
  running: undefined as ExitTask[] | undefined,
  // The `exit` (or `pagehide`) listener, there exactly while the queue is not empty: a
  // sandbox that shares `process` leaves nothing on it once it has no exit work.
  listener: undefined as (() => void) | undefined,
  // Node: our `process.emit` wrapper, which runs the finalizers that `exit` listeners after
  // ours made. Undefined once taken out again; never installed twice.
  emitWrapper: undefined as EmitWrapper | undefined,
}));

/** The next creation number: finalizers made later (by any copy) get larger ones. */
export function nextSequence(): number {
  return ++shared.sequence;
}

/** Puts an alive `atexit` finalizer in line to run at program exit. */
export function addToExitQueue(task: ExitTask): void {
  shared.queue.add(task);
  if (shared.running !== undefined) insertBySequence(shared.running, task);
  if (shared.listener === undefined) install();
}

/** Takes a finalizer out of line (it ran, was detached, or `atexit` was turned off). */
export function removeFromExitQueue(task: ExitTask): void {
  if (shared.queue.delete(task) && shared.queue.size === 0) uninstall();
}

// Python's finalize._exitfunc: newest first. One created while it runs is the newest and
// goes on top, so it runs next: linear however many are created during exit.
function runQueue(): void {
  if (shared.running !== undefined) return; // a finalizer emitted 'exit' itself
  const running = [...shared.queue].sort((a, b) => a.sequence - b.sequence);
  shared.running = running;
  try {
    for (let task = running.pop(); task !== undefined; task = running.pop()) {
      // Skips one that a finalizer before it ran, detached or took off the queue.
      if (shared.queue.has(task)) task.runAtExit();
    }
  } finally {
    shared.running = undefined;
  }
}

function nodeProcess(): NodeProcess | undefined {
  const proc = (globalThis as { process?: Partial<NodeProcess> }).process;
  return typeof proc?.on === 'function' &&
    typeof proc.removeListener === 'function' &&
    typeof proc.emit === 'function'
    ? (proc as NodeProcess)
    : undefined;
}

// A stray `process.emit('exit')` (build tasks and test helpers send one) is not the end.
function isRealExit(proc: NodeProcess): boolean {
  return proc._exiting !== false;
}

function install(): void {
  const proc = nodeProcess();
  if (proc !== undefined) {
    const listener = () => {
      if (isRealExit(proc)) runQueue();
    };
    shared.listener = listener;
    proc.on('exit', listener);
    shared.emitWrapper ??= wrapEmit(proc);
  } else {
    shared.listener = runQueue;
    globalThis.addEventListener?.('pagehide', runQueue);
  }
}

function uninstall(): void {
  const listener = shared.listener;
  shared.listener = undefined;
  const proc = nodeProcess();
  if (proc !== undefined) {
    proc.removeListener('exit', listener!);
    if (shared.emitWrapper !== undefined && unwrapEmit(proc, shared.emitWrapper)) {
      shared.emitWrapper = undefined;
    }
  } else {
    globalThis.removeEventListener?.('pagehide', listener!);
  }
}

/**
 * Every way a Node process ends (its natural end, `process.exit()`, an uncaught exception, an
 * unhandled rejection) goes through `process.emit('exit')`; a fatal exception then ends with
 * no microtask and no `process.reallyExit`. So finalizers made by `exit` listeners after ours
 * (signal-exit's handlers run after every plain listener) run when that call returns.
 */
function wrapEmit(proc: NodeProcess): EmitWrapper | undefined {
  const wrapper = function emit(this: unknown, ...args: unknown[]): unknown {
    try {
      return Reflect.apply(wrapper[wrapped], this, args);
    } finally {
      if (args[0] === 'exit' && shared.queue.size > 0 && isRealExit(proc)) runQueue();
    }
  } as EmitWrapper;
  wrapper[wrapped] = proc.emit;
  try {
    proc.emit = wrapper;
  } catch {
    return undefined; // a hardened `process`: the listener alone, no late pass
  }
  return wrapper;
}

// Takes `wrapper` out of the chain, also from under other realms' or copies' wrappers. Not
// from under someone else's (signal-exit's): that one holds ours, so ours stays, once.
function unwrapEmit(proc: NodeProcess, wrapper: EmitWrapper): boolean {
  let holder: Record<PropertyKey, unknown> = proc as never;
  let key: PropertyKey = 'emit';
  for (let emit = proc.emit as Partial<EmitWrapper>; ; emit = emit[wrapped]!) {
    if (emit === wrapper) {
      holder[key] = wrapper[wrapped];
      return true;
    }
    if (typeof emit !== 'function' || !(wrapped in emit)) return false;
    holder = emit as never;
    key = wrapped;
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
