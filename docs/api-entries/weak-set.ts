/**
 * `IterableWeakSet`, Python's `WeakSet`: an iterable, countable `WeakSet`.
 *
 * @module @w/weak-set
 */
export * from '@w/weak-set';
