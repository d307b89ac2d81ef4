import { collectGarbage } from '@w/core/testing';
import { hasNodeApis } from '@w/test-support/node-apis';
import { describe, expect, it } from 'vitest';
import { proxy } from '../src';

// `get` hands out a function that runs on the target for a method; the same one for the same
// method, so `p.m === p.m`. What it keeps for that must not keep the target alive.

async function heapAfterCollection(): Promise<number> {
  await collectGarbage();
  return process.memoryUsage().heapUsed;
}

// Made apart from the proxies' callbacks: a callback made in the scope of a closure over the
// target would keep the target alive through that scope.
function withFreshClosures() {
  const target = {
    get handler() {
      return () => target;
    },
  };
  return target;
}

function rpcClient(): Record<string, () => unknown> {
  const client: Record<string, () => unknown> = new Proxy(
    {},
    { get: (_, name) => () => [client, name] },
  );
  return client;
}

function withSelfMethod(): { self?: () => object } {
  const target: { self?: () => object } = Object.create({ self: () => target });
  return target;
}

class Service {
  run() {
    return 'ran';
  }
}

describe('the functions a weak proxy hands out', () => {
  it('are the same for a method of the prototype chain, read twice', () => {
    const p = proxy(new (class extends Service {})());
    expect(p.run).toBe(p.run);
    expect(p.run()).toBe('ran');
  });

  it("keep nothing alive: a getter's fresh closures over the target", async () => {
    const dead: string[] = [];
    const p = (() => {
      const made = proxy(withFreshClosures(), () => dead.push('target'));
      for (let i = 0; i < 100; i++) made.handler();
      return made;
    })();
    await collectGarbage();
    expect(dead).toEqual(['target']);
    expect(() => p.handler).toThrow(ReferenceError);
  });

  it('keep nothing alive: an RPC-style Proxy that hands out a new function per name', async () => {
    const dead: string[] = [];
    const p = (() => {
      const made = proxy(rpcClient(), () => dead.push('client'));
      for (let i = 0; i < 100; i++) made[`call${i}`]!();
      return made;
    })();
    await collectGarbage();
    expect(dead).toEqual(['client']);
    expect(() => p.anything).toThrow(ReferenceError);
  });

  it('keep nothing alive: a method of the chain that refers to the target', async () => {
    const dead: string[] = [];
    const p = (() => {
      const made = proxy(withSelfMethod(), () => dead.push('target'));
      made.self!();
      return made;
    })();
    await collectGarbage();
    expect(dead).toEqual(['target']);
    expect(() => p.self).toThrow(ReferenceError);
  });

  it.runIf(hasNodeApis)(
    'leave at most 8 bytes per read of a getter or an RPC-style Proxy',
    async () => {
      const reads = 25_000;
      const target = withFreshClosures();
      const client = rpcClient();
      const p = proxy(target);
      const rpc = proxy(client);
      p.handler();
      rpc.call!();
      const before = await heapAfterCollection();
      for (let i = 0; i < reads; i++) {
        p.handler();
        rpc.call!();
      }
      const after = await heapAfterCollection();
      expect((after - before) / (2 * reads)).toBeLessThanOrEqual(8);
      // All of them lived through the measure.
      expect(p.handler()).toBe(target);
      expect((rpc.call!() as unknown[])[0]).toBe(client);
    },
  );
});
