import { describe, expect, it } from 'vitest';
import { Finalizer, finalize } from '../src';

const add = (x: number, y: number, z: number) => x + y + z;

describe('calling a finalizer', () => {
  it('runs func(...args) once and returns its result, then undefined', () => {
    const calls: number[][] = [];
    const f = finalize({}, (...args: number[]) => calls.push(args), 1, 2, 3);
    expect(f()).toBe(1);
    expect(f()).toBeUndefined();
    expect(calls).toEqual([[1, 2, 3]]);
  });

  it('calls func without a this', () => {
    let seen: unknown = 'not called';
    finalize({}, function (this: unknown) {
      seen = this;
    })();
    expect(seen).toBeUndefined();
  });

  it('is alive until called, then dead', () => {
    const f = finalize({}, add, 1, 2, 3);
    expect(f.alive).toBe(true);
    expect(f()).toBe(6);
    expect(f.alive).toBe(false);
  });

  it('lets an error from a direct call reach the caller, and is dead afterwards', () => {
    let calls = 0;
    const f = finalize({}, () => {
      calls++;
      throw new Error('direct');
    });
    expect(() => f()).toThrow('direct');
    expect(f.alive).toBe(false);
    expect(f()).toBeUndefined();
    expect(calls).toBe(1);
  });

  it('runs only once even when it calls itself', () => {
    let calls = 0;
    const f: Finalizer = finalize({}, () => {
      calls++;
      return f();
    });
    expect(f()).toBeUndefined();
    expect(calls).toBe(1);
  });

  it('runs when disposed, like a call', () => {
    let calls = 0;
    const f = finalize({}, () => calls++);
    f[Symbol.dispose]();
    f[Symbol.dispose]();
    expect(calls).toBe(1);
    expect(f.alive).toBe(false);
  });

  it('is a function and an instance of Finalizer', () => {
    const f = finalize({}, add, 1, 2, 3);
    expect(typeof f).toBe('function');
    expect(f).toBeInstanceOf(Finalizer);
    expect(f).toBeInstanceOf(Function);
    expect(f.call(undefined)).toBe(6);
  });

  it('can be made with new Finalizer, as Python calls the class', () => {
    const f = new Finalizer({}, add, 1, 2, 3);
    expect(f).toBeInstanceOf(Finalizer);
    expect(f()).toBe(6);
  });

  it('cannot be constructed with new on the callable', () => {
    const f = finalize({}, add, 1, 2, 3);
    expect(() => new (f as any)()).toThrow(TypeError);
  });

  it('shows its function and what it finalizes, like Python repr', () => {
    class Resource {}
    const obj = new Resource();
    const f = finalize(obj, add, 1, 2, 3);
    expect(String(f)).toBe('Finalizer { <alive> add, for: [Resource] }');
    expect(Object.prototype.toString.call(f)).toBe('[object Finalizer]');
    f.detach();
    expect(String(f)).toBe('Finalizer { <dead> add }');
    expect(String(finalize(Object.create(null), add, 1, 2, 3))).toBe(
      'Finalizer { <alive> add, for: [Object] }',
    );
    expect(String(finalize(Symbol('s'), () => {}))).toBe(
      'Finalizer { <alive> (anonymous), for: Symbol(s) }',
    );
  });

  it('refuses to work on something that is not a Finalizer', () => {
    const f = finalize({}, add, 1, 2, 3);
    const fake = Object.setPrototypeOf(() => {}, Finalizer.prototype) as Finalizer;
    expect(() => fake.alive).toThrow(
      new TypeError(
        `Method get Finalizer.prototype.alive called on incompatible receiver 'function'`,
      ),
    );
    expect(() => f.peek.call({})).toThrow(
      new TypeError(`Method Finalizer.prototype.peek called on incompatible receiver 'object'`),
    );
  });
});

describe('peek and detach', () => {
  it('peek gives [obj, func, args] and changes nothing', () => {
    const obj = {};
    const f = finalize(obj, add, 1, 2, 3);
    expect(f.peek()).toEqual([obj, add, [1, 2, 3]]);
    expect(f.peek()?.[0]).toBe(obj);
    expect(f.alive).toBe(true);
  });

  it('peek gives a copy of the arguments', () => {
    const f = finalize({}, add, 1, 2, 3);
    f.peek()?.[2].push(4);
    expect(f.peek()?.[2]).toEqual([1, 2, 3]);
  });

  it('detach gives [obj, func, args] and makes it dead without calling it', () => {
    const obj = {};
    let calls = 0;
    const func = (n: number) => (calls += n);
    const f = finalize(obj, func, 1);
    const detached = f.detach();
    expect(detached).toEqual([obj, func, [1]]);
    expect(detached?.[0]).toBe(obj);
    expect(f.alive).toBe(false);
    expect(f()).toBeUndefined();
    expect(calls).toBe(0);
    const [, detachedFunc, args] = detached!;
    detachedFunc(...args);
    expect(calls).toBe(1);
  });

  it('both give undefined once dead', () => {
    const f = finalize({}, add, 1, 2, 3);
    f();
    expect(f.peek()).toBeUndefined();
    expect(f.detach()).toBeUndefined();
  });
});

describe('atexit', () => {
  it('is true by default and can be turned off and on', () => {
    const f = finalize({}, add, 1, 2, 3);
    expect(f.atexit).toBe(true);
    f.atexit = false;
    expect(f.atexit).toBe(false);
    f.atexit = true;
    expect(f.atexit).toBe(true);
  });

  it('is false once dead and cannot be set then, as in Python', () => {
    const f = finalize({}, add, 1, 2, 3);
    f.detach();
    expect(f.atexit).toBe(false);
    f.atexit = true;
    expect(f.atexit).toBe(false);
  });

  it('does not change whether a direct call runs it', () => {
    let calls = 0;
    const f = finalize({}, () => calls++);
    f.atexit = false;
    f();
    expect(calls).toBe(1);
  });
});

describe('bad input', () => {
  it.each([
    [1, 'number'],
    ['text', 'string'],
    [null, 'null'],
    [undefined, 'undefined'],
    [Symbol.for('x'), 'registered symbol'],
  ])('rejects a %s object with a TypeError naming it', (obj, name) => {
    const message = `cannot create weak reference to '${name}' value`;
    expect(() => finalize(obj as never, add, 1, 2, 3)).toThrow(new TypeError(message));
    expect(() => new Finalizer(obj as never, add, 1, 2, 3)).toThrow(new TypeError(message));
  });

  it('rejects a func that is not a function', () => {
    expect(() => finalize({}, 'close' as never)).toThrow(
      new TypeError(`finalize() func must be a function, not 'string'`),
    );
    expect(() => finalize({}, undefined as never)).toThrow(
      new TypeError(`finalize() func must be a function, not 'undefined'`),
    );
  });

  it('rejects obj as its own func', () => {
    const obj = () => {};
    expect(() => finalize(obj, obj)).toThrow(
      new TypeError(
        'finalize() func is the object itself: the finalizer would keep it alive forever',
      ),
    );
  });

  it('rejects obj among the arguments, naming its position', () => {
    const obj = {};
    expect(() => finalize(obj, (..._args: unknown[]) => {}, 'a', obj)).toThrow(
      new TypeError(
        'finalize() args[1] is the object itself: the finalizer would keep it alive forever',
      ),
    );
  });

  it('makes subclasses whose instances are callable instances of the subclass', () => {
    class Named extends Finalizer<object, [number, number, number], number> {
      readonly label = 'named';
    }
    const f = new Named({}, add, 1, 2, 3);
    expect(f).toBeInstanceOf(Named);
    expect(f.label).toBe('named');
    expect(f()).toBe(6);
  });
});
