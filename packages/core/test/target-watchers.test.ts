import { afterEach, describe, expect, it } from 'vitest';
import {
  liveReferents,
  targetCollected,
  type Watcher,
  watchTargetStrongly,
  watchTargetWeakly,
} from '../src/target-watchers';
import { collectGarbage } from '../src/testing';
import { setUnraisableHook, type Unraisable } from '../src/unraisable';

afterEach(() => setUnraisableHook());

function watcher(log: string[], name: string, fail = false): Watcher {
  return {
    [targetCollected]() {
      log.push(name);
      if (fail) throw new Error(`${name} failed`);
    },
  };
}

describe('target watchers', () => {
  it('tells every watcher newest first, even when one throws', async () => {
    const seen: Unraisable[] = [];
    setUnraisableHook((u) => seen.push(u));
    const log: string[] = [];
    (() => {
      const target = {};
      watchTargetStrongly(target, watcher(log, 'oldest'));
      watchTargetStrongly(target, watcher(log, 'broken', true));
      watchTargetStrongly(target, watcher(log, 'newest'));
    })();
    await collectGarbage();
    expect(log).toEqual(['newest', 'broken', 'oldest']);
    expect(seen.map((u) => String(u.error))).toEqual(['Error: broken failed']);
  });

  it('forgets a detached watcher', async () => {
    const log: string[] = [];
    (() => {
      const target = {};
      const detach = watchTargetStrongly(target, watcher(log, 'detached'));
      detach();
    })();
    await collectGarbage();
    expect(log).toEqual([]);
  });

  it('lists weak watchers while they live, newest first', async () => {
    const target = {};
    const kept = watcher([], 'kept');
    watchTargetWeakly(target, kept, true);
    const newer = watcher([], 'newer');
    watchTargetWeakly(target, newer, true);
    (() => watchTargetWeakly(target, watcher([], 'dropped'), true))();
    await collectGarbage();
    expect(liveReferents(target)).toEqual([newer, kept]);
  });
});
