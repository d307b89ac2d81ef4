import { collectGarbage } from '@w/core/testing';
import { getWeakRefCount, type Ref, ref } from '@w/ref';

// The target lives only inside this function; the ref outlives it.
function makeRefWithCallback(): Ref<object> {
  const target = { name: 'spam' };
  const r = ref(target, (dead) => {
    console.log('callback, with the same ref:', dead === r);
  });
  console.log('alive:', r);
  console.log('weak refs to the target:', getWeakRefCount(target));
  return r;
}

const r = makeRefWithCallback();
console.log('dropping the object and collecting...');
await collectGarbage();
console.log('dead:', r);
console.log('r.deref():', r.deref());
