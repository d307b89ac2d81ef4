import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { buildForChildren } from '@w/test-support/build-for-children';
import { build } from 'tsup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Other hosts, each in a child process, on @w/testing bundled from source: node:test with its
// mock timers, @sinonjs/fake-timers, and jest 29 and 30 (each test file in its own vm context).
// Fake timers are installed before the package loads and after.

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const source = fileURLToPath(new URL('../src/index.ts', import.meta.url));
let built: { dir: string; remove(): void };

beforeAll(async () => {
  built = await buildForChildren({ testing: source });
  // Jest loads CommonJS without flags.
  await build({
    config: false,
    silent: true,
    entry: { testing: source },
    outDir: built.dir,
    format: ['cjs'],
    target: 'es2022',
    dts: false,
    noExternal: [/^@w\//],
    esbuildOptions(options) {
      options.conditions = ['source'];
    },
  });
}, 120_000);

afterAll(() => built?.remove());

// The checks every host runs: a dropped object passes, a held one fails, with fake timers on.
const checks = (t: string) => `{
  await ${t}.expectCollected(${t}.probe({}, 'dropped'));
  const held = {};
  await assertRejects(${t}.expectCollected(${t}.probe(held, 'held'), { timeout: 50, retainers: false }), ${t}.LeakError);
  await ${t}.expectRetained(${t}.probe(held, 'held'));
}`;
const assertRejects = `
  async function assertRejects(promise, type) {
    const error = await promise.then(() => undefined, (e) => e);
    if (!(error instanceof type)) throw new Error('expected a ' + type.name + ', got ' + error);
  }
`;

// The no-flakes goal in each host: a dropped object passes and a held one fails, 200 times in
// a row each, one collection per check (timeout 0). A dropped object is made in a synchronous
// function, so no frame of the test holds it; a held one stays in an array read at the end.
const TIMES = 200;
const noFlakes = (t: string) => `
  function dropped(i) {
    return ${t}.probe({ i }, 'dropped ' + i);
  }
  for (let i = 0; i < ${TIMES}; i++) await ${t}.expectCollected(dropped(i), { timeout: 0 });
  const heldObjects = [];
  for (let i = 0; i < ${TIMES}; i++) {
    heldObjects.push({ i });
    const check = ${t}.expectCollected(${t}.probe(heldObjects[i], 'held ' + i), { timeout: 0, retainers: false });
    await assertRejects(check, ${t}.LeakError);
  }
  if (heldObjects.length !== ${TIMES}) throw new Error('lost a held object');
`;

function child(name: string, text: string): string {
  const file = join(built.dir, name);
  writeFileSync(file, text);
  return file;
}

describe('node:test with mock.timers', () => {
  it('installed before and after @w/testing loads', async () => {
    const file = child(
      'node-test.mjs',
      `import { mock, test } from 'node:test';
      ${assertRejects}
      const apis = ['setTimeout', 'setInterval', 'setImmediate', 'Date'];
      test('fakes installed before load', async () => {
        mock.timers.enable({ apis });
        try {
          const t = await import('./testing.js');
          ${checks('t')}
        } finally {
          mock.timers.reset();
        }
      });
      test('fakes installed after load', async () => {
        const t = await import('./testing.js');
        mock.timers.enable({ apis });
        try {
          ${checks('t')}
        } finally {
          mock.timers.reset();
        }
      });
      test('${TIMES} times in a row, fakes installed', async () => {
        const t = await import('./testing.js');
        mock.timers.enable({ apis });
        try {
          ${noFlakes('t')}
        } finally {
          mock.timers.reset();
        }
      });`,
    );
    const { stdout } = await run(process.execPath, ['--test', '--test-reporter=tap', file], {
      env: clean(),
    });
    expect(stdout).toMatch(/# pass 3\n# fail 0/);
  });
});

describe('@sinonjs/fake-timers', () => {
  it('installed before and after @w/testing loads', async () => {
    const fakeTimers = require.resolve('@sinonjs/fake-timers');
    const file = child(
      'sinon.mjs',
      `import { createRequire } from 'node:module';
      ${assertRejects}
      const FakeTimers = createRequire(import.meta.url)(${JSON.stringify(fakeTimers)});
      let clock = FakeTimers.install();
      const t = await import('./testing.js');
      ${checks('t')}
      clock.uninstall();
      clock = FakeTimers.install();
      ${checks('t')}
      ${noFlakes('t')}
      clock.uninstall();
      console.log('ok');`,
    );
    const { stdout } = await run(process.execPath, [file], { env: clean() });
    expect(stdout.trim()).toBe('ok');
  });
});

describe.each(['jest', 'jest29'])('%s', (jest) => {
  it('finds gc and real timers in its vm contexts, fake timers before and after load', async () => {
    const matchersCheck = `
      expect.extend(t.matchers);
      await expect(t.probe({}, 'dropped')).toBeCollected();
      const kept = {};
      await expect(t.probe(kept, 'kept')).not.toBeCollected();
    `;
    child(
      `before-${jest}.test.cjs`,
      `jest.useFakeTimers();
      const t = require('./testing.cjs');
      ${assertRejects}
      test('fake timers installed before load', async () => {
        ${checks('t')}
        ${matchersCheck}
      });`,
    );
    child(
      `after-${jest}.test.cjs`,
      `const t = require('./testing.cjs');
      ${assertRejects}
      test('real timers', async () => {
        ${checks('t')}
      });
      test('fake timers installed after load', async () => {
        jest.useFakeTimers();
        ${checks('t')}
        ${matchersCheck}
      });
      test('${TIMES} times in a row, fake timers installed', async () => {
        jest.useFakeTimers();
        ${noFlakes('t')}
      }, 120_000);`,
    );
    const bin = join(require.resolve(`${jest}/package.json`), '../bin/jest.js');
    const { stderr } = await run(
      process.execPath,
      [bin, '--rootDir', built.dir, '--testMatch', `**/*-${jest}.test.cjs`, '--ci', '--no-cache'],
      { env: clean() },
    );
    expect(stderr).toMatch(/Tests: +4 passed, 4 total/);
    // 400 checks, each two full collections of a jest worker's heap (about 50 ms apiece).
  }, 240_000);
});

// No --expose-gc from the parent: collectGarbage() turns gc on by itself.
function clean(): NodeJS.ProcessEnv {
  return { ...process.env, NODE_OPTIONS: '' };
}

// The guide's examples (docs/guide/testing.md shows these files), on the bundle.
function example(name: string, bundle: string): string {
  const text = readFileSync(new URL(`examples/${name}`, import.meta.url), 'utf8');
  return child(name, text.replace("'@w/testing'", `'./${bundle}'`));
}

describe("the guide's examples", () => {
  it('node:test', async () => {
    const file = example('node-test.mjs', 'testing.js');
    const { stdout } = await run(process.execPath, ['--test', '--test-reporter=tap', file], {
      env: clean(),
    });
    expect(stdout).toMatch(/# pass 2\n# fail 0/);
  });

  it('jest', async () => {
    example('jest.test.cjs', 'testing.cjs');
    const bin = join(require.resolve('jest/package.json'), '../bin/jest.js');
    const { stderr } = await run(
      process.execPath,
      [bin, '--rootDir', built.dir, '--testMatch', '**/jest.test.cjs', '--ci', '--no-cache'],
      { env: clean() },
    );
    expect(stderr).toMatch(/Tests: +2 passed, 2 total/);
  }, 120_000);
});
