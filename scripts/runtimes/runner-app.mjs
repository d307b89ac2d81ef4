// The app Bun's and Deno's own test runners run in: @w/testing installed by npm from its packed
// tarball, as a user gets it (Deno then checks the published types, with no flag), with the
// runner files beside it. Made anew on each call, in .runtimes/runner-app/.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const testing = join(root, 'packages/testing');
const app = join(root, '.runtimes/runner-app');

/** The runner files (the guide's examples and `test/runners/*`), as paths in packages/testing. */
export const runnerFiles = [
  ...['bun_test.ts', 'deno_test.ts'].map((name) => join('test/examples', name)),
  ...readdirSync(join(testing, 'test/runners')).map((name) => join('test/runners', name)),
];

/** Makes the app (after `pnpm build`) and returns its directory. */
export function makeRunnerApp() {
  rmSync(app, { recursive: true, force: true });
  mkdirSync(app, { recursive: true });
  const dependencies = {};
  for (const name of ['core', 'testing']) {
    const tarball = pnpm(['pack', '--pack-destination', app], join(root, 'packages', name));
    dependencies[`@w/${name}`] = `file:./${tarball.split('/').pop()}`;
  }
  const fakeTimers = '@sinonjs/fake-timers';
  const manifest = JSON.parse(readFileSync(join(testing, 'package.json'), 'utf8'));
  dependencies[fakeTimers] = manifest.devDependencies[fakeTimers];
  const appManifest = { name: 'runner-app', private: true, type: 'module', dependencies };
  writeFileSync(join(app, 'package.json'), `${JSON.stringify(appManifest, null, 2)}\n`);
  for (const file of runnerFiles)
    copyFileSync(join(testing, file), join(app, file.split('/').pop()));
  const npm = spawnSync('npm', ['install', '--no-audit', '--no-fund'], {
    cwd: app,
    stdio: 'inherit',
  });
  if (npm.status !== 0) throw new Error(`npm install in ${app} failed`);
  return app;
}

function pnpm(args, cwd) {
  const result = spawnSync('pnpm', args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pnpm ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim().split('\n').pop();
}
