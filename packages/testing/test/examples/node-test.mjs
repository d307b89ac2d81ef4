import { test } from 'node:test';
import { expectCollected, expectRetained, probe } from '@w/testing';

const sessions = new Set();

test('a closed session can be collected', async () => {
  let session = { handlers: [] };
  sessions.add(session);
  const p = probe(session, 'session a');

  sessions.delete(session); // what closing a session must do
  session = undefined; // the test's own reference goes too

  await expectCollected(p);
});

test('an open session is kept', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout', 'setImmediate'] }); // fake timers change nothing
  const session = { handlers: [] };
  sessions.add(session);
  await expectRetained(probe(session, 'open session'));
  sessions.delete(session);
});
