import { collectGarbage } from '@w/core/testing';
import type { Tracked } from '@w/test-support/alive';
import { nextTask } from '@w/test-support/next-task';
import {
  expectHeapNear,
  heapAfterCollection,
  progress,
  SOAK_OPS,
  soak,
} from '@w/test-support/soak';
import { WatcherSoak } from '@w/test-support/watcher-soak';
import { expect, it } from 'vitest';
import { getWeakRefCount, Ref, ref } from '../src';

// Soak (pnpm test:soak): refs with callbacks, SOAK_OPS random create/drop operations on refs
// and their targets, with a forced collection every few thousand. A ref kept when its target
// dies calls back exactly once; a ref dropped before its target dies never does.

it(`refs with callbacks: ${SOAK_OPS} random operations call back exactly as they should`, async () => {
  const subject = new WatcherSoak<Ref<Tracked>>({
    name: 'ref',
    create: (target, callback) => ref(target, callback),
    reused: (target) => {
      const got = ref(target);
      if (got.callback !== undefined) throw new Error('a reused ref has a callback');
      return got;
    },
    leadsTo: (kept, target) => kept.deref() === target,
    isCleared: (kept) => kept.deref() === undefined && kept.callback === undefined,
    countOf: getWeakRefCount,
  });
  await soak(subject, collectGarbage);
  expect(subject.kept.size).toBe(0);
});

// ---------------------------------------------------------------------------------------------

const BATCH = 10_000; // refs per task: `new WeakRef` keeps its target alive until the task ends

// The target is only ever read inside these synchronous helpers, never in the async test's
// frame, which could keep it alive across an await.
interface Holder {
  target?: object;
}

function makeAndDropRefs(holder: Holder, count: number, onCall: () => void): void {
  for (let i = 0; i < count; i++) new Ref(holder.target!, onCall);
}

function refCount(holder: Holder): number {
  return getWeakRefCount(holder.target);
}

// The target's list of watchers keeps dead refs until it is next swept (when it has doubled):
// bounded, so the baseline is taken after a first warm-up round.
const WARM_UP = 100_000;

it(`a long-lived target: ${SOAK_OPS} refs with callbacks made and dropped keep nothing`, async () => {
  let calls = 0;
  const onCall = () => calls++;
  const holder: Holder = { target: {} };
  const kept = new Ref(holder.target!, onCall); // one ref that must call back at the end
  let baseline: number | undefined;
  const report = progress();
  for (let done = 0; done < SOAK_OPS; ) {
    const count = Math.min(BATCH, SOAK_OPS - done);
    makeAndDropRefs(holder, count, onCall);
    done += count;
    report(`${done} of ${SOAK_OPS} refs made and dropped`);
    await nextTask();
    if (done % WARM_UP === 0 || done === SOAK_OPS) {
      const heap = await heapAfterCollection(collectGarbage);
      baseline ??= heap;
      expectHeapNear(heap, baseline, `after ${done} refs`);
      expect(refCount(holder)).toBe(1);
    }
  }
  expect(calls).toBe(0);
  holder.target = undefined;
  await collectGarbage();
  expect(calls).toBe(1); // only the ref that was kept
  expect(kept.deref()).toBeUndefined();
});
