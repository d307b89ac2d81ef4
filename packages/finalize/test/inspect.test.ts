import { inspectCustom } from '@w/core/internal';
import { collectGarbage } from '@w/core/testing';
import { fakeInspect } from '@w/test-support/fake-inspect';
import { hasNodeApis } from '@w/test-support/node-apis';
import { describe, expect, it } from 'vitest';
import { type Finalizer, finalize } from '../src';

class Socket {
  constructor(readonly fd: number) {}
}

function close(_fd: number): void {}

// The socket dies once this returns; its finalizer runs after the collection.
const finalizerOfDying = (): Finalizer => finalize(new Socket(3), close, 3);

describe('util.inspect and console.log', () => {
  it.runIf(hasNodeApis)('show it alive with its function and object, or dead', async () => {
    const { inspect } = await import('node:util');
    const socket = new Socket(3);
    const f = finalize(socket, close, 3);
    expect(inspect(f)).toBe('Finalizer { <alive> close, for: Socket { fd: 3 } }');
    f();
    expect(inspect(f)).toBe('Finalizer { <dead> close }');
    const collected = finalizerOfDying();
    await collectGarbage();
    expect(inspect(collected)).toBe('Finalizer { <dead> close }');
    expect(inspect(finalize(socket, () => {}))).toBe(
      'Finalizer { <alive> (anonymous), for: Socket { fd: 3 } }',
    );
  });

  it.runIf(hasNodeApis)('count the object one level down, then show [Finalizer]', async () => {
    const { inspect } = await import('node:util');
    const f = finalize({ socket: new Socket(3) }, close, 3);
    expect(inspect({ level1: f })).toBe(
      '{ level1: Finalizer { <alive> close, for: { socket: [Socket] } } }',
    );
    expect(inspect({ level1: { level2: { level3: f } } })).toBe(
      '{ level1: { level2: { level3: [Finalizer] } } }',
    );
  });
});

describe('String() agrees with the inspection', () => {
  it('shows the inspection at depth 0', async () => {
    const socket = new Socket(3);
    expect(String(finalize(socket, close, 3))).toBe('Finalizer { <alive> close, for: [Socket] }');
    const collected = finalizerOfDying();
    await collectGarbage();
    expect(String(collected)).toBe('Finalizer { <dead> close }');
  });

  it('does not throw when the object is a revoked proxy', () => {
    const { proxy, revoke } = Proxy.revocable(new Socket(3), {});
    const f = finalize(proxy, close, 3);
    revoke();
    expect(String(f)).toBe('Finalizer { <alive> close, for: [Object] }');
  });
});

describe('the same inspection without node:util (browsers)', () => {
  it('hands the object to the inspect it is given, one level down', () => {
    const socket = new Socket(3);
    const f = finalize(socket, close, 3);
    expect(f[inspectCustom](2, {}, fakeInspect)).toBe(
      'Finalizer { <alive> close, for: Socket @1 }',
    );
    f.detach();
    expect(f[inspectCustom](2, {}, fakeInspect)).toBe('Finalizer { <dead> close }');
  });
});
