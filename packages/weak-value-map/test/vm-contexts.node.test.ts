import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Node only: vm contexts, as Jest (and vitest's vmThreads) run each test file in one. A child
// process loads the CommonJS build into one context after another, and never into its own
// realm: no copy there keeps cleanup going for the contexts.

const packages = fileURLToPath(new URL('../..', import.meta.url));

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'w-vm-contexts-'));
  const entry = join(dir, 'entry.ts');
  writeFileSync(
    entry,
    `export { WeakValueMap } from ${JSON.stringify(join(packages, 'weak-value-map/src/index.ts'))};
     export { collectGarbage } from ${JSON.stringify(join(packages, 'core/src/testing.ts'))};`,
  );
  await build({
    config: false,
    silent: true,
    entry: { lib: entry },
    outDir: dir,
    format: ['cjs'],
    target: 'es2022',
    dts: false,
    noExternal: [/^@w\//],
    esbuildOptions(options) {
      options.conditions = ['source'];
    },
  });
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each context fills a WeakValueMap with 100 values that die, collects, and prints its size.
// Then it is dropped between two collections: the second collects it before the cleanup that
// the first left pending ran. With `pending`, that includes a dying value in its map.
function sizesInContexts(sandbox: string, { pending = false, hostCopy = false } = {}): number[] {
  const script = join(dir, `child-${Math.random().toString(36).slice(2)}.cjs`);
  writeFileSync(
    script,
    `const vm = require('node:vm');
     const code = require('node:fs').readFileSync(${JSON.stringify(join(dir, 'lib.cjs'))}, 'utf8');
     const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
     const holder = {};
     if (${hostCopy}) require(${JSON.stringify(join(dir, 'lib.cjs'))});
     (async () => {
       const sizes = [];
       for (let i = 0; i < 5; i++) {
         holder.context = vm.createContext(${sandbox});
         vm.runInContext('const module = { exports: {} };' + code + ';globalThis.lib = module.exports', holder.context);
         sizes.push(await vm.runInContext(\`(async () => {
           globalThis.map = new lib.WeakValueMap();
           (() => { for (let i = 0; i < 100; i++) map.set(i, {}); })();
           await lib.collectGarbage();
           const size = map.size;
           if (${pending}) (() => map.set(0, {}))();
           return size;
         })()\`, holder.context));
         await tick();
         gc();
         holder.context = undefined;
         gc();
       }
       console.log(sizes.join(' '));
     })();`,
  );
  const out = execFileSync(process.execPath, ['--expose-gc', script], { encoding: 'utf8' });
  return out.trim().split(' ').map(Number);
}

const timers = 'setTimeout, clearTimeout, setImmediate, clearImmediate';

describe('the library loaded into vm contexts that are dropped one after another', () => {
  it("keeps every later context's cleanup running (contexts with the host's process)", () => {
    expect(sizesInContexts(`{ ${timers}, process }`)).toEqual([0, 0, 0, 0, 0]);
  });

  it("keeps every later context's cleanup running (bare contexts)", () => {
    expect(sizesInContexts(`{ ${timers} }`)).toEqual([0, 0, 0, 0, 0]);
  });

  // A context that sees the host's process arms the canary in the host's realm: that covers
  // a context dropped while cleanup of its own is pending too.
  it('keeps it running with cleanup pending in each dropped context (host process)', () => {
    expect(sizesInContexts(`{ ${timers}, process }`, { pending: true })).toEqual([0, 0, 0, 0, 0]);
  });

  // What is left (docs/collection.md): a bare context has no way to the host's realm; there a
  // copy loaded by the host covers it, as it covers any dropped registry.
  it('keeps it running with cleanup pending in each dropped bare context, given a copy in the host', () => {
    expect(sizesInContexts(`{ ${timers} }`, { pending: true, hostCopy: true })).toEqual([
      0, 0, 0, 0, 0,
    ]);
  });
});
