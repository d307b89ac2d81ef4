import { describe, expect, it } from 'vitest';
import { missedGoals } from '../src/check';
import { readConfig } from '../src/config';
import { BEST_PEER, checkGoal, GOALS, SMALLEST_N } from '../src/goals';
import { MAX_CLEANUP_TURNS, runCleanup } from '../src/measure/cleanup';
import type { Measurement } from '../src/measure/record';
import { runSuite } from '../src/measure/run-suite';
import { MinimumCache } from '../src/minimum-designs';
import type { Op } from '../src/ops';
import { renderChart } from '../src/report/chart';
import { renderReport } from '../src/report/markdown';
import {
  type Kind,
  loadSubjects,
  NAMES,
  type Role,
  SUBJECTS,
  type SubjectRow,
} from '../src/subjects';

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
    expect(report).toContain('## Goals (issues 14, 21, 24)');
    // set, set→gc, get, has, replace, delete, for…of, churn, reclaim, B/entry: all numbers.
    expect(report).toMatch(/^\| minimum: Map\+WeakRef\+FR \|( [\d.]+ \|){10}$/m);
  });

  it('measures the cache suite: set, hot get and set with demotion, every get a hit', async () => {
    const rows = SUBJECTS.filter((s) => s.kind === 'cache');
    expect(rows.map((s) => s.name)).toEqual([
      NAMES.lruCache,
      NAMES.cacheMinimum,
      NAMES.cache,
      NAMES.weakLruCache,
    ]);
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

  it('the cache minimum demotes evicted values to its weak tier, and a weak hit comes back', async () => {
    const { LRUCache } = await import('lru-cache');
    const cache = new MinimumCache<string, { v: number }>(LRUCache, 2);
    const values = [1, 2, 3].map((v) => ({ v }));
    cache.set('a', values[0]!).set('b', values[1]!).set('c', values[2]!);
    expect([cache.strong.size, cache.weak.size, cache.size]).toEqual([2, 1, 3]);
    expect(cache.weak.get('a')?.deref()).toBe(values[0]);
    expect(cache.get('a')).toBe(values[0]); // from the weak tier, back into the LRU
    expect([cache.strong.has('a'), cache.weak.has('a'), cache.weak.has('b')]).toEqual([
      true,
      false,
      true,
    ]);
    expect(cache.delete('b')).toBe(true);
    expect(cache.has('b')).toBe(false);
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
      if (goal.against === BEST_PEER) {
        const peers = SUBJECTS.filter((s) => s.kind === ours!.kind && s.role === 'peer');
        expect(peers.some((peer) => peer.ops.includes(goal.op))).toBe(true);
      } else if (goal.against !== SMALLEST_N)
        expect(row(goal.against, ours!.kind)?.ops).toContain(goal.op);
    }
    // Issue 24: every walk of all three containers, and every op a correct peer measures.
    const goalsOf = (subject: string, against: string) =>
      GOALS.filter((g) => g.subject === subject && g.against === against).map((g) => g.op);
    const walks = ['iterate', 'values', 'keys', 'entries', 'forEach'];
    expect(goalsOf(NAMES.valueMap, NAMES.lazy)).toEqual(expect.arrayContaining(walks));
    expect(goalsOf(NAMES.keyMap, NAMES.keyMapMinimum)).toEqual(expect.arrayContaining(walks));
    expect(goalsOf(NAMES.set, NAMES.keyMapMinimum)).toEqual(expect.arrayContaining(walks));
    for (const ours of SUBJECTS.filter((s) => s.role === 'ours')) {
      const peerOps = SUBJECTS.filter((s) => s.kind === ours.kind && s.role === 'peer').flatMap(
        (s) => s.ops,
      );
      expect(goalsOf(ours.name, BEST_PEER).sort()).toEqual(
        ours.ops.filter((op) => peerOps.includes(op)).sort(),
      );
    }
  });

  it('gives every subject its own compiled copy of its loops, with a loop for each read it lists', async () => {
    const { subjects } = await loadSubjects('value-map');
    const [floor, minimum] = subjects; // Map and the minimum design: both the 'map' family
    expect([floor?.loops, minimum?.loops]).toEqual(['map', 'map']);
    expect(floor!.loop.get).not.toBe(minimum!.loop.get);
    expect(floor!.loop.get!.toString()).toBe(minimum!.loop.get!.toString());
    const reads: readonly Op[] = ['get', 'has', 'iterate', 'values', 'keys', 'entries', 'forEach'];
    for (const kind of ['value-map', 'key-map', 'set', 'ref'] as const) {
      for (const subject of (await loadSubjects(kind)).subjects) {
        for (const op of subject.ops.filter((op) => [...reads, 'deref'].includes(op)))
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
      { n: 1e4, ratio: 1.05, yardstick: 'lazy', met: true },
      { n: 1e5, ratio: 1.5, yardstick: 'lazy', met: false },
    ]);
    expect(
      checkGoal({ subject: 'ours', op: 'reclaim', against: SMALLEST_N, max: 2 }, rows),
    ).toEqual([
      { n: 1e4, ratio: 1, yardstick: 'ours', met: true },
      { n: 1e5, ratio: 3, yardstick: 'ours', met: false },
    ]);
    expect(
      checkGoal({ subject: 'ours', op: 'get', against: 'lazy', max: 1 }, rows)[0]?.met,
    ).toBeUndefined();
  });

  it('checks a goal against the best correct peer, and only in its own suite', () => {
    const at = (suite: Kind, subject: string, role: Role, n: number, value: number) =>
      ({ suite, n, subject, role, op: 'keys', value, rounds: 1 }) as Measurement;
    const rows = [
      at('set', 'ours', 'ours', 1e4, 100),
      at('set', 'slow peer', 'peer', 1e4, 200),
      at('set', 'fast peer', 'peer', 1e4, 80),
      at('set', 'flawed', 'flawed peer', 1e4, 10), // never the yardstick
      at('set', 'never', 'peer', 1e4, Number.NaN), // nor one that never finished
      at('key-map', 'minimum', 'minimum', 1e4, 1000), // same name, another suite
      at('set', 'minimum', 'minimum', 1e4, 100),
    ];
    expect(checkGoal({ subject: 'ours', op: 'keys', against: BEST_PEER, max: 1 }, rows)).toEqual([
      { n: 1e4, ratio: 1.25, yardstick: 'fast peer', met: false },
    ]);
    expect(checkGoal({ subject: 'ours', op: 'keys', against: 'minimum', max: 1.1 }, rows)).toEqual([
      { n: 1e4, ratio: 1, yardstick: 'minimum', met: true },
    ]);
  });

  it('--check fails on a missed goal, at any size, and passes when every goal is met', () => {
    const at = (subject: string, n: number, value: number): Measurement => ({
      suite: 'key-map',
      n,
      subject,
      role: subject === 'WeakMap' ? 'floor' : 'ours',
      op: 'get',
      value,
      rounds: 1,
    });
    const goals = [{ subject: NAMES.keyMap, op: 'get' as const, against: 'WeakMap', max: 1.5 }];
    const met = [at(NAMES.keyMap, 1e4, 140), at('WeakMap', 1e4, 100)];
    expect(missedGoals(met, [], goals)).toEqual([]);
    const missed = [...met, at(NAMES.keyMap, 1e5, 160), at('WeakMap', 1e5, 100)];
    expect(missedGoals(missed, [], goals)).toEqual([
      `${NAMES.keyMap} get at N = 1e5: 1.60× WeakMap (goal ≤ 1.5×)`,
    ]);
    // The real table: a key map twice as slow as WeakMap misses its get goal; the cleanup
    // goals too, when 3000 containers take ten times the turns of one.
    const slow = [at(NAMES.keyMap, 1e4, 200), at('WeakMap', 1e4, 100)];
    expect(missedGoals(slow)).toContain(
      `${NAMES.keyMap} get at N = 1e4: 2.00× WeakMap (goal ≤ 1.5×)`,
    );
    const cleanup = [1, 3000].map((containers) => ({
      container: NAMES.set,
      containers,
      turns: containers === 1 ? 2 : 20,
      ms: 1,
      collectMs: 10,
    }));
    expect(missedGoals([], cleanup)).toEqual([
      `${NAMES.set}: cleanup turns with 3000 live containers ÷ with 1 10.0× (goal ≤ 2×)`,
    ]);
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
