import type { WeakKey } from '@w/core/internal';
import { Ref, type RefCallback } from './ref';

/** A `Ref` that also carries a `key` (Python's `weakref.KeyedRef`), as `valueRefs()` returns. */
export class KeyedRef<K, T extends WeakKey = WeakKey> extends Ref<T> {
  readonly key: K;

  constructor(target: T, callback: RefCallback<KeyedRef<K, T>> | undefined, key: K) {
    super(target, callback as RefCallback<Ref<T>> | undefined);
    this.key = key;
  }
}
