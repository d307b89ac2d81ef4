/**
 * `WeakKeyMap`, Python's `WeakKeyDictionary`: an iterable, countable `WeakMap`.
 *
 * @module @w/weak-key-map
 */
export * from '@w/weak-key-map';
