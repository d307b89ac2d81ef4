import { collectGarbage } from '@w/core/testing';
import { Alive, type Tracked } from '@w/test-support/alive';
import { IdPool, SOAK_OPS, type SoakSubject, soak } from '@w/test-support/soak';
import { expect, it } from 'vitest';
import { type Finalizer, finalize } from '../src';

// Soak (pnpm test:soak): SOAK_OPS random create/call/detach/drop operations on finalizers and
// their objects, with a forced collection every few thousand. A finalizer runs exactly once
// (by collection or by a call) unless detached, also when the Finalizer itself was dropped.

type Target = Tracked;

const TARGET_CAP = 1000; // objects kept alive at once
const FINALIZER_CAP = 3000; // finalizers not yet run or detached at once

class FinalizeSoak implements SoakSubject {
  readonly targets = new Alive(); // the objects the test keeps
  // Every finalizer that has neither run nor been detached: id -> its object's id.
  readonly pending = new Map<number, number>();
  readonly kept = new Map<number, Finalizer<Target, [number], void>>(); // Finalizers we hold
  readonly keptPool = new IdPool();
  readonly runs = new Map<number, number>(); // finalizer id -> runs since the last check
  nextId = 0;
  // One function for all: its only argument is the finalizer's id, never the object.
  readonly record = (finalizerId: number): void => {
    this.runs.set(finalizerId, (this.runs.get(finalizerId) ?? 0) + 1);
  };

  step(random: () => number): void {
    const roll = random();
    if (this.targets.size > TARGET_CAP || roll < 0.12) this.targets.dropOne(random);
    else if (this.pending.size > FINALIZER_CAP || roll < 0.2) this.detach(random);
    else if (roll < 0.6) this.create(random);
    else if (roll < 0.7) this.callEarly(random);
    else if (roll < 0.8) this.toggleAtexit(random);
    else if (roll < 0.9) this.dropFinalizer(random);
    else this.peek(random);
  }

  create(random: () => number): void {
    const target = this.targets.pickOrAdd(random);
    const id = this.nextId++;
    const f = finalize(target, this.record, id);
    this.pending.set(id, target.id);
    if (random() < 0.5) {
      this.kept.set(id, f);
      this.keptPool.add(id);
    }
  }

  // A kept finalizer that has neither run nor been detached, with its object alive.
  pickLive(random: () => number): [number, Finalizer<Target, [number], void>] | undefined {
    const id = this.keptPool.pick(random);
    if (id === undefined) return undefined;
    const targetId = this.pending.get(id);
    if (targetId === undefined || !this.targets.has(targetId)) return undefined;
    return [id, this.kept.get(id)!];
  }

  callEarly(random: () => number): void {
    const picked = this.pickLive(random);
    if (picked === undefined) return;
    const [id, f] = picked;
    f();
    if (this.runs.get(id) !== 1 || f.alive || f() !== undefined) throw new Error(`call ${id}`);
    this.runs.delete(id);
    this.pending.delete(id);
  }

  detach(random: () => number): void {
    const picked = this.pickLive(random);
    if (picked === undefined) return;
    const [id, f] = picked;
    const info = f.detach();
    const target = this.targets.get(this.pending.get(id)!);
    if (info?.[0] !== target || info?.[2][0] !== id || f.alive) throw new Error(`detach ${id}`);
    this.pending.delete(id);
  }

  toggleAtexit(random: () => number): void {
    const picked = this.pickLive(random);
    if (picked !== undefined) picked[1].atexit = !picked[1].atexit;
  }

  peek(random: () => number): void {
    const picked = this.pickLive(random);
    if (picked === undefined) return;
    const [id, f] = picked;
    const target = this.targets.get(this.pending.get(id)!);
    if (f.peek()?.[0] !== target || !f.alive) throw new Error(`peek ${id}`);
  }

  // Dropping the Finalizer does not cancel it.
  dropFinalizer(random: () => number): void {
    const id = this.keptPool.pick(random);
    if (id === undefined) return;
    this.keptPool.delete(id);
    this.kept.delete(id);
  }

  check(): void {
    for (const [id, targetId] of this.pending) {
      const runs = this.runs.get(id) ?? 0;
      this.runs.delete(id);
      const targetAlive = this.targets.has(targetId);
      if (runs !== (targetAlive ? 0 : 1)) throw new Error(`finalizer ${id} ran ${runs} times`);
      if (!targetAlive) this.pending.delete(id);
      const f = this.kept.get(id);
      if (f !== undefined && f.alive !== targetAlive) throw new Error(`finalizer ${id}: alive`);
    }
    // Detached ones and ones already run never run (again).
    const [extra] = this.runs;
    if (extra !== undefined) throw new Error(`finalizer ${extra[0]} ran ${extra[1]} more times`);
    for (const [id, f] of this.kept) {
      if (!this.pending.has(id)) {
        if (f.alive) throw new Error(`finalizer ${id} still alive`);
        this.kept.delete(id);
        this.keptPool.delete(id);
      }
    }
  }

  dropAll(): void {
    this.targets.clear();
  }
}

it(`finalizers: ${SOAK_OPS} random operations run each exactly once, or never if detached`, async () => {
  const subject = new FinalizeSoak();
  await soak(subject, collectGarbage);
  expect(subject.pending.size).toBe(0);
  expect(subject.kept.size).toBe(0);
});
