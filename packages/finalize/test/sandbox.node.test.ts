import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { collectGarbage } from '@w/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCommonJs, buildForChildren } from './child-process';

// Jest and vitest's vmThreads run test files in vm contexts that often share the host's
// `process`: each loads its own copy of the library, with its own exit queue.

let built: Awaited<ReturnType<typeof buildForChildren>>;
let library: string;
beforeAll(async () => {
  built = await buildForChildren();
  library = readFileSync(await buildCommonJs(built.dir), 'utf8');
}, 60_000);
afterAll(() => built?.remove());

// What each sandbox runs after loading the library: finalizers of every kind, none of whose
// objects outlives the sandbox.
const SANDBOX = `
  finalize({}, () => {}); // runs once its object is collected
  globalThis.kept = {};
  finalize(kept, () => {}).detach();
  finalize(kept, () => {})();
  finalize(kept, () => {}).atexit = false;`;

// In its own function, so that nothing of a sandbox stays on this frame.
function runDroppedSandboxes(count: number): WeakRef<object>[] {
  const globals: WeakRef<object>[] = [];
  for (let i = 0; i < count; i++) {
    const context = vm.createContext({ process, setTimeout, setImmediate, queueMicrotask });
    vm.runInContext(
      `const module = { exports: {} };
      (function (module, exports) {${library}\n})(module, module.exports);
      const { finalize } = module.exports;
      ${SANDBOX}`,
      context,
    );
    globals.push(new WeakRef(vm.runInContext('globalThis', context)));
  }
  return globals;
}

describe('vm sandboxes that share process', () => {
  it('are collected once dropped, leaving no exit listener behind', async () => {
    const emit = process.emit;
    const before = process.listenerCount('exit');
    const maxListeners = process.getMaxListeners();
    process.setMaxListeners(before + 40); // one per sandbox is expected here
    const globals = runDroppedSandboxes(40);
    // One listener per sandbox while it has exit work (the first finalizer's object lives).
    expect(process.listenerCount('exit') - before).toBe(40);
    await collectGarbage();
    expect(globals.filter((global) => global.deref() !== undefined)).toHaveLength(0);
    expect(process.listenerCount('exit')).toBe(before);
    expect(process.emit).toBe(emit);
    process.setMaxListeners(maxListeners);
  }, 60_000);
});
