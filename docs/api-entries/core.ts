/**
 * Which values can be held weakly, and the unraisable hook that receives errors from callbacks run by collection or at exit.
 *
 * @module @w/core
 */
export * from '@w/core';
