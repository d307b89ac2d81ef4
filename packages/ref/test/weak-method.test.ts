import { collectGarbage } from '@w/core/testing';
import { describe, expect, it } from 'vitest';
import { getWeakRefCount, Ref, WeakMethod } from '../src';

class Greeter {
  constructor(readonly name: string) {}
  greet(greeting: string): string {
    return `${greeting}, ${this.name}`;
  }
}

describe('WeakMethod', () => {
  it('derefs to the method bound to its object, given the function or its name', () => {
    const g = new Greeter('Ada');
    const byFunction = new WeakMethod(g, g.greet);
    const byName = new WeakMethod(g, 'greet');
    expect(byFunction).toBeInstanceOf(Ref);
    expect(byFunction.deref()?.('Hello')).toBe('Hello, Ada');
    expect(byName.deref()?.('Hi')).toBe('Hi, Ada');
    expect(byFunction.equals(byName)).toBe(true);
    expect(byFunction.equals(new WeakMethod(g, g.constructor as () => void))).toBe(false);
  });

  it('is undefined and calls back once when the object dies', async () => {
    const calls: WeakMethod[] = [];
    const wm = (() => {
      const g = new Greeter('gone');
      return new WeakMethod(g, 'greet', (w) => calls.push(w));
    })();
    await collectGarbage();
    expect(wm.deref()).toBeUndefined();
    expect(calls).toEqual([wm]);
  });

  it('is undefined and calls back once when the function dies first', async () => {
    const g = new Greeter('stays');
    const calls: WeakMethod[] = [];
    const wm = (() => {
      const shout = function (this: unknown) {
        return (this as Greeter).name.toUpperCase();
      };
      const w = new WeakMethod(g, shout, (each) => calls.push(each));
      expect(w.deref()?.()).toBe('STAYS');
      return w;
    })();
    await collectGarbage();
    expect(wm.deref()).toBeUndefined();
    expect(calls).toEqual([wm]);
    expect(getWeakRefCount(g)).toBe(1);
  });

  it('rejects what is not an object or not a method, naming it', () => {
    // `any`: the types reject these calls (types.test-d.ts); this is what happens at run time.
    const g: any = new Greeter('x');
    expect(() => new WeakMethod(g, 'name')).toThrow(
      new TypeError(`property "name" must be a function, not 'string'`),
    );
    expect(() => new WeakMethod(g, 'missing')).toThrow(
      new TypeError(`property "missing" must be a function, not 'undefined'`),
    );
    expect(() => new WeakMethod(3 as any, 'toString')).toThrow(
      new TypeError(`WeakMethod needs an object, not 'number'`),
    );
    expect(() => new WeakMethod(g, null as never)).toThrow(
      new TypeError(`method must be a function or a property name, not 'null'`),
    );
    expect(getWeakRefCount(g)).toBe(0);
  });

  it('quotes at most 60 characters of a missing method name', () => {
    const name = 'm'.repeat(5e7);
    expect(() => new WeakMethod(new Greeter('x'), name as never)).toThrow(
      new TypeError(`property "${'m'.repeat(60)}"… must be a function, not 'undefined'`),
    );
  });
});
