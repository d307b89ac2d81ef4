import { fresh } from '../harness/fresh';
import type { ContainerLoops, RefLoops } from './subject';

// Standalone loop bodies shared by every library with the standard Map / Set interface.
// Callers get fresh copies (see fresh.ts), never these functions themselves.

const mapLoops: ContainerLoops = {
  fill(c, keys, values) {
    for (let i = 0; i < keys.length; i++) c.set(keys[i], values[i]);
  },
  get(c, keys) {
    let hits = 0;
    for (let i = 0; i < keys.length; i++) if (c.get(keys[i]) !== undefined) hits++;
    return hits;
  },
  has(c, keys) {
    let hits = 0;
    for (let i = 0; i < keys.length; i++) if (c.has(keys[i])) hits++;
    return hits;
  },
  remove(c, keys) {
    let removed = 0;
    for (let i = 0; i < keys.length; i++) if (c.delete(keys[i])) removed++;
    return removed;
  },
  iterate(c) {
    let seen = 0;
    for (const _entry of c) seen++;
    return seen;
  },
  values(c) {
    let seen = 0;
    for (const _value of c.values()) seen++;
    return seen;
  },
  keys(c) {
    let seen = 0;
    for (const _key of c.keys()) seen++;
    return seen;
  },
  forEach(c) {
    let seen = 0;
    c.forEach(() => {
      seen++;
    });
    return seen;
  },
  size(c) {
    return c.size;
  },
  fillDying(c, count, offset) {
    for (let i = 0; i < count; i++) c.set(offset + i, {});
  },
};

const setLoops: ContainerLoops = {
  fill(c, keys) {
    for (let i = 0; i < keys.length; i++) c.add(keys[i]);
  },
  has: mapLoops.has,
  remove: mapLoops.remove,
  iterate: mapLoops.iterate,
  size: mapLoops.size,
  fillDying(c, count) {
    for (let i = 0; i < count; i++) c.add({});
  },
};

/** Fresh loops for a `Map<K, object>`-shaped value map. */
export function valueMapLoops(options: LoopOptions = {}): ContainerLoops {
  return freshAll(mapLoops, options);
}

/** Fresh loops for a `Map<object, V>`-shaped key map (dying entries = dying keys). */
export function keyMapLoops(options: LoopOptions = {}): ContainerLoops {
  return freshAll(
    {
      ...mapLoops,
      fillDying(c, count) {
        for (let i = 0; i < count; i++) c.set({}, i);
      },
    },
    options,
  );
}

/** Fresh loops for a `Set<object>`-shaped set. */
export function setLikeLoops(options: LoopOptions = {}): ContainerLoops {
  return freshAll(setLoops, options);
}

/** iterate: time `for…of`; walks: also `values()`, `keys()`, `forEach`; size: it shrinks. */
interface LoopOptions {
  iterate?: boolean;
  walks?: boolean;
  size?: boolean;
}

function freshAll(
  loops: ContainerLoops,
  { iterate = true, walks = false, size = true }: LoopOptions,
): ContainerLoops {
  const copy: ContainerLoops = {
    fill: fresh(loops.fill),
    has: fresh(loops.has),
    remove: fresh(loops.remove),
    fillDying: fresh(loops.fillDying),
  };
  if (loops.get) copy.get = fresh(loops.get);
  if (iterate && loops.iterate) copy.iterate = fresh(loops.iterate);
  if (walks) {
    for (const walk of ['values', 'keys', 'forEach'] as const) {
      const loop = loops[walk];
      if (loop) copy[walk] = fresh(loop);
    }
  }
  if (size && loops.size) copy.size = fresh(loops.size);
  return copy;
}

/**
 * Fresh loops for a bare `Map<K, WeakRef<V>>`, written out by hand: the lazy map (no
 * registry, so it never reclaims) and the plain loop over it that iteration is held to.
 */
export function lazyMapLoops(): ContainerLoops {
  return freshAll(
    {
      fill(c, keys, values) {
        for (let i = 0; i < keys.length; i++) c.set(keys[i], new WeakRef(values[i] as object));
      },
      get(c, keys) {
        let hits = 0;
        for (let i = 0; i < keys.length; i++) if (c.get(keys[i])?.deref() !== undefined) hits++;
        return hits;
      },
      has(c, keys) {
        let hits = 0;
        for (let i = 0; i < keys.length; i++) if (c.get(keys[i])?.deref() !== undefined) hits++;
        return hits;
      },
      remove: mapLoops.remove,
      iterate(c) {
        let seen = 0;
        for (const [_key, ref] of c) if (ref.deref() !== undefined) seen++;
        return seen;
      },
      values(c) {
        let seen = 0;
        for (const ref of c.values()) if (ref.deref() !== undefined) seen++;
        return seen;
      },
      keys(c) {
        let seen = 0;
        for (const [_key, ref] of c) if (ref.deref() !== undefined) seen++;
        return seen;
      },
      forEach(c) {
        let seen = 0;
        c.forEach((ref: WeakRef<object>) => {
          if (ref.deref() !== undefined) seen++;
        });
        return seen;
      },
      size: mapLoops.size,
      fillDying(c, count, offset) {
        for (let i = 0; i < count; i++) c.set(offset + i, new WeakRef({}));
      },
    },
    { walks: true },
  );
}

/** Fresh loops for a ref factory `ctx.make(target)` (ctx from the subject's setup). */
export function refLoops(): RefLoops {
  return {
    create: fresh((ctx: any, targets: readonly object[], out: unknown[]) => {
      for (let i = 0; i < targets.length; i++) out[i] = ctx.make(targets[i]);
    }),
    deref: fresh((refs: readonly any[]) => {
      let live = 0;
      for (let i = 0; i < refs.length; i++) if (refs[i].deref() !== undefined) live++;
      return live;
    }),
    createDying: fresh((ctx: any, out: unknown[]) => {
      for (let i = 0; i < out.length; i++) out[i] = ctx.make({});
    }),
  };
}
