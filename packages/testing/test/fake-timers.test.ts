import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  collectGarbage,
  expectCollected,
  expectRetained,
  LeakError,
  type Probe,
  probe,
} from '../src/index';

afterEach(() => {
  vi.useRealTimers();
});

function dropped(): Probe<object> {
  return probe({}, 'dropped');
}

describe('with vi.useFakeTimers()', () => {
  it('collectGarbage, expectCollected and expectRetained settle', async () => {
    vi.useFakeTimers();
    await collectGarbage();
    await expectCollected(dropped());
    const held = {};
    await expectRetained(probe(held));
    // Read afterwards: JavaScriptCore collects a local that no later code reads.
    expect(held).toEqual({});
  });

  it('a timeout runs on real time, not the fake clock', async () => {
    vi.useFakeTimers();
    const held = {};
    await expect(expectCollected(probe(held), { timeout: 100, retainers: false })).rejects.toThrow(
      LeakError,
    );
    expect(held).toEqual({});
  });

  // `scheduler.yield()` (Node, Bun, Deno) and a MessageChannel (browsers) are out of the
  // fakes' reach, and a frozen clock still ends a timeout.
  it('installed before @w/testing loads, change nothing', async () => {
    vi.useFakeTimers();
    vi.resetModules();
    const fresh = (await import('../src/index')) as typeof import('../src/index');
    await fresh.expectCollected(fresh.probe({}));
    const held = {};
    await expect(
      fresh.expectCollected(fresh.probe(held), { timeout: 100, retainers: false }),
    ).rejects.toThrow(fresh.LeakError);
    expect(held).toEqual({});
  });
});
