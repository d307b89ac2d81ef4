/**
 * Python's `weakref.proxy`: use an object through a stand-in that does not keep it alive.
 *
 * @module @w/proxy
 */
export * from '@w/proxy';
