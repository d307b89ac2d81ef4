import * as weakref from '@w/weakref';
import check from './check.cjs';

check(weakref);
console.log(JSON.stringify(Object.keys(weakref).sort()));
