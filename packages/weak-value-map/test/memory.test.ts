import { collectGarbage } from '@w/core/testing';
import { nextTask } from '@w/test-support/next-task';
import { describe, expect, it } from 'vitest';
import { WeakValueMap } from '../src';

const ROUNDS = 10;
const PER_ROUND = 100_000; // 1e6 operations in all
// A leaked registration (a registry cell with its token and entry) costs well over 100 bytes:
// 1e6 of them would be >100 MB. Allow a generous 16 MB for noise.
const MARGIN = 16 * 1024 * 1024;

async function heapAfterCollection(): Promise<number> {
  await collectGarbage();
  return process.memoryUsage().heapUsed;
}

// Rounds, with a task boundary between them, so no single task keeps 1e6 targets alive.
async function repeat(step: (i: number) => void): Promise<void> {
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < PER_ROUND; i++) step(i);
    await nextTask();
  }
}

describe('WeakValueMap leaks nothing', () => {
  it('overwriting one key 1e6 times with fresh values', async () => {
    const m = new WeakValueMap<string, object>();
    const before = await heapAfterCollection();
    await repeat((i) => m.set('key', { i }));
    const after = await heapAfterCollection();
    expect(after - before).toBeLessThan(MARGIN);
    expect(m.size).toBeLessThanOrEqual(1);
  });

  it('overwriting one key 1e6 times with two values that stay alive', async () => {
    const m = new WeakValueMap<string, object>();
    const values = [{ even: true }, { odd: true }];
    const before = await heapAfterCollection();
    await repeat((i) => m.set('key', values[i % 2]!));
    const after = await heapAfterCollection();
    expect(after - before).toBeLessThan(MARGIN);
    expect(m.get('key')).toBe(values[1]);
  });

  it('delete then set 1e6 times with a value that stays alive', async () => {
    const m = new WeakValueMap<string, object>();
    const value = { alive: true };
    const before = await heapAfterCollection();
    await repeat(() => {
      m.delete('key');
      m.set('key', value);
    });
    const after = await heapAfterCollection();
    expect(after - before).toBeLessThan(MARGIN);
    expect(m.size).toBe(1);
    expect(m.get('key')).toBe(value); // the value stayed alive, so its cells could pile up
  });
});

// Made and dropped in one job, then a gc() in that same job: a WeakRef made in a job keeps its
// target to the job's end, and a map (or a clear()) used to make one to what holds the map.
describe('WeakValueMap keeps nothing alive to the end of the job', () => {
  const gc = (globalThis as unknown as { gc: () => void }).gc;
  const COUNT = 10_000;

  it('a map made and dropped: at most 64 B each after a gc() in that job', async () => {
    await collectGarbage();
    const before = process.memoryUsage().heapUsed;
    (() => {
      for (let i = 0; i < COUNT; i++) new WeakValueMap();
    })();
    gc();
    expect((process.memoryUsage().heapUsed - before) / COUNT).toBeLessThanOrEqual(64);
  });

  it('clear(): at most 64 B each after a gc() in that job', async () => {
    const m = new WeakValueMap<string, object>();
    const value = {};
    await collectGarbage();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < COUNT; i++) {
      m.set('key', value);
      m.clear();
    }
    gc();
    expect((process.memoryUsage().heapUsed - before) / COUNT).toBeLessThanOrEqual(64);
    expect(m.size).toBe(0);
  });
});
