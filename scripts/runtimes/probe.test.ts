import { expect, inject, it } from 'vitest';
import { collectGarbage } from '../../packages/core/src/testing';

type Globals = {
  Bun?: { version: string };
  Deno?: { version: { deno: string; v8: string } };
  process?: { versions?: { node?: string; v8?: string } };
  navigator?: { userAgent: string };
};

// What really runs this file: test:runtimes checks it against the runtime it asked for.
function runtimeName(): string {
  const g = globalThis as Globals;
  if (g.Bun) return `bun ${g.Bun.version}`;
  if (g.Deno) return `deno ${g.Deno.version.deno} (V8 ${g.Deno.version.v8})`;
  const node = g.process?.versions?.node;
  if (node) return `node v${node} (V8 ${g.process?.versions?.v8})`;
  const chrome = g.navigator?.userAgent.match(/Chrome\/[\d.]+/)?.[0];
  return chrome ? `chromium ${chrome.slice('Chrome/'.length)}` : 'unknown';
}

// How collectGarbage() (packages/core/src/testing.ts) will force a collection here.
function gcSource(): string {
  const g = globalThis as Globals & { gc?: unknown; process?: { getBuiltinModule?: unknown } };
  if (typeof g.gc === 'function') return 'globalThis.gc';
  if (g.Bun) return 'Bun.gc';
  return typeof g.process?.getBuiltinModule === 'function' ? 'turned on at run time' : 'none';
}

const runtime = `${runtimeName()}, gc: ${gcSource()}`;

// The test's name shows the runtime in every report; test:runtimes passes what it expects.
it(`runs on ${runtime}`, () => {
  const expected = inject('expectedRuntime');
  expect(runtime.slice(0, expected.length)).toBe(expected);
});

it('forces a collection that runs cleanup', async () => {
  let cleaned = false;
  const registry = new FinalizationRegistry(() => {
    cleaned = true;
  });
  (() => registry.register({}, null))();
  await collectGarbage();
  expect(cleaned).toBe(true);
});
