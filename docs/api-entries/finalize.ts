/**
 * Python's `weakref.finalize`: callable finalizers you can run early, detach, or run at exit.
 *
 * @module @w/finalize
 */
export * from '@w/finalize';
