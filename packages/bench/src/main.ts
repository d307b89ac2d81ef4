import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readConfig } from './config';
import { renderChart } from './report/chart';
import { renderReport, reportedN } from './report/markdown';
import type { Kind } from './subjects/subject';
import {
  type CleanupScalingRow,
  renderCleanupScaling,
  runCleanupScaling,
} from './suites/cleanup-scaling';
import type { SuiteResult } from './suites/result';
import { runSuite, SUITES } from './suites/run-suite';

// `node --expose-gc dist/main.js [--quick] [--sizes=1e4,1e5] [--suites=set,ref] [--out=file.md]`
// runs every suite in its own child process (a fresh heap and JIT per suite), then writes
// and prints the report. `--suite=<kind> --json=<file>` is the child's mode.

const argv = process.argv.slice(2);
const option = (name: string) =>
  argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);

// Not a Kind: cleanup against the number of live containers, reported in its own table.
const CLEANUP = 'cleanup';

async function child(suite: Kind | typeof CLEANUP, jsonPath: string): Promise<void> {
  if (suite === CLEANUP) {
    const rows = await runCleanupScaling((line) => process.stderr.write(`${line}\n`));
    return writeFileSync(jsonPath, JSON.stringify(rows));
  }
  const config = readConfig(argv, process.env);
  const result = await runSuite(suite, config, (line) => process.stderr.write(`${line}\n`));
  writeFileSync(jsonPath, JSON.stringify(result));
}

function parent(): void {
  const started = Date.now();
  const known = [...SUITES, CLEANUP];
  const suites = option('suites')?.split(',') ?? known;
  const unknown = suites.filter((suite) => !known.includes(suite));
  if (unknown.length > 0)
    throw new TypeError(`unknown suite(s) ${unknown.join(', ')}; expected ${known.join(', ')}`);
  const dir = mkdtempSync(join(tmpdir(), 'w-bench-'));
  const results: SuiteResult[] = [];
  let cleanupRows: CleanupScalingRow[] = [];
  try {
    for (const suite of suites) {
      process.stderr.write(`suite ${suite}\n`);
      const jsonPath = join(dir, `${suite}.json`);
      const passOn = argv.filter((arg) => !arg.startsWith('--out='));
      const run = spawnSync(
        process.execPath,
        [
          '--expose-gc',
          fileURLToPath(import.meta.url),
          `--suite=${suite}`,
          `--json=${jsonPath}`,
          ...passOn,
        ],
        {
          stdio: ['ignore', 'inherit', 'inherit'],
        },
      );
      if (suite === CLEANUP) {
        if (run.status === 0) cleanupRows = JSON.parse(readFileSync(jsonPath, 'utf8'));
        continue;
      }
      if (run.status !== 0) {
        results.push({
          suite: suite as Kind,
          measurements: [],
          notes: [`suite process failed (exit ${run.status}, signal ${run.signal}); no results`],
        });
        continue;
      }
      // JSON has no NaN ("never reclaimed"): it comes back as null.
      const result = JSON.parse(readFileSync(jsonPath, 'utf8')) as SuiteResult;
      for (const m of result.measurements) m.value ??= Number.NaN;
      results.push(result);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const out =
    option('out') ?? fileURLToPath(new URL('../../../docs/benchmarks.md', import.meta.url));
  const chartPath = `${out.replace(/\.md$/, '')}.svg`;
  const report = renderReport(results, {
    cpu: cpus()[0]?.model ?? 'unknown CPU',
    cores: cpus().length,
    node: process.version,
    date: new Date().toISOString().slice(0, 16).replace('T', ' '),
    command: `pnpm bench${argv.length > 0 ? ` ${argv.join(' ')}` : ''}`,
    seconds: (Date.now() - started) / 1000,
    chart: basename(chartPath),
  });
  const full =
    cleanupRows.length > 0 ? `${report}\n${renderCleanupScaling(cleanupRows).join('\n')}` : report;
  writeFileSync(out, full);
  writeFileSync(
    chartPath,
    renderChart(
      results.flatMap((r) => r.measurements),
      reportedN(results),
    ),
  );
  process.stdout.write(full);
  process.stderr.write(`\nwritten to ${out} and ${chartPath}\n`);
}

const suite = option('suite') as Kind | typeof CLEANUP | undefined;
if (suite !== undefined)
  await child(suite, option('json') ?? join(tmpdir(), `w-bench-${suite}.json`));
else parent();
