import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/config';
import { renderChart } from '../src/report/chart';
import { renderReport } from '../src/report/markdown';
import { floorSubjects } from '../src/subjects/floors';
import type { ContainerSubject, Role } from '../src/subjects/subject';
import type { Measurement, Op } from '../src/suites/result';
import { runSuite } from '../src/suites/run-suite';

// Shape only: timings on a shared 2-core machine are never asserted.
describe('bench harness', () => {
  it('measures one subject at 1e3 entries and renders a report row for it', async () => {
    const floor = floorSubjects().find(
      (s): s is ContainerSubject => s.kind === 'value-map' && s.role === 'floor',
    );
    expect(floor).toBeDefined();
    const config = {
      ...readConfig([], { BENCH_SIZES: '1000', BENCH_ROUNDS: '1' }),
      minOpsPerSample: 1000,
    };
    const result = await runSuite('value-map', config, () => {}, [floor as ContainerSubject]);

    const ops = result.measurements.map((m) => m.op).sort();
    expect(ops).toEqual(
      [
        'churn',
        'delete',
        'get',
        'has',
        'iterate',
        'memory',
        'reclaim',
        'replace',
        'set',
        'settle',
      ].sort(),
    );
    for (const m of result.measurements) {
      expect(m).toMatchObject({
        suite: 'value-map',
        n: 1000,
        subject: floor?.name,
        role: 'floor',
        rounds: 1,
      });
      expect(m.value).toBeGreaterThanOrEqual(0); // NaN would mean "never reclaimed": the floor does reclaim
      expect(m.problem).toBeUndefined(); // every get/has/iterate/delete counted all 1000 entries
    }

    const report = renderReport([result], {
      cpu: 'Test CPU',
      cores: 2,
      node: 'v20',
      date: '2026-01-01 00:00',
      command: 'test',
      seconds: 1,
    });
    expect(report).toMatch(/^# Benchmarks\n/);
    expect(report).toContain('Machine: Test CPU, 2 cores, Node v20. Date: 2026-01-01 00:00.');
    expect(report).toContain('## Targets (N = 1e3)');
    expect(report).toContain('### N = 1e3');
    // One number per column; `values()`, `keys()` and `forEach` are not measured for the floor.
    expect(report).toMatch(
      /\| floor: Map\+WeakRef\+FR \|( [\d.]+ \|){7}( — \|){3}( [\d.]+ \|){3}$/m,
    );
  });

  it('reads sizes from BENCH_SIZES and rejects nonsense', () => {
    expect(readConfig([], { BENCH_SIZES: '1e4,1e5' }).sizes).toEqual([1e4, 1e5]);
    expect(readConfig(['--quick'], {}).sizes).toEqual([1e4]);
    expect(() => readConfig([], { BENCH_SIZES: 'lots' })).toThrow(TypeError);
  });

  it('charts ours over the floor and the best peer, left of 1x when ours is cheaper', () => {
    const at = (subject: string, role: Role, op: Op, value: number): Measurement => ({
      suite: 'value-map',
      n: 1e5,
      subject,
      role,
      op,
      unit: 'ns/op',
      value,
      rounds: 1,
    });
    const svg = renderChart(
      [
        at('ours & co', 'ours', 'set', 200),
        at('floor', 'floor', 'set', 100),
        at('slow peer', 'peer', 'set', 800),
        at('fast peer', 'peer', 'set', 400),
        at('ours & co', 'ours', 'get', 50),
        at('floor', 'floor', 'get', 100),
      ],
      1e5,
    );
    expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('<title>Ours ÷ yardstick at N = 1e5: ');
    expect(svg).toContain('>ours &amp; co</text>'); // escaped
    // set: 2x the floor (a bar right of the line), 0.5x the best peer (400, not 800).
    expect(svg).toContain('>2.00x</text>');
    expect(svg).toContain('>0.50x</text>');
    expect(svg).not.toContain('>0.25x</text>');
    // get: half the floor, no peer measured.
    expect(svg.match(/>0\.50x<\/text>/g)).toHaveLength(2);
    const bars = [...svg.matchAll(/<rect x="([\d.]+)" y="\d+" width="([\d.]+)" height="9"/g)];
    expect(bars).toHaveLength(3);
    const [slower, faster] = [bars[0]!, bars[1]!].map(([, x, w]) => [Number(x), Number(w)]);
    expect(slower![0]).toBeGreaterThan(faster![0]!); // starts at the 1x line, goes right
    expect(slower![0]).toBeCloseTo(faster![0]! + faster![1]!); // ends at the 1x line
  });
});
