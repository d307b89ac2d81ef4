import { collectGarbage } from '@w/core/testing';
import { expect, it } from 'vitest';
import {
  expectHeapNear,
  heapAfterCollection,
  IdPool,
  nextTask,
  SOAK_OPS,
  type SoakSubject,
  soak,
} from '../../../test-support/soak';
import { getWeakRefCount, Ref, ref } from '../src';

// Soak (pnpm test:soak): refs with callbacks, SOAK_OPS random create/drop operations on refs
// and their targets, with a forced collection every few thousand. A ref kept when its target
// dies calls back exactly once; a ref dropped before its target dies never does.

interface Target {
  readonly id: number;
}

const TARGET_CAP = 1000; // targets kept alive at once
const REF_CAP = 3000; // refs kept at once

class RefSoak implements SoakSubject {
  readonly targets = new Map<number, Target>(); // the only strong references to targets
  readonly targetPool = new IdPool();
  readonly refs = new Map<number, { ref: Ref<Target>; targetId: number }>(); // refs kept
  readonly refPool = new IdPool();
  readonly reused = new Map<number, Ref<Target>>(); // target id -> its callback-less ref, kept
  // Refs dropped since the last collection: if their target died in the same collection,
  // they may or may not call back (both are collected at once), but at most once.
  readonly droppedLately = new Set<number>();
  readonly calls = new Map<number, number>(); // ref id -> callbacks seen since the last check
  nextId = 0;

  step(random: () => number): void {
    const roll = random();
    if (this.targetPool.size > TARGET_CAP || roll < 0.1) this.dropTarget(random);
    else if (this.refPool.size > REF_CAP || roll < 0.3) this.dropRef(random);
    else if (roll < 0.7) this.newRef(random);
    else if (roll < 0.8) this.reusedRef(random);
    else this.read(random);
  }

  target(random: () => number): [number, Target] {
    const id = random() < 0.2 ? undefined : this.targetPool.pick(random);
    if (id !== undefined) return [id, this.targets.get(id)!];
    const target = { id: this.nextId++ };
    this.targets.set(target.id, target);
    this.targetPool.add(target.id);
    return [target.id, target];
  }

  newRef(random: () => number): void {
    const [targetId, target] = this.target(random);
    const refId = this.nextId++;
    // The callback knows only the ref's id: it must not keep the ref or the target alive.
    const created = ref(target, (dead) => this.calledBack(refId, dead));
    if (random() < 0.2) {
      this.droppedLately.add(refId); // dropped at once
      return;
    }
    this.refs.set(refId, { ref: created, targetId });
    this.refPool.add(refId);
  }

  calledBack(refId: number, dead: Ref<Target>): void {
    const kept = this.refs.get(refId);
    if (kept !== undefined && kept.ref !== dead) throw new Error(`ref ${refId}: wrong ref`);
    if (dead.deref() !== undefined) throw new Error(`ref ${refId}: called while alive`);
    this.calls.set(refId, (this.calls.get(refId) ?? 0) + 1);
  }

  reusedRef(random: () => number): void {
    const [targetId, target] = this.target(random);
    const got = ref(target);
    const kept = this.reused.get(targetId);
    if (kept !== undefined && kept !== got) throw new Error(`ref(${targetId}) not reused`);
    if (got.callback !== undefined) throw new Error('a reused ref has a callback');
    if (random() < 0.5) this.reused.set(targetId, got);
    else this.reused.delete(targetId);
  }

  read(random: () => number): void {
    const refId = this.refPool.pick(random);
    if (refId === undefined) return;
    const { ref: kept, targetId } = this.refs.get(refId)!;
    const target = this.targets.get(targetId);
    if (target !== undefined && kept.deref() !== target) throw new Error(`ref ${refId} lost`);
  }

  dropRef(random: () => number): void {
    const refId = this.refPool.pick(random);
    if (refId === undefined) return;
    this.refPool.delete(refId);
    this.refs.delete(refId);
    this.droppedLately.add(refId);
  }

  dropTarget(random: () => number): void {
    const id = this.targetPool.pick(random);
    if (id === undefined) return;
    this.targetPool.delete(id);
    this.targets.delete(id);
  }

  check(): void {
    const refsPerTarget = new Map<number, number>();
    for (const [refId, { ref: kept, targetId }] of this.refs) {
      const target = this.targets.get(targetId);
      const calls = this.calls.get(refId) ?? 0;
      this.calls.delete(refId);
      if (target === undefined) {
        // Its target was collected: called back exactly once, and done.
        if (calls !== 1 || kept.deref() !== undefined || kept.callback !== undefined) {
          throw new Error(`ref ${refId}: ${calls} callbacks after its target died`);
        }
        this.refs.delete(refId);
        this.refPool.delete(refId);
      } else {
        if (calls !== 0 || kept.deref() !== target) throw new Error(`ref ${refId}: ${calls} calls`);
        refsPerTarget.set(targetId, (refsPerTarget.get(targetId) ?? 0) + 1);
      }
    }
    for (const [refId, calls] of this.calls) {
      if (!this.droppedLately.has(refId) || calls > 1) {
        throw new Error(`dropped ref ${refId} called back ${calls} times`);
      }
    }
    this.calls.clear();
    this.droppedLately.clear();
    for (const targetId of this.reused.keys()) {
      if (this.targets.has(targetId))
        refsPerTarget.set(targetId, (refsPerTarget.get(targetId) ?? 0) + 1);
      else this.reused.delete(targetId);
    }
    // Dropped refs were collected: getWeakRefCount counts exactly the kept ones.
    for (const [targetId, target] of this.targets) {
      expect(getWeakRefCount(target), `refs to target ${targetId}`).toBe(
        refsPerTarget.get(targetId) ?? 0,
      );
    }
  }

  dropAll(): void {
    this.targets.clear();
    this.targetPool.clear();
  }
}

it(`refs with callbacks: ${SOAK_OPS} random operations call back exactly as they should`, async () => {
  const subject = new RefSoak();
  await soak(subject, collectGarbage);
  expect(subject.refs.size).toBe(0);
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
  for (let done = 0; done < SOAK_OPS; ) {
    const count = Math.min(BATCH, SOAK_OPS - done);
    makeAndDropRefs(holder, count, onCall);
    done += count;
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
