import * as weakref from '@w/weakref';

class Image {
  constructor(readonly path: string) {}
}

// One Image per path while anything uses it; none kept once nothing does.
const images = new weakref.WeakValueMap<string, Image>();

function load(path: string): Image {
  return images.getOrInsertComputed(path, (p) => new Image(p));
}

const cat = load('cat.png');
console.log(`the same object: ${load('cat.png') === cat}`);
console.log(`cached: ${[...images.keys()].join(', ')}`);

// Listeners that may go away: the set does not keep them alive.
const listeners = new weakref.IterableWeakSet<() => void>();
const onLoad = () => console.log('a listener ran');
listeners.add(onLoad);
for (const listener of listeners) listener();

console.log(`a weak ref reads cat: ${weakref.ref(cat).deref() === cat}`);
