// Type-checked as types.ts (bundler), types.mts (node16 ESM) and types.cts (node16 CommonJS).
import { type PairSource, WeakValueMap } from '@w/weak-value-map';

class Image {
  constructor(readonly path: string) {}
}

const entries: PairSource<string, Image> = [['cat', new Image('cat.png')]];
const images = new WeakValueMap<string, Image>(entries);
const cat: Image | undefined = images.get('cat');
const loaded: Image = images.getOrInsertComputed('dog', (path) => new Image(path));
const asMap: Map<string, Image> = images;
// KeyedRef comes from @w/ref, a dependency: its types must resolve through this package.
const firstRef = images.valueRefs()[0];
const firstKey: string | undefined = firstRef?.key;
const firstValue: Image | undefined = firstRef?.deref();

// @ts-expect-error values must be weakly holdable: a number is not
new WeakValueMap<string, number>();

export const used = [cat, loaded, asMap, firstKey, firstValue];
