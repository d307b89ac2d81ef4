import { shareInstanceof } from './shared-instanceof';

/**
 * What every public class's set-up does (`static #setUp`, CONTRIBUTING.md): `instanceof` that
 * holds across copies of the package (`shareInstanceof`). A collection names the method it
 * iterates with, and gets what the built-in collections have: a `Symbol.toStringTag` data
 * property (reading it needs no receiver check), and `[Symbol.iterator]` being that very
 * function (`Map.prototype[Symbol.iterator] === Map.prototype.entries`; on a set, `keys` too).
 */
export function setUpClass(cls: Function, name: string, iterate?: 'entries' | 'values'): void {
  shareInstanceof(cls, name);
  if (iterate === undefined) return;
  const prototype = cls.prototype as Record<PropertyKey, unknown>;
  Object.defineProperty(prototype, Symbol.toStringTag, { value: name, configurable: true });
  const aliases = iterate === 'values' ? ['keys', Symbol.iterator] : [Symbol.iterator];
  for (const key of aliases) {
    Object.defineProperty(prototype, key, {
      value: prototype[iterate],
      configurable: true,
      writable: true,
    });
  }
}
