const { expectCollected, matchers, probe } = require('@w/testing');

expect.extend(matchers);

const sessions = new Set();

test('a closed session can be collected', async () => {
  let session = { handlers: [] };
  sessions.add(session);
  const p = probe(session, 'session a');

  sessions.delete(session); // what closing a session must do
  session = undefined; // the test's own reference goes too

  await expectCollected(p);
});

test('an open session is kept', async () => {
  jest.useFakeTimers(); // fake timers change nothing
  const session = { handlers: [] };
  sessions.add(session);
  await expect(probe(session, 'open session')).not.toBeCollected();
  sessions.delete(session);
});
