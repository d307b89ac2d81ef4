import { reportUnraisable } from './unraisable';

type ExitHook = () => void;

const hooks = new Set<ExitHook>();
let installed = false;

/**
 * Runs `hook` once when the program ends: Node's `exit` event (normal end and
 * `process.exit()`), or `pagehide` in a browser. Returns a function that removes it.
 */
export function onExit(hook: ExitHook): () => void {
  installOnce();
  hooks.add(hook);
  return () => hooks.delete(hook);
}

// A hook added while these run is visited too: Set iteration sees later additions.
function runExitHooks(): void {
  for (const hook of hooks) {
    hooks.delete(hook);
    try {
      hook();
    } catch (error) {
      reportUnraisable(error, 'exit hook');
    }
  }
}

function installOnce(): void {
  if (installed) return;
  installed = true;
  const proc = (globalThis as { process?: { on?: (event: string, fn: () => void) => void } })
    .process;
  if (typeof proc?.on === 'function') {
    proc.on('exit', runExitHooks);
  } else if (typeof globalThis.addEventListener === 'function') {
    globalThis.addEventListener('pagehide', runExitHooks);
  }
}
