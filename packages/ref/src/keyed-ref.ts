import type { WeakKey } from '@w/core';
import {
  type Inspect,
  type InspectOptions,
  inspectCustom,
  inspectWithState,
  type Shown,
  setUpClass,
} from '@w/core/internal';
import { Ref, type RefCallback } from './ref';

/** A `Ref` that also carries a `key` (Python's `weakref.KeyedRef`), as `valueRefs()` returns. */
export class KeyedRef<K, T extends WeakKey = WeakKey> extends Ref<T> {
  readonly key: K;

  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: the class's set-up (CONTRIBUTING.md)
  static #setUp = (() => {
    setUpClass(this, 'KeyedRef');
  })();

  constructor(target: T, callback: RefCallback<KeyedRef<K, T>> | undefined, key: K) {
    super(target, callback as RefCallback<Ref<T>> | undefined);
    this.key = key;
  }

  /** `KeyedRef { <alive> Node {…}, key: 'a' }`, or `KeyedRef { <dead>, key: 'a' }`. */
  override [inspectCustom](
    depth: number | null,
    options: InspectOptions,
    inspect: Inspect,
  ): string {
    const referent = this.deref();
    const shown: Shown[] = [{ label: 'key', value: this.key }];
    if (referent !== undefined) shown.unshift({ value: referent });
    return inspectWithState(
      this,
      'KeyedRef',
      referent !== undefined,
      shown,
      depth,
      options,
      inspect,
    );
  }

  /** `'KeyedRef'`, so `Object.prototype.toString` gives `[object KeyedRef]`. */
  override get [Symbol.toStringTag](): 'WeakRef' {
    return 'KeyedRef' as 'WeakRef';
  }
}
