import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const core = fileURLToPath(new URL('../dist/internal.js', import.meta.url));

function runChild(body: string): { stdout: string; status: number } {
  // A file, not `-e`: Deno (running as process.execPath) takes no ES module from `-e`.
  const dir = mkdtempSync(join(tmpdir(), 'w-exit-hooks-'));
  const script = join(dir, 'child.mjs');
  writeFileSync(script, `import { onExit } from ${JSON.stringify(core)};\n${body}`);
  try {
    const stdout = execFileSync(process.execPath, [script], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { stdout, status: 0 };
  } catch (error) {
    const failed = error as { stdout: string; status: number };
    return { stdout: failed.stdout, status: failed.status };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('onExit', () => {
  it('runs hooks at normal exit, reporting a throwing one and running the rest', () => {
    const { stdout, status } = runChild(`
      onExit(() => console.log('first'));
      onExit(() => { throw new Error('bad hook'); });
      onExit(() => console.log('third'));
      const remove = onExit(() => console.log('removed'));
      remove();`);
    expect(stdout.trim().split('\n')).toEqual(['first', 'third']);
    expect(status).toBe(0);
  });

  it('runs hooks on process.exit() and keeps the exit status', () => {
    const { stdout, status } = runChild(`
      onExit(() => console.log('ran'));
      process.exit(3);`);
    expect(stdout.trim()).toBe('ran');
    expect(status).toBe(3);
  });
});
