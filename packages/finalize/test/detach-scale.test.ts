import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildForChildren, runChild } from './child-process';

let built: Awaited<ReturnType<typeof buildForChildren>>;
beforeAll(async () => {
  built = await buildForChildren();
}, 60_000);
afterAll(() => built?.remove());

describe('detaching many finalizers of one object', () => {
  it('is linear newest first, in the job that made them as one task later', () => {
    // The work is counted, not timed: every array element that indexOf, lastIndexOf or
    // splice visits or shifts. A search from the oldest end visited about 1.8e9 here.
    const { stdout, status } = run(`
      const COUNT = 60_000;
      let work = 0;
      const { indexOf, lastIndexOf, splice } = Array.prototype;
      Array.prototype.indexOf = function (value, from) {
        const at = indexOf.call(this, value, from);
        work += at === -1 ? this.length : at + 1;
        return at;
      };
      Array.prototype.lastIndexOf = function (...args) {
        const at = lastIndexOf.apply(this, args);
        work += at === -1 ? this.length : this.length - at;
        return at;
      };
      Array.prototype.splice = function (start, ...rest) {
        work += Math.max(0, this.length - start);
        return splice.call(this, start, ...rest);
      };
      globalThis.kept = {};
      const detachNewestFirst = () => {
        const made = [];
        for (let i = 0; i < COUNT; i++) made.push(finalize(kept, () => {}));
        return () => { for (let i = COUNT - 1; i >= 0; i--) made[i].detach(); };
      };
      work = 0;
      detachNewestFirst()();
      const sameJob = work;
      const detach = detachNewestFirst();
      await new Promise((resolve) => setTimeout(resolve, 0));
      work = 0;
      detach();
      const taskLater = work;
      console.log(sameJob <= 5 * Math.max(taskLater, COUNT) || sameJob);`);
    expect(stdout).toEqual(['true']);
    expect(status).toBe(0);
  }, 60_000);
});

function run(body: string) {
  return runChild(built.dir, body);
}
