import { canBeHeldWeakly } from '@w/core';
import { liveReferents } from '@w/core/internal';

/**
 * The refs and proxies this library made for `target` that are still alive (Python's
 * `weakref.getweakrefs`): the reused ref, the reused proxy, then the others newest first.
 */
export function getWeakRefs(target: unknown): object[] {
  return canBeHeldWeakly(target) ? liveReferents(target) : [];
}

/** How many refs and proxies `getWeakRefs(target)` lists (Python's `getweakrefcount`). */
export function getWeakRefCount(target: unknown): number {
  return getWeakRefs(target).length;
}
