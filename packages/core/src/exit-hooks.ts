import { processShared } from './process-shared';
import { callReportingErrors } from './unraisable';

type ExitHook = () => void;

// One list and ONE exit listener per process, however many copies of @w/core are loaded.
// Pure: a bundle that uses nothing of this module drops the slot with it.
const shared = /* @__PURE__ */ processShared('exit-hooks@1', () => ({
  hooks: new Set<ExitHook>(),
  installed: false,
}));

/**
 * Runs `hook` once when the program ends: Node's `exit` event (normal end and
 * `process.exit()`), or `pagehide` in a browser. Returns a function that removes it.
 */
export function onExit(hook: ExitHook): () => void {
  installOnce();
  shared.hooks.add(hook);
  return () => shared.hooks.delete(hook);
}

// A hook added while these run is visited too: Set iteration sees later additions.
function runExitHooks(): void {
  for (const hook of shared.hooks) {
    shared.hooks.delete(hook);
    callReportingErrors(hook, 'exit hook', undefined);
  }
}

function installOnce(): void {
  if (shared.installed) return;
  shared.installed = true;
  const proc = (globalThis as { process?: { on?: (event: string, fn: () => void) => void } })
    .process;
  if (typeof proc?.on === 'function') {
    proc.on('exit', runExitHooks);
  } else if (typeof globalThis.addEventListener === 'function') {
    globalThis.addEventListener('pagehide', runExitHooks);
  }
}
