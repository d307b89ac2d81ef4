import { processShared } from './process-shared';

/**
 * Makes `value instanceof cls` true for the instances of `cls` made by any copy of this
 * package in the process (its ESM and CJS builds, a bundled copy, two installs of one major),
 * as everything else is shared. Called from the class's set-up: it adds the class's
 * prototype to the process-wide set named after the class, and gives the class a
 * `Symbol.hasInstance` that looks for one of those prototypes on the value's prototype chain.
 * A subclass inherits the method but answers as `instanceof` always does: only `cls` itself
 * knows its other copies.
 */
export function shareInstanceof(cls: Function, name: string): void {
  const prototypes = processShared(`@w/core/instanceof ${name}@1`, () => new WeakSet<object>());
  prototypes.add(cls.prototype as object);
  const { [Symbol.hasInstance]: hasInstance } = {
    [Symbol.hasInstance](this: unknown, value: unknown): boolean {
      if (this !== cls) return Function.prototype[Symbol.hasInstance].call(this, value);
      let current = value;
      while ((typeof current === 'object' && current !== null) || typeof current === 'function') {
        current = Object.getPrototypeOf(current);
        if (prototypes.has(current as object)) return true;
      }
      return false;
    },
  };
  Object.defineProperty(cls, Symbol.hasInstance, {
    value: hasInstance,
    writable: true,
    configurable: true,
  });
}
