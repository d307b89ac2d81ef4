import { nextTask } from '@w/test-support/next-task';
import { hasNodeApis } from '@w/test-support/node-apis';
import { describe, expect, it } from 'vitest';
import { expectCollected, expectRetained, LeakError, Probe, probe } from '../src/index';

// Made in a function of its own, so that no frame of the test holds the object.
function dropped(label?: string): Probe<object> {
  return probe({}, label);
}

describe('probe', () => {
  it('watches without keeping its target alive, and names it', async () => {
    const p = dropped('session a');
    expect(p).toBeInstanceOf(Probe);
    expect(p.label).toBe('session a');
    await expectCollected(p);
    expect(p.deref()).toBeUndefined();
  });

  it('gives the target back while it lives', () => {
    const target = { id: 1 };
    expect(probe(target).deref()).toBe(target);
  });

  it('has a default label', () => {
    expect(probe({}).label).toMatch(/^probe #\d+$/);
  });

  it('rejects what cannot be held weakly, and a label that is not a string', () => {
    expect(() => probe(1 as never)).toThrow(
      new TypeError("cannot create weak reference to 'number' value"),
    );
    expect(() => probe({}, 5 as never)).toThrow(
      new TypeError("a probe's label must be a string, not 'number'"),
    );
  });
});

describe('expectCollected', () => {
  it('works on a probe made in the same task', async () => {
    // No await between making the probe and the check: the check yields a task itself.
    await expectCollected(probe({}, 'same task'));
  });

  it('rejects with a LeakError naming the label while something holds the object', async () => {
    const held = {};
    const error = await expectCollected(probe(held, 'kept session'), { timeout: 0 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LeakError);
    expect(error).toMatchObject({ name: 'LeakError', label: 'kept session' });
    expect((error as Error).message).toMatch(/^expected 'kept session' to be collected/);
    expect(held).toBeDefined();
  });

  it('a failed check does not make the next probe report a leak', async () => {
    const holder: { object?: object } = { object: {} };
    const first = probe(holder.object!, 'first');
    await expect(expectCollected(first, { timeout: 0, retainers: false })).rejects.toThrow(
      LeakError,
    );
    holder.object = undefined;
    await expectCollected(first);
    await expectCollected(dropped('second'));
  });

  it('waits up to its timeout for the object to be let go of', async () => {
    const holder: { object?: object } = { object: {} };
    const p = probe(holder.object!);
    // Released by a later task of the code under test: 100 tasks, well after the first
    // collectGarbage() (a dozen tasks or so) found it alive. Waits through the host's real
    // scheduling, so that fake timers do not hold the release back.
    void (async () => {
      for (let i = 0; i < 100; i++) await nextTask();
      holder.object = undefined;
    })();
    await expectCollected(p, { timeout: 5000 });
  });

  it('without retainers, says why there is no path', async () => {
    const held = {};
    await expect(
      expectCollected(probe(held, 'x'), { timeout: 0, retainers: false }),
    ).rejects.toThrow(
      "expected 'x' to be collected, but it is still reachable: (no retainer path: not looked for ({ retainers: false }))",
    );
    // Read afterwards: JavaScriptCore collects a local that no later code reads.
    expect(held).toEqual({});
  });

  it('rejects bad arguments with a TypeError naming what it got, and collects nothing', async () => {
    await expect(expectCollected({} as never)).rejects.toThrow(
      new TypeError("expectCollected() expects a probe, not 'object'"),
    );
    await expect(expectCollected(dropped(), { timeout: -1 })).rejects.toThrow(
      new TypeError('expectCollected() timeout must be a non-negative number of ms, not -1'),
    );
    await expect(expectCollected(dropped(), 3 as never)).rejects.toThrow(
      new TypeError("expectCollected() options must be an object, not 'number'"),
    );
    await expect(expectRetained(null as never)).rejects.toThrow(
      new TypeError("expectRetained() expects a probe, not 'null'"),
    );
  });
});

describe('expectRetained', () => {
  it('resolves while something holds the object', async () => {
    const held = { alive: true };
    await expectRetained(probe(held));
    expect(held.alive).toBe(true);
  });

  it('rejects, naming the label, once it was collected', async () => {
    await expect(expectRetained(dropped('cache entry'))).rejects.toThrow(
      "expected 'cache entry' to be retained, but it was collected",
    );
  });
});

describe('retainers', () => {
  it.runIf(hasNodeApis && !('Bun' in globalThis) && !('Deno' in globalThis))(
    'name each property on the way from globalThis',
    async () => {
      const leaked = {};
      const global = globalThis as { app?: unknown };
      global.app = { handlers: [{}, {}, leaked] };
      try {
        const error = (await expectCollected(probe(leaked, 'handler'), { timeout: 0 }).catch(
          (e: unknown) => e,
        )) as LeakError;
        expect(error.retainers).toEqual(['globalThis.app', 'handlers', '[2]']);
        expect(error.message).toBe(
          "expected 'handler' to be collected, but it is still reachable: retained by globalThis.app → handlers → [2]",
        );
      } finally {
        delete global.app;
      }
    },
  );
});
