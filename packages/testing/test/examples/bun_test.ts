import { expect, test } from 'bun:test';
import { expectCollected, matchers, probe } from '@w/testing';

expect.extend(matchers);

const sessions = new Set<{ handlers: (() => void)[] }>();

test('a closed session can be collected', async () => {
  let session: { handlers: (() => void)[] } | undefined = { handlers: [] };
  sessions.add(session);
  const p = probe(session, 'session a');

  sessions.delete(session); // what closing a session must do
  session = undefined; // the test's own reference goes too

  await expectCollected(p);
});

test('an open session is kept', async () => {
  const session = { handlers: [] };
  sessions.add(session);
  await expect(probe(session, 'open session')).not.toBeCollected();
  sessions.delete(session);
});
