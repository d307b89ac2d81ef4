import { finalize } from '@w/finalize';

function callback(x: number, y: number, z: number): number {
  console.log('CALLBACK');
  return x + y + z;
}

const obj = { name: 'obj' };
const f = finalize(obj, callback, 1, 2, 3);
console.log(`f.alive: ${f.alive}`);
console.log(`f(): ${f()}`);
console.log(`f.alive: ${f.alive}`);
console.log(`f() again: ${f()} (dead: not called again)`);
