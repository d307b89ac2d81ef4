/**
 * A tiny stand-in for `util.inspect`, for runtimes that have none (browsers): it shows what a
 * custom inspect method hands it, so the formatting logic is tested everywhere. Objects
 * appear as their class name, and `@N` is the depth it was given: `Map(1) { 'a' => Node } @2`.
 */
export function fakeInspect(value: unknown, options: { depth?: number | null } = {}): string {
  const at = ` @${options.depth}`;
  if (value instanceof Map) {
    const entries = [...value].map(([key, item]) => `${brief(key)} => ${brief(item)}`);
    return `Map(${value.size}) { ${entries.join(', ')} }${at}`;
  }
  if (value instanceof Set)
    return `Set(${value.size}) { ${[...value].map(brief).join(', ')} }${at}`;
  return brief(value) + at;
}

function brief(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'function') return `[Function: ${value.name}]`;
  if (typeof value === 'object' && value !== null) return value.constructor.name;
  return String(value);
}
