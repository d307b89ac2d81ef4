import { keyMapLoops, lazyMapLoops, refLoops, setLikeLoops, valueMapLoops } from './loops';
import type { ContainerSubject, RefSubject } from './subject';

// The native floor: built-ins, and the minimal hand-written CORRECT weak designs that a
// library has to beat or match. Kept deliberately bare (no validation, no hooks).

/** Map<K, WeakRef<V>> + one registration per entry, the WeakRef as unregister token. */
export class FloorValueMap<K, V extends object> {
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

interface KeyEntry<K extends object, V> {
  ref: WeakRef<K>;
  value: V;
}

/** WeakMap<K, {ref, value}> + Set<WeakRef<K>> (order) + one registration per key. */
export class FloorKeyMap<K extends object, V> {
  readonly entries = new WeakMap<K, KeyEntry<K, V>>();
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
      if (key !== undefined) yield [key, (this.entries.get(key) as KeyEntry<K, V>).value];
    }
  }
}

/** WeakMap<T, WeakRef<T>> + Set<WeakRef<T>> (order) + one registration per member. */
export class FloorWeakSet<T extends object> {
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

/** The yardsticks that are not built-ins, by name (the report and the targets use these). */
export const LAZY_MAP = 'lazy: Map<K, WeakRef>';
export const VALUE_MAP_FLOOR = 'floor: Map+WeakRef+FR';
export const KEY_MAP_FLOOR = 'floor: WeakMap+Set<WeakRef>+FR';
export const REUSED_REF_FLOOR = 'floor: WeakRef reused via WeakMap';
export const CALLBACK_REF_FLOOR = 'floor: WeakRef + register(o, WeakRef(ref))';

/** Built-ins, the lazy map and hand-written floors, per suite. */
export function floorSubjects(): (ContainerSubject | RefSubject)[] {
  return [
    {
      name: 'Map (strong)',
      role: 'native',
      kind: 'value-map',
      create: () => new Map(),
      loops: valueMapLoops({ size: false }),
    },
    {
      name: VALUE_MAP_FLOOR,
      role: 'floor',
      kind: 'value-map',
      create: () => new FloorValueMap(),
      loops: valueMapLoops(),
    },
    {
      name: LAZY_MAP,
      role: 'lazy',
      kind: 'value-map',
      create: () => new Map(),
      loops: lazyMapLoops(),
      note: 'a yardstick, not a design: no registry, so a dead entry stays until something meets it (the `@cspell/strong-weak-map` design); its iterate/values/keys/forEach are the plain loops over the Map with deref()',
    },
    {
      name: 'WeakMap',
      role: 'native',
      kind: 'key-map',
      create: () => new WeakMap(),
      loops: keyMapLoops({ iterate: false, size: false }),
    },
    {
      name: KEY_MAP_FLOOR,
      role: 'floor',
      kind: 'key-map',
      create: () => new FloorKeyMap(),
      loops: keyMapLoops(),
    },
    {
      name: 'WeakSet',
      role: 'native',
      kind: 'set',
      create: () => new WeakSet(),
      loops: setLikeLoops({ iterate: false, size: false }),
    },
    {
      name: KEY_MAP_FLOOR,
      role: 'floor',
      kind: 'set',
      create: () => new FloorWeakSet(),
      loops: setLikeLoops(),
    },
    {
      name: 'new WeakRef(o)',
      role: 'native',
      kind: 'ref',
      hasCallback: false,
      setup: () => ({ make: (target: object) => new WeakRef(target) }),
      loops: refLoops(),
    },
    {
      name: REUSED_REF_FLOOR,
      role: 'floor',
      kind: 'ref',
      hasCallback: false,
      setup: () => {
        const reused = new WeakMap<object, WeakRef<object>>();
        return {
          make: (target: object) => {
            let ref = reused.get(target);
            if (ref === undefined) {
              ref = new WeakRef(target);
              reused.set(target, ref);
            }
            return ref;
          },
        };
      },
      loops: refLoops(),
    },
    {
      name: CALLBACK_REF_FLOOR,
      role: 'floor',
      kind: 'ref',
      hasCallback: true,
      setup: (counter) => {
        // The registry holds the ref weakly, so dropping the ref frees it and its callback.
        const registry = new FinalizationRegistry<WeakRef<object>>((held) => {
          if (held.deref() !== undefined) counter.fired++;
        });
        return {
          make: (target: object) => {
            const ref = new WeakRef(target);
            registry.register(target, new WeakRef(ref));
            return ref;
          },
        };
      },
      loops: refLoops(),
    },
  ];
}
