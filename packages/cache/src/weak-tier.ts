import type { WeakKey } from '@w/core';
import { WeakValueMap } from '@w/weak-value-map';

// WeakValueMap's seam (a registered symbol, not an export): it calls this method with the key
// of each entry it drops because the value was collected.
const onCollected = Symbol.for('@w/weak-value-map:onCollected');

/**
 * A cache's weak tier: a `WeakValueMap` (its cleanup, its registrations) that also says when
 * an entry left because its value was collected.
 */
export class WeakTier<K, V extends WeakKey> extends WeakValueMap<K, V> {
  constructor(readonly collected: (key: K) => void) {
    super();
  }

  [onCollected](key: K): void {
    this.collected(key);
  }
}
