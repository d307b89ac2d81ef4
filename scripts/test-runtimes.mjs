#!/usr/bin/env node
// Runs the test suite on other runtimes and in the hosts users run it in:
// `pnpm test:runtimes [name...]`. Runtime binaries come from registry packages pinned in
// runtimes/install.mjs. Exits non-zero if any run fails.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { installRuntime, PINNED } from './runtimes/install.mjs';
import { makeRunnerApp, runnerFiles } from './runtimes/runner-app.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const cache = join(root, '.runtimes');
const vitest = join(root, 'node_modules/vitest/vitest.mjs');
// The root suite, every project in it, plus the probe that reports the runtime.
const suiteConfig = 'scripts/runtimes/vitest.config.ts';
// Files a runtime cannot run, with the reason (vitest.browser.config.ts reads it too).
const excludedFiles = Object.entries(
  JSON.parse(readFileSync(join(root, 'scripts/runtimes/excluded-files.json'), 'utf8')),
);
// biome-ignore lint/suspicious/noUndeclaredEnvVars: a local override, not a turbo input
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// The hosts run the package tests (and the probe), not the repository's checks of dist/.
const packageTests = ['--project', 'packages', '--project', 'runtime'];
const STRESS_FLAGS = '--stress-compaction --stress-incremental-marking --gc-interval=1000';
// Under the stress flags the whole package suite takes about 25 minutes per Node: these files
// (every container's collection and model tests, core's, the probe) carry the GC paths.
const stressTests = ['collection.test', 'model.test', 'packages/core/test/', 'probe.test'];
// The runtimes' own test runners run the guide's examples, the no-flakes loops (200 dropped
// objects pass, 200 held ones fail) and a check with fake timers installed before load, in an
// app that installed the packed @w/testing with npm (runtimes/runner-app.mjs).
const runnerTests = (runtime) =>
  runnerFiles
    .map((file) => `./${file.split('/').pop()}`)
    .filter((file) => !/(bun|deno)_test\.ts$/.test(file) || file.endsWith(`${runtime}_test.ts`));

const RUNTIMES = {
  // The machine's own Node (20 here): what `pnpm test` uses; listed for completeness.
  node: {
    expected: `node ${process.version}`,
    command: () => [process.execPath, [vitest, 'run', '--config', suiteConfig]],
  },
  // Vitest itself runs on this node, so its forks (process.execPath) do too.
  node22: {
    expected: 'node v22.23.3',
    command: (bin) => [bin, [vitest, 'run', '--config', suiteConfig]],
  },
  node24: {
    expected: 'node v24.21.0',
    command: (bin) => [bin, [vitest, 'run', '--config', suiteConfig]],
  },
  // Vitest and its forks (process.execPath) run on Bun; `--bun` turns any `node` it starts into Bun.
  bun: {
    expected: 'bun 1.4.5',
    command: (bin) => [bin, ['--bun', vitest, 'run', '--config', suiteConfig]],
    // JavaScriptCore's concurrent JIT can keep a dropped object alive through a few forced
    // collections (docs/collection.md, "Runtimes"); compiling on the main thread cannot.
    env: { BUN_JSC_useConcurrentJIT: '0' },
  },
  // Deno runs Vitest through its Node compatibility; forks are Deno too.
  deno: {
    expected: 'deno 2.9.6',
    command: (bin) => [
      bin,
      ['run', '-A', '--no-lock', '--v8-flags=--expose-gc', vitest, 'run', '--config', suiteConfig],
    ],
  },
  // Vitest (on the machine's Node) drives Debian's Chromium through Playwright.
  chromium: {
    expected: 'chromium ',
    command: () => [process.execPath, [vitest, 'run', '--config', 'vitest.browser.config.ts']],
  },
  // Hosts: the package tests as test runners and stress testers run them.
  // Each test file in a vm context of its own, as Jest and Vitest's vm pools run it.
  vm: {
    expected: `node ${process.version}`,
    command: () => [
      process.execPath,
      [vitest, 'run', '--config', suiteConfig, ...packageTests, '--pool=vmForks'],
    ],
  },
  // V8 moving, marking and collecting far more often than it would (vitest.base.ts).
  stress: {
    expected: `node ${process.version}`,
    command: () => [
      process.execPath,
      [vitest, 'run', '--config', suiteConfig, ...packageTests, ...stressTests],
    ],
    env: { WEAKREF_V8_FLAGS: STRESS_FLAGS },
  },
  stress24: {
    runtime: 'node24',
    expected: 'node v24.21.0',
    command: (bin) => [
      bin,
      [vitest, 'run', '--config', suiteConfig, ...packageTests, ...stressTests],
    ],
    env: { WEAKREF_V8_FLAGS: STRESS_FLAGS },
  },
  // Runners other than Vitest write no JSON report: `counts` reads their closing lines.
  'bun-test': {
    runtime: 'bun',
    prepare: makeRunnerApp,
    command: (bin) => [bin, ['test', ...runnerTests('bun')]],
    env: { BUN_JSC_useConcurrentJIT: '0' },
    counts: (output) =>
      /^Ran \d+ tests? across \d+ files?\./m.test(output) && {
        passed: count(output, /^ *(\d+) pass$/m),
        failed: count(output, /^ *(\d+) fail$/m),
        skipped: count(output, /^ *(\d+) skip$/m) + count(output, /^ *(\d+) todo$/m),
        files: count(output, /^Ran \d+ tests? across (\d+) files?\./m),
      },
  },
  // As a user runs it: no --v8-flags=--expose-gc (collectGarbage() turns gc on through
  // node:v8), no permission and no flag for the type check of the installed package.
  'deno-test': {
    runtime: 'deno',
    prepare: makeRunnerApp,
    command: (bin) => [bin, ['test', '--no-lock', ...runnerTests('deno')]],
    counts: (output) =>
      /^(?:ok|FAILED) \| \d+ passed/m.test(output) && {
        passed: count(output, /^(?:ok|FAILED) \| (\d+) passed/m),
        failed: count(output, /^(?:ok|FAILED) \| .*?(\d+) failed/m),
        skipped: count(output, /^(?:ok|FAILED) \| .*?(\d+) ignored/m),
        files: output.match(/^running \d+ tests? from /gm)?.length ?? 0,
      },
  },
  // Fake timers (vi.useFakeTimers()) installed before every test file, as most cache suites do.
  'fake-timers': {
    expected: `node ${process.version}`,
    command: () => [process.execPath, [vitest, 'run', '--config', suiteConfig, ...packageTests]],
    env: { WEAKREF_FAKE_TIMERS: '1' },
  },
};
const DEFAULT = [
  'node22',
  'node24',
  'bun',
  'deno',
  'chromium',
  'vm',
  'stress',
  'stress24',
  'fake-timers',
  'bun-test',
  'deno-test',
];

const names = process.argv.slice(2);
for (const name of names) {
  if (!(name in RUNTIMES)) {
    console.error(`test:runtimes: unknown runtime "${name}"; known: ${Object.keys(RUNTIMES)}`);
    process.exit(2);
  }
}

const buildStart = Date.now();
buildPackages();
console.log(`build: ${((Date.now() - buildStart) / 1000).toFixed(1)}s`);
const results = [];
for (const name of names.length > 0 ? names : DEFAULT) results.push(run(name));
printSummary(results);
process.exit(results.every((r) => r.ok) ? 0 : 1);

// Some tests run built code in child processes (packages/*/dist), and docs/test/site.test.ts
// opens the built site: build what is stale (after `pnpm test`, turbo's cache has it all).
function buildPackages() {
  const turbo = join(root, 'node_modules/.bin/turbo');
  const filters = ['--filter=./packages/*', '--filter=@w/docs'];
  const args = ['run', 'build', ...filters, '--output-logs=errors-only'];
  const build = spawnSync(turbo, args, {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) {
    console.error('test:runtimes: the build failed');
    process.exit(1);
  }
}

function run(name) {
  const runtime = RUNTIMES[name];
  console.log(`\n=== ${name} ===`);
  const installStart = Date.now();
  let bin;
  let cwd = root;
  try {
    const pinned = runtime.runtime ?? name;
    bin = pinned in PINNED ? installRuntime(pinned) : undefined;
    if (name === 'chromium' && !existsSync(chromiumPath)) {
      throw new Error(`no Chromium at ${chromiumPath} (apt-get install -y chromium)`);
    }
    cwd = runtime.prepare?.() ?? root;
  } catch (error) {
    console.error(`test:runtimes: ${name}: ${error.message}`);
    return { name, ok: false, error: error.message };
  }
  const installSeconds = (Date.now() - installStart) / 1000;

  const report = join(cache, 'reports', `${name}.json`);
  rmSync(report, { force: true });
  const [command, args] = runtime.command(bin);
  // The configs exclude them (the browser config its own; suiteConfig by WEAKREF_RUNTIME).
  const excluded = excludedOn(name);
  const vitestArgs = ['--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
  const testStart = Date.now();
  const child = spawnSync(command, [...args, ...(runtime.counts ? [] : vitestArgs)], {
    cwd,
    // A runner without a report is read from its output, so that is captured (and shown).
    stdio: runtime.counts ? ['inherit', 'pipe', 'pipe'] : 'inherit',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: {
      ...process.env,
      ...runtime.env,
      EXPECTED_RUNTIME: runtime.expected,
      WEAKREF_RUNTIME: name,
      // Playwright uses Debian's Chromium; it must never fetch a browser of its own.
      PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
    },
  });
  const testSeconds = (Date.now() - testStart) / 1000;
  const counts = runtime.counts ? readOutput(runtime, bin, child) : readReport(report);
  const ok = child.status === 0 && counts !== undefined && counts.failed === 0;
  return { name, ok, installSeconds, testSeconds, status: child.status, excluded, ...counts };
}

function excludedOn(name) {
  return excludedFiles.filter(([, { skippedOn }]) => skippedOn.includes(name));
}

function readReport(path) {
  if (!existsSync(path)) return undefined;
  const report = JSON.parse(readFileSync(path, 'utf8'));
  const tests = report.testResults.flatMap((file) =>
    file.assertionResults.map((test) => ({ ...test, file: file.name })),
  );
  return {
    passed: report.numPassedTests,
    // A file that fails to load fails no test: count it as one failure.
    failed:
      report.numFailedTests +
      report.testResults.filter(
        (file) =>
          file.status === 'failed' && !file.assertionResults.some((t) => t.status === 'failed'),
      ).length,
    skipped: report.numPendingTests + report.numTodoTests,
    files: report.testResults.length,
    runsOn: tests.find((test) => test.title.startsWith('runs on '))?.title.slice(8) ?? '?',
    skippedTests: tests
      .filter((test) => test.status === 'pending' || test.status === 'skipped')
      .map((test) => `${test.file.slice(root.length)} > ${test.fullName}`),
  };
}

// The counts a runner printed, or undefined when it printed none (it did not get to run).
function readOutput(runtime, bin, child) {
  process.stdout.write(child.stdout);
  process.stderr.write(child.stderr);
  const counts = runtime.counts(stripVTControlCharacters(child.stdout + child.stderr));
  if (!counts) return undefined;
  const { stdout } = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  const version = stdout.match(/\d+\.\d+\.\d+/)?.[0] ?? '?';
  return { ...counts, runsOn: `${runtime.runtime} ${version}`, skippedTests: [] };
}

// The number in a runner's closing line (0 when it shows none, as `0 skip` goes unsaid).
function count(output, pattern) {
  const match = output.match(pattern);
  return match ? Number(match[1]) : 0;
}

function printSummary(results) {
  console.log('\n=== test:runtimes ===');
  for (const r of results) {
    if (r.error) {
      console.log(`${r.name.padEnd(9)} FAILED before testing: ${r.error}`);
      continue;
    }
    const time = `install ${r.installSeconds.toFixed(1)}s, tests ${r.testSeconds.toFixed(1)}s`;
    if (r.passed === undefined) {
      console.log(`${r.name.padEnd(9)} FAILED: exited ${r.status} with no test counts (${time})`);
      continue;
    }
    const verdict = r.ok ? 'ok    ' : 'FAILED';
    console.log(
      `${r.name.padEnd(9)} ${verdict} ${r.passed} passed, ${r.failed} failed, ` +
        `${r.skipped} skipped in ${r.files} files (${time}) on ${r.runsOn}`,
    );
    for (const [glob, { reason }] of r.excluded)
      console.log(`          excluded ${glob}: ${reason}`);
    for (const test of r.skippedTests) console.log(`          skipped ${test}`);
  }
  const sum = (key) => results.reduce((total, r) => total + (r[key] ?? 0), 0);
  const failed = sum('failed') + results.filter((r) => !r.ok && !r.failed).length;
  console.log(`runtimes: ${sum('passed')} passed, ${failed} failed, ${sum('skipped')} skipped`);
}
