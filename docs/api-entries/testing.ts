/**
 * Leak tests: probe an object, force full collections and expect it collected or retained.
 *
 * @module @w/testing
 */
export * from '@w/testing';
