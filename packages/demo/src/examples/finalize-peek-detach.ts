import { finalize } from '@w/finalize';

function callback(x: number, y: number, z: number): number {
  console.log('CALLBACK');
  return x + y + z;
}

const obj = { name: 'obj' };
const f = finalize(obj, callback, 1, 2, 3);
const [, , peekedArgs] = f.peek() ?? [];
console.log(`f.peek() gives [obj, callback, ${JSON.stringify(peekedArgs)}]`);

const detached = f.detach();
if (detached) {
  const [sameObj, func, args] = detached;
  console.log(`after detach(): alive ${f.alive}, same obj ${sameObj === obj}`);
  console.log(`f.peek(): ${f.peek()}, f.detach(): ${f.detach()}`);
  console.log(`calling the detached function ourselves: ${func(...args)}`);
}
