import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/config';
import { checkGoal, GOALS, SMALLEST_N } from '../src/goals';
import { MAX_CLEANUP_TURNS, runCleanup } from '../src/measure/cleanup';
import type { Measurement } from '../src/measure/record';
import { runSuite } from '../src/measure/run-suite';
import type { Op } from '../src/ops';
import { renderChart } from '../src/report/chart';
import { renderReport } from '../src/report/markdown';
import { loadSubjects, NAMES, type Role, SUBJECTS, type SubjectRow } from '../src/subjects';

// Shape and bookkeeping only: timings on a shared 2-core machine are never asserted.
const tiny = {
  ...readConfig([], { BENCH_SIZES: '1000', BENCH_ROUNDS: '1' }),
  minOpsPerSample: 1000,
};
const info = {
  cpu: 'Test CPU',
  cores: 2,
  node: 'v20',
  date: '2026-01-01 00:00',
  command: 'test',
  seconds: 1,
  rounds: () => 1,
};
const minimumValueMap = SUBJECTS.find((s) => s.name === NAMES.valueMapMinimum)!;

describe('bench', () => {
  it('measures exactly the ops a row lists, and reports them in its table row', async () => {
    const result = await runSuite('value-map', tiny, () => {}, [minimumValueMap]);
    expect(result.measurements.map((m) => m.op).sort()).toEqual([...minimumValueMap.ops].sort());
    for (const m of result.measurements) {
      expect(m).toMatchObject({
        n: 1000,
        subject: NAMES.valueMapMinimum,
        role: 'minimum',
        rounds: 1,
      });
      expect(m.value).toBeGreaterThanOrEqual(0); // NaN would be "never reclaimed": it reclaims
      expect(m.problem).toBeUndefined(); // every read and delete counted all 1000 entries
    }
    const report = renderReport([result], [], info);
    expect(report).toMatch(/^# Benchmarks\n/);
    expect(report).toContain('Machine: Test CPU, 2 cores, Node v20. Date: 2026-01-01 00:00 UTC.');
    expect(report).toContain('Sizes: N = 1e3 (1 round).');
    expect(report).toContain('## Goals (issue 14)');
    // set, set→gc, get, has, replace, delete, for…of, churn, reclaim, B/entry: all numbers.
    expect(report).toMatch(/^\| minimum: Map\+WeakRef\+FR \|( [\d.]+ \|){10}$/m);
  });

  it('measures the cache suite: set, hot get and set with demotion, every get a hit', async () => {
    const rows = SUBJECTS.filter((s) => s.kind === 'cache');
    expect(rows.map((s) => s.name)).toEqual([NAMES.lruCache, NAMES.cache, NAMES.weakLruCache]);
    const result = await runSuite('cache', tiny, () => {}, rows);
    for (const row of rows) {
      const mine = result.measurements.filter((m) => m.subject === row.name);
      expect(mine.map((m) => m.op).sort()).toEqual(['evict', 'get', 'set']);
      for (const m of mine) expect(m.problem, `${row.name} ${m.op}`).toBeUndefined();
    }
    expect(renderReport([result], [], info)).toMatch(
      /^\| WeakCache \(ours\) get \| `lru-cache` \|/m,
    );
  });

  it('flags a library that misses entries instead of printing its flattering figure', async () => {
    class Forgetful extends Map {
      override get(key: unknown) {
        return (key as number) % 2 === 0 ? super.get(key) : undefined;
      }
    }
    const row: SubjectRow = {
      ...minimumValueMap,
      name: 'forgetful',
      role: 'peer',
      ops: ['set', 'get'],
      load: async () => () => new Forgetful(),
    };
    const result = await runSuite('value-map', tiny, () => {}, [row]);
    expect(result.measurements.find((m) => m.op === 'get')?.problem).toBe(
      'get counted 500 of 1000',
    );
    expect(renderReport([result], [], info)).toMatch(/^\| forgetful \(peer\) \|.* ⚠ \|/m);
  });

  it('has one row per subject, and every goal and yardstick names a measured one', () => {
    const row = (name: string, kind: string) =>
      SUBJECTS.find((s) => s.name === name && s.kind === kind);
    for (const s of SUBJECTS)
      expect(SUBJECTS.filter((t) => t.name === s.name && t.kind === s.kind)).toHaveLength(1);
    for (const ours of SUBJECTS.filter((s) => s.minimum))
      expect(row(ours.minimum!, ours.kind)?.role).toBe('minimum');
    for (const goal of GOALS) {
      const ours = SUBJECTS.find((s) => s.name === goal.subject);
      expect(ours?.ops).toContain(goal.op);
      if (goal.against !== SMALLEST_N)
        expect(row(goal.against, ours!.kind)?.ops).toContain(goal.op);
    }
  });

  it('gives every subject its own compiled copy of its loops, with a loop for each read it lists', async () => {
    const { subjects } = await loadSubjects('value-map');
    const [floor, minimum] = subjects; // Map and the minimum design: both the 'map' family
    expect([floor?.loops, minimum?.loops]).toEqual(['map', 'map']);
    expect(floor!.loop.get).not.toBe(minimum!.loop.get);
    expect(floor!.loop.get!.toString()).toBe(minimum!.loop.get!.toString());
    const reads: readonly Op[] = ['get', 'has', 'iterate', 'values', 'keys', 'forEach', 'deref'];
    for (const kind of ['value-map', 'key-map', 'set', 'ref'] as const) {
      for (const subject of (await loadSubjects(kind)).subjects) {
        for (const op of subject.ops.filter((op) => reads.includes(op)))
          expect(subject.loop[op], `${subject.name} ${op}`).toBeTypeOf('function');
      }
    }
  });

  it('checks a goal at every size, against a yardstick or against the smallest size', () => {
    const at = (subject: string, op: Op, n: number, value: number): Measurement => ({
      suite: 'value-map',
      n,
      subject,
      role: 'ours' as Role,
      op,
      value,
      rounds: 1,
    });
    const rows = [
      at('ours', 'set', 1e4, 105),
      at('lazy', 'set', 1e4, 100),
      at('ours', 'set', 1e5, 150),
      at('lazy', 'set', 1e5, 100),
      at('ours', 'reclaim', 1e4, 10),
      at('ours', 'reclaim', 1e5, 30),
    ];
    expect(checkGoal({ subject: 'ours', op: 'set', against: 'lazy', max: 1.1 }, rows)).toEqual([
      { n: 1e4, ratio: 1.05, met: true },
      { n: 1e5, ratio: 1.5, met: false },
    ]);
    expect(
      checkGoal({ subject: 'ours', op: 'reclaim', against: SMALLEST_N, max: 2 }, rows),
    ).toEqual([
      { n: 1e4, ratio: 1, met: true },
      { n: 1e5, ratio: 3, met: false },
    ]);
    expect(
      checkGoal({ subject: 'ours', op: 'get', against: 'lazy', max: 1 }, rows)[0]?.met,
    ).toBeUndefined();
  });

  it('reads sizes and rounds from the environment and rejects nonsense', () => {
    expect(readConfig([], { BENCH_SIZES: '1e4,1e5' }).sizes).toEqual([1e4, 1e5]);
    const perSize = readConfig(['--sizes=1e4,1e6'], { BENCH_ROUNDS: '4,1' });
    expect([perSize.roundsFor(1e4), perSize.roundsFor(1e6)]).toEqual([4, 1]);
    expect(readConfig([], { BENCH_ROUNDS: '2' }).roundsFor(1e6)).toBe(2);
    expect(readConfig([], {}).roundsFor(1e6)).toBe(3);
    expect(() => readConfig([], { BENCH_ROUNDS: 'x' })).toThrow(TypeError);
    expect(readConfig(['--quick'], {}).sizes).toEqual([1e4]);
    expect(() => readConfig([], { BENCH_SIZES: 'lots' })).toThrow(TypeError);
  });

  it('times cleanup of each of our containers against how many are alive', async () => {
    const rows = await runCleanup(() => {}, [1, 3]);
    expect(rows.map((r) => `${r.container}×${r.containers}`)).toEqual(
      [NAMES.set, NAMES.keyMap, NAMES.valueMap].flatMap((name) => [`${name}×1`, `${name}×3`]),
    );
    for (const row of rows) {
      expect(row.turns).toBeGreaterThan(0); // the dead entry goes only after a cleanup turn
      expect(row.turns).toBeLessThan(MAX_CLEANUP_TURNS); // and it does go
    }
    expect(renderReport([], rows, info)).toMatch(
      /\| WeakValueMap \(ours\) \| cleanup turns .* \| (yes|\*\*no\*\*) \|/,
    );
  });

  it('charts ours over the minimum and the best correct peer, left of 1x when ours is cheaper', () => {
    const at = (subject: string, role: Role, op: Op, value: number): Measurement => ({
      suite: 'value-map',
      n: 1e5,
      subject,
      role,
      op,
      value,
      rounds: 1,
    });
    const svg = renderChart(
      [
        at('ours & co', 'ours', 'set', 200),
        at('minimum', 'minimum', 'set', 100),
        at('slow peer', 'peer', 'set', 800),
        at('fast peer', 'peer', 'set', 400),
        at('faster flawed peer', 'flawed peer', 'set', 10),
        at('ours & co', 'ours', 'get', 50),
        at('minimum', 'minimum', 'get', 100),
      ],
      1e5,
    );
    expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('<title>Ours ÷ yardstick at N = 1e5: ');
    expect(svg).toContain('>ours &amp; co</text>'); // escaped
    // set: 2x the minimum (a bar right of the line), 0.5x the best correct peer (400: not 800, not 10).
    expect(svg).toContain('>2.00x</text>');
    expect(svg).not.toContain('>0.25x</text>');
    expect(svg).not.toContain('>20.00x');
    // get: half the minimum, no peer measured.
    expect(svg.match(/>0\.50x<\/text>/g)).toHaveLength(2);
    const bars = [...svg.matchAll(/<rect x="([\d.]+)" y="\d+" width="([\d.]+)" height="9"/g)];
    expect(bars).toHaveLength(3);
    const [slower, faster] = [bars[0]!, bars[1]!].map(([, x, w]) => [Number(x), Number(w)]);
    expect(slower![0]).toBeGreaterThan(faster![0]!); // starts at the 1x line, goes right
    expect(slower![0]).toBeCloseTo(faster![0]! + faster![1]!); // ends at the 1x line
  });
});
