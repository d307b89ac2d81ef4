import { inspectCustom } from '@w/core/internal';
import { collectGarbage } from '@w/core/testing';
import { fakeInspect } from '@w/test-support/fake-inspect';
import { hasNodeApis } from '@w/test-support/node-apis';
import { describe, expect, it } from 'vitest';
import { proxy } from '../src';

// The target dies once this returns: only the proxy refers to it.
const proxyOfDying = (): { a: number } => proxy({ a: 1 });

// Deno's node:util calls a proxy's custom inspect before it looks at showProxy (measured on
// Deno 2.9.6: the live proxy prints as its target, `{ a: 1 }`), so this one is Node's and Bun's.
const showProxyComesFirst = hasNodeApis && !('Deno' in globalThis);

describe('util.inspect with showProxy', () => {
  it.runIf(showProxyComesFirst)(
    'shows the stand-in target and a handler that holds the live target',
    async () => {
      const { inspect } = await import('node:util');
      const target = { a: 1 };
      expect(inspect(proxy(target), { showProxy: true })).toBe(
        'Proxy [ <stand-in>, WeakProxyHandler { <alive> { a: 1 } } ]',
      );
      const dead = proxyOfDying();
      await collectGarbage();
      expect(inspect(dead, { showProxy: true })).toBe(
        'Proxy [ <stand-in>, WeakProxyHandler { <dead> } ]',
      );
    },
  );

  it.runIf(hasNodeApis)('shows a target that holds its own proxy as [Circular]', async () => {
    const { inspect } = await import('node:util');
    const target: { self?: unknown } = {};
    target.self = proxy(target);
    expect(inspect(target.self, { depth: Infinity })).toBe('{ self: [Circular] }');
  });
});

describe('the same inspection without node:util (browsers)', () => {
  it('reads a live proxy as its target, and a dead one as dead instead of throwing', async () => {
    const live = proxy({ a: 1 }) as { [inspectCustom]?: unknown };
    expect(live[inspectCustom]).toBeUndefined(); // transparent: the target has none
    const dead = proxyOfDying() as unknown as {
      [inspectCustom](depth: number, options: object, inspect: typeof fakeInspect): string;
    };
    await collectGarbage();
    expect(dead[inspectCustom](2, {}, fakeInspect)).toBe('<dead weak proxy>');
    expect(() => (dead as unknown as { a: number }).a).toThrow(ReferenceError);
  });
});
