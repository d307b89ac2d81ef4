// The minimum designs: the least a CORRECT weak container can do with today's primitives,
// hand-written bare (no validation, no hooks). Ours are held to their cost and memory.

import type { LRUCache } from 'lru-cache';

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

/**
 * WeakMap<K, {ref, value}> + Set<WeakRef<K>> (order) + one registration per key. Its walks
 * are the plain loop over the order `Set` with `deref()`, one generator each; `values()`,
 * `entries()` and `forEach` also look up the value.
 */
export class MinimumKeyMap<K extends object, V> {
  readonly cells = new WeakMap<K, { ref: WeakRef<K>; value: V }>();
  readonly order = new Set<WeakRef<K>>();
  readonly registry = new FinalizationRegistry<WeakRef<K>>((ref) => this.order.delete(ref));
  get size(): number {
    return this.order.size;
  }
  get(key: K): V | undefined {
    return this.cells.get(key)?.value;
  }
  has(key: K): boolean {
    return this.cells.has(key);
  }
  set(key: K, value: V): this {
    const cell = this.cells.get(key);
    if (cell !== undefined) {
      cell.value = value;
      return this;
    }
    const ref = new WeakRef(key);
    this.cells.set(key, { ref, value });
    this.order.add(ref);
    this.registry.register(key, ref, ref);
    return this;
  }
  delete(key: K): boolean {
    const cell = this.cells.get(key);
    if (cell === undefined) return false;
    this.cells.delete(key);
    this.order.delete(cell.ref);
    this.registry.unregister(cell.ref);
    return true;
  }
  *keys(): IterableIterator<K> {
    for (const ref of this.order) {
      const key = ref.deref();
      if (key !== undefined) yield key;
    }
  }
  *values(): IterableIterator<V> {
    for (const ref of this.order) {
      const key = ref.deref();
      if (key !== undefined) yield this.cells.get(key)!.value;
    }
  }
  *entries(): IterableIterator<[K, V]> {
    for (const ref of this.order) {
      const key = ref.deref();
      if (key !== undefined) yield [key, this.cells.get(key)!.value];
    }
  }
  [Symbol.iterator](): IterableIterator<[K, V]> {
    return this.entries();
  }
  forEach(callback: (value: V, key: K, map: this) => void): void {
    for (const ref of this.order) {
      const key = ref.deref();
      if (key !== undefined) callback(this.cells.get(key)!.value, key, this);
    }
  }
}

/** WeakMap<T, WeakRef<T>> + Set<WeakRef<T>> (order) + one registration per member; walks as the key map's. */
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
  *values(): IterableIterator<T> {
    for (const ref of this.order) {
      const value = ref.deref();
      if (value !== undefined) yield value;
    }
  }
  keys(): IterableIterator<T> {
    return this.values();
  }
  [Symbol.iterator](): IterableIterator<T> {
    return this.values();
  }
  *entries(): IterableIterator<[T, T]> {
    for (const ref of this.order) {
      const value = ref.deref();
      if (value !== undefined) yield [value, value];
    }
  }
  forEach(callback: (value: T, value2: T, set: this) => void): void {
    for (const ref of this.order) {
      const value = ref.deref();
      if (value !== undefined) callback(value, value, this);
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

/**
 * `WeakCache`'s minimum: lru-cache holds the `capacity` most recently used values strongly;
 * its `dispose` on `'evict'` moves the value to a weak tier, `Map<K, WeakRef<V>>` + one
 * registration per demotion (the WeakRef as token), as `MinimumValueMap` does. `get` reads
 * the LRU, then the weak tier; a weak hit goes back into the LRU. A hot get makes no WeakRef.
 */
export class MinimumCache<K extends {}, V extends object> {
  readonly weak = new Map<K, WeakRef<V>>();
  readonly registry = new FinalizationRegistry<K>((key) => {
    const current = this.weak.get(key);
    if (current !== undefined && current.deref() === undefined) this.weak.delete(key);
  });
  readonly strong: LRUCache<K, V>;
  constructor(LRU: typeof LRUCache, capacity: number) {
    this.strong = new LRU<K, V>({
      max: capacity,
      dispose: (value, key, reason) => {
        if (reason !== 'evict') return;
        const ref = new WeakRef(value);
        this.weak.set(key, ref);
        this.registry.register(value, key, ref);
      },
    });
  }
  get size(): number {
    return this.strong.size + this.weak.size;
  }
  get(key: K): V | undefined {
    const hot = this.strong.get(key);
    if (hot !== undefined) return hot;
    const ref = this.weak.get(key);
    const value = ref?.deref();
    if (value === undefined) return undefined;
    this.weak.delete(key);
    this.registry.unregister(ref!);
    this.strong.set(key, value);
    return value;
  }
  has(key: K): boolean {
    return this.strong.has(key) || this.weak.get(key)?.deref() !== undefined;
  }
  set(key: K, value: V): this {
    const ref = this.weak.get(key);
    if (ref !== undefined) {
      this.weak.delete(key);
      this.registry.unregister(ref);
    }
    this.strong.set(key, value);
    return this;
  }
  delete(key: K): boolean {
    const ref = this.weak.get(key);
    if (ref !== undefined) {
      this.weak.delete(key);
      this.registry.unregister(ref);
    }
    return this.strong.delete(key) || ref?.deref() !== undefined;
  }
}
