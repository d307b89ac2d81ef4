import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository root, as a path. */
export const root = fileURLToPath(new URL('../../', import.meta.url));

export interface Manifest {
  name: string;
  private?: boolean;
  exports: Record<string, string | { import: { default: string }; require: { default: string } }>;
  [field: string]: unknown;
}

/** Every package under packages/ that is published, with its directory and manifest. */
export function publishedPackages(): { dir: string; manifest: Manifest }[] {
  return readdirSync(`${root}packages`)
    .map((name) => {
      const dir = `${root}packages/${name}`;
      const manifest = JSON.parse(readFileSync(`${dir}/package.json`, 'utf8')) as Manifest;
      return { dir, manifest };
    })
    .filter(({ manifest }) => !manifest.private);
}

/** Each code entry of a package (`.`, `./testing`, ...) with its built ESM and CJS files. */
export function builtEntries(dir: string, manifest: Manifest) {
  return Object.entries(manifest.exports).flatMap(([subpath, target]) =>
    typeof target === 'string'
      ? []
      : [
          {
            subpath,
            esm: `${dir}/${target.import.default}`,
            cjs: `${dir}/${target.require.default}`,
          },
        ],
  );
}
