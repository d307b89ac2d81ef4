/**
 * A cache's strong tier: its entries in recency order, in slots. A key maps to its slot; the
 * slots form a circular doubly linked list through slot 0 (the sentinel), most recently used
 * right after it. The links are typed arrays, as in lru-cache: moving an entry writes four
 * integers, allocates nothing and needs no write barrier, which is what keeps a hot read cheap.
 */
export class StrongTier<K, V> {
  readonly #slots = new Map<K, number>();
  #keys: (K | undefined)[] = [undefined];
  #values: (V | undefined)[] = [undefined];
  #next: Uint32Array;
  #prev: Uint32Array;
  // Slots freed by `remove`, for the next `add`.
  #free: number[] = [];

  /** `capacity`: how many entries it is expected to hold. */
  constructor(capacity: number) {
    const slots = Math.min(capacity + 1, PREALLOCATED_SLOTS);
    this.#next = new Uint32Array(Math.max(MIN_SLOTS, slots));
    this.#prev = new Uint32Array(Math.max(MIN_SLOTS, slots));
  }

  get size(): number {
    return this.#slots.size;
  }

  /** Slots allocated so far (the sentinel included): what `compacted` gives back. */
  get allocated(): number {
    return this.#keys.length;
  }

  slotOf(key: K): number | undefined {
    return this.#slots.get(key);
  }

  has(key: K): boolean {
    return this.#slots.has(key);
  }

  keyAt(slot: number): K {
    return this.#keys[slot] as K;
  }

  valueAt(slot: number): V {
    return this.#values[slot] as V;
  }

  setValueAt(slot: number, value: V): void {
    this.#values[slot] = value;
  }

  /** The most recently used slot (0 when empty), and the one after `slot` (0 after the last). */
  first(): number {
    return this.#next[0] as number;
  }

  after(slot: number): number {
    return this.#next[slot] as number;
  }

  /** The least recently used slot (0 when empty). */
  last(): number {
    return this.#prev[0] as number;
  }

  /** Makes `slot` the most recently used. */
  use(slot: number): void {
    if (this.#next[0] === slot) return;
    this.#unlink(slot);
    this.#linkFirst(slot);
  }

  /** A new entry, the most recently used. */
  add(key: K, value: V): void {
    const slot = this.#free.pop() ?? this.#newSlot();
    this.#keys[slot] = key;
    this.#values[slot] = value;
    this.#slots.set(key, slot);
    this.#linkFirst(slot);
  }

  /** Puts a new entry in `slot` in place of the one there, and makes it the most recently used. */
  reuse(slot: number, key: K, value: V): void {
    this.#slots.delete(this.#keys[slot] as K);
    this.#keys[slot] = key;
    this.#values[slot] = value;
    this.#slots.set(key, slot);
    this.use(slot);
  }

  remove(slot: number): void {
    this.#slots.delete(this.#keys[slot] as K);
    this.#unlink(slot);
    this.#keys[slot] = undefined;
    this.#values[slot] = undefined;
    this.#free.push(slot);
  }

  /** The keys, most recently used first. */
  keys(): K[] {
    const keys: K[] = [];
    for (let slot = this.first(); slot !== 0; slot = this.after(slot)) {
      keys.push(this.#keys[slot] as K);
    }
    return keys;
  }

  /** A tier with the same entries in as few slots as they need. */
  compacted(): StrongTier<K, V> {
    const tier = new StrongTier<K, V>(this.size);
    for (let slot = this.last(); slot !== 0; slot = this.#prev[slot] as number) {
      tier.add(this.#keys[slot] as K, this.#values[slot] as V);
    }
    return tier;
  }

  #newSlot(): number {
    const slot = this.#keys.length;
    if (slot >= this.#next.length) {
      const next = new Uint32Array(this.#next.length * 2);
      const prev = new Uint32Array(this.#next.length * 2);
      next.set(this.#next);
      prev.set(this.#prev);
      this.#next = next;
      this.#prev = prev;
    }
    this.#keys.push(undefined);
    this.#values.push(undefined);
    return slot;
  }

  #linkFirst(slot: number): void {
    const next = this.#next;
    const first = next[0] as number;
    this.#prev[slot] = 0;
    next[slot] = first;
    this.#prev[first] = slot;
    next[0] = slot;
  }

  #unlink(slot: number): void {
    const before = this.#prev[slot] as number;
    const after = this.#next[slot] as number;
    this.#next[before] = after;
    this.#prev[after] = before;
  }
}

const MIN_SLOTS = 16;
// Links made up front for a cache this strong (8 bytes a slot, 128 kB at most), as lru-cache
// makes them for all of its `max`: filling a cache then copies no links. Past it they double.
const PREALLOCATED_SLOTS = 1 << 14;
