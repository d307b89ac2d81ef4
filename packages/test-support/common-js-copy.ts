/**
 * A module (`source`, a .ts file's URL) as a second, CommonJS copy in this process, bundled
 * with what it imports, as a user's CJS build of a package is: for tests of what the copies
 * share. Node APIs only, imported lazily, so a browser run of a file that skips such a test
 * never loads them.
 */
export async function loadCommonJsCopy(source: URL): Promise<unknown> {
  const { createRequire } = await import('node:module');
  const { basename, join } = await import('node:path');
  const { fileURLToPath } = await import('node:url');
  const { buildForChildren } = await import('./build-for-children');
  const name = basename(source.pathname, '.ts');
  const built = await buildForChildren({ [name]: fileURLToPath(source) }, ['cjs']);
  try {
    return createRequire(import.meta.url)(join(built.dir, `${name}.cjs`));
  } finally {
    built.remove();
  }
}
