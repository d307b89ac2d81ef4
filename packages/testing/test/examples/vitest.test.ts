import { expectCollected, type LeakMatchers, matchers, probe } from '@w/testing';
import { expect, test } from 'vitest';

expect.extend(matchers);
declare module 'vitest' {
  interface Matchers<T = any> extends LeakMatchers<T> {}
}

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
  const session = new Session();
  sessions.add(session);
  await expect(probe(session, 'open session')).not.toBeCollected();
  sessions.delete(session);
});
