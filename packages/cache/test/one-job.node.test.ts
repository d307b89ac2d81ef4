import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildForChildren } from '@w/test-support/build-for-children';
import { afterAll, beforeAll, expect, it } from 'vitest';

// Node only (a child process). `new WeakRef(x)` and `deref()` keep `x` alive until the job
// ends, and V8 aborts a job that kept about 2^24 distinct objects (docs/limits.md): a cache
// whose hits deref pins every value a synchronous loop reads. A hot read (a get of a strong
// entry) must touch no WeakRef and allocate nothing, so 2^25 of them run in one job. The
// child counts what WeakRefs keep (a WeakRef that records it, installed before the package
// loads) and the collections during the loop (an allocating get would cause dozens).

const HOT_GETS = 2 ** 25;
const STRONG = 1024;

let built: Awaited<ReturnType<typeof buildForChildren>>;
beforeAll(async () => {
  built = await buildForChildren({
    cache: fileURLToPath(new URL('../src/index.ts', import.meta.url)),
  });
}, 120_000);
afterAll(() => built?.remove());

it(`${HOT_GETS} hot gets in one synchronous job keep nothing and allocate nothing`, () => {
  const script = join(built.dir, 'hot-gets.mjs');
  writeFileSync(
    script,
    `const kept = new Set();
    let made = 0;
    const Native = WeakRef;
    globalThis.WeakRef = class CountingWeakRef extends Native {
      constructor(target) { super(target); made++; kept.add(target); }
      deref() { const v = super.deref(); if (v !== undefined) kept.add(v); return v; }
    };
    const { WeakCache } = await import('./cache.js');
    const { GCProfiler } = await import('node:v8');
    const cache = new WeakCache({ strong: ${STRONG} });
    // Keys 0..STRONG-1 go weak (kept alive here), STRONG..2*STRONG-1 stay strong.
    const values = Array.from({ length: ${2 * STRONG} }, (_, i) => ({ i }));
    for (let i = 0; i < values.length; i++) cache.set(i, values[i]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const madeByFill = made;
    made = 0;
    kept.clear();
    globalThis.gc();
    const profiler = new GCProfiler();
    profiler.start();
    let hits = 0;
    for (let n = 0; n < ${HOT_GETS}; n++) {
      if (cache.get(${STRONG} + (n & ${STRONG - 1})) !== undefined) hits++;
    }
    const collections = profiler.stop().statistics.length;
    console.log(JSON.stringify({ madeByFill, hits, made, kept: kept.size, collections }));`,
  );
  const out = execFileSync(process.execPath, ['--expose-gc', script], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  const result = JSON.parse(out);
  // One WeakRef per demotion, none for the strong; four made once (the weak tier's registry,
  // core's two process-wide registries and its weakable check).
  expect(result.madeByFill).toBeGreaterThanOrEqual(STRONG);
  expect(result.madeByFill).toBeLessThanOrEqual(STRONG + 4);
  expect(result.hits).toBe(HOT_GETS);
  expect(result.made).toBe(0);
  expect(result.kept).toBe(0);
  // An allocating get (even 16 bytes) fills the young generation hundreds of times over.
  expect(result.collections).toBeLessThanOrEqual(1);
}, 180_000);
