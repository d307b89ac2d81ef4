import { describe, expectTypeOf, it } from 'vitest';
import { KeyedRef, type Ref, ref, WeakMethod } from '../src';

describe('types', () => {
  it('types refs by their target', () => {
    expectTypeOf(ref({ a: 1 }).deref()).toEqualTypeOf<{ a: number } | undefined>();
    expectTypeOf(new KeyedRef({}, undefined, 'k').key).toEqualTypeOf<string>();
    const obj = { f: (n: number) => n };
    expectTypeOf(new WeakMethod(obj, obj.f).deref()).toEqualTypeOf<
      ((n: number) => number) | undefined
    >();
    expectTypeOf(new WeakMethod(obj, obj.f)).toMatchTypeOf<WeakRef<(n: number) => number>>();
  });

  it('takes only the keys of methods, and derefs to that method', () => {
    class Button {
      label = 'OK';
      click(times: number): string {
        return `${this.label} x${times}`;
      }
    }
    const b = new Button();
    // @ts-expect-error `label` is a string, not a method
    new WeakMethod(b, 'label');
    // @ts-expect-error no such property
    new WeakMethod(b, 'missing');
    expectTypeOf(new WeakMethod(b, 'click')).toEqualTypeOf<WeakMethod<Button, 'click'>>();
    expectTypeOf(new WeakMethod(b, 'click').deref()).toEqualTypeOf<
      ((times: number) => string) | undefined
    >();
    const handlers: WeakMethod[] = [new WeakMethod(b, 'click'), new WeakMethod(b, b.click)];
    expectTypeOf(handlers).toBeArray();
  });

  it('is covariant in its target, like WeakRef', () => {
    expectTypeOf(ref({ name: 'spam' }, () => {})).toMatchTypeOf<Ref<object>>();
  });

  it('rejects primitive targets', () => {
    // @ts-expect-error numbers cannot be held weakly
    ref(1);
    // @ts-expect-error a callback gets the ref
    ref({}, (r: number) => r);
  });
});
