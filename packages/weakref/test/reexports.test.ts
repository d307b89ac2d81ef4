import * as cache from '@w/cache';
import * as core from '@w/core';
import * as finalize from '@w/finalize';
import * as proxy from '@w/proxy';
import * as ref from '@w/ref';
import * as weakKeyMap from '@w/weak-key-map';
import * as weakSet from '@w/weak-set';
import * as weakValueMap from '@w/weak-value-map';
import { describe, expect, it } from 'vitest';
import * as weakref from '../src';

const everyName: Record<string, unknown> = weakref;

describe('@w/weakref', () => {
  it.each([
    ['@w/cache', cache],
    ['@w/finalize', finalize],
    ['@w/proxy', proxy],
    ['@w/ref', ref],
    ['@w/weak-key-map', weakKeyMap],
    ['@w/weak-set', weakSet],
    ['@w/weak-value-map', weakValueMap],
  ])('re-exports every name of %s as the same object', (_, module) => {
    expect(Object.keys(module).length).toBeGreaterThan(0);
    for (const [name, value] of Object.entries(module)) {
      expect(everyName[name], name).toBe(value);
    }
  });

  it("re-exports core's public names", () => {
    expect(weakref.canBeHeldWeakly).toBe(core.canBeHeldWeakly);
    expect(weakref.setUnraisableHook).toBe(core.setUnraisableHook);
  });

  it('reads like Python', () => {
    const target = {};
    expect(weakref.ref(target).deref()).toBe(target);
    expect(weakref.getWeakRefCount(target)).toBe(1);
  });
});
