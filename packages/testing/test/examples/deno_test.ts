import { expectCollected, expectRetained, probe } from '@w/testing';

const sessions = new Set<{ handlers: (() => void)[] }>();

Deno.test('a closed session can be collected', async () => {
  let session: { handlers: (() => void)[] } | undefined = { handlers: [] };
  sessions.add(session);
  const p = probe(session, 'session a');

  sessions.delete(session); // what closing a session must do
  session = undefined; // the test's own reference goes too

  await expectCollected(p);
});

Deno.test('an open session is kept', async () => {
  const session = { handlers: [] };
  sessions.add(session);
  await expectRetained(probe(session, 'open session'));
  sessions.delete(session);
});
