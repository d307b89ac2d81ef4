const weakref = require('@w/weakref');
require('./check.cjs')(weakref);
console.log(JSON.stringify(Object.keys(weakref).sort()));
