import { IdPool } from './soak';

/** An object a soak model keeps alive, known by its id. */
export interface Tracked {
  readonly id: number;
}

/**
 * The objects a soak model keeps alive: the only strong references to them, with uniform
 * random picks. Once one is dropped, the model expects whatever held it weakly to let go.
 */
export class Alive {
  readonly #objects = new Map<number, Tracked>();
  readonly #pool = new IdPool();
  #nextId = 0;

  get size(): number {
    return this.#pool.size;
  }

  has(id: number): boolean {
    return this.#objects.has(id);
  }

  get(id: number): Tracked | undefined {
    return this.#objects.get(id);
  }

  /** A new object, kept. */
  add(): Tracked {
    const object = { id: this.#nextId++ };
    this.#objects.set(object.id, object);
    this.#pool.add(object.id);
    return object;
  }

  /** A kept object at random, or `undefined` when none is kept. */
  pick(random: () => number): Tracked | undefined {
    const id = this.#pool.pick(random);
    return id === undefined ? undefined : this.#objects.get(id);
  }

  /** Mostly a kept object; one time in five (and whenever none is kept) a new one. */
  pickOrAdd(random: () => number): Tracked {
    return (random() < 0.2 ? undefined : this.pick(random)) ?? this.add();
  }

  /** Stops keeping an object picked at random. */
  dropOne(random: () => number): void {
    const id = this.#pool.pick(random);
    if (id === undefined) return;
    this.#pool.delete(id);
    this.#objects.delete(id);
  }

  entries(): IterableIterator<[number, Tracked]> {
    return this.#objects.entries();
  }

  clear(): void {
    this.#objects.clear();
    this.#pool.clear();
  }
}
