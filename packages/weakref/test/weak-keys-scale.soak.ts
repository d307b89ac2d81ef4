import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildForChildren } from '@w/test-support/build-for-children';
import { announce, readCount, SOAK_OPS } from '@w/test-support/soak';
import { afterAll, beforeAll, expect, it } from 'vitest';

// Soak (pnpm test:soak), Node only: WeakKeyMap and IterableWeakSet at scale, each measured
// against the native WeakMap/WeakSet in a process of its own (a shared heap and shared
// call-site feedback would skew both). The figures are printed; docs/limits.md gives them.
// Sized by SOAK_OPS as the other soaks: SOAK_OPS churn cycles and SOAK_OPS / 10 drained
// entries. The fill is not: its bound is about 3e6 keys, where V8's WeakMap tables degrade
// (below that ours is slower than 2x a native one); SOAK_FILL sets it.

const CHURN = SOAK_OPS;
const DRAIN = Math.max(1, Math.round(SOAK_OPS / 10));
const FILL = readCount('SOAK_FILL', 3_000_000);

let built: Awaited<ReturnType<typeof buildForChildren>>;
beforeAll(async () => {
  announce('building @w/weakref for the child processes');
  built = await buildForChildren({
    weakref: fileURLToPath(new URL('../src/index.ts', import.meta.url)),
  });
}, 120_000);
afterAll(() => built?.remove());

// What each subject does: `put(c, key)` adds, `remove(c, key)` deletes, `take(c)` pops.
const SUBJECTS: Record<string, string> = {
  WeakMap: `const make = () => new WeakMap(), put = (c, k) => c.set(k, 1), remove = (c, k) => c.delete(k);`,
  WeakSet: `const make = () => new WeakSet(), put = (c, k) => c.add(k), remove = (c, k) => c.delete(k);`,
  WeakKeyMap: `const make = () => new WeakKeyMap(), put = (c, k) => c.set(k, 1), remove = (c, k) => c.delete(k), take = (c) => c.popItem();`,
  IterableWeakSet: `const make = () => new IterableWeakSet(), put = (c, k) => c.add(k), remove = (c, k) => c.delete(k), take = (c) => c.pop();`,
  // The least an iterable weak-keyed container does per new key: a lookup entry and a WeakRef.
  'WeakMap + WeakRef': `const make = () => new WeakMap(), put = (c, k) => c.set(k, new WeakRef(k));`,
};

const MEASURES: Record<string, string> = {
  // MB left after collection by CHURN put/remove cycles, one entry alive at a time.
  churn: `
    const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
    const heap = async () => { for (let i = 0; i < 10; i++) { gc(); await nextTask(); } return process.memoryUsage().heapUsed; };
    const c = make();
    const before = await heap();
    (() => { for (let i = 0; i < ${CHURN}; i++) { const k = {}; put(c, k); remove(c, k); } })();
    const after = await heap();
    result = (after - before) / 2 ** 20;`,
  // Draining DRAIN live entries by pop over deleting them, best of three each.
  drain: `
    const best = (empty) => {
      let ms = Infinity;
      for (let round = 0; round < 3; round++) {
        const keys = Array.from({ length: ${DRAIN} }, (_, i) => ({ i }));
        const c = make();
        for (const k of keys) put(c, k);
        const start = performance.now();
        empty(c, keys);
        ms = Math.min(ms, performance.now() - start);
        if (c.size !== 0) throw new Error('not drained');
      }
      return ms;
    };
    const byDelete = best((c, keys) => { for (const k of keys) remove(c, k); });
    const byPop = best((c) => { for (let i = 0; i < ${DRAIN}; i++) take(c); });
    result = byPop / byDelete;`,
  // Seconds to put FILL keys, all kept alive.
  fill: `
    const keys = new Array(${FILL});
    const c = make();
    const start = performance.now();
    for (let i = 0; i < ${FILL}; i++) put(c, (keys[i] = { i }));
    result = (performance.now() - start) / 1000;`,
};

function measure(subject: string, what: string): number {
  announce(`${subject}: measuring ${what}, in a child process`);
  const script = join(built.dir, `${subject}-${what}.mjs`);
  writeFileSync(
    script,
    `import { WeakKeyMap, IterableWeakSet } from './weakref.js';
    ${SUBJECTS[subject]}
    let result;
    ${MEASURES[what]}
    console.log(JSON.stringify(result));`,
  );
  const child = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=4096', script], {
    encoding: 'utf8',
  });
  expect(child.stderr.slice(0, 2000)).toBe('');
  expect(child.status).toBe(0);
  return JSON.parse(child.stdout) as number;
}

const FLOOR = 'WeakMap + WeakRef';
const PAIRS = [
  ['WeakKeyMap', 'WeakMap'],
  ['IterableWeakSet', 'WeakSet'],
] as const;

it.each(PAIRS)(
  `%s: ${CHURN} set/delete cycles leave ≤ 1 MB more than a native %s`,
  (ours, native) => {
    const [mine, theirs] = [measure(ours, 'churn'), measure(native, 'churn')];
    console.log(`${ours} churn: ${mine.toFixed(2)} MB left; ${native}: ${theirs.toFixed(2)} MB`);
    expect(mine).toBeLessThanOrEqual(theirs + 1);
  },
);

it.each(PAIRS)(`%s: draining ${DRAIN} live entries costs ≤ 3x deleting them`, (ours) => {
  const ratio = measure(ours, 'drain');
  console.log(`${ours} drain: ${ratio.toFixed(2)}x deleting`);
  expect(ratio).toBeLessThanOrEqual(3);
});

// Issue 12's bound is 2x the native container, set where V8 11 (Node 20) slows every
// WeakMap past about 2M keys. Newer V8 (Node 24) has no such cliff: a native WeakMap fills
// 3e6 keys in about 2 s, and `new WeakRef` per key alone costs 2.3-3.2x that, in any iterable
// design. There the bound is the floor of such a design: 1.5x a WeakMap with a WeakRef per
// key. One fill of either varies by 30% or more (the GC's share of it), and a busy machine
// slows them unevenly: ours and the floor run in turns, up to three rounds, and the best of
// each is compared. Being 1.2-1.4x the floor, ours passes in the first round on an idle
// machine; a regression to 2x fails all three.
const ROUNDS = 3;
it.each(PAIRS)(
  `%s: filling ${FILL} keys takes ≤ 2x a native %s, or ≤ 1.5x a WeakMap with a WeakRef per key`,
  (ours, native) => {
    const mine = measure(ours, 'fill');
    const theirs = measure(native, 'fill');
    console.log(`${ours} fill: ${mine.toFixed(1)} s; ${native}: ${theirs.toFixed(1)} s`);
    if (mine <= 2 * theirs) return;
    let [bestMine, floor] = [mine, Infinity];
    for (let round = 1; round <= ROUNDS; round++) {
      floor = Math.min(floor, measure(FLOOR, 'fill'));
      if (round > 1) bestMine = Math.min(bestMine, measure(ours, 'fill'));
      console.log(
        `${ours} fill, best of ${round}: ${bestMine.toFixed(1)} s; ${FLOOR}: ${floor.toFixed(1)} s`,
      );
      if (bestMine <= 1.5 * floor) break;
    }
    expect(bestMine).toBeLessThanOrEqual(1.5 * floor);
  },
);
