// The timed loop bodies, one family per interface. Each body takes everything as parameters,
// so `fresh()` can give every subject its own compiled copy. Counts are returned both to
// defeat dead-code elimination and to check the library did the work.

type Loop = (...args: any[]) => any;

const map = {
  fill(c: any, keys: readonly unknown[], values: readonly unknown[]) {
    for (let i = 0; i < keys.length; i++) c.set(keys[i], values[i]);
  },
  get(c: any, keys: readonly unknown[]) {
    let hits = 0;
    for (let i = 0; i < keys.length; i++) if (c.get(keys[i]) !== undefined) hits++;
    return hits;
  },
  has(c: any, keys: readonly unknown[]) {
    let hits = 0;
    for (let i = 0; i < keys.length; i++) if (c.has(keys[i])) hits++;
    return hits;
  },
  remove(c: any, keys: readonly unknown[]) {
    let removed = 0;
    for (let i = 0; i < keys.length; i++) if (c.delete(keys[i])) removed++;
    return removed;
  },
  iterate(c: any) {
    let seen = 0;
    for (const _entry of c) seen++;
    return seen;
  },
  values(c: any) {
    let seen = 0;
    for (const _value of c.values()) seen++;
    return seen;
  },
  keys(c: any) {
    let seen = 0;
    for (const _key of c.keys()) seen++;
    return seen;
  },
  forEach(c: any) {
    let seen = 0;
    c.forEach(() => {
      seen++;
    });
    return seen;
  },
  size(c: any) {
    return c.size;
  },
  /** `count` entries whose weak part dies at once (value maps: keys offset.. offset+count). */
  fillDying(c: any, count: number, offset: number) {
    for (let i = 0; i < count; i++) c.set(offset + i, {});
  },
};

/** The loop families a subject can name; each op uses the loop of the same name (see ops.ts). */
export const LOOPS = {
  map,
  'key-map': {
    ...map,
    fillDying(c: any, count: number) {
      for (let i = 0; i < count; i++) c.set({}, i);
    },
  },
  set: {
    ...map,
    fill(c: any, keys: readonly unknown[]) {
      for (let i = 0; i < keys.length; i++) c.add(keys[i]);
    },
    fillDying(c: any, count: number) {
      for (let i = 0; i < count; i++) c.add({});
    },
  },
  /** A bare `Map<K, WeakRef>`: the lazy map, and the plain loops our iteration is held to. */
  lazy: {
    ...map,
    fill(c: any, keys: readonly unknown[], values: readonly unknown[]) {
      for (let i = 0; i < keys.length; i++) c.set(keys[i], new WeakRef(values[i] as object));
    },
    get(c: any, keys: readonly unknown[]) {
      let hits = 0;
      for (let i = 0; i < keys.length; i++) if (c.get(keys[i])?.deref() !== undefined) hits++;
      return hits;
    },
    iterate(c: any) {
      let seen = 0;
      for (const [_key, ref] of c) if (ref.deref() !== undefined) seen++;
      return seen;
    },
    values(c: any) {
      let seen = 0;
      for (const ref of c.values()) if (ref.deref() !== undefined) seen++;
      return seen;
    },
    forEach(c: any) {
      let seen = 0;
      c.forEach((ref: WeakRef<object>) => {
        if (ref.deref() !== undefined) seen++;
      });
      return seen;
    },
    fillDying(c: any, count: number, offset: number) {
      for (let i = 0; i < count; i++) c.set(offset + i, new WeakRef({}));
    },
  },
  /** weak-lru-cache: `setValue`/`getValue` are its value-map interface. */
  lru: {
    ...map,
    fill(c: any, keys: readonly unknown[], values: readonly unknown[]) {
      for (let i = 0; i < keys.length; i++) c.setValue(keys[i], values[i]);
    },
    get(c: any, keys: readonly unknown[]) {
      let hits = 0;
      for (let i = 0; i < keys.length; i++) if (c.getValue(keys[i]) !== undefined) hits++;
      return hits;
    },
    fillDying(c: any, count: number, offset: number) {
      for (let i = 0; i < count; i++) c.setValue(offset + i, {});
    },
  },
  /** A ref factory: `ctx.make(target)`, ctx from the subject's `make(counter)`. */
  ref: {
    create(ctx: any, targets: readonly object[], out: unknown[]) {
      for (let i = 0; i < targets.length; i++) out[i] = ctx.make(targets[i]);
    },
    deref(refs: readonly any[]) {
      let live = 0;
      for (let i = 0; i < refs.length; i++) if (refs[i].deref() !== undefined) live++;
      return live;
    },
    createDying(ctx: any, out: unknown[]) {
      for (let i = 0; i < out.length; i++) out[i] = ctx.make({});
    },
  },
} satisfies Record<string, Record<string, Loop>>;
// The lazy map's `has` is its `get`, and `keys()` the same walk as `for…of` (both deref).
Object.assign(LOOPS.lazy, { has: LOOPS.lazy.get, keys: LOOPS.lazy.iterate });

export type LoopFamily = keyof typeof LOOPS;
export type Loops = Record<string, Loop>;
