import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Rng } from '../../src/util/rng.ts';
import {
  CategoricalHyperparameter, ConfigurationSpace, ConstantHyperparameter, EqualsCondition, FloatHyperparameter, ForbiddenEquals,
  IntegerHyperparameter, OrdinalHyperparameter,
} from '../../src/space/index.ts';
import { buildAutoMLSpace } from './fixture.ts';
import { assertCode } from './helpers.ts';

function small(): ConfigurationSpace {
  return new ConfigurationSpace().addHyperparameters([
    new CategoricalHyperparameter('algo', ['svm', 'tree', 'knn']),
    new FloatHyperparameter('C', 1e-3, 1e3, { log: true, default: 1 }),
    new IntegerHyperparameter('depth', 1, 8, { default: 4 }),
    new OrdinalHyperparameter('size', ['s', 'm', 'l']),
    new ConstantHyperparameter('seed', 0),
  ]).addConditions([new EqualsCondition('C', 'algo', 'svm'), new EqualsCondition('depth', 'algo', 'tree')])
    .addForbidden(new ForbiddenEquals('size', 'l'));
}

describe('vector codec', () => {
  it('lays out dimensions in order with their number of choices', () => {
    const space = small();
    assert.deepEqual(space.dimensions.map((d) => [d.name, d.kind, d.choiceCount]), [
      ['algo', 'categorical', 3], ['C', 'float', 0], ['depth', 'integer', 0], ['size', 'ordinal', 0], ['seed', 'constant', 1],
    ]);
    assert.deepEqual([...space.choiceCounts()], [3, 0, 0, 0, 1]);
  });

  it('encodes categories as indices, numbers in the unit interval and inactive as NaN', () => {
    const space = small();
    const vector = space.encode({ algo: 'tree', size: 'm', seed: 0, depth: 8 });
    assert.deepEqual([...vector], [1, NaN, 15 / 16, 0.5, 0]);
    const svm = space.encode({ algo: 'svm', size: 's', seed: 0, C: 1 });
    assert.equal(svm[0], 0);
    assert.ok(Math.abs(svm[1]! - 0.5) < 1e-12);
    assert.ok(Number.isNaN(svm[2]!));
    assert.equal(svm[3], 1 / 6);
    assert.deepEqual(space.decode(vector), { algo: 'tree', size: 'm', seed: 0, depth: 8 });
  });

  it('round-trips exactly on the realistic space', () => {
    const space = buildAutoMLSpace();
    const counts = space.choiceCounts();
    for (const config of space.sample(new Rng(77), 3000)) {
      const vector = space.encode(config);
      vector.forEach((x, j) => {
        if (Number.isNaN(x)) return;
        if (counts[j]! > 0) assert.ok(Number.isInteger(x) && x < counts[j]!);
        else assert.ok(x >= 0 && x <= 1);
      });
      const decoded = space.decode(vector);
      assert.deepEqual(decoded, config);
      assert.deepEqual(space.encode(decoded), vector);
    }
    const fallback = space.defaultConfiguration();
    assert.deepEqual(space.decode(space.encode(fallback)), fallback);
  });

  it('decodes any point of a cell to that cell’s value and the result is then stable', () => {
    const space = small();
    const decoded = space.decode([1, NaN, 0.999, 0.01, 0]);
    assert.deepEqual(decoded, { algo: 'tree', size: 's', seed: 0, depth: 8 });
    const again = space.decode(space.encode(space.decode([0, 0.123456789, NaN, 0.3, 0])));
    assert.deepEqual(space.decode(space.encode(again)), again);
  });

  it('refuses vectors that do not describe a valid configuration', () => {
    const space = small();
    assertCode(() => space.decode([1, 0.5, 0]), 'ILLEGAL_VALUE', /3 entries/);
    assertCode(() => space.decode([1, 0.5, 0.5, 0.5, 0]), 'INACTIVE_VALUE_SET');
    assertCode(() => space.decode([1, NaN, NaN, 0.5, 0]), 'ACTIVE_VALUE_MISSING');
    assertCode(() => space.decode([1.5, NaN, 0.5, 0.5, 0]), 'ILLEGAL_VALUE');
    assertCode(() => space.decode([3, NaN, 0.5, 0.5, 0]), 'ILLEGAL_VALUE');
    assertCode(() => space.decode([1, NaN, 0.5, 1.2, 0]), 'ILLEGAL_VALUE');
    assertCode(() => space.decode([1, NaN, 0.5, 0.9, 0]), 'FORBIDDEN_CONFIGURATION');
    assertCode(() => space.encode({ algo: 'tree', size: 'xl', seed: 0, depth: 3 }), 'ILLEGAL_VALUE');
  });
});
