// The one error the matrix expects, so that a compiler that checks nothing cannot pass.
import { WeakValueMap } from '@w/weak-value-map';

export const numbers = new WeakValueMap<string, number>();
