import { loadCommonJsCopy } from '@w/test-support/common-js-copy';
import { hasNodeApis } from '@w/test-support/node-apis';
import { describe, expect, it } from 'vitest';
import { createCleanupRegistry } from '../src/cleanup-registry';
import { collectGarbage } from '../src/testing';

const registries = Array.from({ length: 6 }, () => {
  const cleaned: string[] = [];
  const registry = createCleanupRegistry<string>((held) => cleaned.push(held), 'test');
  return { cleaned, registry };
});

function registerDyingObjects(): void {
  for (const [i, { registry }] of registries.entries()) registry.register({}, `r${i}`);
}

describe('collectGarbage', () => {
  it('waits until every registry has run its cleanup, not just the first', async () => {
    registerDyingObjects();
    await collectGarbage();
    expect(registries.map(({ cleaned }) => cleaned)).toEqual(registries.map((_, i) => [`r${i}`]));
  });

  it('keeps going while cleanup frees more objects', async () => {
    const cleaned: string[] = [];
    const outer = createCleanupRegistry<string>((held) => cleaned.push(held), 'test');
    const inner = createCleanupRegistry<string>((held) => cleaned.push(held), 'test');
    const holder = { inner: {} as object | undefined };
    // The inner object dies only when the outer cleanup lets go of it.
    (function register() {
      inner.register(holder.inner!, 'inner');
      outer.register({}, 'outer');
    })();
    const releaseOnOuter = createCleanupRegistry<null>(() => {
      holder.inner = undefined;
    }, 'test');
    (() => releaseOnOuter.register({}, null))();
    await collectGarbage();
    expect(cleaned.sort()).toEqual(['inner', 'outer']);
  });

  it('follows a chain of 25 cleanups to its end', async () => {
    // Object i + 1 is kept until object i's cleanup runs: 25 collections, one after another.
    const cleaned: number[] = [];
    const next: (object | undefined)[] = [];
    const registry = createCleanupRegistry<number>((i) => {
      cleaned.push(i);
      next[i] = undefined;
    }, 'test');
    (() => {
      for (let i = 0; i < 25; i++) {
        const object = {};
        registry.register(object, i);
        if (i > 0) next[i - 1] = object;
      }
    })();
    await collectGarbage();
    expect(cleaned).toEqual(Array.from({ length: 25 }, (_, i) => i));
  });

  it('says so when cleanup never stops freeing more, after 100 rounds', async () => {
    let runs = 0;
    let stop = false;
    const registry = createCleanupRegistry<null>(() => {
      runs++;
      if (!stop) registerDying();
    }, 'test');
    const registerDying = () => registry.register({}, null);
    registerDying();
    await expect(collectGarbage()).rejects.toThrow(
      'collectGarbage(): cleanup still freed more objects after 100 rounds',
    );
    expect(runs).toBeGreaterThanOrEqual(100);
    stop = true;
    await collectGarbage();
  });

  it('keeps live objects alive', async () => {
    const cleaned: string[] = [];
    const registry = createCleanupRegistry<string>((held) => cleaned.push(held), 'test');
    const live = {};
    registry.register(live, 'live');
    await collectGarbage();
    expect(cleaned).toEqual([]);
    expect(live).toBeDefined();
  });

  // A fresh process of the runtime running this test, started without any gc flag: Node turns
  // gc on through node:v8, Deno too, Bun has Bun.gc(). A file, not `-e`: Deno runs no ESM `-e`.
  it.runIf(hasNodeApis)('finds a way to force gc when the runtime has no gc flag', async () => {
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { fileURLToPath } = await import('node:url');
    const { buildForChildren } = await import('@w/test-support/build-for-children');
    const built = await buildForChildren({
      testing: fileURLToPath(new URL('../src/testing.ts', import.meta.url)),
    });
    const testing = join(built.dir, 'testing.js');
    const dir = mkdtempSync(join(tmpdir(), 'w-collect-garbage-'));
    const script = join(dir, 'child.mjs');
    writeFileSync(
      script,
      `import { collectGarbage } from ${JSON.stringify(testing)};
      let cleaned = false;
      const r = new FinalizationRegistry(() => { cleaned = true; });
      (() => r.register({}, 0))();
      await collectGarbage();
      console.log(typeof globalThis.gc, cleaned);`,
    );
    try {
      const out = execFileSync(process.execPath, [script], {
        env: { ...process.env, NODE_OPTIONS: '' },
        encoding: 'utf8',
      });
      expect(out.trim()).toBe('undefined true');
    } finally {
      rmSync(dir, { recursive: true, force: true });
      built.remove();
    }
  });
});

describe('collectGarbage from another copy of @w/core', () => {
  it.runIf(hasNodeApis)('waits for a chain of cleanups to its end (a CommonJS copy)', async () => {
    const testing = (await loadCommonJsCopy(new URL('../src/testing.ts', import.meta.url))) as {
      collectGarbage: typeof collectGarbage;
    };
    // Object i + 1 is kept until object i's cleanup runs: six collections, one after another.
    const cleaned: number[] = [];
    const next: (object | undefined)[] = [];
    const registry = createCleanupRegistry<number>((i) => {
      cleaned.push(i);
      next[i] = undefined;
    }, 'test');
    (() => {
      for (let i = 0; i < 6; i++) {
        const object = {};
        registry.register(object, i);
        if (i > 0) next[i - 1] = object;
      }
    })();
    await testing.collectGarbage();
    expect(cleaned).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
