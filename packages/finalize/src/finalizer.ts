import type { WeakKey } from '@w/core';
import {
  assertFunction,
  assertWeakable,
  callReportingErrors,
  type Inspect,
  type InspectOptions,
  incompatibleReceiver,
  inspectBriefly,
  inspectCustom,
  inspectWithState,
  processShared,
  type Shown,
  setUpClass,
  targetCollected,
  type Watcher,
  watchTargetStrongly,
} from '@w/core/internal';
import { addToExitQueue, type ExitTask, nextSequence, removeFromExitQueue } from './exit-queue';

/** What `peek()` and `detach()` return: the object, the function and its arguments. */
export type FinalizerInfo<T extends WeakKey, A extends unknown[], R> = [
  obj: T,
  func: (...args: A) => R,
  args: A,
];

/**
 * Everything a finalizer knows. Kept apart from the callable so that what `@w/core` holds
 * (this watcher) is internal, and so the callable's closure never sees `obj`.
 */
export class FinalizerState implements Watcher, ExitTask {
  /** Creation order: exit processing runs the newest first, whatever `atexit` did since. */
  readonly sequence: number;
  /** `func`'s name, kept as a string for the inspection once `func` itself is dropped. */
  readonly funcName: string;
  #func: ((...args: any[]) => unknown) | undefined;
  #args: unknown[] | undefined;
  #atexit = true;
  readonly #target: WeakRef<WeakKey>;
  readonly #stopWatching: () => void;

  constructor(
    readonly owner: Finalizer,
    target: WeakKey,
    func: (...args: any[]) => unknown,
    args: unknown[],
  ) {
    this.sequence = nextSequence();
    this.funcName = typeof func.name === 'string' ? func.name : '';
    this.#target = new WeakRef(target);
    this.#func = func;
    this.#args = args;
    this.#stopWatching = watchTargetStrongly(target, this);
    addToExitQueue(this);
  }

  get alive(): boolean {
    return this.#func !== undefined;
  }

  get atexit(): boolean {
    return this.alive && this.#atexit;
  }

  set atexit(value: boolean) {
    if (!this.alive) return; // Python ignores it on a dead finalizer too
    this.#atexit = Boolean(value);
    if (this.#atexit) addToExitQueue(this);
    else removeFromExitQueue(this);
  }

  /** `[obj, func, args]` while both the finalizer and the object are alive. */
  peek(): FinalizerInfo<any, any[], unknown> | undefined {
    const func = this.#func;
    const args = this.#args;
    if (func === undefined || args === undefined) return undefined;
    const obj = this.#target.deref();
    // Collected but not cleaned up yet: the object is gone, the cleanup still to come.
    if (obj === undefined) return undefined;
    return [obj, func, [...args]];
  }

  /** Marks the finalizer dead and hands back what it would have called, if it was alive. */
  take(): [func: (...args: any[]) => unknown, args: unknown[]] | undefined {
    const func = this.#func;
    const args = this.#args;
    if (func === undefined || args === undefined) return undefined;
    // Drop everything first, so nothing is kept even if func throws.
    this.#func = undefined;
    this.#args = undefined;
    this.#stopWatching();
    removeFromExitQueue(this);
    return [func, args];
  }

  /** Runs it for exit processing; an error goes to the unraisable hook. */
  runAtExit(): void {
    const taken = this.take();
    if (taken !== undefined)
      callReportingErrors(taken[0], 'finalizer at exit', this.owner, ...taken[1]);
  }

  /** @internal Called by @w/core after the object is collected. */
  [targetCollected](): void {
    const taken = this.take();
    if (taken !== undefined) callReportingErrors(taken[0], 'finalizer', this.owner, ...taken[1]);
  }
}

// Shared by every copy of this package in the process, so each one knows every finalizer.
const states = /* @__PURE__ */ processShared(
  '@w/finalize/states@1',
  () => new WeakMap<Finalizer<any, any, any>, FinalizerState>(),
);

/** The state of `finalizer`; for anything else, the TypeError of `method` (a native's wording). */
function stateOf(finalizer: unknown, method: string): FinalizerState {
  const state = states.get(finalizer as Finalizer);
  if (state === undefined) throw incompatibleReceiver(method, finalizer);
  return state;
}

/**
 * Python's `weakref.finalize`: calls `func(...args)` once, after `obj` is collected, when
 * called directly, or at program exit. A finalizer is a function: `f()` runs it early.
 *
 * `func` and `args` are held strongly until the finalizer runs or is detached; `obj` only
 * weakly. Dropping the finalizer itself does not cancel it.
 */
export interface Finalizer<
  // biome-ignore lint/correctness/noUnusedVariables: merged with the class: same parameters
  T extends WeakKey = WeakKey,
  // biome-ignore lint/correctness/noUnusedVariables: merged with the class: same parameters
  A extends unknown[] = any[],
  R = unknown,
> {
  /** Runs `func(...args)` if still alive and returns its result; else `undefined`. */
  // biome-ignore lint/style/useShorthandFunctionType: merged with the class, so an interface
  (): R | undefined;
}

/** The callable finalizer that `finalize()` returns; `f instanceof Finalizer` holds. */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the interface adds the call signature
export class Finalizer<T extends WeakKey = WeakKey, A extends unknown[] = any[], R = unknown> {
  /**
   * Same as `finalize(obj, func, ...args)`. Throws `TypeError`, registering nothing, when
   * `obj` cannot be held weakly, `func` is not a function, or `obj` is `func` or one of
   * `args` (that would keep `obj` alive forever).
   */
  constructor(obj: T, func: (...args: A) => R, ...args: A) {
    checkArguments(obj, func, args);
    const finalizer = makeCallable();
    Object.setPrototypeOf(finalizer, new.target.prototype);
    states.set(finalizer, new FinalizerState(finalizer, obj, func as any, args));
    // biome-ignore lint/correctness/noConstructorReturn: a finalizer is callable, like Python's
    return finalizer as this;
  }

  /** True until it has run (by collection, by a call or at exit) or been detached. */
  get alive(): boolean {
    return stateOf(this, 'get Finalizer.prototype.alive').alive;
  }

  /**
   * Whether it runs at program exit if still alive (default `true`). Always `false` once
   * dead; setting it on a dead finalizer does nothing.
   */
  get atexit(): boolean {
    return stateOf(this, 'get Finalizer.prototype.atexit').atexit;
  }

  set atexit(value: boolean) {
    stateOf(this, 'set Finalizer.prototype.atexit').atexit = value;
  }

  /**
   * `[obj, func, args]` while alive, without changing anything; `undefined` once dead, or
   * once `obj` is collected even if the cleanup has not run yet.
   */
  peek(): FinalizerInfo<T, A, R> | undefined {
    return stateOf(this, 'Finalizer.prototype.peek').peek() as FinalizerInfo<T, A, R> | undefined;
  }

  /**
   * Makes it dead without calling it and returns `[obj, func, args]`. Returns `undefined`,
   * changing nothing, when it is already dead or `obj` is already collected (the cleanup
   * then still runs).
   */
  detach(): FinalizerInfo<T, A, R> | undefined {
    const state = stateOf(this, 'Finalizer.prototype.detach');
    const info = state.peek() as FinalizerInfo<T, A, R> | undefined;
    if (info !== undefined) state.take();
    return info;
  }

  /** Runs it now, like calling it (so `using f = finalize(...)` runs it at scope end). */
  [Symbol.dispose](): void {
    stateOf(this, 'Finalizer.prototype[Symbol.dispose]');
    runNow(this);
  }

  /**
   * What `console.log` and `util.inspect` show, in the spirit of Python's repr:
   * `Finalizer { <alive> close, for: Socket {…} }`, or `Finalizer { <dead> close }`.
   */
  [inspectCustom](depth: number | null, options: InspectOptions, inspect: Inspect): string {
    const state = stateOf(this, 'Finalizer.prototype[inspect.custom]');
    const shown: Shown[] = [{ text: state.funcName || '(anonymous)' }];
    const obj = state.peek()?.[0];
    if (obj !== undefined) shown.push({ label: 'for', value: obj });
    return inspectWithState(this, 'Finalizer', state.alive, shown, depth, options, inspect);
  }

  /** The inspection at depth 0: `Finalizer { <alive> close, for: [Socket] }`. */
  toString(): string {
    stateOf(this, 'Finalizer.prototype.toString'); // before the inspection looks itself up
    return inspectBriefly(this);
  }

  get [Symbol.toStringTag](): string {
    return 'Finalizer';
  }

  // Callable: call/apply/bind and `instanceof Function` keep working. In the class, so that
  // a bundle that does not use it drops it with the class.
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: the class's set-up (CONTRIBUTING.md)
  static #setUp = (() => {
    Object.setPrototypeOf(this.prototype, Function.prototype);
    setUpClass(this, 'Finalizer');
  })();
}

// Made outside the constructor so that its closure cannot capture `obj`, `func` or `args`.
function makeCallable(): Finalizer<any, any, any> {
  const finalizer = (): unknown => runNow(finalizer as unknown as Finalizer);
  return finalizer as unknown as Finalizer<any, any, any>;
}

function runNow<R>(finalizer: Finalizer<any, any, R>): R | undefined {
  const taken = states.get(finalizer)!.take();
  if (taken === undefined) return undefined;
  const [func, args] = taken;
  return func(...args) as R;
}

function checkArguments(obj: unknown, func: unknown, args: unknown[]): void {
  assertWeakable(obj);
  assertFunction(func, 'finalize() func');
  if (func === obj) {
    throw new TypeError(
      'finalize() func is the object itself: the finalizer would keep it alive forever',
    );
  }
  const index = args.indexOf(obj);
  if (index !== -1) {
    throw new TypeError(
      `finalize() args[${index}] is the object itself: the finalizer would keep it alive forever`,
    );
  }
}
