/**
 * `WeakCache`: a cache that holds its most recently used values strongly and the rest weakly.
 *
 * @module @w/cache
 */
export * from '@w/cache';
