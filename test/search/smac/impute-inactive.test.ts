import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CategoricalHyperparameter, ConfigurationSpace, EqualsCondition, FloatHyperparameter, IntegerHyperparameter,
} from '../../../src/space/index.ts';
import { CandidateEncoder, ImputedMatrix, imputeInactive, imputedMatrixOf, inactiveValues } from '../../../src/search/smac/impute-inactive.ts';
import { buildSearchSpace } from '../../../src/components/registry.ts';
import { transformCosts } from '../../../src/search/smac/cost-transform.ts';
import { Rng } from '../../../src/util/rng.ts';

function space(): ConfigurationSpace {
  return new ConfigurationSpace()
    .addHyperparameters([
      new CategoricalHyperparameter('algo', ['svm', 'tree']),
      new FloatHyperparameter('C', 1e-3, 1e3, { log: true, default: 1 }),
      new CategoricalHyperparameter('kernel', ['rbf', 'poly', 'linear'], { default: 'poly' }),
      new IntegerHyperparameter('depth', 1, 9, { default: 5 }),
    ])
    .addConditions([new EqualsCondition('C', 'algo', 'svm'), new EqualsCondition('kernel', 'algo', 'svm'), new EqualsCondition('depth', 'algo', 'tree')]);
}

describe('inactive imputation', () => {
  it('gives categories their choice count and numbers −1', () => {
    const s = space();
    assert.deepEqual([...inactiveValues(s.choiceCounts())], [2, -1, 3, -1]);
    const tree = s.encode({ algo: 'tree', depth: 5 });
    assert.ok(Number.isNaN(tree[1]!) && Number.isNaN(tree[2]!));
    assert.deepEqual([...imputeInactive(tree, inactiveValues(s.choiceCounts()))], [1, -1, 3, 0.5]);
    const svm = imputeInactive(s.encode({ algo: 'svm', C: 1, kernel: 'poly' }), inactiveValues(s.choiceCounts()));
    assert.deepEqual([...svm], [0, 0.5, 1, -1]);
  });

  it('keeps rows intact while the matrix grows past its capacity', () => {
    const s = space();
    const configs = s.sample(new Rng(3), 40);
    const matrix = new ImputedMatrix(s.choiceCounts(), 4);
    for (const config of configs) matrix.push(s.encode(config));
    assert.equal(matrix.nRows, 40);
    const view = matrix.view();
    const batch = imputedMatrixOf(s, configs, inactiveValues(s.choiceCounts()));
    assert.equal(view.nRows, 40);
    for (let j = 0; j < 4; j++) {
      assert.equal(view.columns[j]!.length, 40);
      assert.deepEqual([...view.columns[j]!], [...batch.columns[j]!]);
      for (const v of view.columns[j]!) assert.ok(Number.isFinite(v));
    }
    assert.deepEqual([...matrix.row(7)], [...imputeInactive(s.encode(configs[7]!), inactiveValues(s.choiceCounts()))]);
  });

  it('encodes candidates of the CASH space exactly as the codec does, then imputes', () => {
    const cash = buildSearchSpace({ task: 'multiclass', nRows: 500, nFeatures: 12, nNumeric: 8, nCategorical: 4, nEncoded: 20 });
    const rng = new Rng(9);
    const samples = cash.sample(rng, 60);
    const configs = [...samples, ...samples.slice(0, 5).flatMap((c) => cash.neighbours(c, rng, 4)), cash.defaultConfiguration()];
    const fill = inactiveValues(cash.choiceCounts());
    const fast = new CandidateEncoder(cash, fill).matrixOf(configs);
    const slow = imputedMatrixOf(cash, configs, fill);
    assert.equal(fast.nRows, configs.length);
    assert.equal(fast.nFeatures, fill.length);
    for (let j = 0; j < fill.length; j++) {
      const column = Array.from({ length: fast.nRows }, (_, i) => fast.data[i * fast.nFeatures + j]!);
      assert.deepEqual(column, [...slow.columns[j]!], cash.order[j]);
    }
  });
});

describe('cost transform', () => {
  it('is monotone, scale-free and maps failures to the worst cost', () => {
    const costs = [0.3, 0.1, Infinity, 0.2, 0.5];
    const t = transformCosts(costs, 0.01)!;
    assert.equal(t.best, 0.1);
    assert.equal(t.worst, 0.5);
    assert.ok(t.y[1]! < t.y[3]! && t.y[3]! < t.y[0]! && t.y[0]! < t.y[4]!);
    assert.equal(t.y[2], t.y[4]);
    close(t.y[1]!, Math.log(0.01));
    close(t.y[4]!, Math.log(1.01));
    const scaled = transformCosts(costs.map((c) => 1000 * c - 7), 0.01)!;
    scaled.y.forEach((v, i) => close(v, t.y[i]!));
  });

  it('with a quantile, offsets by the spread of the best costs when that exceeds the fixed offset', () => {
    // Finite costs 0, 0.1, …, 1.0: the 0.2-quantile is 0.2, i.e. 0.2 of the range.
    const costs = [...Array.from({ length: 11 }, (_, i) => i / 10), Infinity];
    const t = transformCosts(costs, 0.001, 0.2)!;
    close(t.y[0]!, Math.log(0.2));
    close(t.y[10]!, Math.log(1.2));
    close(t.y[11]!, Math.log(1.2));
    // A spread below the fixed offset leaves the fixed offset in charge.
    close(transformCosts(costs, 0.5, 0.2)!.y[0]!, Math.log(0.5));
    close(transformCosts(costs, 0.001, 0)!.y[0]!, Math.log(0.001));
  });

  it('handles zero, a single distinct cost and no finite cost', () => {
    const zero = transformCosts([0, 0, 1], 0.01)!;
    assert.ok(zero.y.every(Number.isFinite));
    assert.deepEqual([...transformCosts([0.4, 0.4, Infinity], 0.01)!.y], [0, 0, 0]);
    assert.equal(transformCosts([Infinity, NaN], 0.01), null);
  });
});

function close(actual: number, expected: number): void {
  assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} != ${expected}`);
}
