import { describe } from './inspect';
import { processShared } from './process-shared';
import { describeType } from './weakable';
/** What the unraisable hook receives: Python's `sys.unraisablehook` argument. */
export interface Unraisable {
  /** What was thrown. */
  error: unknown;
  /** Where it came from, e.g. `'ref callback'`, `'finalizer at exit'`. */
  origin: string;
  /** The ref, proxy or finalizer whose callback threw, when there is one. */
  object?: unknown;
}

export type UnraisableHook = (unraisable: Unraisable) => void;

// `Exception ignored in: ref callback Ref { <dead> }`: the object as `String()` shows it.
const printToStderr: UnraisableHook = ({ error, origin, object }) => {
  const what = object === undefined ? origin : `${origin} ${describe(object)}`;
  try {
    console.error(`Exception ignored in: ${what}\n`, error);
  } catch {
    // Formatting `error` threw (e.g. its custom inspect). This must not throw: the cleanup
    // that reports would crash the process and skip the other callbacks.
    try {
      console.error(`Exception ignored in: ${what}\n`, describe(error));
    } catch {}
  }
};

// Set through any copy of @w/core, seen by all of them. Unset means this copy's printer.
// The hook lives in a closure, not on the slot: hardening freezes the slot, not the closure.
// Pure: a bundle that uses nothing of this module drops the slot with it.
const shared = /* @__PURE__ */ processShared('unraisable-hook@2', () => {
  let hook: UnraisableHook | undefined;
  return {
    get: () => hook,
    set: (next: UnraisableHook | undefined) => {
      hook = next;
    },
  };
});

/**
 * Sets the function that receives errors thrown by callbacks that nobody called directly
 * (ref callbacks, proxy callbacks, finalizers run by collection or at exit). Returns the
 * previous hook; with no argument, restores the default, which prints to stderr.
 */
export function setUnraisableHook(hook?: UnraisableHook): UnraisableHook {
  if (hook !== undefined && typeof hook !== 'function') {
    throw new TypeError(`unraisable hook must be a function, not '${describeType(hook)}'`);
  }
  const previous = shared.get() ?? printToStderr;
  shared.set(hook === printToStderr ? undefined : hook);
  return previous;
}

/** Hands `error` to the hook; a hook that throws is reported by the default printer instead. */
export function reportUnraisable(error: unknown, origin: string, object?: unknown): void {
  const unraisable: Unraisable =
    object === undefined ? { error, origin } : { error, origin, object };
  try {
    (shared.get() ?? printToStderr)(unraisable);
  } catch (hookError) {
    printToStderr({ error: hookError, origin: 'unraisable hook' });
    printToStderr(unraisable);
  }
}

/**
 * Calls `fn(...args)`; an exception goes to the unraisable hook instead of the caller, and so
 * does the rejection of a thenable it returns (an `async` callback).
 */
export function callReportingErrors<A extends unknown[]>(
  fn: (...args: A) => unknown,
  origin: string,
  object: unknown,
  ...args: A
): void {
  try {
    const result = fn(...args);
    if (isObjectLike(result)) reportRejection(result, origin, object);
  } catch (error) {
    reportUnraisable(error, origin, object);
  }
}

// Reads `then` once, as `await` does; a throwing getter or `then` is reported by the caller.
function reportRejection(result: object, origin: string, object: unknown): void {
  const then = (result as { then?: unknown }).then;
  if (typeof then !== 'function') return;
  then.call(result, undefined, (error: unknown) => reportUnraisable(error, origin, object));
}

function isObjectLike(value: unknown): value is object {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}
