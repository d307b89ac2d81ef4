// The minimum designs: the least a CORRECT weak container can do with today's primitives,
// hand-written bare (no validation, no hooks). Ours are held to their cost and memory.

/** Map<K, WeakRef<V>> + one registration per entry, the WeakRef as unregister token. */
export class MinimumValueMap<K, V extends object> {
  readonly refs = new Map<K, WeakRef<V>>();
  readonly registry = new FinalizationRegistry<K>((key) => {
    // The key may have been re-set since: only drop it if its current value is dead.
    const current = this.refs.get(key);
    if (current !== undefined && current.deref() === undefined) this.refs.delete(key);
  });
  get size(): number {
    return this.refs.size;
  }
  get(key: K): V | undefined {
    return this.refs.get(key)?.deref();
  }
  has(key: K): boolean {
    return this.refs.get(key)?.deref() !== undefined;
  }
  set(key: K, value: V): this {
    const old = this.refs.get(key);
    if (old !== undefined) this.registry.unregister(old);
    const ref = new WeakRef(value);
    this.refs.set(key, ref);
    this.registry.register(value, key, ref);
    return this;
  }
  delete(key: K): boolean {
    const ref = this.refs.get(key);
    if (ref === undefined) return false;
    this.refs.delete(key);
    this.registry.unregister(ref);
    return ref.deref() !== undefined;
  }
  *[Symbol.iterator](): IterableIterator<[K, V]> {
    for (const [key, ref] of this.refs) {
      const value = ref.deref();
      if (value !== undefined) yield [key, value];
    }
  }
}

/** WeakMap<K, {ref, value}> + Set<WeakRef<K>> (order) + one registration per key. */
export class MinimumKeyMap<K extends object, V> {
  readonly entries = new WeakMap<K, { ref: WeakRef<K>; value: V }>();
  readonly order = new Set<WeakRef<K>>();
  readonly registry = new FinalizationRegistry<WeakRef<K>>((ref) => this.order.delete(ref));
  get size(): number {
    return this.order.size;
  }
  get(key: K): V | undefined {
    return this.entries.get(key)?.value;
  }
  has(key: K): boolean {
    return this.entries.has(key);
  }
  set(key: K, value: V): this {
    const entry = this.entries.get(key);
    if (entry !== undefined) {
      entry.value = value;
      return this;
    }
    const ref = new WeakRef(key);
    this.entries.set(key, { ref, value });
    this.order.add(ref);
    this.registry.register(key, ref, ref);
    return this;
  }
  delete(key: K): boolean {
    const entry = this.entries.get(key);
    if (entry === undefined) return false;
    this.entries.delete(key);
    this.order.delete(entry.ref);
    this.registry.unregister(entry.ref);
    return true;
  }
  *[Symbol.iterator](): IterableIterator<[K, V]> {
    for (const ref of this.order) {
      const key = ref.deref();
      if (key !== undefined) yield [key, this.entries.get(key)!.value];
    }
  }
}

/** WeakMap<T, WeakRef<T>> + Set<WeakRef<T>> (order) + one registration per member. */
export class MinimumWeakSet<T extends object> {
  readonly refs = new WeakMap<T, WeakRef<T>>();
  readonly order = new Set<WeakRef<T>>();
  readonly registry = new FinalizationRegistry<WeakRef<T>>((ref) => this.order.delete(ref));
  get size(): number {
    return this.order.size;
  }
  has(value: T): boolean {
    return this.refs.has(value);
  }
  add(value: T): this {
    if (this.refs.has(value)) return this;
    const ref = new WeakRef(value);
    this.refs.set(value, ref);
    this.order.add(ref);
    this.registry.register(value, ref, ref);
    return this;
  }
  delete(value: T): boolean {
    const ref = this.refs.get(value);
    if (ref === undefined) return false;
    this.refs.delete(value);
    this.order.delete(ref);
    this.registry.unregister(ref);
    return true;
  }
  *[Symbol.iterator](): IterableIterator<T> {
    for (const ref of this.order) {
      const value = ref.deref();
      if (value !== undefined) yield value;
    }
  }
}

/** `ref(o)`'s minimum: one `WeakRef` per target, reused through a `WeakMap`. */
export function reusedRef() {
  const reused = new WeakMap<object, WeakRef<object>>();
  return {
    make(target: object) {
      let ref = reused.get(target);
      if (ref === undefined) {
        ref = new WeakRef(target);
        reused.set(target, ref);
      }
      return ref;
    },
  };
}

/** `ref(o, cb)`'s minimum: the registry holds the ref weakly, so dropping the ref frees its callback. */
export function droppableCallbackRef(counter: { fired: number }) {
  const registry = new FinalizationRegistry<WeakRef<object>>((held) => {
    if (held.deref() !== undefined) counter.fired++;
  });
  return {
    make(target: object) {
      const ref = new WeakRef(target);
      registry.register(target, new WeakRef(ref));
      return ref;
    },
  };
}
