// The timed loop bodies, one family per interface, kept as source text: every subject compiles
// its own copy (`compileLoops`). WHY: V8 shares inline caches between closures made from the
// same source, so one loop over five libraries turns megamorphic; a copy per subject stays
// monomorphic, as in an application that uses one library. Counts are returned both to defeat
// dead-code elimination and to check the library did the work.

/** `write` for every index of `keys` (values: `values[i]`). */
const fill = (write: string) =>
  `(c, keys, values) => { for (let i = 0; i < keys.length; i++) ${write}; }`;
/** How many indexes of `keys` `hit` holds for. */
const count = (hit: string) =>
  `(c, keys) => { let n = 0; for (let i = 0; i < keys.length; i++) if (${hit}) n++; return n; }`;
/** `visit` walks `c`, counting in `n`. */
const walk = (visit: string) => `(c) => { let n = 0; ${visit}; return n; }`;
/** `count` entries whose weak part dies at once (value maps: keys offset..offset+count). */
const fillDying = (write: string) =>
  `(c, count, offset) => { for (let i = 0; i < count; i++) ${write}; }`;

const map = {
  fill: fill('c.set(keys[i], values[i])'),
  get: count('c.get(keys[i]) !== undefined'),
  has: count('c.has(keys[i])'),
  remove: count('c.delete(keys[i])'),
  iterate: walk('for (const _entry of c) n++'),
  values: walk('for (const _value of c.values()) n++'),
  keys: walk('for (const _key of c.keys()) n++'),
  entries: walk('for (const _entry of c.entries()) n++'),
  forEach: walk('c.forEach(() => { n++; })'),
  size: '(c) => c.size',
  fillDying: fillDying('c.set(offset + i, {})'),
};

// The lazy map's `has` is its `get`, and `keys()` the same walk as `for…of` (both deref).
const lazyGet = count('c.get(keys[i])?.deref() !== undefined');
const lazyWalk = walk('for (const [_key, ref] of c) if (ref.deref() !== undefined) n++');

/** The loop families a subject can name; each op uses the loop of the same name (see ops.ts). */
export const LOOPS = {
  map,
  'key-map': { ...map, fillDying: fillDying('c.set({}, i)') },
  set: { ...map, fill: fill('c.add(keys[i])'), fillDying: fillDying('c.add({})') },
  /** A bare `Map<K, WeakRef>`: the lazy map, and the plain loops our iteration is held to. */
  lazy: {
    ...map,
    fill: fill('c.set(keys[i], new WeakRef(values[i]))'),
    get: lazyGet,
    has: lazyGet,
    iterate: lazyWalk,
    keys: lazyWalk,
    entries: walk('for (const [_key, ref] of c.entries()) if (ref.deref() !== undefined) n++'),
    values: walk('for (const ref of c.values()) if (ref.deref() !== undefined) n++'),
    forEach: walk('c.forEach((ref) => { if (ref.deref() !== undefined) n++; })'),
    fillDying: fillDying('c.set(offset + i, new WeakRef({}))'),
  },
  /** weak-lru-cache: `setValue`/`getValue` are its value-map interface. */
  lru: {
    ...map,
    fill: fill('c.setValue(keys[i], values[i])'),
    get: count('c.getValue(keys[i]) !== undefined'),
    fillDying: fillDying('c.setValue(offset + i, {})'),
  },
  /** A ref factory: `ctx.make(target)`, ctx from the subject's `make(counter)`. */
  ref: {
    create:
      '(ctx, targets, out) => { for (let i = 0; i < targets.length; i++) out[i] = ctx.make(targets[i]); }',
    deref:
      '(refs) => { let n = 0; for (let i = 0; i < refs.length; i++) if (refs[i].deref() !== undefined) n++; return n; }',
    createDying: '(ctx, out) => { for (let i = 0; i < out.length; i++) out[i] = ctx.make({}); }',
  },
} satisfies Record<string, Record<string, string>>;

export type LoopFamily = keyof typeof LOOPS;
export type Loops = Record<string, (...args: any[]) => any>;

/** `family`'s loops, each compiled afresh from its source: one subject's own copy. */
export function compileLoops(family: LoopFamily): Loops {
  const sources: Record<string, string> = LOOPS[family];
  return Object.fromEntries(
    Object.entries(sources).map(([name, source]) => [name, new Function(`return ${source}`)()]),
  );
}
