/**
 * Recompiles `fn` from its source, giving the copy its own type feedback.
 *
 * WHY: V8 shares inline caches between closures made from the same source. A loop that
 * calls `c.set()` on five libraries turns megamorphic and slows every library down; a
 * fresh copy per subject stays monomorphic, as it would in an application using one library.
 * `fn` must not use anything from its enclosing scope: everything comes in as parameters.
 */
export function fresh<F extends (...args: any[]) => unknown>(fn: F): F {
  let source = fn.toString();
  // Method shorthand (`fill(c) { ... }`) is not an expression: make it a function.
  if (!/^(function\b|async\b|\(|[\w$]+\s*=>)/.test(source)) source = `function ${source}`;
  return new Function(`return (${source});`)() as F;
}
