// A deliberate type error: the type check must report it (TS2322), or it checks nothing.
import { WeakValueMap } from '@w/weak-value-map';

export const wrong: number = new WeakValueMap<string, object>().get('key');
