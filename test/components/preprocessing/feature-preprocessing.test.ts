/** Golden checks of the feature preprocessors. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FeatureMatrix } from '../../../src/components/matrix.ts';
import {
  FeatureAgglomeration, Imputer, NYSTROEM_MAX_BASIS, Nystroem, OneHotEncoder, Pca, POLYNOMIAL_MAX_FEATURES,
  PolynomialFeatures, RandomFourierFeatures, SelectPercentile, StandardScaler,
} from '../../../src/components/preprocessing/index.ts';
import { Rng } from '../../../src/util/rng.ts';
import { loadSplit } from './load.ts';
import { assertThrowsCode, matrixOf, matrixRows, mean } from './helpers.ts';

function standardised(name: string): { train: FeatureMatrix; test: FeatureMatrix } {
  const split = loadSplit(name);
  const imputer = new Imputer();
  const encoder = new OneHotEncoder();
  const scaler = new StandardScaler();
  imputer.fit(split.train);
  encoder.fit(imputer.transform(split.train));
  const train = encoder.transform(imputer.transform(split.train));
  scaler.fit(train);
  return { train: scaler.transform(train), test: scaler.transform(encoder.transform(imputer.transform(split.test))) };
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

function row(x: FeatureMatrix, i: number): number[] {
  return x.columns.map((column) => column[i]!);
}

describe('Pca', () => {
  it('keeps fewer than 30 components explaining at least 90% of breast_cancer', () => {
    const { train } = standardised('breast_cancer');
    const pca = new Pca({ keep_variance: 0.9 });
    pca.fit(train);
    const explained = pca.explainedVarianceRatio.reduce((s, v) => s + v, 0);
    assert.ok(pca.nComponents < 30 && pca.nComponents > 1, `kept ${pca.nComponents}`);
    assert.ok(explained >= 0.9, `explained ${explained}`);
    const withoutLast = explained - pca.explainedVarianceRatio[pca.nComponents - 1]!;
    assert.ok(withoutLast < 0.9, 'one component fewer would already be enough');
  });

  it('gives uncorrelated scores with decreasing variance, unit variance when whitened', () => {
    const { train } = standardised('breast_cancer');
    for (const whiten of [false, true]) {
      const pca = new Pca({ keep_variance: 0.95, whiten });
      pca.fit(train);
      const scores = pca.transform(train).columns;
      const variance = (c: Float64Array) => dot(c, c) / (train.nRows - 1);
      for (let a = 0; a < scores.length; a++) {
        assert.ok(Math.abs(mean(scores[a]!)) < 1e-9);
        if (whiten) assert.ok(Math.abs(variance(scores[a]!) - 1) < 1e-9);
        else if (a > 0) assert.ok(variance(scores[a]!) <= variance(scores[a - 1]!) * (1 + 1e-12));
        for (let b = 0; b < a; b++) assert.ok(Math.abs(dot(scores[a]!, scores[b]!)) / train.nRows < 1e-8);
      }
    }
  });

  it('copes with constant and duplicated columns', () => {
    const pca = new Pca({ keep_variance: 0.9999, whiten: true });
    const x = matrixOf(Array.from({ length: 20 }, (_, i) => [1, i, i, 2 * i]));
    pca.fit(x);
    assert.equal(pca.nComponents, 1);
    const constant = new Pca();
    constant.fit(matrixOf([[1, 1], [1, 1]]));
    assert.deepEqual(constant.transform(matrixOf([[1, 1], [3, 3]])).columns.length, 1);
  });
});

describe('SelectPercentile', () => {
  it('keeps half of the 30 breast_cancer features at percentile 50, in their original order', () => {
    const split = loadSplit('breast_cancer');
    const { train } = standardised('breast_cancer');
    for (const score_func of ['f_classif', 'chi2', 'mutual_info'] as const) {
      const step = new SelectPercentile({ percentile: 50, score_func });
      step.fit(train, split.trainTarget);
      const selected = Array.from(step.selected);
      assert.equal(selected.length, 15, score_func);
      assert.deepEqual(selected, [...selected].sort((a, b) => a - b));
      const threshold = Math.min(...selected.map((j) => step.scores[j]!));
      step.scores.forEach((score, j) => assert.ok(selected.includes(j) || score <= threshold));
      const out = step.transform(train);
      assert.deepEqual(Array.from(out.columns[0]!), Array.from(train.columns[selected[0]!]!));
    }
  });

  it('scores with the ANOVA F statistic and the regression F statistic', () => {
    const x = matrixOf([[1, 5, 0], [2, 5, 1], [3, 5, 0], [7, 5, 1], [8, 5, 0], [9, 5, 1]]);
    const step = new SelectPercentile({ percentile: 34, score_func: 'f_classif' });
    step.fit(x, { kind: 'classification', codes: Int32Array.from([0, 0, 0, 1, 1, 1]), nClasses: 2 });
    // Groups {1,2,3} and {7,8,9}: between mean square 54, within mean square 4 / 4 = 1.
    assert.ok(Math.abs(step.scores[0]! - 54) < 1e-9);
    assert.equal(step.scores[1], 0, 'a constant feature scores 0');
    assert.deepEqual(Array.from(step.selected), [0]);
    const regression = new SelectPercentile({ percentile: 50, score_func: 'f_regression' });
    regression.fit(x, { kind: 'regression', values: Float64Array.from([2, 4, 6, 14, 16, 18]) });
    assert.equal(regression.scores[0], Infinity, 'a perfectly linear feature');
    assertThrowsCode(() => regression.fit(x, { kind: 'classification', codes: new Int32Array(6), nClasses: 2 }), 'BAD_INPUT');
    assertThrowsCode(() => regression.fit(x), 'BAD_INPUT');
  });
});

describe('PolynomialFeatures', () => {
  const x = matrixOf([[2, 3], [5, 7]]);

  it('lists monomials in graded lexicographic order', () => {
    const step = new PolynomialFeatures({ degree: 2 });
    step.fit(x);
    assert.deepEqual(row(step.transform(x), 0), [2, 3, 4, 6, 9]);
    const cubic = new PolynomialFeatures({ degree: 3, interaction_only: true, include_bias: true });
    const wide = matrixOf([[2, 3, 5]]);
    cubic.fit(wide);
    assert.deepEqual(row(cubic.transform(wide), 0), [1, 2, 3, 5, 6, 10, 15, 30]);
    assert.equal(new PolynomialFeatures({ degree: 3 }).outputWidth(3), 3 + 6 + 10);
  });

  it('refuses an expansion past the output limit with DEGENERATE_INPUT', () => {
    const { train } = standardised('breast_cancer');
    const step = new PolynomialFeatures({ degree: 3 });
    assert.ok(step.outputWidth(30) > POLYNOMIAL_MAX_FEATURES);
    assertThrowsCode(() => step.fit(train), 'DEGENERATE_INPUT');
  });
});

describe('Nystroem', () => {
  it('reproduces the rbf kernel exactly on its own basis rows', () => {
    const { train } = standardised('pima_diabetes2');
    const sample = matrixRows(train, Array.from({ length: 80 }, (_, i) => i));
    const step = new Nystroem({ kernel: 'rbf', gamma: 0.1, n_components: 200 });
    step.fit(sample);
    const features = step.transform(sample);
    for (const [a, b] of [[0, 1], [5, 40], [79, 79], [3, 60]] as const) {
      const distance = row(sample, a).reduce((s, v, f) => s + (v - sample.columns[f]![b]!) ** 2, 0);
      assert.ok(Math.abs(dot(row(features, a), row(features, b)) - Math.exp(-0.1 * distance)) < 1e-6);
    }
  });

  it('approximates the kernel on held-out rows', () => {
    const { train, test } = standardised('breast_cancer');
    const step = new Nystroem({ kernel: 'rbf', gamma: 0.02, n_components: 300, seed: 1 });
    step.fit(train);
    const features = step.transform(test);
    let error = 0;
    for (let a = 0; a < 20; a++) {
      const b = a + 20;
      const distance = row(test, a).reduce((s, v, f) => s + (v - test.columns[f]![b]!) ** 2, 0);
      error += Math.abs(dot(row(features, a), row(features, b)) - Math.exp(-0.02 * distance));
    }
    assert.ok(error / 20 < 0.02, `mean error ${error / 20}`);
  });

  it('refuses a basis beyond its size limit with DEGENERATE_INPUT, before any heavy work', () => {
    const big = matrixOf(Array.from({ length: NYSTROEM_MAX_BASIS + 1 }, (_, i) => [i, i % 7]));
    assertThrowsCode(() => new Nystroem({ n_components: 5000 }).fit(big), 'DEGENERATE_INPUT');
    // Capped at the number of rows, a large n_components on a small sample is fine.
    new Nystroem({ n_components: 5000 }).fit(matrixRows(big, [0, 1, 2]));
  });
});

describe('RandomFourierFeatures', () => {
  it('approximates the rbf kernel with many components', () => {
    const rng = new Rng(2);
    const x = matrixOf(Array.from({ length: 30 }, () => [rng.normal(), rng.normal(), rng.normal()]));
    const step = new RandomFourierFeatures({ gamma: 0.5, n_components: 4000, seed: 9 });
    step.fit(x);
    const features = step.transform(x);
    let error = 0;
    for (let a = 0; a < 15; a++) {
      const b = 29 - a;
      const distance = row(x, a).reduce((s, v, f) => s + (v - x.columns[f]![b]!) ** 2, 0);
      error += Math.abs(dot(row(features, a), row(features, b)) - Math.exp(-0.5 * distance));
    }
    assert.ok(error / 15 < 0.05, `mean error ${error / 15}`);
  });
});

describe('FeatureAgglomeration', () => {
  const rng = new Rng(4);
  const base = Array.from({ length: 40 }, () => [rng.normal(), rng.normal() * 3, rng.normal() + 10]);
  const x = matrixOf(base.map(([a, b, c]) => [a!, b!, a! + 0.01, c!, b! - 0.01, c! * 1.001]));

  it('groups near-duplicate features and pools each group', () => {
    for (const linkage of ['ward', 'average', 'complete'] as const) {
      const step = new FeatureAgglomeration({ n_clusters: 3, linkage });
      step.fit(x);
      assert.deepEqual(Array.from(step.clusterOfFeature), [0, 1, 0, 2, 1, 2], linkage);
    }
    const pooled = new FeatureAgglomeration({ n_clusters: 3, pooling_func: 'max' });
    pooled.fit(x);
    assert.deepEqual(Array.from(pooled.transform(x).columns[0]!), Array.from(x.columns[2]!));
    const median = new FeatureAgglomeration({ n_clusters: 1, pooling_func: 'median', linkage: 'average' });
    median.fit(x);
    assert.deepEqual(median.transform(matrixOf([[1, 2, 3, 4, 5, 100]])).columns[0]![0], 3.5);
  });

  it('keeps every feature when asked for more clusters than features, and refuses ward without euclidean', () => {
    const step = new FeatureAgglomeration({ n_clusters: 50 });
    step.fit(x);
    assert.deepEqual(Array.from(step.clusterOfFeature), [0, 1, 2, 3, 4, 5]);
    assertThrowsCode(() => new FeatureAgglomeration({ affinity: 'cosine' }), 'ILLEGAL_VALUE');
  });
});
