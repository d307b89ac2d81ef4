/**
 * The meta package: every public name of the other packages in one import, like Python's `import weakref`.
 *
 * @module @w/weakref
 */
export * from '@w/weakref';
