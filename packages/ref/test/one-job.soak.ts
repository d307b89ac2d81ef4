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
// job in a child process and exit cleanly.
//
// The 12 million calls that show it past 8.4 million (where two kept objects per call
// aborted) use symbols as targets. Objects cannot get there in time: past about 2M live keys
// every WeakMap insert slows down (V8's ~2^21 object identity hashes, docs/limits.md), and
// ref() keeps a WeakMap from targets to their refs; a symbol's hash has more bits.
const CALLS = readCount('SOAK_ONE_JOB_CALLS', 1_000_000);
const SYMBOL_CALLS = readCount('SOAK_ONE_JOB_SYMBOL_CALLS', 12_000_000);
// Room to spare: near its limit the heap collects so often that 12M calls take minutes more.
const heapMb = (calls: number) => Math.max(2048, Math.ceil((calls * 1000) / 2 ** 20));

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

// Runs `call` that many times in one synchronous job in a child process: it must end cleanly.
function runOneJob(name: string, calls: number, makeTarget: string, call: string): void {
  const script = join(built.dir, `one-job-${name.replace(/\W/g, '-')}.mjs`);
  writeFileSync(
    script,
    `import { ref, KeyedRef, WeakMethod } from './ref.js';
    import { proxy } from './proxy.js';
    import { finalize } from './finalize.js';
    const proto = { method() {} };
    const callback = () => {};
    const start = performance.now();
    for (let i = 0; i < ${calls}; i++) {
      const o = ${makeTarget};
      ${call};
    }
    console.log(JSON.stringify({ calls: ${calls}, ms: Math.round(performance.now() - start) }));`,
  );
  const child = spawnSync(process.execPath, [`--max-old-space-size=${heapMb(calls)}`, script], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  expect(child.stderr.slice(0, 2000)).toBe('');
  expect([child.status, child.signal]).toEqual([0, null]);
  const result = JSON.parse(child.stdout);
  console.log(`${name}: ${result.calls} calls in one job, ${result.ms} ms`);
  expect(result.calls).toBe(calls);
}

it.each(Object.keys(TOOLS))(`%s: ${CALLS} calls in one synchronous job`, (tool) => {
  runOneJob(tool, CALLS, 'Object.create(proto)', TOOLS[tool] as string);
});

it(`ref(symbol): ${SYMBOL_CALLS} calls in one synchronous job`, () => {
  runOneJob('ref(symbol)', SYMBOL_CALLS, 'Symbol(i)', 'ref(o)');
});
