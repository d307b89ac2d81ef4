import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildForChildren } from '@w/test-support/build-for-children';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Node only (a child process). `new WeakRef(x)` and `deref()` keep `x` alive until the job
// ends, and V8 aborts a job that kept about 2^24 distinct objects (docs/limits.md). Each
// call of a tool may keep one object (its target), as `new WeakRef` does: counted here by a
// WeakRef that records what it keeps, installed before the packages load. The real limit,
// 12 million calls in one job, is run by one-job.soak.ts.

const src = (pkg: string) => fileURLToPath(new URL(`../../${pkg}/src/index.ts`, import.meta.url));
let built: Awaited<ReturnType<typeof buildForChildren>>;
beforeAll(async () => {
  built = await buildForChildren({
    ref: src('ref'),
    proxy: src('proxy'),
    finalize: src('finalize'),
  });
}, 120_000);
afterAll(() => built?.remove());

const CALLS = 1000;
const TOOLS = [
  'ref',
  'ref with callback',
  'new Ref',
  'KeyedRef',
  'WeakMethod',
  'proxy',
  'proxy with callback',
  'finalize',
] as const;

function keptPerCall(): Record<string, [number, number]> {
  const script = join(built.dir, 'kept-per-call.mjs');
  writeFileSync(
    script,
    `const kept = new Set();
    const Native = WeakRef;
    globalThis.WeakRef = class CountingWeakRef extends Native {
      constructor(target) { super(target); kept.add(target); }
      deref() { const v = super.deref(); if (v !== undefined) kept.add(v); return v; }
    };
    const { ref, Ref, KeyedRef, WeakMethod } = await import('./ref.js');
    const { proxy } = await import('./proxy.js');
    const { finalize } = await import('./finalize.js');
    const proto = { method() {} };
    const callback = () => {};
    const make = {
      ref: (o) => ref(o),
      'ref with callback': (o) => ref(o, callback),
      'new Ref': (o) => new Ref(o),
      KeyedRef: (o) => new KeyedRef(o, callback, 'key'),
      WeakMethod: (o) => new WeakMethod(o, 'method', callback),
      proxy: (o) => proxy(o),
      'proxy with callback': (o) => proxy(o, callback),
      finalize: (o) => finalize(o, callback),
    };
    const nextTask = () => new Promise((resolve) => setTimeout(resolve, 5));
    const result = {};
    const held = [];
    for (const [tool, call] of Object.entries(make)) {
      await nextTask();
      kept.clear();
      // One synchronous job; half the results are dropped at once, half are kept.
      for (let i = 0; i < ${CALLS}; i++) {
        const made = call(Object.create(proto));
        if (i % 2 === 0) held.push(made);
      }
      const inJob = kept.size / ${CALLS};
      kept.clear();
      await nextTask(); // the tasks after it
      await nextTask();
      result[tool] = [inJob, kept.size / ${CALLS}];
    }
    console.log(JSON.stringify(result));`,
  );
  return JSON.parse(execFileSync(process.execPath, [script], { encoding: 'utf8' }));
}

describe('objects one synchronous job keeps alive per call', () => {
  let measured: Record<string, [number, number]>;
  beforeAll(() => {
    measured = keptPerCall();
  });

  it.each(TOOLS)('%s keeps at most one (its target), like new WeakRef', (tool) => {
    const [inJob] = measured[tool]!;
    // WeakMethod also keeps its method once: one function for all calls.
    expect(inJob).toBeGreaterThanOrEqual(1);
    expect(inJob).toBeLessThanOrEqual(1 + 1 / CALLS);
  });

  it.each(TOOLS)('%s keeps at most two per call in the task that settles it', (tool) => {
    const [, after] = measured[tool]!;
    expect(after).toBeLessThanOrEqual(2);
  });
});
