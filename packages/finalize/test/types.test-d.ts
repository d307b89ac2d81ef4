import { describe, expectTypeOf, it } from 'vitest';
import { Finalizer, type FinalizerInfo, finalize } from '../src';

class Resource {
  readonly fd = 3;
}

const close = (fd: number, reason: string): boolean => fd > 0 && reason !== '';

describe('types', () => {
  it('types the finalizer by object, arguments and result', () => {
    const f = finalize(new Resource(), close, 3, 'done');
    expectTypeOf(f).toEqualTypeOf<Finalizer<Resource, [fd: number, reason: string], boolean>>();
    expectTypeOf(f()).toEqualTypeOf<boolean | undefined>();
    expectTypeOf(f.alive).toEqualTypeOf<boolean>();
    expectTypeOf(f.atexit).toEqualTypeOf<boolean>();
    expectTypeOf(f.peek()).toEqualTypeOf<
      | [
          obj: Resource,
          func: (fd: number, reason: string) => boolean,
          args: [fd: number, reason: string],
        ]
      | undefined
    >();
    expectTypeOf(f.detach()).toEqualTypeOf<
      FinalizerInfo<Resource, [number, string], boolean> | undefined
    >();
    expectTypeOf(f).toMatchTypeOf<Disposable>();
    expectTypeOf(f).toMatchTypeOf<() => boolean | undefined>();
  });

  it('makes the same type with new Finalizer', () => {
    expectTypeOf(new Finalizer(new Resource(), close, 3, 'done')).toEqualTypeOf(
      finalize(new Resource(), close, 3, 'done'),
    );
    expectTypeOf(finalize(Symbol(), () => {})).toEqualTypeOf<Finalizer<symbol, [], void>>();
  });

  it('checks the arguments against func', () => {
    // @ts-expect-error a string where func wants a number
    finalize({}, close, 'three', 'done');
    // @ts-expect-error an argument is missing
    finalize({}, close, 3);
    // @ts-expect-error one argument too many
    finalize({}, () => {}, 1);
  });

  it('refuses what cannot be held weakly or called', () => {
    // @ts-expect-error numbers cannot be held weakly
    finalize(1, () => {});
    // @ts-expect-error func must be a function
    finalize({}, 'close');
    const f = finalize({}, () => {});
    // @ts-expect-error alive is read-only
    f.alive = false;
  });
});
