import { collectGarbage } from '@w/core/testing';
import { getWeakRefCount } from '@w/ref';
import { expect, it } from 'vitest';
import { IdPool, SOAK_OPS, type SoakSubject, soak } from '../../../test-support/soak';
import { isProxy, proxy } from '../src';

// Soak (pnpm test:soak): proxies with callbacks, SOAK_OPS random create/use/drop operations
// on proxies and their targets, with a forced collection every few thousand. A proxy kept
// when its target dies calls back exactly once and then throws on use; one dropped before
// its target dies never calls back.

interface Target {
  readonly id: number;
}

const TARGET_CAP = 1000; // targets kept alive at once
const PROXY_CAP = 3000; // proxies kept at once

class ProxySoak implements SoakSubject {
  readonly targets = new Map<number, Target>(); // the only strong references to targets
  readonly targetPool = new IdPool();
  readonly proxies = new Map<number, { proxy: Target; targetId: number }>(); // proxies kept
  readonly proxyPool = new IdPool();
  readonly reused = new Map<number, Target>(); // target id -> its callback-less proxy, kept
  // Proxies dropped since the last collection: if their target died in the same collection,
  // they may or may not call back (both are collected at once), but at most once.
  readonly droppedLately = new Set<number>();
  readonly calls = new Map<number, number>(); // proxy id -> callbacks seen since the last check
  nextId = 0;

  step(random: () => number): void {
    const roll = random();
    if (this.targetPool.size > TARGET_CAP || roll < 0.1) this.dropTarget(random);
    else if (this.proxyPool.size > PROXY_CAP || roll < 0.3) this.dropProxy(random);
    else if (roll < 0.65) this.newProxy(random);
    else if (roll < 0.75) this.reusedProxy(random);
    else this.use(random);
  }

  target(random: () => number): [number, Target] {
    const id = random() < 0.2 ? undefined : this.targetPool.pick(random);
    if (id !== undefined) return [id, this.targets.get(id)!];
    const target = { id: this.nextId++ };
    this.targets.set(target.id, target);
    this.targetPool.add(target.id);
    return [target.id, target];
  }

  newProxy(random: () => number): void {
    const [targetId, target] = this.target(random);
    const proxyId = this.nextId++;
    // The callback knows only the proxy's id: it must not keep the proxy or the target alive.
    const created = proxy(target, (dead) => this.calledBack(proxyId, dead));
    if (random() < 0.2) {
      this.droppedLately.add(proxyId); // dropped at once
      return;
    }
    this.proxies.set(proxyId, { proxy: created, targetId });
    this.proxyPool.add(proxyId);
  }

  calledBack(proxyId: number, dead: Target): void {
    const kept = this.proxies.get(proxyId);
    if (kept !== undefined && kept.proxy !== dead) throw new Error(`proxy ${proxyId}: wrong one`);
    if (!throwsOnUse(dead)) throw new Error(`proxy ${proxyId}: called back while alive`);
    this.calls.set(proxyId, (this.calls.get(proxyId) ?? 0) + 1);
  }

  reusedProxy(random: () => number): void {
    const [targetId, target] = this.target(random);
    const got = proxy(target);
    const kept = this.reused.get(targetId);
    if (kept !== undefined && kept !== got) throw new Error(`proxy(${targetId}) not reused`);
    if (random() < 0.5) this.reused.set(targetId, got);
    else this.reused.delete(targetId);
  }

  use(random: () => number): void {
    const proxyId = this.proxyPool.pick(random);
    if (proxyId === undefined) return;
    const { proxy: kept, targetId } = this.proxies.get(proxyId)!;
    if (this.targets.has(targetId) && kept.id !== targetId) throw new Error(`proxy ${proxyId}`);
  }

  dropProxy(random: () => number): void {
    const proxyId = this.proxyPool.pick(random);
    if (proxyId === undefined) return;
    this.proxyPool.delete(proxyId);
    this.proxies.delete(proxyId);
    this.droppedLately.add(proxyId);
  }

  dropTarget(random: () => number): void {
    const id = this.targetPool.pick(random);
    if (id === undefined) return;
    this.targetPool.delete(id);
    this.targets.delete(id);
  }

  check(): void {
    const proxiesPerTarget = new Map<number, number>();
    for (const [proxyId, { proxy: kept, targetId }] of this.proxies) {
      const calls = this.calls.get(proxyId) ?? 0;
      this.calls.delete(proxyId);
      if (!isProxy(kept)) throw new Error(`proxy ${proxyId}: isProxy is false`);
      if (!this.targets.has(targetId)) {
        // Its target was collected: called back exactly once, and every use throws.
        if (calls !== 1 || !throwsOnUse(kept)) {
          throw new Error(`proxy ${proxyId}: ${calls} callbacks after its target died`);
        }
        this.proxies.delete(proxyId);
        this.proxyPool.delete(proxyId);
      } else {
        if (calls !== 0 || kept.id !== targetId) throw new Error(`proxy ${proxyId}: ${calls}`);
        proxiesPerTarget.set(targetId, (proxiesPerTarget.get(targetId) ?? 0) + 1);
      }
    }
    for (const [proxyId, calls] of this.calls) {
      if (!this.droppedLately.has(proxyId) || calls > 1) {
        throw new Error(`dropped proxy ${proxyId} called back ${calls} times`);
      }
    }
    this.calls.clear();
    this.droppedLately.clear();
    for (const targetId of this.reused.keys()) {
      if (this.targets.has(targetId)) {
        proxiesPerTarget.set(targetId, (proxiesPerTarget.get(targetId) ?? 0) + 1);
      } else {
        this.reused.delete(targetId);
      }
    }
    // Dropped proxies were collected: getWeakRefCount counts exactly the kept ones.
    for (const [targetId, target] of this.targets) {
      expect(getWeakRefCount(target), `proxies of target ${targetId}`).toBe(
        proxiesPerTarget.get(targetId) ?? 0,
      );
    }
  }

  dropAll(): void {
    this.targets.clear();
    this.targetPool.clear();
  }
}

function throwsOnUse(dead: Target): boolean {
  try {
    void dead.id;
    return false;
  } catch (error) {
    return error instanceof ReferenceError;
  }
}

it(`proxies with callbacks: ${SOAK_OPS} random operations call back exactly as they should`, async () => {
  const subject = new ProxySoak();
  await soak(subject, collectGarbage);
  expect(subject.proxies.size).toBe(0);
});
