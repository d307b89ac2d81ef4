/**
 * `WeakValueMap`, Python's `WeakValueDictionary`: a `Map` whose values are held weakly.
 *
 * @module @w/weak-value-map
 */
export * from '@w/weak-value-map';
