import { CLEANUP_GOALS, checkGoal, GOALS, type Goal } from './goals';
import type { CleanupRow } from './measure/cleanup';
import type { Measurement } from './measure/record';
import { labelOf } from './ops';
import { formatN, ratio } from './report/markdown';

/**
 * What `pnpm bench --check` fails on: one line per goal missed at a measured size, and per
 * cleanup goal missed; none means exit status 0. A goal whose yardstick was not measured is
 * not checked (the report shows `—`; a suite that failed fails the check in main.ts).
 */
export function missedGoals(
  measurements: readonly Measurement[],
  cleanup: readonly CleanupRow[] = [],
  goals: readonly Goal[] = GOALS,
): string[] {
  const missed: string[] = [];
  for (const goal of goals) {
    const suite = measurements.find((m) => m.subject === goal.subject)?.suite ?? 'value-map';
    for (const check of checkGoal(goal, measurements)) {
      if (check.met !== false) continue;
      missed.push(
        `${goal.subject} ${labelOf(goal.op, suite)} at N = ${formatN(check.n)}: ${ratio(check.ratio)} ${check.yardstick ?? goal.against} (goal ≤ ${goal.max}×)`,
      );
    }
  }
  for (const container of new Set(cleanup.map((r) => r.container))) {
    const rows = cleanup.filter((r) => r.container === container);
    const k = Math.max(...rows.map((r) => r.containers));
    for (const goal of CLEANUP_GOALS) {
      const actual = goal.actual(rows, k);
      if (actual > goal.max)
        missed.push(
          `${container}: ${goal.label(k)} ${actual.toFixed(1)}${goal.unit} (goal ≤ ${goal.max}${goal.unit})`,
        );
    }
  }
  return missed;
}
