import type { Options } from 'tsup';

type Plugin = NonNullable<Options['plugins']>[number];

/**
 * esbuild turns `class WeakValueMap { ... new WeakValueMap() ... }` into
 * `var WeakValueMap = class _WeakValueMap { ... new _WeakValueMap() ... }`, so the class's
 * `name` reads `_WeakValueMap`. This gives the inner binding back the outer name: the code means
 * the same (inside the body both names are the class) and stays a pure, droppable expression,
 * unlike esbuild's `keepNames`, whose top-level `__name()` calls keep every module in a bundle.
 * `_Name` becomes ` Name` (a space, then the name): every column stays put, so esbuild's source
 * map still holds.
 */
export const classNames: Plugin = {
  name: 'class-names',
  renderChunk(code, info) {
    if (!/\.c?js$/.test(info.path)) return;
    let out = code;
    for (const [, name, inner] of code.matchAll(/\bvar ([\w$]+) = class (_[\w$]+)\b/g)) {
      if (
        name === undefined ||
        inner === undefined ||
        !new RegExp(`^_${escapeDollars(name)}\\d*$`).test(inner)
      )
        continue;
      const uses = new RegExp(`(?<![\\w$.#])${escapeDollars(inner)}(?![\\w$])`, 'g');
      out = out.replace(uses, name.padStart(inner.length));
    }
    return out === code ? undefined : { code: out };
  },
};

function escapeDollars(name: string): string {
  return name.replace(/\$/g, '\\$');
}
