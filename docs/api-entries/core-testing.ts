/**
 * `collectGarbage()`: force a collection in tests and wait until the cleanup it queued has run.
 *
 * @module @w/core/testing
 */
export * from '@w/core/testing';
