/** Which suite a subject belongs to: the four shapes we benchmark. */
export type Kind = 'value-map' | 'key-map' | 'set' | 'ref';

/**
 * native = a built-in (not weak-iterable); floor = the minimal hand-written correct design;
 * lazy = `Map<K, WeakRef>` with no registry (fast, never reclaims: a yardstick, not a design);
 * peer = an npm library; flawed peer = one with a known bug (see its note), left out of
 * "best peer" ratios.
 */
export type Role = 'native' | 'floor' | 'lazy' | 'ours' | 'peer' | 'flawed peer';

/**
 * The timed loops for one container library. Each is a standalone function (no outer
 * variables) so the harness can `fresh()` a private copy per subject. Counts are returned
 * both to defeat dead-code elimination and to check the library actually did the work.
 */
export interface ContainerLoops {
  /** set(keys[i], values[i]) — or add(keys[i]) for sets. */
  fill(c: any, keys: readonly unknown[], values: readonly unknown[]): void;
  /** Number of keys for which get() found a value. */
  get?(c: any, keys: readonly unknown[]): number;
  /** Number of keys for which has() is true. */
  has(c: any, keys: readonly unknown[]): number;
  /** Number of keys delete() reported as removed. */
  remove(c: any, keys: readonly unknown[]): number;
  /** Number of entries iteration (`for…of`) yields. */
  iterate?(c: any): number;
  /** Number of entries `values()`, `keys()` and `forEach` yield (maps only). */
  values?(c: any): number;
  keys?(c: any): number;
  forEach?(c: any): number;
  /** The container's size, if it has one that shrinks on collection. */
  size?(c: any): number;
  /** Adds `count` entries whose weak part dies at once (value maps: keys offset.. offset+count). */
  fillDying(c: any, count: number, offset: number): void;
}

/** A container library under test. */
export interface ContainerSubject {
  name: string;
  role: Role;
  kind: Exclude<Kind, 'ref'>;
  create(): unknown;
  loops: ContainerLoops;
  /** Shown in the report's notes (bugs, options used). */
  note?: string;
}

/** The timed loops for one weak-reference factory (see ContainerLoops for the rules). */
export interface RefLoops {
  /** out[i] = a new ref to targets[i]. */
  create(ctx: any, targets: readonly object[], out: unknown[]): void;
  /** Number of refs whose deref() is live. */
  deref(refs: readonly unknown[]): number;
  /** out[i] = a new ref to a fresh object that dies at once. */
  createDying(ctx: any, out: unknown[]): void;
}

/** A weak-reference factory under test. `counter.fired` counts its callbacks, if it has any. */
export interface RefSubject {
  name: string;
  role: Role;
  kind: 'ref';
  /** Builds the context the loops receive (a registry, a callback bound to `counter`...). */
  setup(counter: { fired: number }): unknown;
  loops: RefLoops;
  hasCallback: boolean;
  note?: string;
}

export type Subject = ContainerSubject | RefSubject;
