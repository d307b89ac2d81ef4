import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readConfig } from './config';
import { type CleanupRow, runCleanup } from './measure/cleanup';
import type { SuiteResult } from './measure/record';
import { runSuite } from './measure/run-suite';
import { renderChart } from './report/chart';
import { chartN, renderReport } from './report/markdown';
import { type Kind, SUITES } from './subjects';

// `node --expose-gc dist/main.js [--quick] [--sizes=1e4,1e5] [--suites=set,ref] [--out=file.md]`
// runs every suite in its own child process (a fresh heap and JIT per suite), then writes
// and prints the report. `--suite=<name> --json=<file>` is the child's mode.

const argv = process.argv.slice(2);
const option = (name: string) =>
  argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const log = (line: string) => process.stderr.write(`${line}\n`);

/** Cleanup against the number of live containers: not a Kind, reported in its own section. */
const CLEANUP = 'cleanup';
const ALL = [...(Object.keys(SUITES) as Kind[]), CLEANUP];

async function child(suite: string, jsonPath: string): Promise<void> {
  const result =
    suite === CLEANUP
      ? await runCleanup(log)
      : await runSuite(suite as Kind, readConfig(argv, process.env), log);
  writeFileSync(jsonPath, JSON.stringify(result));
}

function parent(): void {
  const started = Date.now();
  const config = readConfig(argv, process.env);
  const suites = option('suites')?.split(',') ?? ALL;
  const unknown = suites.filter((suite) => !ALL.includes(suite));
  if (unknown.length > 0)
    throw new TypeError(`unknown suite(s) ${unknown.join(', ')}; expected ${ALL.join(', ')}`);
  const dir = mkdtempSync(join(tmpdir(), 'w-bench-'));
  const results: SuiteResult[] = [];
  let cleanup: CleanupRow[] = [];
  try {
    for (const suite of suites) {
      log(`suite ${suite}`);
      const jsonPath = join(dir, `${suite}.json`);
      const passOn = argv.filter((arg) => !arg.startsWith('--out='));
      const script = fileURLToPath(import.meta.url);
      const run = spawnSync(
        process.execPath,
        ['--expose-gc', script, `--suite=${suite}`, `--json=${jsonPath}`, ...passOn],
        { stdio: ['ignore', 'inherit', 'inherit'] },
      );
      const failed = `suite process failed (exit ${run.status}, signal ${run.signal}); no results`;
      if (suite === CLEANUP) {
        if (run.status === 0) cleanup = JSON.parse(readFileSync(jsonPath, 'utf8'));
        else log(failed);
      } else if (run.status !== 0) {
        results.push({ suite: suite as Kind, measurements: [], notes: [failed] });
      } else {
        // JSON has no NaN ("never reclaimed"): it comes back as null.
        const result = JSON.parse(readFileSync(jsonPath, 'utf8')) as SuiteResult;
        for (const m of result.measurements) m.value ??= Number.NaN;
        results.push(result);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const out =
    option('out') ?? fileURLToPath(new URL('../../../docs/benchmarks.md', import.meta.url));
  const chartPath = `${out.replace(/\.md$/, '')}.svg`;
  const report = renderReport(results, cleanup, {
    cpu: cpus()[0]?.model ?? 'unknown CPU',
    cores: cpus().length,
    node: process.version,
    date: new Date().toISOString().slice(0, 16).replace('T', ' '),
    command: `pnpm bench${argv.length > 0 ? ` ${argv.join(' ')}` : ''}`,
    seconds: (Date.now() - started) / 1000,
    rounds: config.roundsFor,
    chart: basename(chartPath),
  });
  const measurements = results.flatMap((r) => r.measurements);
  writeFileSync(out, report);
  writeFileSync(chartPath, renderChart(measurements, chartN(measurements)));
  process.stdout.write(report);
  log(`\nwritten to ${out} and ${chartPath}`);
}

const suite = option('suite');
if (suite !== undefined)
  await child(suite, option('json') ?? join(tmpdir(), `w-bench-${suite}.json`));
else parent();
