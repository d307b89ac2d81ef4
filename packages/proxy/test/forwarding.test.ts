import { hasNodeApis } from '@w/test-support/node-apis';
import { describe, expect, it } from 'vitest';
import { proxy } from '../src';

class Counter {
  #count = 0;
  label = 'counter';
  get count() {
    return this.#count;
  }
  set count(value: number) {
    this.#count = value;
  }
  increment() {
    this.#count++;
    return this.#count;
  }
  #secret() {
    return this.#count * 10;
  }
  secret() {
    return this.#secret();
  }
}

describe('proxy of a plain object', () => {
  it('forwards get, set, delete, has and `in`', () => {
    const target: Record<string, number> = { a: 1 };
    const p = proxy(target);
    expect(p.a).toBe(1);
    p.b = 2;
    expect(target.b).toBe(2);
    expect('b' in p).toBe(true);
    expect(Reflect.has(p, 'zz')).toBe(false);
    expect(delete p.a).toBe(true);
    expect(target).toEqual({ b: 2 });
  });

  it('lists keys and entries, spreads, and serializes like the target', () => {
    const target = { a: 1, b: [2, 3], c: { d: 4 } };
    const p = proxy(target);
    expect(Object.keys(p)).toEqual(['a', 'b', 'c']);
    expect(Object.entries(p)).toEqual(Object.entries(target));
    expect({ ...p }).toEqual(target);
    expect(JSON.stringify(p)).toBe(JSON.stringify(target));
    expect(Object.getOwnPropertyDescriptor(p, 'a')).toEqual({
      value: 1,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  });

  it('answers getPrototypeOf and instanceof for the target, and sets its prototype', () => {
    class Base {}
    const target = new Base();
    const p = proxy(target);
    expect(Object.getPrototypeOf(p)).toBe(Base.prototype);
    expect(p).toBeInstanceOf(Base);
    const other = { hello: () => 'hi' };
    Object.setPrototypeOf(p, other);
    expect(Object.getPrototypeOf(target)).toBe(other);
  });

  it('defines properties on the target', () => {
    const target: { x?: number } = {};
    Object.defineProperty(proxy(target), 'x', { value: 5, enumerable: true });
    expect(Object.getOwnPropertyDescriptor(target, 'x')?.value).toBe(5);
  });
});

describe('proxy of a class instance', () => {
  it('runs methods, getters and setters on the target so #private members work', () => {
    const target = new Counter();
    const p = proxy(target);
    expect(p.increment()).toBe(1);
    expect(p.count).toBe(1);
    p.count = 5;
    expect(target.count).toBe(5);
    expect(p.secret()).toBe(50);
    expect(p.label).toBe('counter');
  });

  it('returns the same bound method each time', () => {
    const p = proxy(new Counter());
    expect(p.increment).toBe(p.increment);
    const { increment } = p;
    expect(increment()).toBe(1);
  });

  it('returns functions stored as own data properties as themselves, as Python does', () => {
    const debounced = Object.assign(() => 'ran', { cancel: () => 'cancelled' });
    const listener = () => {};
    const target = {
      debounced,
      listener,
      total: 2,
      // Called with `this` = the proxy, which forwards to the target.
      double(this: { total: number }) {
        return this.total * 2;
      },
    };
    const p = proxy(target);
    expect(p.debounced).toBe(debounced);
    expect(p.debounced.cancel()).toBe('cancelled');
    const listeners = new Set([listener]);
    expect(listeners.delete(p.listener)).toBe(true);
    expect(p.double).toBe(target.double);
    expect(p.double()).toBe(4);
  });

  it('runs methods read from a prototype, or from a getter, on the target', () => {
    const target = new Counter();
    Object.defineProperty(target, 'viaGetter', { get: () => Counter.prototype.secret });
    const p = proxy(target) as Counter & { viaGetter: () => number };
    expect(p.increment).not.toBe(Counter.prototype.increment);
    expect(p.viaGetter()).toBe(target.secret());
  });

  it('leaves constructors unbound, so `constructor` is the class itself', () => {
    const p = proxy(new Counter());
    expect(p.constructor).toBe(Counter);
    expect(proxy({ Nested: Counter }).Nested.prototype).toBe(Counter.prototype);
  });
});

describe('proxy of built-ins with internal slots', () => {
  it('Map', () => {
    const p = proxy(new Map([['a', 1]]));
    expect(p.size).toBe(1);
    p.set('b', 2);
    expect(p.get('b')).toBe(2);
    expect(p.has('a')).toBe(true);
    expect([...p]).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });

  it('Set', () => {
    const p = proxy(new Set([1, 2]));
    p.add(3);
    expect(p.size).toBe(3);
    expect([...p.values()]).toEqual([1, 2, 3]);
  });

  it('Date', () => {
    const date = new Date(86_400_000);
    const p = proxy(date);
    expect(p.getTime()).toBe(86_400_000);
    expect(p.toISOString()).toBe(date.toISOString());
    expect(`${p}`).toBe(`${date}`);
    expect(p).toBeInstanceOf(Date);
  });

  it('Promise: then and await', async () => {
    const p = proxy(Promise.resolve(42));
    expect(await p.then((v) => v + 1)).toBe(43);
    expect(await p).toBe(42);
  });

  it('typed arrays', () => {
    const p = proxy(new Uint8Array([1, 2, 3]));
    expect(p.length).toBe(3);
    expect(p[1]).toBe(2);
    p[0] = 9;
    expect([...p]).toEqual([9, 2, 3]);
    expect(p.subarray(1)).toEqual(new Uint8Array([2, 3]));
    expect(p.byteLength).toBe(3);
  });
});

describe('proxy of an array', () => {
  it('is an array with the target length, indexes and methods', () => {
    const target = [1, 2, 3];
    const p = proxy(target);
    expect(Array.isArray(p)).toBe(true);
    expect(p.length).toBe(3);
    expect(p[0]).toBe(1);
    p[1] = 20;
    p.push(4);
    expect(target).toEqual([1, 20, 3, 4]);
    expect([...p]).toEqual([1, 20, 3, 4]);
    expect(p.map((n) => n * 2)).toEqual([2, 40, 6, 8]);
    expect(JSON.stringify(p)).toBe('[1,20,3,4]');
    expect([0].concat(p)).toEqual([0, 1, 20, 3, 4]);
  });

  it('iterates with for...of', () => {
    const seen: number[] = [];
    for (const n of proxy([5, 6])) seen.push(n);
    expect(seen).toEqual([5, 6]);
  });
});

describe('proxy of an iterable', () => {
  it('iterates a custom iterable with for...of', () => {
    const target = {
      *[Symbol.iterator]() {
        yield 'a';
        yield 'b';
      },
    };
    expect([...proxy(target)]).toEqual(['a', 'b']);
  });
});

describe('proxy of a function', () => {
  it('is callable and passes `this` and arguments through', () => {
    function target(this: unknown, a: number, b: number) {
      return { self: this, sum: a + b };
    }
    const p = proxy(target);
    expect(typeof p).toBe('function');
    const self = { name: 'self' };
    expect(p.call(self, 1, 2)).toEqual({ self, sum: 3 });
    expect(p.apply(self, [3, 4])).toEqual({ self, sum: 7 });
    const holder = { p };
    expect(holder.p(1, 1).self).toBe(holder);
  });

  it('gives arrow functions a non-constructible proxy', () => {
    const p = proxy((n: number) => n * 2);
    expect(p(4)).toBe(8);
    expect(() => new (p as any)()).toThrow(TypeError);
  });
});

describe('proxy of a constructor', () => {
  it('constructs real instances with new, and instanceof works both ways', () => {
    const P = proxy(Counter);
    const instance = new P();
    expect(instance).toBeInstanceOf(Counter);
    expect(instance).toBeInstanceOf(P);
    expect(instance.increment()).toBe(1);
    expect(typeof P).toBe('function');
  });

  it('passes new.target on for subclasses, and reads statics', () => {
    class Base {
      static kind = 'base';
      readonly made: unknown;
      constructor() {
        this.made = new.target;
      }
    }
    const P = proxy(Base);
    class Sub extends P {}
    const sub = new Sub();
    expect(sub).toBeInstanceOf(Sub);
    expect(sub).toBeInstanceOf(Base);
    expect(sub.made).toBe(Sub);
    expect(new P().made).toBe(Base);
    expect(P.kind).toBe('base');
  });

  it('works for old-style function constructors and bound constructors', () => {
    function Point(this: { x: number }, x: number) {
      this.x = x;
    }
    const P = proxy(Point as unknown as new (x: number) => { x: number });
    expect(new P(3).x).toBe(3);
    const Bound = proxy(Counter.bind(null));
    expect(new Bound()).toBeInstanceOf(Counter);
    expect(Object.getOwnPropertyNames(Bound).sort()).toEqual(['length', 'name']);
  });
});

describe('inspection', () => {
  it.runIf(hasNodeApis)(
    'console.log / util.inspect show the target, not the stand-in',
    async () => {
      const { inspect } = await import('node:util');
      expect(inspect(proxy({ a: 1 }))).toBe('{ a: 1 }');
      expect(inspect(proxy([1, 2]))).toBe('[ 1, 2 ]');
      expect(inspect(proxy(new Map([[1, 2]])))).toBe('Map(1) { 1 => 2 }');
    },
  );
});
