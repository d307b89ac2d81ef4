import { expect } from 'vitest';
import { Alive, type Tracked } from './alive';
import { IdPool, type SoakSubject } from './soak';

/** What differs between refs and proxies with callbacks, for `WatcherSoak`. */
export interface WatcherKind<W> {
  /** `'ref'` or `'proxy'`, for messages. */
  readonly name: string;
  create(target: Tracked, callback: (dead: W) => void): W;
  /** The reused callback-less watcher of `target` (`ref(target)`, `proxy(target)`). */
  reused(target: Tracked): W;
  /** Whether `watcher` still leads to `target`. */
  leadsTo(watcher: W, target: Tracked): boolean;
  /** Whether `watcher` shows that its target is gone and it has called back. */
  isCleared(watcher: W): boolean;
  /** `getWeakRefCount(target)`. */
  countOf(target: Tracked): number;
}

const TARGET_CAP = 1000; // targets kept alive at once
const WATCHER_CAP = 3000; // watchers kept at once

/**
 * A soak model for refs or proxies with callbacks: random create/reuse/use/drop operations
 * on watchers and their targets. One kept when its target dies calls back exactly once and
 * is cleared; one dropped before its target dies never calls back.
 */
export class WatcherSoak<W> implements SoakSubject {
  readonly targets = new Alive();
  readonly kept = new Map<number, { watcher: W; targetId: number }>();
  readonly keptPool = new IdPool();
  readonly reused = new Map<number, W>(); // target id -> its callback-less watcher, kept
  // Dropped since the last collection: if their target died in the same collection, they
  // may or may not call back (both are collected at once), but at most once.
  readonly droppedLately = new Set<number>();
  readonly calls = new Map<number, number>(); // watcher id -> callbacks since the last check
  nextId = 0;

  constructor(readonly kind: WatcherKind<W>) {}

  step(random: () => number): void {
    const roll = random();
    if (this.targets.size > TARGET_CAP || roll < 0.1) this.targets.dropOne(random);
    else if (this.keptPool.size > WATCHER_CAP || roll < 0.3) this.drop(random);
    else if (roll < 0.7) this.create(random);
    else if (roll < 0.8) this.reuse(random);
    else this.use(random);
  }

  create(random: () => number): void {
    const target = this.targets.pickOrAdd(random);
    const id = this.nextId++;
    // The callback knows only the watcher's id: it must keep neither it nor the target alive.
    const created = this.kind.create(target, (dead) => this.calledBack(id, dead));
    if (random() < 0.2) {
      this.droppedLately.add(id); // dropped at once
      return;
    }
    this.kept.set(id, { watcher: created, targetId: target.id });
    this.keptPool.add(id);
  }

  calledBack(id: number, dead: W): void {
    const { name } = this.kind;
    const kept = this.kept.get(id);
    if (kept !== undefined && kept.watcher !== dead) throw new Error(`${name} ${id}: wrong one`);
    if (!this.kind.isCleared(dead)) throw new Error(`${name} ${id}: called back but not cleared`);
    this.calls.set(id, (this.calls.get(id) ?? 0) + 1);
  }

  reuse(random: () => number): void {
    const target = this.targets.pickOrAdd(random);
    const got = this.kind.reused(target);
    const kept = this.reused.get(target.id);
    if (kept !== undefined && kept !== got) {
      throw new Error(`${this.kind.name}(${target.id}) not reused`);
    }
    if (random() < 0.5) this.reused.set(target.id, got);
    else this.reused.delete(target.id);
  }

  use(random: () => number): void {
    const id = this.keptPool.pick(random);
    if (id === undefined) return;
    const { watcher, targetId } = this.kept.get(id)!;
    const target = this.targets.get(targetId);
    if (target !== undefined && !this.kind.leadsTo(watcher, target)) {
      throw new Error(`${this.kind.name} ${id} lost its target`);
    }
  }

  drop(random: () => number): void {
    const id = this.keptPool.pick(random);
    if (id === undefined) return;
    this.keptPool.delete(id);
    this.kept.delete(id);
    this.droppedLately.add(id);
  }

  check(): void {
    const { name } = this.kind;
    const perTarget = new Map<number, number>();
    const count = (targetId: number) => perTarget.set(targetId, (perTarget.get(targetId) ?? 0) + 1);
    for (const [id, { watcher, targetId }] of this.kept) {
      const target = this.targets.get(targetId);
      const calls = this.calls.get(id) ?? 0;
      this.calls.delete(id);
      if (target === undefined) {
        // Its target was collected: called back exactly once, and cleared.
        if (calls !== 1 || !this.kind.isCleared(watcher)) {
          throw new Error(`${name} ${id}: ${calls} callbacks after its target died`);
        }
        this.kept.delete(id);
        this.keptPool.delete(id);
      } else {
        if (calls !== 0 || !this.kind.leadsTo(watcher, target)) {
          throw new Error(`${name} ${id}: ${calls} callbacks while its target lives`);
        }
        count(targetId);
      }
    }
    for (const [id, calls] of this.calls) {
      if (!this.droppedLately.has(id) || calls > 1) {
        throw new Error(`dropped ${name} ${id} called back ${calls} times`);
      }
    }
    this.calls.clear();
    this.droppedLately.clear();
    for (const targetId of this.reused.keys()) {
      if (this.targets.has(targetId)) count(targetId);
      else this.reused.delete(targetId);
    }
    // Dropped watchers were collected: getWeakRefCount counts exactly the kept ones.
    for (const [targetId, target] of this.targets.entries()) {
      expect(this.kind.countOf(target), `${name}s of target ${targetId}`).toBe(
        perTarget.get(targetId) ?? 0,
      );
    }
  }

  dropAll(): void {
    this.targets.clear();
  }
}
