import { expect, jest, test } from 'bun:test';
import { expectCollected, matchers, probe } from '@w/testing';

expect.extend(matchers);

class Session {
  handlers: (() => void)[] = [];
}

const sessions = new Set<Session>();

test('a closed session can be collected', async () => {
  let session: Session | undefined = new Session();
  sessions.add(session);
  const p = probe(session, 'session a');

  sessions.delete(session); // what closing a session must do
  session = undefined; // the test's own reference goes too

  await expectCollected(p);
});

test('an open session is kept', async () => {
  jest.useFakeTimers(); // fake timers change nothing
  const session = new Session();
  sessions.add(session);
  await expect(probe(session, 'open session')).not.toBeCollected();
  sessions.delete(session);
});
