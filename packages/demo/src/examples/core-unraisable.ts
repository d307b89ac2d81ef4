import { setUnraisableHook } from '@w/core';
import { collectGarbage } from '@w/core/testing';
import { type Ref, ref } from '@w/ref';

// Two refs to one object that dies when this returns; the newer callback
// throws.
function watchTemporary(): Ref<object>[] {
  const temporary = {};
  return [
    ref(temporary, () => console.log('the older callback still runs')),
    ref(temporary, () => {
      throw new Error('callback failed');
    }),
  ];
}

const previous = setUnraisableHook(({ error, origin }) => {
  console.log(`hook: ${origin} threw ${error}`);
});
const refs = watchTemporary(); // kept: a dropped ref never runs its callback
await collectGarbage();
const allDead = refs.every((r) => r.deref() === undefined);
console.log(`still running; ${refs.length} refs, both dead: ${allDead}`);
setUnraisableHook(previous);
