/**
 * What `console.log` and `util.inspect` show for the packages' classes, without importing
 * `node:util`: Node's `util.inspect` (and Deno's console) call `value[inspectCustom](depth,
 * options, inspect)` and hand over their own `inspect`. Where nobody does (a browser,
 * `String(x)`, the unraisable hook), `inspectBriefly` and `describe` call the same method
 * with `briefInspect` instead.
 */

/** The key of a custom inspect method: `util.inspect.custom` (`Symbol.for`, so one everywhere). */
export const inspectCustom: unique symbol = Symbol.for('nodejs.util.inspect.custom');

/** The options `util.inspect` passes to a custom inspect method (the ones used here). */
export interface InspectOptions {
  /** How deep to go (`null`: no limit). The method itself gets what is left as its `depth`. */
  depth?: number | null;
  stylize?: (text: string, style: string) => string;
  compact?: boolean | number;
  breakLength?: number;
  [option: string]: unknown;
}

/** The `inspect` function a custom inspect method receives as its third argument. */
export type Inspect = (value: unknown, options?: InspectOptions) => string;

/** An object with a custom inspect method. */
export interface Inspectable {
  [inspectCustom](depth: number | null, options: InspectOptions, inspect: Inspect): string;
}

/** One thing shown after the state: a value (after `label: ` if given), or `text` as it is. */
export type Shown = { value: unknown; label?: string } | { text: string };

// Node's default, for a caller that passes no depth.
const DEFAULT_DEPTH = 2;

// Objects being inspected right now: one met again inside itself prints as `[Circular]`
// instead of recursing forever (each nested `inspect` call starts a fresh `seen` list).
const inProgress = new Set<object>();

/**
 * Formats like a `Map` or `Set`: `snapshot` (a fresh `Map`/`Set` of the live entries) by
 * `inspect`, renamed after `self`: `WeakValueMap(2) { 'a' => {…} }`, a subclass
 * `Cache(2) [WeakValueMap] { … }`, and `[WeakValueMap]` past the depth limit.
 */
export function inspectCollection(
  self: object,
  base: string,
  snapshot: Map<unknown, unknown> | Set<unknown>,
  depth: number | null | undefined,
  options: InspectOptions = {},
  inspect: Inspect = briefInspect,
): string {
  const name = classNameOf(self, base);
  if (depth === undefined) depth = DEFAULT_DEPTH;
  if (depth !== null && depth < 0) return stylize(options, `[${name}]`, 'special');
  return guarded(self, options, () => {
    const text = inspect(snapshot, { ...options, depth });
    const kind = snapshot instanceof Map ? 'Map' : 'Set';
    const ours = `${name}(${snapshot.size})${name === base ? '' : ` [${base}]`}`;
    const theirs = `${kind}(${snapshot.size})`;
    return text.startsWith(theirs) ? ours + text.slice(theirs.length) : `${ours} ${text}`;
  });
}

/**
 * Formats a reference-like object as Node formats a `Promise`: `Ref { <alive> Node {…} }`,
 * `KeyedRef { <dead>, key: 'a' }`. An unlabelled first `shown` follows the state; values
 * are inspected one level down, so `depth` limits them as it limits a Map's entries.
 */
export function inspectWithState(
  self: object,
  base: string,
  alive: boolean,
  shown: readonly Shown[],
  depth: number | null | undefined,
  options: InspectOptions = {},
  inspect: Inspect = briefInspect,
): string {
  const name = classNameOf(self, base);
  if (depth === undefined) depth = DEFAULT_DEPTH;
  if (depth !== null && depth < 0) return stylize(options, `[${name}]`, 'special');
  const inner = { ...options, depth: depth === null ? null : depth - 1 };
  return guarded(self, options, () => {
    const parts = shown.map((item) => {
      if ('text' in item) return item.text;
      const text = inspect(item.value, inner);
      return item.label === undefined ? text : `${item.label}: ${text}`;
    });
    let state = stylize(options, alive ? '<alive>' : '<dead>', 'special');
    if (shown[0] !== undefined && !isLabelled(shown[0])) state += ` ${parts.shift()}`;
    const title = name === base ? name : `${name} [${base}]`;
    return braced(title, [state, ...parts], options);
  });
}

/** Formats `value` in place of `self`, as a proxy shows its target: `[Circular]` inside itself. */
export function inspectAs(
  self: object,
  value: unknown,
  depth: number | null | undefined,
  options: InspectOptions = {},
  inspect: Inspect = briefInspect,
): string {
  return guarded(self, options, () =>
    inspect(value, { ...options, depth: depth === undefined ? DEFAULT_DEPTH : depth }),
  );
}

/** The object's own inspection at depth 0, with `briefInspect`: what `String(ref)` gives. */
export function inspectBriefly(self: Inspectable): string {
  return self[inspectCustom](0, {}, briefInspect);
}

/**
 * The short form of `value` that the unraisable hook shows: `inspectBriefly` if it has a
 * custom inspect, else `String(value)`. Never throws (a dead proxy's traps do).
 */
export function describe(value: unknown): string {
  try {
    const custom =
      (typeof value === 'object' && value !== null) || typeof value === 'function'
        ? (value as Partial<Inspectable>)[inspectCustom]
        : undefined;
    if (typeof custom === 'function') {
      const text: unknown = custom.call(value, 0, {}, briefInspect);
      if (typeof text === 'string') return text;
    }
  } catch {
    // A throwing custom inspect: the plainer forms below.
  }
  try {
    return String(value);
  } catch {
    try {
      return Object.prototype.toString.call(value);
    } catch {
      return `[${typeof value}]`;
    }
  }
}

/**
 * An `inspect` for where there is none: primitives as Node prints them, objects as Node does
 * past its depth limit (`[Node]`, `[Function: close]`).
 */
export function briefInspect(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
    case 'bigint':
      return `${value}n`;
    case 'symbol':
      return value.toString();
    case 'function':
      return value.name === '' ? '[Function (anonymous)]' : `[Function: ${value.name}]`;
    case 'object':
      if (value === null) return 'null';
      return `[${classNameOf(value, 'Object')}]`;
    default:
      return String(value);
  }
}

/** The name of `value`'s class (its constructor's name), or `fallback`. */
export function classNameOf(value: object, fallback: string): string {
  let name: unknown;
  try {
    name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  } catch {
    // A revoked proxy, or a throwing getter: nothing to read.
  }
  return typeof name === 'string' && name !== '' ? name : fallback;
}

function isLabelled(item: Shown): boolean {
  return 'label' in item && item.label !== undefined;
}

function stylize(options: InspectOptions, text: string, style: string): string {
  return typeof options.stylize === 'function' ? options.stylize(text, style) : text;
}

function guarded(self: object, options: InspectOptions, format: () => string): string {
  if (inProgress.has(self)) return stylize(options, '[Circular]', 'special');
  inProgress.add(self);
  try {
    return format();
  } finally {
    inProgress.delete(self);
  }
}

// `Name { a, b }` on one line when it fits in `breakLength` (and `compact` allows), else one
// entry per line, as Node lays out an object.
function braced(title: string, entries: string[], options: InspectOptions): string {
  const breakLength = typeof options.breakLength === 'number' ? options.breakLength : 80;
  const oneLine = `${title} { ${entries.join(', ')} }`;
  if (options.compact !== false && !oneLine.includes('\n') && oneLine.length <= breakLength) {
    return oneLine;
  }
  return `${title} {\n${entries.map((entry) => `  ${entry.replace(/\n/g, '\n  ')}`).join(',\n')}\n}`;
}
