import { expectCollected, expectRetained, probe } from '@w/testing';

class Session {
  handlers: (() => void)[] = [];
}

const sessions = new Set<Session>();

Deno.test('a closed session can be collected', async () => {
  let session: Session | undefined = new Session();
  sessions.add(session);
  const p = probe(session, 'session a');

  sessions.delete(session); // what closing a session must do
  session = undefined; // the test's own reference goes too

  await expectCollected(p);
});

Deno.test('an open session is kept', async () => {
  const session = new Session();
  sessions.add(session);
  await expectRetained(probe(session, 'open session'));
  sessions.delete(session);
});
