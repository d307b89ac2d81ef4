// Release end to end: copy this working tree to a temp dir, version it with the pending
// changesets, build and `changeset publish` into a throwaway local Verdaccio, then install
// the packages as users do (npm and pnpm) and use them from ESM, CommonJS and TypeScript.
// Leaves nothing behind: the registry runs in this process, every process it started is
// killed, and everything lives in one temp dir that is removed on every exit.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runServer } from 'verdaccio';

const here = path.dirname(fileURLToPath(import.meta.url));
const source = path.resolve(here, '../..');
const started = Date.now();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'w-release-e2e-'));
const repo = path.join(tmp, 'repo');
let server;

// Each is installed into fresh projects with npm and with pnpm: one single package (which
// brings its @w/* dependencies) and the meta package. Fixtures live in consumers/<fixture>/.
const consumers = [
  { fixture: 'weak-value-map', name: '@w/weak-value-map' },
  // With @w/core itself, as a user of @w/core/testing installs it.
  { fixture: 'weakref', name: '@w/weakref', alongside: ['@w/core'] },
];
const packageManagers = ['npm', 'pnpm'];

class Failure extends Error {}

function step(message) {
  const seconds = ((Date.now() - started) / 1000).toFixed(1).padStart(5);
  console.log(`[release-e2e ${seconds}s] ${message}`);
}

function check(condition, message) {
  if (!condition) throw new Failure(message);
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

// A child's environment: none of the npm_*/pnpm_config_* settings of the script runner that
// started us, our pnpm first on PATH (changesets spawns `pnpm publish`), no turbo telemetry.
function childEnv(extra = {}) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(npm_|pnpm_config_|INIT_CWD$|PNPM_SCRIPT_SRC_DIR$)/i.test(key)) env[key] = value;
  }
  env.PATH = `${path.join(tmp, 'bin')}${path.delimiter}${env.PATH}`;
  env.TURBO_TELEMETRY_DISABLED = '1';
  env.DO_NOT_TRACK = '1';
  return { ...env, ...extra };
}

// A long command is never silent: every this many ms, a line says which one is still running.
const HEARTBEAT_MS = 10_000;

function run(command, args, { cwd, env = childEnv(), allowFailure = false }) {
  const where = path.relative(tmp, cwd) || '.';
  // Paths shortened to their last part: `node tsc -p tsconfig.node16.json`, not the temp dir.
  const shown = [command, ...args].map((arg) => (path.isAbsolute(arg) ? path.basename(arg) : arg));
  const begun = Date.now();
  const heartbeat = setInterval(() => {
    const seconds = Math.round((Date.now() - begun) / 1000);
    step(`  still running \`${shown.join(' ')}\` in ${where} (${seconds}s)`);
  }, HEARTBEAT_MS);
  return new Promise((resolve, reject) => {
    // Own process group: a Ctrl-C reaches only this script, which then stops the whole tree.
    const child = spawn(command, args, {
      cwd,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let output = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', (error) => {
      clearInterval(heartbeat);
      reject(new Failure(`cannot run ${command}: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      clearInterval(heartbeat);
      if (code === 0 || (allowFailure && code !== null)) return resolve({ code, stdout, output });
      const last = output.trimEnd().split('\n').slice(-40).join('\n');
      const commandLine = [command, ...args].join(' ');
      reject(new Failure(`\`${commandLine}\` in ${where} exited with ${code ?? signal}:\n${last}`));
    });
  });
}

// `pnpm` for every child: the one running this script, else the repo's pinned version
// (located once through npx now: later, npm_config_registry points npx at the local registry).
function installPnpmShim() {
  const version = readJson(path.join(source, 'package.json')).packageManager.split('@')[1];
  const execPath = process.env.npm_execpath;
  let command = `"${process.execPath}" "${execPath}"`;
  if (!execPath || !/^pnpm/.test(path.basename(execPath))) {
    const found = spawnSync('npx', ['-y', '-p', `pnpm@${version}`, 'sh', '-c', 'command -v pnpm'], {
      encoding: 'utf8',
      env: childEnv(),
    });
    check(found.status === 0, `cannot get pnpm@${version} through npx:\n${found.stderr}`);
    command = `"${found.stdout.trim()}"`;
  }
  fs.mkdirSync(path.join(tmp, 'bin'));
  fs.writeFileSync(path.join(tmp, 'bin', 'pnpm'), `#!/bin/sh\nexec ${command} "$@"\n`, {
    mode: 0o755,
  });
}

// Tracked files plus untracked ones that are not ignored: what `git add -A` would commit.
function copyWorkingTree() {
  const listed = spawnSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    {
      cwd: source,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  check(listed.status === 0, `git ls-files failed: ${listed.stderr}`);
  let copied = 0;
  for (const file of listed.stdout.split('\0')) {
    const from = path.join(source, file);
    if (!file || !fs.existsSync(from)) continue; // tracked but deleted in the working tree
    fs.mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
    fs.copyFileSync(from, path.join(repo, file));
    copied++;
  }
  return copied;
}

async function startRegistry() {
  const config = path.join(tmp, 'verdaccio', 'config.yaml');
  fs.mkdirSync(path.dirname(config));
  // Paths are relative to the config file. No uplinks: anything not published here is a 404.
  fs.writeFileSync(
    config,
    [
      'storage: ./storage',
      'auth: { htpasswd: { file: ./htpasswd, max_users: -1 } }',
      'uplinks: {}',
      'packages:',
      "  '@w/*': { access: $all, publish: $all, unpublish: $all }",
      "  '**': { access: $all }",
      'middlewares: { audit: { enabled: false } }',
      'web: { enable: false }',
      'log: { type: stdout, format: pretty, level: error }',
      '',
    ].join('\n'),
  );
  server = await runServer(config);
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return `http://127.0.0.1:${server.address().port}/`;
}

// packages/* of the copy, as { dir, ...package.json }.
function workspacePackages() {
  const packages = [];
  for (const dir of fs.readdirSync(path.join(repo, 'packages'))) {
    const file = path.join(repo, 'packages', dir, 'package.json');
    if (fs.existsSync(file)) packages.push({ dir, ...readJson(file) });
  }
  return packages;
}

const publicPackages = () => workspacePackages().filter((p) => !p.private);

// What a user receives: no workspace ranges, no `source` condition, @w/* deps pinned to this version,
// no devDependencies (.pnpmfile.cjs drops them: they name the private @w/test-support).
function checkManifest(manifest, version, where) {
  check(manifest.devDependencies === undefined, `${where}: has devDependencies`);
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
    for (const [name, range] of Object.entries(manifest[field] ?? {})) {
      check(!range.startsWith('workspace:'), `${where}: ${field} ${name} is "${range}"`);
      check(name.startsWith('@w/'), `${where}: runtime dependency outside @w/*: ${name}`);
      // Pinned: the siblings share @w/core/internal, which can change in any release.
      check(range === version, `${where}: ${name} is "${range}", expected "${version}"`);
    }
  }
  const walk = (node, at) => {
    if (typeof node === 'string') {
      check(!node.includes('/src/'), `${where}: ${at} points into src: ${node}`);
      return;
    }
    for (const [key, value] of Object.entries(node ?? {})) {
      check(key !== 'source', `${where}: ${at} still has a "source" condition`);
      walk(value, `${at} > ${key}`);
    }
  };
  check(manifest.exports, `${where}: no exports`);
  walk(manifest.exports, 'exports');
}

async function getJson(url) {
  const response = await fetch(url);
  return { status: response.status, body: response.ok ? await response.json() : undefined };
}

async function versionPackages() {
  const changesets = path.join(repo, '.changeset');
  let pending = fs.readdirSync(changesets).filter((f) => f.endsWith('.md') && f !== 'README.md');
  if (pending.length === 0) {
    // Nothing pending: release a patch of everything so there is something to publish.
    const names = publicPackages().map((p) => `"${p.name}": patch`);
    const text = `---\n${names.join('\n')}\n---\n\nRelease end-to-end test.\n`;
    fs.writeFileSync(path.join(changesets, 'release-e2e.md'), text);
    pending = ['release-e2e.md'];
  }
  const before = publicPackages();
  await run('pnpm', ['exec', 'changeset', 'version'], { cwd: repo });
  const after = publicPackages();
  const version = after[0].version;
  check(
    after.every((p) => p.version === version),
    `fixed group broken: ${after.map((p) => `${p.name}@${p.version}`).join(', ')}`,
  );
  check(version !== before[0].version, `changeset version left the version at ${version}`);
  const left = fs.readdirSync(changesets).filter((f) => pending.includes(f));
  check(left.length === 0, `changeset version did not consume: ${left.join(', ')}`);
  for (const p of after) {
    const changelog = path.join(repo, 'packages', p.dir, 'CHANGELOG.md');
    check(fs.existsSync(changelog), `${p.name}: no CHANGELOG.md`);
  }
  step(`changeset version: ${pending.length} changesets, ${before[0].version} -> ${version}`);
  return version;
}

// The root `release` script itself (build the packages, then `changeset publish`); the copy
// has no git repository, so publish without tagging.
async function publish(registry, version) {
  const names = publicPackages().map((p) => p.name);
  const host = registry.replace(/^http:/, '');
  fs.appendFileSync(path.join(repo, '.npmrc'), `\n${host}:_authToken=release-e2e\n`);
  await run('pnpm', ['run', 'release', '--no-git-tag'], {
    cwd: repo,
    env: childEnv({ npm_config_registry: registry }),
  });
  step(`pnpm release --no-git-tag: ${names.length} packages`);

  for (const name of names) {
    const { status, body } = await getJson(`${registry}${name.replace('/', '%2f')}`);
    check(status === 200, `${name}: not in the registry (HTTP ${status})`);
    check(body['dist-tags'].latest === version, `${name}: latest is ${body['dist-tags'].latest}`);
    checkManifest(body.versions[version], version, `registry ${name}@${version}`);
  }
  for (const { name } of workspacePackages().filter((p) => p.private)) {
    const { status } = await getJson(`${registry}${name.replace('/', '%2f')}`);
    check(status === 404, `private ${name} was published (HTTP ${status})`);
  }
  step('registry manifests: no workspace: ranges, no source condition, private packages absent');
}

// Every installed package: only @w/* ones, each with a clean manifest.
function installedManifests(dir) {
  const modules = path.join(dir, 'node_modules');
  const pnpmDir = path.join(modules, '.pnpm');
  const manifests = [];
  if (fs.existsSync(pnpmDir)) {
    for (const entry of fs.readdirSync(pnpmDir)) {
      if (entry === 'node_modules' || entry === 'lock.yaml') continue;
      check(entry.startsWith('@w+'), `pnpm installed a package outside @w/*: ${entry}`);
      const name = `@w/${entry.slice(3).split('@')[0]}`;
      manifests.push(readJson(path.join(pnpmDir, entry, 'node_modules', name, 'package.json')));
    }
  } else {
    for (const entry of fs.readdirSync(modules)) {
      if (entry.startsWith('.')) continue;
      check(entry === '@w', `npm installed a package outside @w/*: ${entry}`);
    }
    for (const entry of fs.readdirSync(path.join(modules, '@w'))) {
      manifests.push(readJson(path.join(modules, '@w', entry, 'package.json')));
    }
  }
  return manifests;
}

// A fresh project that installs `name` from the local registry, then runs it from ESM and CJS.
async function installAndRun(registry, version, pm, { fixture, name, alongside = [] }) {
  const consumer = `${pm} + ${name}`;
  const dir = path.join(tmp, 'consumers', `${pm}-${fixture}`);
  fs.cpSync(path.join(here, 'consumers', fixture), dir, { recursive: true });
  const manifest = { name: `consumer-${pm}-${fixture}`, version: '1.0.0', private: true };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest));
  // Only @w/* comes from the local registry. Temp caches: every run republishes this version.
  fs.writeFileSync(path.join(dir, '.npmrc'), `@w:registry=${registry}\n`);
  const specs = [name, ...alongside].map((n) => `${n}@${version}`);
  if (pm === 'npm') {
    const cache = `--cache=${path.join(tmp, 'npm-cache')}`;
    await run('npm', ['install', ...specs, '--no-audit', '--no-fund', cache], { cwd: dir });
  } else {
    const store = `--store-dir=${path.join(tmp, 'pnpm-store')}`;
    const cache = `--cache-dir=${path.join(tmp, 'pnpm-cache')}`;
    await run('pnpm', ['add', ...specs, '--ignore-workspace', store, cache], { cwd: dir });
  }

  const installed = installedManifests(dir);
  check(
    installed.some((m) => m.name === name),
    `${consumer}: ${name} is not installed`,
  );
  for (const m of installed) {
    check(m.version === version, `${consumer}: installed ${m.name}@${m.version}`);
    checkManifest(m, version, `${consumer}: installed ${m.name}`);
  }
  const changelog = path.join(dir, 'node_modules', name, 'CHANGELOG.md');
  check(fs.existsSync(changelog), `${consumer}: ${name}'s tarball has no CHANGELOG.md`);

  // Each prints the sorted export names after its checks pass.
  const esm = (await run(process.execPath, ['esm.mjs'], { cwd: dir })).stdout.trim();
  const cjs = (await run(process.execPath, ['cjs.cjs'], { cwd: dir })).stdout.trim();
  check(esm === cjs, `${consumer}: import and require differ:\n  import  ${esm}\n  require ${cjs}`);
  if (fs.existsSync(path.join(dir, 'testing.cjs'))) {
    const ran = (await run(process.execPath, ['testing.cjs'], { cwd: dir })).stdout.trim();
    const chain = '[0,1,2,3,4,5]';
    check(ran === chain, `${consumer}: require('@w/core/testing') finalized ${ran}, not ${chain}`);
    step(`${consumer}: require('@w/core/testing') collected a 6-deep finalizer chain`);
  }
  if (fs.existsSync(path.join(dir, 'leak-test.mjs'))) {
    const ran = (await run(process.execPath, ['leak-test.mjs'], { cwd: dir })).stdout.trim();
    const expected =
      "dropped collected; expected 'held' to be collected, but it is still reachable";
    check(ran.startsWith(expected), `${consumer}: @w/weakref/testing printed ${ran}`);
    step(`${consumer}: a leak test through @w/weakref/testing passes and fails as it should`);
  }
  step(`${consumer}: ${installed.length} @w/* packages installed; import and require work`);
  return dir;
}

// Type-checks every consumer in one tsc run per resolution mode (tsc startup dominates).
// Each consumer's types.ts must check clean and its type-error.ts must fail with TS2322.
async function typeCheck(dirs, mode) {
  const modes = {
    node16: { module: 'node16', moduleResolution: 'node16', copies: ['.mts', '.cts'] },
    bundler: { module: 'esnext', moduleResolution: 'bundler', copies: ['.ts'] },
  };
  const { copies, ...options } = modes[mode];
  const files = [];
  for (const dir of dirs) {
    for (const ext of copies) {
      fs.copyFileSync(path.join(dir, 'types.ts'), path.join(dir, `types${ext}`));
      files.push(path.join(dir, `types${ext}`));
    }
    files.push(path.join(dir, 'type-error.ts'));
  }
  const compilerOptions = {
    ...options,
    // A Node 20 user (engines): ES2023 and @types/node (the repo's). With less, our .d.ts
    // files do not check without skipLibCheck: below ES2023 `Ref<T extends WeakKey> extends
    // WeakRef<T>` fails (the lib's WeakRef takes no symbols), and `Finalizer`'s
    // `[Symbol.dispose]` needs @types/node or lib esnext.disposable.
    target: 'es2023',
    lib: ['es2023'],
    typeRoots: [path.join(repo, 'node_modules', '@types')],
    types: ['node'],
    strict: true,
    noEmit: true,
    skipLibCheck: false,
  };
  const consumersDir = path.join(tmp, 'consumers');
  const config = path.join(consumersDir, `tsconfig.${mode}.json`);
  fs.writeFileSync(config, JSON.stringify({ compilerOptions, files }, null, 2));
  const tsc = path.join(repo, 'node_modules', 'typescript', 'bin', 'tsc');
  const { code, output } = await run(process.execPath, [tsc, '-p', config, '--pretty', 'false'], {
    cwd: consumersDir,
    allowFailure: true,
  });
  const errors = output.split('\n').filter((line) => /error TS\d+/.test(line));
  const expected = dirs.map((dir) => `${path.basename(dir)}/type-error.ts(`);
  const unexpected = errors.filter((line) => !expected.some((start) => line.startsWith(start)));
  check(unexpected.length === 0, `tsc (${mode}) found errors:\n${unexpected.join('\n')}`);
  for (const start of expected) {
    const reported = errors.filter((line) => line.startsWith(start) && line.includes('TS2322'));
    check(
      code !== 0 && reported.length === 1,
      `tsc (${mode}) did not report the deliberate error in ${start.slice(0, -1)}:\n${output}`,
    );
  }
  const resolution = `${options.module}/${options.moduleResolution}`;
  step(`tsc ${resolution}: ${dirs.length} consumers check, each deliberate error reported`);
}

async function main() {
  step(`temp dir ${tmp}`);
  installPnpmShim();
  step(`copied the working tree (${copyWorkingTree()} files)`);
  // The root and packages/*: what a release builds and publishes (not docs/ or e2e/).
  const filters = ['--filter=.', '--filter=./packages/*'];
  await run('pnpm', ['install', '--offline', '--frozen-lockfile', ...filters], { cwd: repo });
  step('pnpm install --offline --frozen-lockfile');
  const registry = await startRegistry();
  step(`Verdaccio listening on ${registry}`);
  const version = await versionPackages();
  await publish(registry, version);
  const dirs = [];
  for (const pm of packageManagers) {
    for (const consumer of consumers)
      dirs.push(await installAndRun(registry, version, pm, consumer));
  }
  await typeCheck(dirs, 'node16');
  await typeCheck(dirs, 'bundler');
}

// Every process below this one, found through ps. Turbo starts each task in a process group
// of its own, so killing only our children's groups would orphan tsup and esbuild.
function descendants() {
  const listed = spawnSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' });
  const childrenOf = new Map();
  for (const line of (listed.stdout ?? '').trim().split('\n')) {
    const [pid, ppid] = line.trim().split(/\s+/).map(Number);
    childrenOf.set(ppid, [...(childrenOf.get(ppid) ?? []), pid]);
  }
  const found = new Set();
  const queue = [process.pid];
  while (queue.length > 0) {
    for (const pid of childrenOf.get(queue.pop()) ?? []) {
      if (found.has(pid)) continue;
      found.add(pid);
      queue.push(pid);
    }
  }
  return found;
}

function signal(pid, name) {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

// Freeze the whole tree first (so nothing starts a new process meanwhile), then kill it.
function killDescendants() {
  const stopped = new Set();
  for (let round = 0; round < 5; round++) {
    const fresh = [...descendants()].filter((pid) => !stopped.has(pid));
    if (fresh.length === 0) break;
    for (const pid of fresh) {
      signal(pid, 'SIGSTOP');
      stopped.add(pid);
    }
  }
  for (const pid of stopped) signal(pid, 'SIGKILL');
}

let cleanedUp = false;
function cleanUp() {
  if (cleanedUp) return;
  cleanedUp = true;
  killDescendants();
  server?.closeAllConnections();
  server?.close();
  fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 5 });
}

function abort(reason) {
  console.error(`[release-e2e] FAIL: ${reason}: stopping everything, removing ${tmp}`);
  cleanUp();
  process.exit(1);
}

process.on('exit', cleanUp);
for (const name of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(name, () => abort(name));
// A hung install or build must not hang CI: a normal run takes 1.5 to 2 minutes.
setTimeout(() => abort('no result after 10 minutes'), 10 * 60_000).unref();

try {
  await main();
  cleanUp();
  check(!fs.existsSync(tmp), `could not remove ${tmp}`);
  step('PASS: published, installed and used with npm and pnpm; registry stopped, temp removed');
  process.exit(0);
} catch (error) {
  cleanUp();
  const message = error instanceof Failure ? error.message : error.stack;
  console.error(`[release-e2e] FAIL: ${message}`);
  process.exit(1);
}
