/**
 * Shared primitives: which values can be held weakly, the unraisable hook, and the collection and exit machinery the other packages build on.
 *
 * @module @w/core
 */
export * from '@w/core';
