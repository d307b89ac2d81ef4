// require('@w/core/testing') runs a chained collection to its end: each finalizer's args keep
// the next object alive, so six collections must run one after another. Prints what ran.
const { collectGarbage } = require('@w/core/testing');
const { finalize } = require('@w/weakref');

const finalized = [];
(() => {
  let next;
  for (let i = 5; i >= 0; i--) {
    const object = {};
    finalize(object, (n, _keep) => finalized.push(n), i, next);
    next = object;
  }
})();
collectGarbage().then(() => console.log(JSON.stringify(finalized)));
