import { describe, expect, it } from 'vitest';
import { expectCollected, LeakError, type Probe, probe } from '../src/index';

const TIMES = 200;

function dropped(i: number): Probe<object> {
  return probe({ i }, `dropped ${i}`);
}

describe('200 times in a row', () => {
  it('a dropped object passes', async () => {
    for (let i = 0; i < TIMES; i++) await expectCollected(dropped(i), { timeout: 0 });
  });

  it('a held object fails', async () => {
    const held: object[] = [];
    for (let i = 0; i < TIMES; i++) {
      held.push({ i });
      const check = expectCollected(probe(held[i]!, `held ${i}`), { timeout: 0, retainers: false });
      await expect(check).rejects.toThrow(LeakError);
    }
    expect(held).toHaveLength(TIMES);
  });
});
