import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Rng } from '../../src/util/rng.ts';
import {
  CategoricalHyperparameter, ConfigurationSpace, EqualsCondition, FloatHyperparameter, ForbiddenEquals, IntegerHyperparameter,
  configurationKey,
} from '../../src/space/index.ts';
import type { Configuration } from '../../src/space/index.ts';
import { buildAutoMLSpace } from './fixture.ts';
import { assertCode } from './helpers.ts';

/** Names whose values differ, ignoring names present in only one of the two. */
function changedShared(a: Configuration, b: Configuration): string[] {
  return Object.keys(a).filter((name) => name in b && a[name] !== b[name]);
}

describe('one-exchange neighbours', () => {
  it('on the realistic space: valid, distinct and one active change away', () => {
    const space = buildAutoMLSpace();
    const rng = new Rng(5);
    for (const config of space.sample(new Rng(6), 100)) {
      const neighbours = space.neighbours(config, rng);
      assert.ok(neighbours.length > 0);
      const keys = new Set(neighbours.map(configurationKey));
      assert.equal(keys.size, neighbours.length, 'neighbours are distinct');
      assert.ok(!keys.has(configurationKey(config)));
      for (const neighbour of neighbours) {
        space.validate(neighbour);
        const changed = changedShared(config, neighbour);
        assert.equal(changed.length, 1, `changed ${changed.join(', ')}`);
        const switchedOn = Object.keys(neighbour).filter((name) => !(name in config));
        // Whatever the change switched on starts from its default.
        for (const name of switchedOn) assert.equal(neighbour[name], space.get(name)!.default);
        // Only descendants of the changed hyperparameter may switch on or off.
        const switchedOff = Object.keys(config).filter((name) => !(name in neighbour));
        for (const name of [...switchedOn, ...switchedOff]) assert.ok(isDescendant(space, name, changed[0]!), `${name} under ${changed[0]}`);
      }
    }
  });

  it('gives every categorical alternative and perNumeric values per numeric hyperparameter', () => {
    const space = new ConfigurationSpace().addHyperparameters([
      new CategoricalHyperparameter('c', ['a', 'b', 'c']), new FloatHyperparameter('x', 0, 10), new IntegerHyperparameter('k', 1, 100),
    ]);
    const config = { c: 'a', x: 5, k: 50 };
    const neighbours = space.neighbours(config, new Rng(1), 3);
    const byName = (name: string): Configuration[] => neighbours.filter((n) => changedShared(config, n)[0] === name);
    assert.deepEqual(byName('c').map((n) => n['c']).sort(), ['b', 'c']);
    assert.equal(byName('x').length, 3);
    assert.equal(byName('k').length, 3);
    assert.equal(neighbours.length, 8);
  });

  it('switches children on with defaults, off by removal, and skips forbidden neighbours', () => {
    const space = new ConfigurationSpace().addHyperparameters([
      new CategoricalHyperparameter('algo', ['svm', 'tree', 'knn']),
      new FloatHyperparameter('C', 0.1, 10, { log: true, default: 1 }),
      new IntegerHyperparameter('depth', 1, 10, { default: 3 }),
    ]).addConditions([new EqualsCondition('C', 'algo', 'svm'), new EqualsCondition('depth', 'algo', 'tree')])
      .addForbidden(new ForbiddenEquals('algo', 'knn'));
    const neighbours = space.neighbours({ algo: 'svm', C: 2 }, new Rng(3), 2);
    assert.deepEqual(neighbours.find((n) => n['algo'] === 'tree'), { algo: 'tree', depth: 3 });
    assert.ok(!neighbours.some((n) => n['algo'] === 'knn'));
    assert.equal(neighbours.filter((n) => n['algo'] === 'svm').length, 2);
  });

  it('is reproducible from the generator and refuses invalid input', () => {
    const space = buildAutoMLSpace();
    const config = space.sample(new Rng(1), 1)[0]!;
    assert.deepEqual(space.neighbours(config, new Rng(9)), space.neighbours(config, new Rng(9)));
    assertCode(() => space.neighbours({ ...config, 'no:such': 1 }, new Rng(1)), 'ILLEGAL_VALUE');
  });
});

function isDescendant(space: ConfigurationSpace, name: string, ancestor: string): boolean {
  const stack = space.parentsOf(name);
  while (stack.length > 0) {
    const parent = stack.pop()!;
    if (parent === ancestor) return true;
    stack.push(...space.parentsOf(parent));
  }
  return false;
}

describe('neighbourhood held as changes', () => {
  it('gives the neighbours, vectors and next neighbourhoods of the configuration-level API', () => {
    const space = buildAutoMLSpace();
    for (const [i, config] of space.sample(new Rng(8), 40).entries()) {
      const expected = space.neighbours(config, new Rng(100 + i), 3);
      const neighbourhood = space.neighbourhood(config, new Rng(100 + i), 3);
      assert.equal(neighbourhood.size, expected.length);
      const vector = new Float64Array(space.size);
      const fill = Float64Array.from({ length: space.size }, (_, j) => -1 - j);
      for (let k = 0; k < expected.length; k++) {
        assert.deepEqual(neighbourhood.configuration(k), expected[k]);
        neighbourhood.vectorInto(k, vector);
        assert.deepEqual([...vector], [...space.encode(expected[k]!)]);
        // With stand-ins for inactive entries (an optimiser's imputation) they replace the NaNs.
        neighbourhood.vectorInto(k, vector, fill);
        assert.deepEqual([...vector], Array.from(space.encode(expected[k]!), (v, j) => (Number.isNaN(v) ? fill[j]! : v)));
      }
      // A neighbour's own neighbourhood, built without re-validating it, is the one the space gives.
      const k = i % expected.length;
      const next = neighbourhood.neighbourhoodOf(k, new Rng(7), 2);
      const direct = space.neighbours(expected[k]!, new Rng(7), 2);
      assert.deepEqual(Array.from({ length: next.size }, (_, j) => next.configuration(j)), direct);
    }
  });
});
