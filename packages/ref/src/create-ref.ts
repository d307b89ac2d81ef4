import { getCanonical, type WeakKey } from '@w/core/internal';
import { makeReusedRef, Ref, type RefCallback } from './ref';

/**
 * A weak reference to `target` (Python's `weakref.ref(target, callback)`). Without a
 * callback the same `Ref` comes back for the same live target, as in Python.
 */
export function ref<T extends WeakKey>(target: T, callback?: RefCallback<Ref<T>>): Ref<T> {
  if (callback !== undefined) return new Ref(target, callback);
  return getCanonical<Ref<T>>(target, 'ref') ?? makeReusedRef(target);
}
