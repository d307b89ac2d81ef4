import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/config';
import { renderReport } from '../src/report/markdown';
import { floorSubjects } from '../src/subjects/floors';
import type { ContainerSubject } from '../src/subjects/subject';
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
      ['churn', 'delete', 'get', 'has', 'iterate', 'memory', 'reclaim', 'replace', 'set'].sort(),
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
    expect(report).toMatch(/\| floor: Map\+WeakRef\+FR( \| [\d.]+){9} \|/);
  });

  it('reads sizes from BENCH_SIZES and rejects nonsense', () => {
    expect(readConfig([], { BENCH_SIZES: '1e4,1e5' }).sizes).toEqual([1e4, 1e5]);
    expect(readConfig(['--quick'], {}).sizes).toEqual([1e4]);
    expect(() => readConfig([], { BENCH_SIZES: 'lots' })).toThrow(TypeError);
  });
});
