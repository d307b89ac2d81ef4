import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { root } from './published-packages';

/**
 * Installs registry packages (`alias@npm:name@version` or `name@version`) with npm into
 * .runtimes/<dir>/ (gitignored, never the pnpm lockfile: a second TypeScript there would become
 * the workspace's peer), unless each is there already at its version. Returns the prefix.
 */
export function installTools(dir: string, specs: Record<string, string>): string {
  const prefix = `${root}.runtimes/${dir}`;
  const missing = Object.entries(specs).filter(([alias, spec]) => {
    const manifest = `${prefix}/node_modules/${alias}/package.json`;
    const version = spec.slice(spec.lastIndexOf('@') + 1);
    return !existsSync(manifest) || JSON.parse(readFileSync(manifest, 'utf8')).version !== version;
  });
  if (missing.length === 0) return prefix;
  const args = ['install', '--prefix', prefix, '--no-save', '--no-package-lock', '--no-audit'];
  const wanted = Object.entries(specs).map(([alias, spec]) =>
    spec.startsWith(`${alias}@`) ? spec : `${alias}@${spec}`,
  );
  execFileSync('npm', [...args, '--no-fund', '--loglevel=error', ...wanted], { stdio: 'inherit' });
  return prefix;
}
