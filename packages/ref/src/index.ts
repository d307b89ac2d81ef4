export { getWeakRefCount, getWeakRefs } from './introspection';
export { KeyedRef } from './keyed-ref';
export { Ref, type RefCallback, ref } from './ref';
export { WeakMethod } from './weak-method';
