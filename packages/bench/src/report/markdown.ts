import type { Kind } from '../subjects/subject';
import type { Measurement, Op, SuiteResult } from '../suites/result';
import { COLUMNS } from './columns';
import { formatN } from './format-n';
import { checkTargets } from './targets';
import { yardsticksFor } from './yardsticks';

/** What the report says about the machine and the run. */
export interface RunInfo {
  cpu: string;
  cores: number;
  node: string;
  date: string;
  command: string;
  seconds: number;
  /** The chart file written beside the report, shown under the targets. */
  chart?: string;
}

const TITLES: Record<Kind, string> = {
  'value-map': 'Weak-value maps (`WeakValueMap`)',
  'key-map': 'Weak-key maps (`WeakKeyMap`)',
  set: 'Iterable weak sets (`IterableWeakSet`)',
  ref: 'Weak references (`ref()`)',
};

/** The whole markdown report. */
export function renderReport(results: readonly SuiteResult[], info: RunInfo): string {
  const all = results.flatMap((result) => result.measurements);
  const sizes = sizesOf(results);
  const targetN = targetSize(sizes);
  const lines = [
    '# Benchmarks',
    '',
    `Machine: ${info.cpu}, ${info.cores} cores, Node ${info.node}. Date: ${info.date}. Run: \`${info.command}\` (${info.seconds.toFixed(0)} s).`,
    '',
    'Each cell is the median of several rounds, in ns per operation unless the column says otherwise;',
    'a read (`get`, `has`, `iterate`) counts the fastest of 3 warm passes per round.',
    '`set→gc` is the first collection and its cleanup after `set`, per entry (work deferred from `set`',
    'lands there); `churn` includes the forced collections and cleanup turns; `reclaim` is the time from',
    'a full collection until D dead entries (D = min(N, 10 000)) are gone while N settled ones stay live;',
    '`never` means the library did not drop them within 1000 event-loop turns. `—` = not applicable.',
    'Ratios: < 1 is faster (or smaller) than the yardstick. See packages/bench/README.md for caveats:',
    'this is a 2-core machine, so treat ratios within ±20% as noise.',
    '',
    `## Targets (N = ${formatN(targetN)})`,
    '',
    '| subject | op | yardstick | actual | target | met |',
    '|---|---|---|---|---|---|',
    ...checkTargets(all, targetN).map(({ target, actual, met }) => {
      const yardstick = target.against ?? 'budget';
      const shown = target.against === undefined ? `${fmt(actual)} B` : `${ratio(actual)}`;
      const goal = target.against === undefined ? `≤ ${target.max} B` : `≤ ${target.max}x`;
      return `| ${target.subject} | ${target.op} | ${yardstick} | ${shown} | ${goal} | ${met === undefined ? 'n/a' : met ? 'yes' : '**no**'} |`;
    }),
    '',
    ...(info.chart
      ? [
          `![Ours against the floor and the best peer at N = ${formatN(targetN)}](./${info.chart})`,
          '',
        ]
      : []),
  ];
  for (const result of results) lines.push(...renderSuite(result, sizes));
  return `${lines.join('\n')}\n`;
}

function sizesOf(results: readonly SuiteResult[]): number[] {
  const all = results.flatMap((result) => result.measurements);
  return [...new Set(all.map((m) => m.n))].sort((a, b) => a - b);
}

/** The size the targets (and the chart) are read at: 1e5 if measured, else the largest. */
export function reportedN(results: readonly SuiteResult[]): number {
  return targetSize(sizesOf(results));
}

function targetSize(sizes: readonly number[]): number {
  return sizes.includes(1e5) ? 1e5 : (sizes.at(-1) ?? 0);
}

function renderSuite(result: SuiteResult, sizes: readonly number[]): string[] {
  const columns = COLUMNS[result.suite];
  const lines = [`## ${TITLES[result.suite]}`, ''];
  for (const n of sizes) {
    const rows = result.measurements.filter((m) => m.n === n);
    if (rows.length === 0) continue;
    const subjects = [...new Set(rows.map((m) => m.subject))];
    lines.push(
      `### N = ${formatN(n)}`,
      '',
      `| subject | ${columns.map((c) => c.label).join(' | ')} |`,
      `|---|${columns.map(() => '---:').join('|')}|`,
    );
    for (const subject of subjects) {
      const cells = columns.map(({ op }) =>
        cell(rows.find((m) => m.subject === subject && m.op === op)),
      );
      lines.push(`| ${subject} | ${cells.join(' | ')} |`);
    }
    lines.push('', ...renderRatios(rows, columns), '');
  }
  const problems = result.measurements
    .filter((m) => m.problem)
    .map((m) => `- ${m.subject} at N=${formatN(m.n)}: ${m.problem}`);
  const notes = [...result.notes.map((note) => `- ${note}`), ...new Set(problems)];
  if (notes.length > 0) lines.push('Notes:', '', ...notes, '');
  return lines;
}

/** Ours against the built-in, the hand-written floor and the best peer, per operation. */
function renderRatios(
  rows: readonly Measurement[],
  columns: readonly { op: Op; label: string }[],
): string[] {
  const lines: string[] = [];
  for (const ours of new Set(rows.filter((m) => m.role === 'ours').map((m) => m.subject))) {
    lines.push(
      `Ratios for ${ours}:`,
      '',
      '| op | ours | × native | × floor | × lazy | × best correct peer |',
      '|---|---:|---:|---:|---:|---|',
    );
    for (const { op, label } of columns) {
      const mine = rows.find((m) => m.subject === ours && m.op === op);
      if (mine === undefined) continue;
      const { native, floor, lazy, bestPeer: best } = yardsticksFor(rows, op, ours);
      const over = (y: Measurement | undefined) => (y ? ratio(mine.value / y.value) : '—');
      lines.push(
        `| ${label} | ${cell(mine)} | ${over(native)} | ${over(floor)} | ${over(lazy)} | ${best ? `${over(best)} (${best.subject})` : '—'} |`,
      );
    }
    lines.push('');
  }
  return lines;
}

function cell(m: Measurement | undefined): string {
  if (m === undefined) return '—';
  const text = Number.isNaN(m.value) ? 'never' : fmt(m.value);
  return m.problem ? `${text} ⚠` : text;
}

function fmt(value: number): string {
  if (Number.isNaN(value)) return 'n/a';
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

function ratio(value: number): string {
  return Number.isNaN(value) || !Number.isFinite(value) ? 'n/a' : `${value.toFixed(2)}x`;
}
