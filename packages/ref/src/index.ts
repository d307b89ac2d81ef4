export { ref } from './create-ref';
export { getWeakRefCount, getWeakRefs } from './introspection';
export { KeyedRef } from './keyed-ref';
export { Ref, type RefCallback } from './ref';
export { WeakMethod } from './weak-method';
