// What a user of @w/weakref does, run on the module from `import` and from `require`.
const assert = require('node:assert/strict');

module.exports = function check(weakref) {
  const resource = { name: 'resource' };

  const r = weakref.ref(resource);
  assert.ok(r instanceof weakref.Ref);
  assert.equal(r.deref(), resource);
  assert.equal(weakref.ref(resource), r); // reused, as in Python

  const p = weakref.proxy(resource);
  assert.equal(p.name, 'resource');
  assert.ok(weakref.isProxy(p));
  // One ref (@w/ref) and one proxy (@w/proxy) counted in one place: a single @w/core installed.
  assert.equal(weakref.getWeakRefCount(resource), 2);

  const f = weakref.finalize(resource, (a, b) => a + b, 2, 3);
  assert.ok(f instanceof weakref.Finalizer);
  assert.equal(f.alive, true);
  assert.equal(f(), 5);
  assert.equal(f.alive, false);
  assert.equal(f(), undefined);

  const byName = new weakref.WeakValueMap([['resource', resource]]);
  assert.equal(byName.get('resource'), resource);
  const tags = new weakref.WeakKeyMap([[resource, 'tag']]);
  assert.equal(tags.get(resource), 'tag');
  const members = new weakref.IterableWeakSet([resource]);
  assert.deepEqual([...members], [resource]);

  assert.equal(weakref.canBeHeldWeakly(resource), true);
  assert.equal(weakref.canBeHeldWeakly(1), false);
  assert.throws(() => weakref.ref(1), {
    name: 'TypeError',
    message: "cannot create weak reference to 'number' value",
  });
};
