import type { WeakKey } from '@w/core';

// The iterators of a WeakValueMap: one pass over its Map of weak refs, skipping collected
// values. A hand-written iterator object over the Map's own iterator (a generator costs as
// much again as the walk), and the Map iterator is live, so mutation during iteration
// behaves as in Map. Like Map's iterators, it has no `return`; once done, it stays done.

type Refs<K, V extends WeakKey> = Map<K, WeakRef<V>>;

// What a `LiveIterator` yields per live entry.
const KEYS = 0;
const VALUES = 1;
const ENTRIES = 2;
type Kind = typeof KEYS | typeof VALUES | typeof ENTRIES;

class LiveIterator<K, V extends WeakKey, T> {
  // Iterator helpers (`map`, `toArray`...) where the runtime has them, as on Map's iterators.
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: the class's set-up (CONTRIBUTING.md)
  static #setUp = (() => {
    Object.setPrototypeOf(
      this.prototype,
      Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())),
    );
  })();

  readonly #refs: MapIterator<[K, WeakRef<V>]>;
  readonly #kind: Kind;

  constructor(refs: Refs<K, V>, kind: Kind) {
    this.#refs = refs.entries();
    this.#kind = kind;
  }

  next(): IteratorResult<T, undefined> {
    const refs = this.#refs;
    for (let step = refs.next(); step.done !== true; step = refs.next()) {
      const [key, ref] = step.value;
      const value = ref.deref();
      if (value === undefined) continue;
      const kind = this.#kind;
      const item = kind === KEYS ? key : kind === VALUES ? value : [key, value];
      return { value: item as T, done: false };
    }
    return { value: undefined, done: true };
  }

  [Symbol.iterator](): this {
    return this;
  }
}

// The casts: an iterator's prototype is %IteratorPrototype%, so a newer lib's `MapIterator`
// helpers (`map`, `take`...) are there wherever the runtime has them.
export function liveEntries<K, V extends WeakKey>(refs: Refs<K, V>): MapIterator<[K, V]> {
  return new LiveIterator<K, V, [K, V]>(refs, ENTRIES) as unknown as MapIterator<[K, V]>;
}

export function liveKeys<K, V extends WeakKey>(refs: Refs<K, V>): MapIterator<K> {
  return new LiveIterator<K, V, K>(refs, KEYS) as unknown as MapIterator<K>;
}

export function liveValues<K, V extends WeakKey>(refs: Refs<K, V>): MapIterator<V> {
  return new LiveIterator<K, V, V>(refs, VALUES) as unknown as MapIterator<V>;
}
