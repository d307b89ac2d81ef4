import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildForChildren } from '@w/test-support/build-for-children';
import { readCount } from '@w/test-support/soak';
import { afterAll, beforeAll, expect, it } from 'vitest';

// Soak (pnpm test:soak), Node only. V8 aborts a job (uncatchably) that kept about 2^24
// objects alive. Each call of a tool keeps one, its target, as `new WeakRef` does
// (kept-per-call.node.test.ts counts it), so SOAK_ONE_JOB_CALLS calls run in one synchronous
// job in a child process and exit cleanly. The default is 1 million: the 12 million that
// prove the point past 8.4 million (where two kept objects per call aborted) take hours,
// because past about 2M keys every WeakMap insert slows down (V8's ~2^21 identity hashes,
// docs/limits.md), and ref() keeps a WeakMap from targets to their refs. Run it by hand.

const CALLS = readCount('SOAK_ONE_JOB_CALLS', 1_000_000);
const HEAP_MB = Math.max(2048, Math.ceil((CALLS * 400) / 2 ** 20));

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

const TOOLS: Record<string, string> = {
  'ref(o)': 'ref(o)',
  'ref(o, callback)': 'ref(o, callback)',
  KeyedRef: 'new KeyedRef(o, callback, i)',
  WeakMethod: "new WeakMethod(o, 'method')",
  'proxy(o)': 'proxy(o)',
  'finalize(o, f)': 'finalize(o, callback)',
};

it.each(Object.keys(TOOLS))(`%s: ${CALLS} calls in one synchronous job`, (tool) => {
  const script = join(built.dir, `one-job-${tool.replace(/\W/g, '-')}.mjs`);
  writeFileSync(
    script,
    `import { ref, KeyedRef, WeakMethod } from './ref.js';
    import { proxy } from './proxy.js';
    import { finalize } from './finalize.js';
    const proto = { method() {} };
    const callback = () => {};
    const start = performance.now();
    for (let i = 0; i < ${CALLS}; i++) {
      const o = Object.create(proto);
      ${TOOLS[tool]};
    }
    console.log(JSON.stringify({ calls: ${CALLS}, ms: Math.round(performance.now() - start) }));`,
  );
  const child = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, script], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  expect(child.stderr.slice(0, 2000)).toBe('');
  expect([child.status, child.signal]).toEqual([0, null]);
  const { calls, ms } = JSON.parse(child.stdout);
  console.log(`${tool}: ${calls} calls in one job, ${ms} ms`);
  expect(calls).toBe(CALLS);
});
