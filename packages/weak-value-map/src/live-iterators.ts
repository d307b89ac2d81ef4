import type { WeakKey } from '@w/core/internal';

// The iterators of a WeakValueMap: one pass over its Map of weak refs, skipping collected
// values. Each walks the Map itself (no generator feeding another, no array per skipped
// entry), and the Map iterator is live, so mutation during iteration behaves as in Map.

type Refs<K, V extends WeakKey> = Map<K, WeakRef<V>>;

export function* liveEntries<K, V extends WeakKey>(refs: Refs<K, V>): MapIterator<[K, V]> {
  for (const [key, ref] of refs) {
    const value = ref.deref();
    if (value !== undefined) yield [key, value];
  }
}

export function* liveKeys<K, V extends WeakKey>(refs: Refs<K, V>): MapIterator<K> {
  for (const [key, ref] of refs) if (ref.deref() !== undefined) yield key;
}

export function* liveValues<K, V extends WeakKey>(refs: Refs<K, V>): MapIterator<V> {
  for (const ref of refs.values()) {
    const value = ref.deref();
    if (value !== undefined) yield value;
  }
}
