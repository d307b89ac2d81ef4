import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { root } from './published-packages';
import { installTools } from './registry-tools';

// The supported TypeScript range (README "Requirements"): 5.2 is the first with
// `Symbol.dispose`; before 5.6 the exports map's `types@<5.6` serves dist/ts5.5/.
const compilers = {
  'typescript-5.2': 'npm:typescript@5.2.2',
  'typescript-5.5': 'npm:typescript@5.5.4',
  'typescript-5.9': 'npm:typescript@5.9.3',
  'typescript-6.0': 'npm:typescript@6.0.3',
  'typescript-7.0': 'npm:typescript@7.0.2',
};
// Each resolves e2e/types (every package, ESM; node16 also a .cts file) against the built
// packages; its tsconfig.<mode>.json turns skipLibCheck off, so a bad .d.ts shows too. The
// first three use lib ES2023 with esnext.disposable; `es2022` is `bundler` with the oldest lib
// the README supports, `lib: ["es2022"]` alone (no DOM, no ES2023, no disposable typings).
const modes = ['node16', 'nodenext', 'bundler', 'es2022'];
// The error e2e/types/src/deliberate-error.ts makes, and the only one allowed. Under lib
// ES2022 a `WeakKey` is just `object` (symbols as weak keys are ES2023), and the error says so.
const deliberate = (mode: string) =>
  `src/deliberate-error.ts(4,49): error TS2344: Type 'number' does not satisfy the constraint '${mode === 'es2022' ? 'object' : 'WeakKey'}'.`;

let prefix = '';
beforeAll(() => {
  prefix = installTools('typescript', compilers);
}, 600_000);

async function typeCheck(compiler: string, mode: string): Promise<string[]> {
  const tsc = `${prefix}/node_modules/${compiler}/bin/tsc`;
  const args = [tsc, '-p', `tsconfig.${mode}.json`, '--pretty', 'false'];
  const result = await promisify(execFile)(process.execPath, args, {
    cwd: `${root}e2e/types`,
  }).then(
    () => ({ stdout: '' }),
    (error: { stdout: string }) => error,
  );
  return result.stdout.split('\n').filter((line) => /error TS\d+/.test(line));
}

describe.each(Object.keys(compilers))('%s', (compiler) => {
  it.each(modes)(
    `tsconfig.%s.json: the consumer compiles, bar the deliberate error`,
    async (mode) => {
      expect(await typeCheck(compiler, mode)).toEqual([deliberate(mode)]);
    },
  );
});
