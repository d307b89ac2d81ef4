import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { missedGoals } from './check';
import { readConfig } from './config';
import { type CleanupRow, runCleanup } from './measure/cleanup';
import type { SuiteResult } from './measure/record';
import { runSuite } from './measure/run-suite';
import { renderChart } from './report/chart';
import { chartN, renderReport } from './report/markdown';
import { type Kind, SUITES } from './subjects';

// `node --expose-gc dist/main.js [--quick] [--sizes=1e4,1e5] [--suites=set,ref] [--out=file.md] [--check]`
// runs every suite in its own child process (a fresh heap and JIT per suite), then writes
// and prints the report. `--check`: then prints the goals missed and exits 1 if any (or if a
// suite failed). `--suite=<name> --json=<file>` is the child's mode.

const argv = process.argv.slice(2);
const option = (name: string) =>
  argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const log = (line: string) => process.stderr.write(`${line}\n`);
const config = readConfig(argv, process.env);

/** Cleanup against the number of live containers: not a Kind, reported in its own section. */
const CLEANUP = 'cleanup';
const ALL = [...Object.keys(SUITES), CLEANUP];
const NO_RESULTS = { measurements: [], notes: ['suite process failed (its log says why)'] };

/** Runs `suite` in a child node process: what it wrote, or undefined if it failed. */
function inChild<T>(suite: string): T | undefined {
  const json = join(tmpdir(), `w-bench-${process.pid}-${suite}.json`);
  const passOn = argv.filter((arg) => !arg.startsWith('--out='));
  const script = fileURLToPath(import.meta.url);
  const run = spawnSync(
    process.execPath,
    ['--expose-gc', script, `--suite=${suite}`, `--json=${json}`, ...passOn],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (run.status !== 0) {
    log(`suite ${suite} failed (exit ${run.status}, signal ${run.signal}); no results`);
    return undefined;
  }
  // JSON has no NaN ("never reclaimed", a cleanup wait that never ended): it comes back as
  // null, and nothing else is null.
  const result = JSON.parse(readFileSync(json, 'utf8'), (_key, value) =>
    value === null ? Number.NaN : value,
  );
  rmSync(json);
  return result;
}

function parent(): void {
  const started = Date.now();
  const suites = option('suites')?.split(',') ?? ALL;
  const unknown = suites.filter((suite) => !ALL.includes(suite));
  if (unknown.length > 0)
    throw new TypeError(`unknown suite(s) ${unknown.join(', ')}; expected ${ALL.join(', ')}`);
  const results: SuiteResult[] = [];
  let cleanup: CleanupRow[] = [];
  const failed: string[] = [];
  for (const suite of suites) {
    log(`suite ${suite}`);
    const result = inChild<SuiteResult | CleanupRow[]>(suite);
    if (result === undefined) failed.push(suite);
    if (suite === CLEANUP) cleanup = (result as CleanupRow[] | undefined) ?? [];
    else
      results.push((result as SuiteResult | undefined) ?? { suite: suite as Kind, ...NO_RESULTS });
  }
  const out =
    option('out') ?? fileURLToPath(new URL('../../../docs/benchmarks.md', import.meta.url));
  const chartPath = `${out.replace(/\.md$/, '')}.svg`;
  const report = renderReport(results, cleanup, {
    cpu: cpus()[0]?.model ?? 'unknown CPU',
    cores: cpus().length,
    node: process.version,
    date: new Date().toISOString().slice(0, 16).replace('T', ' '),
    command: commandLine(argv),
    seconds: (Date.now() - started) / 1000,
    rounds: config.roundsFor,
    chart: basename(chartPath),
  });
  const measurements = results.flatMap((r) => r.measurements);
  writeFileSync(out, report);
  writeFileSync(chartPath, renderChart(measurements, chartN(measurements)));
  process.stdout.write(report);
  log(`\nwritten to ${out} and ${chartPath}`);
  if (argv.includes('--check')) {
    const missed = [
      ...failed.map((suite) => `suite ${suite} failed: its goals were not checked`),
      ...missedGoals(measurements, cleanup),
    ];
    log(missed.length === 0 ? '\n--check: every goal met' : `\n--check: ${missed.length} missed`);
    for (const line of missed) log(`  ${line}`);
    process.exitCode = missed.length === 0 ? 0 : 1;
  }
}

const suite = option('suite');
if (suite === undefined) parent();
else {
  const result =
    suite === CLEANUP ? await runCleanup(log) : await runSuite(suite as Kind, config, log);
  writeFileSync(option('json')!, JSON.stringify(result));
}

// How to repeat this run: the sizing variables that were set, the command and its flags.
function commandLine(argv: readonly string[]): string {
  const vars = ['BENCH_SIZES', 'BENCH_ROUNDS', 'BENCH_QUICK'].filter((name) => process.env[name]);
  return [...vars.map((name) => `${name}=${process.env[name]}`), 'pnpm bench', ...argv].join(' ');
}
