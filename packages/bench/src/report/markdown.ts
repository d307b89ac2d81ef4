import { BEST_PEER, bestPeer, CLEANUP_GOALS, checkGoal, GOALS, SMALLEST_N } from '../goals';
import {
  type CleanupRow,
  COLLECT_CALLS,
  MAX_CLEANUP_TURNS,
  ONE_CALL_FROM,
} from '../measure/cleanup';
import type { Measurement, SuiteResult } from '../measure/record';
import { labelOf, OP_NAMES, OPS, type Op, READ_PASSES } from '../ops';
import { type Kind, ROLES, type Role, SUBJECTS, SUITES } from '../subjects';

/** What the report says about the machine and the run. */
export interface RunInfo {
  cpu: string;
  cores: number;
  node: string;
  date: string;
  command: string;
  seconds: number;
  /** Rounds per size, as the config set them. */
  rounds: (n: number) => number;
  /** The chart file written beside the report. */
  chart?: string;
}

/** The yardsticks one of ours is divided by, per role that has a ratio column. */
type Yardsticks = Partial<Record<Role, Measurement>>;

/** For `ours`'s `op` among `rows` (one suite, one size); subjects that never finished don't count. */
export function yardsticksFor(rows: readonly Measurement[], op: Op, ours: string): Yardsticks {
  const minimum = SUBJECTS.find((s) => s.name === ours && s.role === 'ours')?.minimum;
  const of = (role: Role) =>
    rows.filter((m) => m.role === role && m.op === op && !Number.isNaN(m.value));
  return {
    floor: of('floor')[0],
    minimum: of('minimum').find((m) => minimum === undefined || m.subject === minimum),
    lazy: of('lazy')[0],
    peer: bestPeer(rows, op),
  };
}

/** A size as the report writes it: `1e5` for powers of ten from 1e3, else the number. */
export function formatN(n: number): string {
  const exponent = Math.log10(n);
  return Number.isInteger(exponent) && n >= 1000 ? `1e${exponent}` : String(n);
}

/** The size the chart is drawn at: 1e5 if measured, else the largest. */
export function chartN(measurements: readonly Measurement[]): number {
  const sizes = sizesOf(measurements);
  return sizes.includes(1e5) ? 1e5 : (sizes.at(-1) ?? 0);
}

function sizesOf(measurements: readonly Measurement[]): number[] {
  return [...new Set(measurements.map((m) => m.n))].sort((a, b) => a - b);
}

/** The whole markdown report. */
export function renderReport(
  results: readonly SuiteResult[],
  cleanup: readonly CleanupRow[],
  info: RunInfo,
): string {
  const all = results.flatMap((result) => result.measurements);
  const sizes = sizesOf(all);
  const ratioRoles = (Object.keys(ROLES) as Role[]).filter((role) => ROLES[role].ratio);
  const goalChecks = GOALS.map((goal) => checkGoal(goal, all));
  const metEverywhere = goalChecks.filter(
    (checks) => checks.length > 0 && checks.every((c) => c.met),
  );
  const lines = [
    '# Benchmarks',
    '',
    `Machine: ${info.cpu}, ${info.cores} cores, Node ${info.node}. Date: ${info.date} UTC. Run: \`${info.command}\` (${info.seconds.toFixed(0)} s).`,
    `Sizes: ${sizes.map((n) => `N = ${formatN(n)} (${plural(info.rounds(n), 'round')})`).join(', ')}.`,
    '',
    'Each cell is the median of the rounds, in ns per operation unless its heading says otherwise;',
    `a container read counts the fastest of ${READ_PASSES} warm passes per round (a ref's \`deref\`, one pass).`,
    'Each suite runs in its own process, and each subject runs its own compiled copy of the loops.',
    `\`—\` = not measured. On a shared ${info.cores}-core machine, ratios inside one run are what to`,
    'compare, and within ±20% they are noise (packages/bench/README.md).',
    '',
    ...OP_NAMES.map((op) => `- **${OPS[op].label}**: ${OPS[op].explain}.`),
    '',
    'Subjects:',
    '',
    ...(Object.keys(ROLES) as Role[]).map((role) => `- **${role}**: ${ROLES[role].explain}.`),
    '',
    '## Goals (issues 14, 21, 24)',
    '',
    `Ours divided by the yardstick at each size; met when within the target at every size: ${metEverywhere.length} of ${GOALS.length} goals are. \`pnpm bench --check\` exits 1 when one is missed.`,
    '',
    `| goal | yardstick | target | ${sizes.map((n) => `N = ${formatN(n)}`).join(' | ')} | met |`,
    `|---|---|---|${sizes.map(() => '---:').join('|')}|---|`,
    ...GOALS.map((goal, i) => {
      const checks = goalChecks[i]!;
      const cells = sizes.map((n) => {
        const check = checks.find((c) => c.n === n);
        if (check === undefined || check.met === undefined) return '—';
        return check.met ? ratio(check.ratio) : `**${ratio(check.ratio)}**`;
      });
      const known = checks.filter((c) => c.met !== undefined);
      const met = known.length === 0 ? 'n/a' : known.every((c) => c.met) ? 'yes' : '**no**';
      const suite = SUBJECTS.find((s) => s.name === goal.subject)?.kind ?? 'value-map';
      const named = goal.against === SMALLEST_N || goal.against === BEST_PEER;
      const against = named ? goal.against : `\`${goal.against}\``;
      return `| ${goal.subject} ${labelOf(goal.op, suite)} | ${against} | ≤ ${goal.max}× | ${cells.join(' | ')} | ${met} |`;
    }),
    '',
  ];
  if (info.chart) {
    lines.push(
      `![Ours against the floor of a correct design (the minimum) and the best correct peer at N = ${formatN(chartN(all))}](./${info.chart})`,
      '',
    );
  }
  for (const result of results) lines.push(...renderSuite(result, sizes, ratioRoles));
  if (cleanup.length > 0) lines.push(...renderCleanup(cleanup));
  return `${lines.join('\n')}\n`;
}

function renderSuite(result: SuiteResult, sizes: readonly number[], ratioRoles: Role[]): string[] {
  const kind: Kind = result.suite;
  const measured = new Set(result.measurements.map((m) => m.op));
  const ops = OP_NAMES.filter((op) => measured.has(op));
  const lines = [`## ${SUITES[kind]}`, ''];
  for (const n of sizes) {
    const rows = result.measurements.filter((m) => m.n === n);
    if (rows.length === 0) continue;
    const at = (subject: string, op: Op) => rows.find((m) => m.subject === subject && m.op === op);
    lines.push(
      `### N = ${formatN(n)}`,
      '',
      `| subject | ${ops.map((op) => labelOf(op, kind)).join(' | ')} |`,
      `|---|${ops.map(() => '---:').join('|')}|`,
    );
    for (const subject of new Set(rows.map((m) => m.subject))) {
      const role = rows.find((m) => m.subject === subject)?.role ?? '';
      const named = subject.includes(role) ? subject : `${subject} (${role})`;
      lines.push(`| ${named} | ${ops.map((op) => cell(at(subject, op))).join(' | ')} |`);
    }
    lines.push('');
    for (const ours of new Set(rows.filter((m) => m.role === 'ours').map((m) => m.subject))) {
      lines.push(
        `Ratios for ${ours}:`,
        '',
        `| op | ours | ${ratioRoles.map((role) => ROLES[role].ratio).join(' | ')} |`,
        `|---|---:|${ratioRoles.map(() => '---:').join('|')}|`,
      );
      for (const op of ops) {
        const mine = at(ours, op);
        if (mine === undefined) continue;
        const yardsticks = yardsticksFor(rows, op, ours);
        const cells = ratioRoles.map((role) => {
          const y = yardsticks[role];
          if (y === undefined) return '—';
          return role === 'peer'
            ? `${ratio(mine.value / y.value)} (${y.subject})`
            : ratio(mine.value / y.value);
        });
        lines.push(`| ${labelOf(op, kind)} | ${cell(mine)} | ${cells.join(' | ')} |`);
      }
      lines.push('');
    }
  }
  const problems = result.measurements
    .filter((m) => m.problem)
    .map((m) => `- ${m.subject} at N = ${formatN(m.n)}: ${m.problem} (⚠)`);
  const notes = [...result.notes.map((note) => `- ${note}`), ...problems];
  if (notes.length > 0) lines.push('Notes:', '', ...notes, '');
  return lines;
}

function renderCleanup(rows: readonly CleanupRow[]): string[] {
  const containers = [...new Set(rows.map((r) => r.container))];
  return [
    '## Cleanup against the number of live containers (issue 11)',
    '',
    'K live containers each hold one live entry and lose one. `turns` and `ms`: from a full',
    "collection until every container's `size` is exact. `collectGarbage()`: one call with the K",
    `containers alive and nothing left to clean (median of ${COLLECT_CALLS}, 1 call at K ≥ ${ONE_CALL_FROM}).`,
    '',
    '| container | K | turns | ms | `collectGarbage()` ms |',
    '|---|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.container} | ${r.containers} | ${r.turns >= MAX_CLEANUP_TURNS ? `≥ ${MAX_CLEANUP_TURNS}` : r.turns} | ${fmt(r.ms)} | ${fmt(r.collectMs)} |`,
    ),
    '',
    '| container | goal | target | actual | met |',
    '|---|---|---|---:|---|',
    ...containers.flatMap((container) =>
      CLEANUP_GOALS.map((goal) => {
        const mine = rows.filter((r) => r.container === container);
        const k = Math.max(...mine.map((r) => r.containers));
        const actual = goal.actual(mine, k);
        const met = Number.isNaN(actual) ? 'n/a' : actual <= goal.max ? 'yes' : '**no**';
        const shown = Number.isNaN(actual) ? 'n/a' : `${fmt(actual)}${goal.unit}`;
        return `| ${container} | ${goal.label(k)} | ≤ ${goal.max}${goal.unit} | ${shown} | ${met} |`;
      }),
    ),
    '',
  ];
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

export function ratio(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)}×` : 'n/a';
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
