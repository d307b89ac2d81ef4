import { describe, expect, it } from 'vitest';
import { shareInstanceof } from '../src/shared-instanceof';

// Two copies of one class, as the ESM and CJS builds of a package each define it.
function copy() {
  class Thing {
    name = 'thing';
  }
  shareInstanceof(Thing, 'Thing (test)');
  return Thing;
}
const First = copy();
const Second = copy();

describe('shareInstanceof', () => {
  it('makes instances of one copy instances of the other', () => {
    expect(new First() instanceof Second).toBe(true);
    expect(new Second() instanceof First).toBe(true);
    expect(new First() instanceof First).toBe(true);
  });

  it('answers as instanceof does for anything else', () => {
    for (const value of [undefined, null, 1, 'First', Symbol(), {}, [], () => {}, First]) {
      expect(value instanceof First).toBe(false);
    }
    expect(Object.create(Second.prototype) instanceof First).toBe(true);
    expect(new Proxy(new Second(), {}) instanceof First).toBe(true);
    const { proxy, revoke } = Proxy.revocable(new Second(), {});
    revoke();
    expect(() => proxy instanceof First).toThrow(TypeError);
  });

  it('leaves a subclass with ordinary instanceof', () => {
    class Sub extends First {}
    expect(new Sub() instanceof Sub).toBe(true);
    expect(new Sub() instanceof First).toBe(true);
    expect(new Sub() instanceof Second).toBe(true);
    expect(new First() instanceof Sub).toBe(false);
    expect(new Second() instanceof Sub).toBe(false);
  });

  it('is an own, non-enumerable method, as a static method would be', () => {
    expect(Object.getOwnPropertyDescriptor(First, Symbol.hasInstance)).toMatchObject({
      writable: true,
      enumerable: false,
      configurable: true,
    });
    expect(First[Symbol.hasInstance]).not.toBe(Second[Symbol.hasInstance]);
  });
});
