/** Golden checks of the rescalers. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FeatureMatrix } from '../../../src/components/matrix.ts';
import {
  Imputer, MinMaxScaler, NoRescaling, OneHotEncoder, PowerTransformer, QuantileTransformer, RobustScaler, StandardScaler,
  yeoJohnson,
} from '../../../src/components/preprocessing/index.ts';
import { normalQuantile } from '../../../src/components/preprocessing/normal-quantile.ts';
import { Rng } from '../../../src/util/rng.ts';
import { loadSplit } from './load.ts';
import { assertThrowsCode, matrixOf, mean, populationStd } from './helpers.ts';

/** The imputed, one-hot encoded training and held-out rows of a dataset. */
function encoded(name: string): { train: FeatureMatrix; test: FeatureMatrix } {
  const split = loadSplit(name);
  const imputer = new Imputer();
  imputer.fit(split.train);
  const encoder = new OneHotEncoder();
  encoder.fit(imputer.transform(split.train));
  return { train: encoder.transform(imputer.transform(split.train)), test: encoder.transform(imputer.transform(split.test)) };
}

function isConstant(column: Float64Array): boolean {
  return column.every((v) => v === column[0]);
}

describe('StandardScaler', () => {
  it('gives every non-constant training column mean 0 and std 1, constant columns 0', () => {
    for (const name of ['pima_diabetes2', 'soybean']) {
      const { train } = encoded(name);
      const scaler = new StandardScaler();
      scaler.fit(train);
      const out = scaler.transform(train);
      out.columns.forEach((column, j) => {
        assert.ok(Math.abs(mean(column)) < 1e-9, `${name} column ${j} mean ${mean(column)}`);
        const expectedStd = isConstant(train.columns[j]!) ? 0 : 1;
        assert.ok(Math.abs(populationStd(column) - expectedStd) < 1e-9, `${name} column ${j} std`);
      });
    }
  });

  it('refuses a matrix of another width, and use before fit', () => {
    const scaler = new StandardScaler();
    assertThrowsCode(() => scaler.transform(matrixOf([[1]])), 'NOT_FITTED');
    scaler.fit(matrixOf([[1, 2], [3, 4]]));
    assertThrowsCode(() => scaler.transform(matrixOf([[1, 2, 3]])), 'BAD_INPUT');
  });
});

describe('MinMaxScaler', () => {
  it('maps each training column onto [0, 1] exactly', () => {
    const { train } = encoded('titanic');
    const scaler = new MinMaxScaler();
    scaler.fit(train);
    for (const column of scaler.transform(train).columns) {
      assert.equal(Math.min(...column), 0);
      assert.ok(Math.max(...column) === 1 || isConstant(column));
    }
  });
});

describe('RobustScaler', () => {
  it('centres on the median and divides by the quantile range', () => {
    const scaler = new RobustScaler({ q_min: 0.25, q_max: 0.75 });
    scaler.fit(matrixOf([[1], [2], [3], [4], [100]]));
    assert.deepEqual(Array.from(scaler.offsets), [3]);
    assert.deepEqual(Array.from(scaler.scales), [2]);
    assert.deepEqual(Array.from(scaler.transform(matrixOf([[3], [5]])).columns[0]!), [0, 1]);
  });

  it('refuses q_min >= q_max', () => {
    assertThrowsCode(() => new RobustScaler({ q_min: 0.8, q_max: 0.7 }), 'ILLEGAL_VALUE');
  });
});

describe('QuantileTransformer', () => {
  const rng = new Rng(11);
  const skewed = matrixOf(Array.from({ length: 500 }, () => [Math.exp(2 * rng.normal()), rng.int(3)]));

  it('maps training values to roughly uniform ranks in [0, 1], ties to mid-ranks', () => {
    const step = new QuantileTransformer({ n_quantiles: 200 });
    step.fit(skewed);
    const [continuous, tied] = step.transform(skewed).columns;
    assert.ok(continuous!.every((u) => u >= 0 && u <= 1));
    assert.ok(Math.abs(mean(continuous!) - 0.5) < 0.01);
    assert.ok(Math.abs(populationStd(continuous!) - Math.sqrt(1 / 12)) < 0.01);
    // Three equally frequent values: each maps to the middle of its third of [0, 1].
    const levels = [...new Set(tied)].sort((a, b) => a - b);
    assert.equal(levels.length, 3);
    [1 / 6, 1 / 2, 5 / 6].forEach((expected, k) => assert.ok(Math.abs(levels[k]! - expected) < 0.05, `tie level ${levels[k]}`));
    const out = step.transform(matrixOf([[-1, -5], [1e9, 99]]));
    assert.deepEqual(out.columns.map((c) => Array.from(c)), [[0, 1], [0, 1]]);
  });

  it('is monotone, and with normal output gives standard normal scores', () => {
    const step = new QuantileTransformer({ output_distribution: 'normal' });
    step.fit(skewed);
    const probe = matrixOf(Array.from({ length: 50 }, (_, k) => [k / 5, 1]));
    const out = step.transform(probe).columns[0]!;
    for (let k = 1; k < out.length; k++) assert.ok(out[k]! >= out[k - 1]!);
    const train = step.transform(skewed).columns[0]!;
    assert.ok(Math.abs(mean(train)) < 0.02);
    // The training extremes sit at ranks 0 and 1, clipped to ±5.2, which inflates the spread a little.
    assert.ok(Math.abs(populationStd(train) - 1) < 0.1);
    assert.ok(Math.max(...train) <= normalQuantile(1 - 1e-7) + 1e-12);
    assert.ok(Math.min(...train) >= normalQuantile(1e-7) - 1e-12);
  });
});

describe('PowerTransformer', () => {
  it('fits finite lambdas on every real dataset column and standardises the training rows', () => {
    for (const name of ['pima_diabetes2', 'breast_cancer', 'titanic']) {
      const { train } = encoded(name);
      const step = new PowerTransformer();
      step.fit(train);
      assert.ok(step.lambdas.every(Number.isFinite), `${name}: lambdas ${Array.from(step.lambdas)}`);
      step.transform(train).columns.forEach((column, j) => {
        assert.ok(Math.abs(mean(column)) < 1e-9, `${name} column ${j} mean`);
        if (!isConstant(train.columns[j]!)) assert.ok(Math.abs(populationStd(column) - 1) < 1e-9, `${name} column ${j} std`);
      });
    }
  });

  it('recovers the log for log-normal data and makes skewed data symmetric', () => {
    const rng = new Rng(5);
    const values = Array.from({ length: 2000 }, () => Math.expm1(rng.normal() * 0.5 + 1));
    const step = new PowerTransformer();
    step.fit(matrixOf(values.map((v) => [v])));
    // ψ(x, 0) = log(1 + x), so λ = 0 maps these values back to the normal sample.
    assert.ok(Math.abs(step.lambdas[0]!) < 0.1, `lambda ${step.lambdas[0]}`);
  });

  it('implements the Yeo-Johnson map on both sides of zero', () => {
    assert.equal(yeoJohnson(3, 1), 3);
    assert.equal(yeoJohnson(-3, 1), -3);
    assert.ok(Math.abs(yeoJohnson(3, 0) - Math.log(4)) < 1e-15);
    assert.ok(Math.abs(yeoJohnson(-3, 2) + Math.log(4)) < 1e-15);
    assert.ok(Math.abs(yeoJohnson(2, 0.5) - (Math.sqrt(3) - 1) / 0.5) < 1e-12);
    assert.ok(Math.abs(yeoJohnson(-2, 0.5) + (3 ** 1.5 - 1) / 1.5) < 1e-12);
  });
});

describe('NoRescaling', () => {
  it('passes the matrix through unchanged', () => {
    const x = matrixOf([[1, 2], [3, 4]]);
    const step = new NoRescaling();
    step.fit(x);
    assert.equal(step.transform(x), x);
  });
});
