import * as exported from '@w/weak-value-map';
import check from './check.cjs';

check(exported);
console.log(JSON.stringify(Object.keys(exported).sort()));
