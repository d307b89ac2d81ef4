// A leak test as an app that depends on @w/weakref writes it: @w/weakref/testing brings the
// whole toolkit (no @w/core or @w/testing import). Prints what it found.
import { expectCollected, LeakError, probe } from '@w/weakref/testing';

function dropped() {
  return probe({ id: 1 }, 'dropped');
}

const held = { id: 2 };
await expectCollected(dropped());
const failure = await expectCollected(probe(held, 'held'), { timeout: 100, retainers: false }).then(
  () => undefined,
  (error) => error,
);
console.log(
  failure instanceof LeakError ? `dropped collected; ${failure.message}` : 'no LeakError',
);
console.log(held.id);
