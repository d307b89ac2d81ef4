import { collectGarbage } from '@w/core/testing';
import { finalize } from '@w/finalize';

class Person {
  constructor(readonly name: string) {}
}

// Kenny is unreachable once this returns; only his finalizer remains.
function meetKenny(): void {
  const kenny = new Person('Kenny');
  const f = finalize(kenny, console.log, 'You killed Kenny!');
  console.log(`${f}, alive: ${f.alive}`);
}

meetKenny();
console.log('dropping kenny and collecting...');
await collectGarbage();
