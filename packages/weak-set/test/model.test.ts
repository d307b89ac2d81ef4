import { collectGarbage } from '@w/core/testing';
import { seededRandom } from '@w/test-support/seeded-random';
import { expect, it } from 'vitest';
import { IterableWeakSet } from '../src';

// Model-based randomized test: the model is a plain Set of ids (membership and order) plus
// the map of ids the test still holds (alive). A dropped id stays in the model until a
// forced collection, after which the set must agree exactly: nothing lost, nothing left.

interface World {
  random: () => number;
  set: IterableWeakSet<object>;
  model: Set<number>; // ids in the set, in insertion order, dead ones included until collected
  alive: Map<number, object>; // the only strong references the test keeps
  idOf: WeakMap<object, number>;
  nextId: number;
  log: string[];
}

function pickAlive(world: World): [number, object] | undefined {
  if (world.alive.size === 0) return undefined;
  const index = Math.floor(world.random() * world.alive.size);
  let i = 0;
  for (const entry of world.alive) if (i++ === index) return entry;
  return undefined;
}

function newObject(world: World): [number, object] {
  const id = world.nextId++;
  const obj = { id };
  world.alive.set(id, obj);
  world.idOf.set(obj, id);
  return [id, obj];
}

// Synchronous, so no dropped object survives in a suspended async frame.
function runSteps(world: World, steps: number): void {
  const { set, model, alive, random, log } = world;
  for (let step = 0; step < steps; step++) {
    const roll = random();
    const picked = random() < 0.15 || alive.size < 5 ? newObject(world) : pickAlive(world)!;
    const [id, obj] = picked;
    if (roll < 0.3) {
      log.push(`add ${id}`);
      set.add(obj);
      model.add(id);
    } else if (roll < 0.45) {
      log.push(`has ${id}`);
      expect(set.has(obj)).toBe(model.has(id));
    } else if (roll < 0.6) {
      log.push(`delete ${id}`);
      expect(set.delete(obj)).toBe(model.delete(id));
    } else if (roll < 0.7) {
      log.push(`re-add ${id}`);
      set.delete(obj);
      set.add(obj);
      model.delete(id);
      model.add(id);
    } else if (roll < 0.85) {
      log.push(`drop ${id}`);
      alive.delete(id);
    } else if (roll < 0.9) {
      log.push('pop');
      popStep(world);
    } else if (roll < 0.93) {
      log.push(`update ${id} with a bad value`);
      expect(() => set.update([obj, 7 as never])).toThrow(TypeError);
    } else if (roll < 0.94) {
      log.push('clear');
      set.clear();
      model.clear();
    } else {
      log.push('iterate');
      checkVisible(world);
    }
    // No cleanup can run inside synchronous code: size always equals the model's count.
    expect(set.size).toBe(model.size);
  }
}

function popStep(world: World): void {
  const { set, model, alive, idOf } = world;
  const liveIds = [...model].filter((id) => alive.has(id));
  let popped: object;
  try {
    popped = set.pop();
  } catch (error) {
    expect(error).toBeInstanceOf(RangeError);
    expect(liveIds).toEqual([]);
    model.clear(); // pop dropped every dead member it passed
    return;
  }
  // The oldest member that was not yet collected: everything before it in the model is dead.
  const id = idOf.get(popped)!;
  for (const earlier of model) {
    model.delete(earlier);
    if (earlier === id) break;
    expect(alive.has(earlier)).toBe(false);
  }
}

// Between collections a dropped member may still be visible (not yet collected); a live one
// always is, in model order.
function checkVisible(world: World): void {
  const { set, model, alive, idOf } = world;
  const seen = [...set].map((obj) => idOf.get(obj)!);
  for (const id of seen) expect(model.has(id)).toBe(true);
  expect(seen.filter((id) => alive.has(id))).toEqual([...model].filter((id) => alive.has(id)));
  expect(seen).toEqual([...model].filter((id) => seen.includes(id)));
}

function checkAfterCollection(world: World): void {
  const { set, model, alive, idOf } = world;
  for (const id of model) if (!alive.has(id)) model.delete(id);
  expect([...set].map((obj) => idOf.get(obj)!)).toEqual([...model]);
  expect(set.size).toBe(model.size);
  for (const [id, obj] of alive) expect(set.has(obj)).toBe(model.has(id));
}

it.each([1, 2, 3])('matches the model over random operations (seed %i)', async (seed) => {
  const world: World = {
    random: seededRandom(seed),
    set: new IterableWeakSet(),
    model: new Set(),
    alive: new Map(),
    idOf: new WeakMap(),
    nextId: 0,
    log: [],
  };
  let collections = 0;
  for (let batch = 0; batch < 12; batch++) {
    runSteps(world, 50 + Math.floor(world.random() * 200));
    await collectGarbage();
    collections++;
    try {
      checkAfterCollection(world);
    } catch (error) {
      throw new Error(
        `seed ${seed}, after collection ${collections}; last steps: ${world.log.slice(-20).join(', ')}`,
        {
          cause: error,
        },
      );
    }
  }
  expect(world.log.length).toBeGreaterThan(1000);
});
