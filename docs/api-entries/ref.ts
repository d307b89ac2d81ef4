/**
 * Python's `weakref.ref`, `KeyedRef`, `WeakMethod`, `getweakrefcount` and `getweakrefs`.
 *
 * @module @w/ref
 */
export * from '@w/ref';
