// What a user of @w/weak-value-map does, run on the module from `import` and from `require`.
const assert = require('node:assert/strict');

module.exports = function check({ WeakValueMap }) {
  const cat = { path: 'cat.png' };
  const images = new WeakValueMap([['cat', cat]]);
  assert.equal(images.get('cat'), cat);
  assert.equal(
    images.getOrInsertComputed('cat', () => ({})),
    cat,
  );
  assert.equal(images.size, 1);
  assert.deepEqual([...images.keys()], ['cat']);
  // valueRefs() hands out KeyedRefs made by @w/ref, a dependency installed from the registry.
  const [valueRef] = images.valueRefs();
  assert.equal(valueRef.key, 'cat');
  assert.equal(valueRef.deref(), cat);
  assert.equal(images.pop('cat'), cat);
  assert.equal(images.size, 0);
  // Bad input is reported by @w/core's checks.
  assert.throws(() => images.set('n', 1), {
    name: 'TypeError',
    message: "cannot create weak reference to 'number' value",
  });
};
