import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCleanupRegistry } from '../src/cleanup-registry';
import { targetCollected, type Watcher, watchTargetWeakly } from '../src/internal';
import { collectGarbage } from '../src/testing';

afterEach(() => {
  vi.useRealTimers();
});

/** A referent watching a target that stays alive; only the referent is dropped. */
function dropReferent(target: object): WeakRef<Watcher> {
  const referent: Watcher = { [targetCollected]() {} };
  watchTargetWeakly(target, referent, true);
  return new WeakRef(referent);
}

// A registry that is itself collected never runs its cleanup: the caller keeps it.
function dropObject(): { cleaned: string[]; registry: object } {
  const cleaned: string[] = [];
  const registry = createCleanupRegistry<string>((held) => cleaned.push(held), 'test');
  (() => registry.register({}, 'dropped'))();
  return { cleaned, registry };
}

describe('with fake timers', () => {
  it('collectGarbage() resolves and runs cleanup', async () => {
    vi.useFakeTimers();
    const { cleaned, registry } = dropObject();
    await collectGarbage();
    expect(cleaned).toEqual(['dropped']);
    expect(registry).toBeDefined();
  });

  it('a referent made while they are on is collected', async () => {
    vi.useFakeTimers();
    const target = {};
    const referent = dropReferent(target);
    await collectGarbage();
    expect(referent.deref()).toBeUndefined();
  });

  it('referents made after they were removed are collected too', async () => {
    const target = {};
    vi.useFakeTimers();
    const early = dropReferent(target);
    // Whatever was handed to the fake clock is gone with it.
    vi.useRealTimers();
    const late = dropReferent(target);
    await collectGarbage();
    expect([early.deref(), late.deref()]).toEqual([undefined, undefined]);
  });

  // A module of its own (the query makes it one), so it surely loads under the fakes.
  it('installed before the scheduler loads, a next task still comes', async () => {
    vi.useFakeTimers();
    const fresh: typeof import('../src/next-task') = await import(
      '../src/next-task.ts?fresh' as string
    );
    await new Promise<void>((resolve) => fresh.nextTask(resolve));
  });

  // `scheduler.yield()` (Node, Bun, Deno) and a MessageChannel (browsers) are out of the
  // fakes' reach.
  it('installed before @w/core loads, change nothing', async () => {
    vi.useFakeTimers();
    vi.resetModules();
    const fresh = (await import('../src/testing')) as typeof import('../src/testing');
    const { cleaned, registry } = dropObject();
    await fresh.collectGarbage();
    expect(cleaned).toEqual(['dropped']);
    expect(registry).toBeDefined();
  });
});
