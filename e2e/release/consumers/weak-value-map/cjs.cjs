const exported = require('@w/weak-value-map');
require('./check.cjs')(exported);
console.log(JSON.stringify(Object.keys(exported).sort()));
