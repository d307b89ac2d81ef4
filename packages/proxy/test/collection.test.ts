import { setUnraisableHook, type Unraisable } from '@w/core';
import { collectGarbage } from '@w/core/testing';
import { getWeakRefCount, getWeakRefs, ref } from '@w/ref';
import { hasNodeApis } from '@w/test-support/node-apis';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isProxy, proxy } from '../src';

afterEach(() => {
  setUnraisableHook();
  vi.restoreAllMocks();
});

const DEAD = /^weakly-referenced object no longer exists$/;

class Widget {
  #size = 3;
  name = 'widget';
  get size() {
    return this.#size;
  }
  grow() {
    return ++this.#size;
  }
  *[Symbol.iterator]() {
    yield this.#size;
  }
}

// Made in a synchronous function, so that only the returned proxy refers to the target.
function proxyOfDying<T extends object>(make: () => T, use?: (p: T) => void): T {
  const p = proxy(make());
  use?.(p);
  return p;
}

describe('after the target is collected', () => {
  // Each operation runs every kind of trap at least once over the table.
  const operations: [string, (p: any) => unknown][] = [
    ['get', (p) => p.name],
    ['get of a symbol', (p) => p[Symbol.iterator]],
    [
      'set',
      (p) => {
        p.name = 'x';
      },
    ],
    ['has (in)', (p) => 'name' in p],
    ['delete', (p) => delete p.name],
    ['Object.keys', (p) => Object.keys(p)],
    ['Object.entries', (p) => Object.entries(p)],
    ['Reflect.ownKeys', (p) => Reflect.ownKeys(p)],
    ['getOwnPropertyDescriptor', (p) => Object.getOwnPropertyDescriptor(p, 'name')],
    ['defineProperty', (p) => Object.defineProperty(p, 'x', { value: 1 })],
    ['getPrototypeOf', (p) => Object.getPrototypeOf(p)],
    ['setPrototypeOf', (p) => Object.setPrototypeOf(p, null)],
    ['isExtensible', (p) => Object.isExtensible(p)],
    ['preventExtensions', (p) => Object.preventExtensions(p)],
    ['Object.isFrozen', (p) => Object.isFrozen(p)],
    ['instanceof', (p) => p instanceof Widget],
    ['spread', (p) => ({ ...p })],
    ['JSON.stringify', (p) => JSON.stringify(p)],
    ['String()', (p) => String(p)],
    [
      'for...of',
      (p) => {
        for (const _ of p) break;
      },
    ],
    ['method call', (p) => p.grow()],
  ];

  it.each(operations)('%s throws ReferenceError', async (_, operation) => {
    const p = proxyOfDying(() => new Widget());
    expect(() => operation(p)).not.toThrow(ReferenceError);
    await collectGarbage();
    expect(() => operation(p)).toThrow(ReferenceError);
    expect(() => operation(p)).toThrow(DEAD);
  });

  it('call and new throw ReferenceError for function and class proxies', async () => {
    const fn = proxyOfDying(() => (n: number) => n + 1);
    const Cls = proxyOfDying(() => class Dying {});
    expect(fn(1)).toBe(2);
    expect(new Cls()).toBeDefined();
    await collectGarbage();
    expect(() => fn(1)).toThrow(DEAD);
    expect(() => fn.call(null, 1)).toThrow(DEAD);
    expect(() => new Cls()).toThrow(DEAD);
    expect(() => ({}) instanceof Cls).toThrow(DEAD);
  });

  it('array proxies throw on index, length, push and spread', async () => {
    const p = proxyOfDying(() => [1, 2, 3]);
    await collectGarbage();
    expect(() => p[0]).toThrow(DEAD);
    expect(() => p.length).toThrow(DEAD);
    expect(() => p.push(1)).toThrow(DEAD);
    expect(() => [...p]).toThrow(DEAD);
    // typeof and Array.isArray run no trap: they keep answering for the proxy itself.
    expect(Array.isArray(p)).toBe(true);
  });
});

describe('the proxy does not keep its target alive', () => {
  const kinds: [string, () => object, (p: any) => void][] = [
    ['plain object', () => ({ a: 1 }), (p) => Object.keys(p)],
    ['class instance, methods read', () => new Widget(), (p) => [p.grow(), p.size, [...p]]],
    ['Map, methods read', () => new Map([[1, {}]]), (p) => [p.size, p.get(1), [...p]]],
    ['Date', () => new Date(), (p) => p.getTime()],
    ['array', () => [{}, {}], (p) => [p.push({}), [...p]]],
    ['function, called', () => () => 1, (p) => p()],
    ['class, constructed', () => class Made {}, (p) => new p() instanceof p],
    [
      'frozen object, mirrored',
      () => Object.freeze({ a: {} }),
      (p) => [Object.isFrozen(p), { ...p }],
    ],
    ['sealed array, mirrored', () => Object.seal([1, 2]), (p) => Object.isSealed(p)],
  ];

  it.each(kinds)('%s is collected while its proxy lives', async (_, make, use) => {
    const p = proxyOfDying(make, use);
    await collectGarbage();
    expect(() => use(p)).toThrow(DEAD);
  });

  it('a method read through the proxy keeps neither alive, and throws once it is gone', async () => {
    const [grow, probe] = (() => {
      const target = new Widget();
      const { grow } = proxy(target);
      expect(grow()).toBe(4);
      return [grow, new WeakRef(target)];
    })();
    await collectGarbage();
    expect(probe.deref()).toBeUndefined();
    expect(() => grow()).toThrow(DEAD);
  });
});

describe('callback', () => {
  it('runs once, with the proxy, after collection', async () => {
    const calls: unknown[] = [];
    const withCallback = (() => proxy({ a: 1 }, (dead) => calls.push(dead)))();
    expect(calls).toEqual([]);
    await collectGarbage();
    await collectGarbage();
    expect(calls.length).toBe(1);
    expect(calls[0] === withCallback).toBe(true);
  });

  it('does not run while the target lives, nor when the proxy died first', async () => {
    const calls: string[] = [];
    const target = {};
    (() => {
      proxy(target, () => calls.push('dropped proxy'));
    })();
    const kept = proxy(target, () => calls.push('kept proxy'));
    await collectGarbage();
    expect(calls).toEqual([]);
    expect(isProxy(kept)).toBe(true);
  });

  it('runs newest first among the refs and proxies of one target', async () => {
    const calls: string[] = [];
    const held: object[] = [];
    (() => {
      const target = {};
      held.push(ref(target, () => calls.push('ref')));
      held.push(proxy(target, () => calls.push('proxy')));
    })();
    await collectGarbage();
    expect(calls).toEqual(['proxy', 'ref']);
  });

  it('hands errors to the unraisable hook with the proxy, and the others still run', async () => {
    const reported: Unraisable[] = [];
    setUnraisableHook((u) => reported.push(u));
    const calls: string[] = [];
    const held = (() => {
      const target = {};
      return [
        ref(target, () => calls.push('ref')),
        proxy(target, () => {
          throw new Error('boom');
        }),
      ];
    })();
    await collectGarbage();
    expect(calls).toEqual(['ref']);
    expect(reported).toHaveLength(1);
    expect((reported[0]!.error as Error).message).toBe('boom');
    expect(reported[0]!.origin).toBe('proxy callback');
    expect(reported[0]!.object === held[1]).toBe(true);
  });

  it('with the default hook, prints the error and the others still run', async () => {
    const printed = vi.spyOn(console, 'error').mockImplementation(() => {});
    const calls: string[] = [];
    const held = (() => {
      const target = {};
      return [
        ref(target, () => calls.push('ref')),
        proxy(target, () => {
          throw new Error('boom');
        }),
      ];
    })();
    await collectGarbage();
    expect(held).toHaveLength(2);
    expect(calls).toEqual(['ref']);
    const errors = printed.mock.calls.map((args) => args[1]);
    expect(errors.some((e) => e instanceof Error && e.message === 'boom')).toBe(true);
  });
});

describe('reuse and introspection', () => {
  it('returns the same proxy for the same live target without a callback', () => {
    const target = {};
    expect(proxy(target)).toBe(proxy(target));
    const cb = () => {};
    expect(proxy(target, cb)).not.toBe(proxy(target, cb));
    expect(proxy(target, cb)).not.toBe(proxy(target));
  });

  it('makes a new reused proxy once the old one was collected', async () => {
    const target = {};
    (() => {
      proxy(target);
    })();
    await collectGarbage();
    expect(getWeakRefCount(target)).toBe(0);
    const fresh = proxy(target);
    expect(proxy(target)).toBe(fresh);
  });

  it('counts proxies in getWeakRefCount and lists them in getWeakRefs', async () => {
    const target = {};
    const r = ref(target);
    const plain = proxy(target);
    const withCallback = proxy(target, () => {});
    expect(getWeakRefCount(target)).toBe(3);
    const refs = getWeakRefs(target);
    expect(refs[0] === r && refs[1] === plain && refs[2] === withCallback).toBe(true);
    (() => {
      proxy(target, () => {});
    })();
    expect(getWeakRefCount(target)).toBe(4);
    await collectGarbage();
    // Read after the collection: JavaScriptCore (Bun) collects locals an async function no longer reads.
    expect(getWeakRefs(target)).toEqual([r, plain, withCallback]);
  });

  it('isProxy is true only for proxies made here, alive or dead', async () => {
    const p = proxyOfDying(() => ({}));
    expect(isProxy(p)).toBe(true);
    expect(isProxy({})).toBe(false);
    expect(isProxy(new Proxy({}, {}))).toBe(false);
    expect(isProxy(ref({}))).toBe(false);
    expect(isProxy(null)).toBe(false);
    expect(isProxy(1)).toBe(false);
    await collectGarbage();
    expect(isProxy(p)).toBe(true);
  });
});

describe('bad input', () => {
  it('rejects non-weakable targets with a TypeError naming their type', () => {
    expect(() => proxy(1 as any)).toThrow("cannot create weak reference to 'number' value");
    expect(() => proxy(null as any)).toThrow("cannot create weak reference to 'null' value");
    expect(() => proxy('s' as any)).toThrow(TypeError);
    expect(() => proxy(Symbol.for('r') as any)).toThrow("'registered symbol'");
    expect(() => proxy(Symbol('s') as any)).toThrow("cannot create weak proxy to 'symbol' value");
  });

  it('rejects a revoked Proxy in its own words, for objects and functions alike', () => {
    for (const target of [{}, () => {}, []]) {
      const { proxy: revoked, revoke } = Proxy.revocable(target, {});
      revoke();
      expect(() => proxy(revoked)).toThrow(
        new TypeError("cannot create weak proxy to 'revoked proxy' value"),
      );
      expect(getWeakRefCount(revoked)).toBe(0);
    }
  });

  it('rejects a non-function callback and registers nothing', () => {
    const target = {};
    expect(() => proxy(target, 5 as any)).toThrow("callback must be a function, not 'number'");
    expect(getWeakRefCount(target)).toBe(0);
    expect(() => proxy(target, null as any)).toThrow(TypeError);
    expect(getWeakRefCount(target)).toBe(0);
  });
});

describe('inspecting a dead proxy', () => {
  it.runIf(hasNodeApis)('util.inspect does not throw', async () => {
    const { inspect } = await import('node:util');
    const p = proxyOfDying(() => ({ a: 1 }));
    await collectGarbage();
    expect(inspect(p)).toBe('<dead weak proxy>');
  });
});
