// A deliberate type error: the type check must report it (TS2322), or it checks nothing.
import * as weakref from '@w/weakref';

export const wrong: number = weakref.ref({}).deref();
