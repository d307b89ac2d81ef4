import { describe, expect, it } from 'vitest';
import { createCleanupRegistry } from '../src/internal';
import { collectGarbage } from '../src/testing';

/** A full collection that clears dead weak refs but, being synchronous, runs no cleanup yet. */
function gcWithoutCleanup(): void {
  (globalThis as unknown as { gc: () => void }).gc();
}

describe('createCleanupRegistry', () => {
  it('keeps cleanup running after a registry is collected with its cleanup pending', async () => {
    // V8 (Node 20 to 24) would never run any cleanup again after this (a container dropped, or one
    // that swapped its registry, while its cleanup was pending).
    let dropped: FinalizationRegistry<undefined> | undefined = createCleanupRegistry(
      () => {},
      'test cleanup',
    );
    (() => dropped.register({}, undefined))();
    // A new task: the registry is no longer kept alive by the task that made it.
    await new Promise((resolve) => setTimeout(resolve, 0));
    gcWithoutCleanup(); // its target is dead: cleanup is pending...
    dropped = undefined;
    gcWithoutCleanup(); // ...and the registry itself is collected before that cleanup ran
    let cleaned = false;
    const kept = createCleanupRegistry(() => {
      cleaned = true;
    }, 'test cleanup');
    (() => kept.register({}, undefined))();
    await collectGarbage();
    expect(cleaned).toBe(true);
  });
});
