import type { WeakKey } from '@w/core';
import { Finalizer } from './finalizer';

/**
 * Calls `func(...args)` once after `obj` is collected (Python's `weakref.finalize`). Returns
 * the `Finalizer`: call it to run it early, `detach()` it to cancel, or let it run at exit.
 *
 * @throws TypeError if `obj` cannot be held weakly, `func` is not a function, or `obj` is
 * `func` or one of `args` (it would never be collected). Nothing is registered then.
 *
 * @example
 * const f = finalize(socket, close, socket.fd); // not `socket` itself: it would never die
 */
export function finalize<T extends WeakKey, A extends unknown[], R>(
  obj: T,
  func: (...args: A) => R,
  ...args: A
): Finalizer<T, A, R> {
  return new Finalizer(obj, func, ...args);
}
