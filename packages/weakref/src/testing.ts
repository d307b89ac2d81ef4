/**
 * `@w/weakref/testing`: the leak-test toolkit of `@w/testing`, for apps that depend only on
 * `@w/weakref`.
 *
 * @module
 */
export * from '@w/testing';
