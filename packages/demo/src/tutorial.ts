/** One step of the tutorial: a heading, and the example whose module prints it. */
export interface Step {
  title: string;
  /** The example's file, under src/examples/. */
  example: string;
  /** Imports the example, which runs it: each example is a complete program. */
  run(): Promise<unknown>;
}

// The order of the tutorial the demo follows: a cycle broken with a weak ref and its
// callback, proxies, finalizers, the WeakValueDictionary cache, then WeakKeyDictionary
// and WeakSet; last, what @w/core adds.
export const tutorial: Step[] = [
  {
    title: 'Breaking a parent/child cycle with a weak parent pointer and its callback',
    example: 'ref-cycle.ts',
    run: () => import('./examples/ref-cycle'),
  },
  {
    title: 'Reference callbacks',
    example: 'ref-callback.ts',
    run: () => import('./examples/ref-callback'),
  },
  {
    title: 'A weak method: event handlers that do not keep their object alive',
    example: 'weak-method.ts',
    run: () => import('./examples/weak-method'),
  },
  {
    title: 'A proxy: use the object without the ref() call, until it is gone',
    example: 'proxy.ts',
    run: () => import('./examples/proxy'),
  },
  {
    title: 'A finalizer runs after its object is collected, with its extra arguments',
    example: 'finalize-collected.ts',
    run: () => import('./examples/finalize-collected'),
  },
  {
    title: 'Calling a finalizer early runs it once',
    example: 'finalize-call-early.ts',
    run: () => import('./examples/finalize-call-early'),
  },
  {
    title: 'peek() and detach(): look at a finalizer, or take its work back',
    example: 'finalize-peek-detach.ts',
    run: () => import('./examples/finalize-peek-detach'),
  },
  {
    title: 'atexit: finalizers still alive run when the program exits',
    example: 'finalize-atexit.ts',
    run: () => import('./examples/finalize-atexit'),
  },
  {
    title: 'Pitfalls that would keep the object alive forever are refused',
    example: 'finalize-pitfalls.ts',
    run: () => import('./examples/finalize-pitfalls'),
  },
  {
    title: 'WeakValueMap: CachedSpamManager, a canonicalising cache (Python Cookbook 8.25)',
    example: 'weak-value-map-cache.ts',
    run: () => import('./examples/weak-value-map-cache'),
  },
  {
    title: 'WeakValueMap vs Map as a cache (PyMOTW weakref_valuedict.py)',
    example: 'weak-value-map-vs-map.ts',
    run: () => import('./examples/weak-value-map-vs-map'),
  },
  {
    title: 'WeakCache: the same cache, made hot-aware (the most recently used stay alive)',
    example: 'cache-hot.ts',
    run: () => import('./examples/cache-hot'),
  },
  {
    title: 'WeakKeyMap: per-object metadata you can iterate and count',
    example: 'weak-key-map-tooltips.ts',
    run: () => import('./examples/weak-key-map-tooltips'),
  },
  {
    title: 'WeakKeyMap: a value that refers to its own key does not keep it alive',
    example: 'weak-key-map-self-reference.ts',
    run: () => import('./examples/weak-key-map-self-reference'),
  },
  {
    title: 'IterableWeakSet: a listener set that does not keep its listeners alive',
    example: 'weak-set-listeners.ts',
    run: () => import('./examples/weak-set-listeners'),
  },
  {
    title: 'canBeHeldWeakly: what a weak reference can point at',
    example: 'core-weakable.ts',
    run: () => import('./examples/core-weakable'),
  },
  {
    title: 'An error in a callback goes to the unraisable hook, and the program goes on',
    example: 'core-unraisable.ts',
    run: () => import('./examples/core-unraisable'),
  },
];
