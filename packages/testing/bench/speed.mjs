// The speed goal of @w/testing: a passing `expectCollected` costs at most 3× one
// `collectGarbage()` on the same heap, on a small heap and with ~20 MB live. Runs on the built
// package (`pnpm bench:testing` builds it first) and prints the median of each, in ms, and
// their ratio. A report, not a test: speed is never timed in the suite.
//
//   node --expose-gc packages/testing/bench/speed.mjs [rounds]
//   deno run -A --v8-flags=--expose-gc packages/testing/bench/speed.mjs
//   bun packages/testing/bench/speed.mjs
import { collectGarbage, expectCollected, probe } from '@w/testing';

const ROUNDS = Number(process.argv[2] ?? 30);
const LIVE_MB = 20;

// Made in a synchronous function: no frame of the caller holds the object.
function dropped() {
  return probe({ dropped: true }, 'dropped');
}

async function time(run) {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

// Alternates the two, so that both see the same heap and the same state of the JIT.
async function measure(heap) {
  for (let i = 0; i < 5; i++) {
    await collectGarbage();
    await expectCollected(dropped());
  }
  const gc = [];
  const passing = [];
  for (let i = 0; i < ROUNDS; i++) {
    gc.push(await time(() => collectGarbage()));
    passing.push(await time(() => expectCollected(dropped())));
  }
  return {
    heap,
    'heap used (MB)': Math.round(process.memoryUsage().heapUsed / 2 ** 20),
    'collectGarbage() (ms)': round(median(gc)),
    'expectCollected() (ms)': round(median(passing)),
    ratio: round(median(passing) / median(gc)),
  };
}

// About `mb` MB of small live objects (what a test runner's heap holds: many, not one buffer).
function allocate(mb) {
  const live = [];
  const perObject = 64; // an object with two fields and its array slot, roughly
  for (let i = 0; i < (mb * 2 ** 20) / perObject; i++) live.push({ i, s: `x${i}` });
  return live;
}

const rows = [await measure('small')];
const live = allocate(LIVE_MB);
rows.push(await measure(`~${LIVE_MB} MB live`));
console.log(`${ROUNDS} rounds each, medians, on ${runtime()}`);
console.table(rows);
if (live.length === 0) throw new Error('unreachable: keeps the live objects to the end');

function runtime() {
  const { Bun, Deno } = globalThis;
  if (Bun) return `bun ${Bun.version}`;
  if (Deno) return `deno ${Deno.version.deno}`;
  return `node ${process.version}`;
}

function round(value) {
  return Math.round(value * 100) / 100;
}
