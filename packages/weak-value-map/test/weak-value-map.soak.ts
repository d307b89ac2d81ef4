import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectGarbage } from '@w/core/testing';
import { Alive, type Tracked } from '@w/test-support/alive';
import { buildForChildren } from '@w/test-support/build-for-children';
import { announce, readCount, SOAK_OPS, type SoakSubject, soak } from '@w/test-support/soak';
import { expect, it } from 'vitest';
import { WeakValueMap } from '../src';

// Soak (pnpm test:soak): SOAK_OPS random set/replace/delete/drop operations on one map, with
// a forced collection every few thousand. The model is key -> value id plus the values the
// test keeps alive; a dropped value's entry must be gone after the next collection.

type Value = Tracked;

const KEYS = 4096; // keys are 0..KEYS-1, so sets often replace
const LIVE_CAP = 2000; // values kept alive at once: bounds what the heap may legitimately hold

class WeakValueMapSoak implements SoakSubject {
  readonly map = new WeakValueMap<number, Value>();
  readonly model = new Map<number, number>(); // key -> value id, dropped ones until checked
  readonly alive = new Alive(); // the values the test keeps

  step(random: () => number): void {
    const roll = random();
    const key = Math.floor(random() * KEYS);
    if (this.alive.size > LIVE_CAP || roll < 0.2) this.alive.dropOne(random);
    else if (roll < 0.45) this.set(key, this.valueFor(random));
    else if (roll < 0.6) this.delete(key);
    else if (roll < 0.7) this.replaceExisting(random);
    else if (roll < 0.85) this.read(key);
    else if (roll < 0.92) this.pop(key);
    else if (roll < 0.94) this.popItem();
    else this.getOrInsertComputed(key);
  }

  // A new value, or sometimes one already stored under another key.
  valueFor(random: () => number): Value {
    return (random() < 0.25 ? this.alive.pick(random) : undefined) ?? this.alive.add();
  }

  set(key: number, value: Value): void {
    this.map.set(key, value);
    this.model.set(key, value.id);
  }

  // Replacing a key whose value was dropped but not collected yet: the race that must not
  // let the old value's cleanup delete the new entry.
  replaceExisting(random: () => number): void {
    const key = Math.floor(random() * KEYS);
    if (this.model.has(key)) this.set(key, this.alive.add());
  }

  // What `key` holds for sure: its value, `undefined` (absent), or `null` when its value was
  // dropped and may or may not have been collected yet.
  expected(key: number): Value | undefined | null {
    const id = this.model.get(key);
    if (id === undefined) return undefined;
    return this.alive.get(id) ?? null;
  }

  read(key: number): void {
    const expected = this.expected(key);
    if (expected === null) return;
    const got = this.map.get(key);
    if (got !== expected || this.map.has(key) !== (expected !== undefined)) {
      throw new Error(`get(${key}) gave ${got?.id}, expected ${expected?.id}`);
    }
  }

  delete(key: number): void {
    const expected = this.expected(key);
    const deleted = this.map.delete(key);
    this.model.delete(key);
    if (expected !== null && deleted !== (expected !== undefined)) {
      throw new Error(`delete(${key}) gave ${deleted}, expected ${expected?.id}`);
    }
  }

  pop(key: number): void {
    const expected = this.expected(key);
    const popped = this.map.pop(key, undefined);
    this.model.delete(key);
    if (expected !== null && popped !== expected) {
      throw new Error(`pop(${key}) gave ${popped?.id}, expected ${expected?.id}`);
    }
  }

  // The newest live entry: whichever it is, it must be one the model has, with its value.
  popItem(): void {
    if (this.map.size === 0) return;
    let popped: [number, Value];
    try {
      popped = this.map.popItem();
    } catch (error) {
      // Right only when every entry left is dead.
      for (const id of this.model.values()) if (this.alive.has(id)) throw error;
      return;
    }
    const [key, value] = popped;
    if (this.model.get(key) !== value.id) throw new Error(`popItem gave ${key} -> ${value.id}`);
    this.model.delete(key);
  }

  getOrInsertComputed(key: number): void {
    const expected = this.expected(key);
    let made: Value | undefined;
    const got = this.map.getOrInsertComputed(key, () => {
      made = this.alive.add();
      return made;
    });
    if (got === made) this.model.set(key, got.id);
    else if (expected === undefined || (expected !== null && got !== expected)) {
      throw new Error(`getOrInsertComputed(${key}) gave ${got.id}, expected ${expected?.id}`);
    }
  }

  check(): void {
    for (const [key, id] of this.model) {
      const value = this.alive.get(id);
      if (value === undefined)
        this.model.delete(key); // collected: must be gone (size below)
      else if (this.map.get(key) !== value) throw new Error(`lost key ${key} (value ${id})`);
    }
    expect(this.map.size).toBe(this.model.size);
    let seen = 0;
    for (const [key, value] of this.map) {
      seen++;
      if (this.model.get(key) !== value.id) throw new Error(`unexpected entry ${key}`);
    }
    expect(seen).toBe(this.model.size);
  }

  dropAll(): void {
    this.alive.clear();
  }
}

it(`WeakValueMap: ${SOAK_OPS} random operations lose nothing, leave nothing, leak nothing`, async () => {
  const subject = new WeakValueMapSoak();
  await soak(subject, collectGarbage);
  expect(subject.map.size).toBe(0);
});

// Issue 12: draining 1e5 live entries with popItem() costs at most 3× deleting them.
it('WeakValueMap: draining 1e5 live entries with popItem() costs ≤ 3× deleting them', () => {
  const n = 100_000;
  const values = Array.from({ length: n }, (_, i) => ({ i }));
  const fill = () => {
    const map = new WeakValueMap<number, { i: number }>();
    for (let i = 0; i < n; i++) map.set(i, values[i]!);
    return map;
  };
  const time = (work: () => void) => {
    const start = performance.now();
    work();
    return performance.now() - start;
  };
  const ratios: number[] = [];
  for (let round = 0; round < 5; round++) {
    const deleted = fill();
    const deleting = time(() => {
      for (let i = 0; i < n; i++) deleted.delete(i);
    });
    const drained = fill();
    const draining = time(() => {
      for (let i = 0; i < n; i++) drained.popItem();
    });
    expect(drained.size).toBe(0);
    ratios.push(draining / deleting);
  }
  ratios.sort((x, y) => x - y);
  const median = ratios[2]!;
  console.log(
    `popItem drain / delete loop at 1e5: median ${median.toFixed(2)}x (${ratios.map((r) => r.toFixed(2)).join(', ')})`,
  );
  expect(median).toBeLessThanOrEqual(3);
});

// Issue 24: scale. SCALE entries (SOAK_SCALE, default 1e7) set in chunks of CHUNK, each chunk
// in a task of its own (a job that makes more than ~2^24 WeakRefs aborts), then got the same
// way, all values kept alive: first by the native design (`Map<K, WeakRef>` + one registration
// per entry, the WeakRef as token, as the bench's minimum), then by a WeakValueMap, in one
// child process of its own (a heap above Node's default limit, no Vitest in it). Each design's
// loops are their own source text, so neither inherits the other's call-site feedback. Ours
// stops once it has used 1.5x the native time, and says how far it got.
const SCALE = readCount('SOAK_SCALE', 10_000_000);
const CHUNK = 100_000;
const SCALE_BOUND = 1.5;

/**
 * Sets then gets SCALE keys on `map`, a task per chunk; stops past `budgetMs`. RSS: the most
 * seen at the end of a chunk, and the process's peak so far (maxRSS: both designs for ours).
 */
const scaleRun = `async (map, values, budgetMs) => {
  const start = performance.now();
  const over = () => performance.now() - start > budgetMs;
  let set = 0;
  let got = 0;
  let rss = 0;
  for (; set < ${SCALE} && !over(); await nextTask(), rss = Math.max(rss, process.memoryUsage.rss()))
    for (const end = Math.min(set + ${CHUNK}, ${SCALE}); set < end; set++) map.set(set, values[set]);
  for (let i = 0; i < ${SCALE} && set === ${SCALE} && !over(); await nextTask(), rss = Math.max(rss, process.memoryUsage.rss()))
    for (const end = Math.min(i + ${CHUNK}, ${SCALE}); i < end; i++) if (map.get(i) === values[i]) got++;
  const seconds = (performance.now() - start) / 1000;
  return { seconds, set, got, rssMb: rss / 2 ** 20, maxRssMb: process.resourceUsage().maxRSS / 1024 };
}`;

const scaleScript = `import { setImmediate as nextTask } from 'node:timers/promises';
import { WeakValueMap } from './weak-value-map.js';

class NativeValueMap {
  refs = new Map();
  registry = new FinalizationRegistry((key) => {
    const current = this.refs.get(key);
    if (current !== undefined && current.deref() === undefined) this.refs.delete(key);
  });
  get(key) {
    return this.refs.get(key)?.deref();
  }
  set(key, value) {
    const old = this.refs.get(key);
    if (old !== undefined) this.registry.unregister(old);
    const ref = new WeakRef(value);
    this.refs.set(key, ref);
    this.registry.register(value, key, ref);
    return this;
  }
}
const runNative = ${scaleRun};
const runOurs = ${scaleRun};

const values = Array.from({ length: ${SCALE} }, (_, i) => ({ i }));
const settle = async () => { for (let i = 0; i < 5; i++) { gc(); await nextTask(); } };
await settle();
let map = new NativeValueMap();
const native = await runNative(map, values, Infinity);
map = undefined;
await settle();
map = new WeakValueMap();
const ours = await runOurs(map, values, ${SCALE_BOUND} * native.seconds * 1000);
console.log(JSON.stringify({ native, ours }));
`;

it(`WeakValueMap: set then get of ${SCALE} entries, chunks of ${CHUNK} per task, ≤ ${SCALE_BOUND}x the native Map + WeakRef + FinalizationRegistry`, async () => {
  announce('building @w/weak-value-map for the child process');
  const built = await buildForChildren({
    'weak-value-map': fileURLToPath(new URL('../src/index.ts', import.meta.url)),
  });
  try {
    const script = join(built.dir, 'scale.mjs');
    writeFileSync(script, scaleScript);
    announce(`${SCALE} entries: the native design, then WeakValueMap, in a child process`);
    const child = spawnSync(
      process.execPath,
      ['--expose-gc', '--max-old-space-size=8192', script],
      { encoding: 'utf8' },
    );
    expect(child.stderr.slice(0, 2000)).toBe('');
    expect(child.status).toBe(0);
    type Run = { seconds: number; set: number; got: number; rssMb: number; maxRssMb: number };
    const { native, ours } = JSON.parse(child.stdout) as { native: Run; ours: Run };
    const mb = (run: Run) =>
      `peak RSS ${run.rssMb.toFixed(0)} MB, process maxRSS ${run.maxRssMb.toFixed(0)} MB`;
    console.log(
      `${SCALE} entries, set then get: native ${native.seconds.toFixed(1)} s (${mb(native)}); ` +
        `WeakValueMap ${ours.seconds.toFixed(1)} s (${mb(ours)}): ` +
        `${(ours.seconds / native.seconds).toFixed(2)}x` +
        (ours.got === SCALE
          ? ''
          : `, stopped at ${SCALE_BOUND}x with ${ours.set} set, ${ours.got} got`),
    );
    expect(native.got).toBe(SCALE);
    expect(ours.set, `stopped at ${SCALE_BOUND}x the native time`).toBe(SCALE);
    expect(ours.got, `stopped at ${SCALE_BOUND}x the native time`).toBe(SCALE);
    expect(ours.seconds).toBeLessThanOrEqual(SCALE_BOUND * native.seconds);
  } finally {
    built.remove();
  }
});
