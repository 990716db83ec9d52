import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Classifier } from '../../../../src/components/model.ts';
import type { FeatureMatrix } from '../../../../src/components/matrix.ts';
import { cholesky, regularisedCholesky, solveLower, solveUpperTransposed } from '../../../../src/components/models/discriminant/cholesky.ts';
import { ledoitWolfShrinkage } from '../../../../src/components/models/discriminant/ledoit-wolf.ts';
import { LinearDiscriminantAnalysis } from '../../../../src/components/models/discriminant/linear-discriminant-analysis.ts';
import { QuadraticDiscriminantAnalysis } from '../../../../src/components/models/discriminant/quadratic-discriminant-analysis.ts';
import type { JsonObject } from '../../../../src/util/json.ts';
import { Rng } from '../../../../src/util/rng.ts';
import { assertValidProbabilities, reparsed, throwsCode } from '../neighbors/assertions.ts';
import { loadClassification, matrixFromRows, standardise } from '../neighbors/load.ts';
import { accuracy, assertAtLeast, balancedAccuracy } from '../neighbors/scores.ts';

interface Variant {
  readonly name: string;
  readonly make: () => Classifier;
  readonly load: (state: JsonObject) => Classifier;
}

const VARIANTS: readonly Variant[] = [
  { name: 'lda', make: () => new LinearDiscriminantAnalysis(), load: (s) => LinearDiscriminantAnalysis.fromJSON(s) },
  { name: 'lda auto', make: () => new LinearDiscriminantAnalysis({ shrinkage: 'auto' }), load: (s) => LinearDiscriminantAnalysis.fromJSON(s) },
  { name: 'lda manual', make: () => new LinearDiscriminantAnalysis({ shrinkage: 'manual', shrinkageFactor: 0.3 }), load: (s) => LinearDiscriminantAnalysis.fromJSON(s) },
  { name: 'qda', make: () => new QuadraticDiscriminantAnalysis(), load: (s) => QuadraticDiscriminantAnalysis.fromJSON(s) },
  { name: 'qda reg', make: () => new QuadraticDiscriminantAnalysis({ regParam: 0.2 }), load: (s) => QuadraticDiscriminantAnalysis.fromJSON(s) },
];

/** Three Gaussian classes with different means and correlated features. */
function gaussianClasses(rng: Rng, nRows: number, nFeatures: number): { x: FeatureMatrix; y: Int32Array } {
  const y = Int32Array.from({ length: nRows }, () => rng.int(3));
  const shared = Float64Array.from(y, () => rng.normal());
  const columns = Array.from({ length: nFeatures }, (_, j) =>
    Float64Array.from(y, (label, i) => label * (j % 2 === 0 ? 1 : -0.5) + 0.7 * shared[i]! + rng.normal() * (1 + label * 0.3)),
  );
  return { x: { nRows, columns }, y };
}

function closeTo(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance: number): void {
  assert.equal(actual.length, expected.length);
  for (let i = 0; i < actual.length; i++) {
    assert.ok(Math.abs(actual[i]! - expected[i]!) <= tolerance, `[${i}] ${actual[i]} vs ${expected[i]}`);
  }
}

test('quality on real data', () => {
  const iris = loadClassification('iris');
  const cancer = loadClassification('breast_cancer');
  for (const shrinkage of ['none', 'auto'] as const) {
    const lda = new LinearDiscriminantAnalysis({ shrinkage });
    lda.fit(iris.train.x, iris.train.y, 3);
    assertAtLeast(accuracy(lda.predictProba(iris.test.x), iris.test.y), 0.95, `LDA (${shrinkage}) iris accuracy`);
    lda.fit(cancer.train.x, cancer.train.y, 2);
    const proba = lda.predictProba(cancer.test.x);
    assertValidProbabilities(proba, cancer.test.x.nRows, 2);
    assertAtLeast(balancedAccuracy(proba, cancer.test.y), 0.93, `LDA (${shrinkage}) breast_cancer balanced accuracy`);
  }
  const qda = new QuadraticDiscriminantAnalysis();
  qda.fit(iris.train.x, iris.train.y, 3);
  assertAtLeast(accuracy(qda.predictProba(iris.test.x), iris.test.y), 0.9, 'QDA iris accuracy');

  // Digits have pixels that are constant (always 0) within some or all classes: singular
  // covariances that must be regularised, not crash.
  const digits = standardise(loadClassification('digits'));
  const regularised = new QuadraticDiscriminantAnalysis({ regParam: 0.1 });
  regularised.fit(digits.train.x, digits.train.y, 10);
  assertAtLeast(accuracy(regularised.predictProba(digits.test.x), digits.test.y), 0.95, 'QDA (regParam 0.1) digits accuracy');
  const unregularised = new QuadraticDiscriminantAnalysis();
  unregularised.fit(digits.train.x, digits.train.y, 10);
  const digitsProba = unregularised.predictProba(digits.test.x);
  assertValidProbabilities(digitsProba, digits.test.x.nRows, 10);
  assertAtLeast(accuracy(digitsProba, digits.test.y), 0.85, 'QDA (regParam 0) digits accuracy');
});

test('one feature: posteriors match the normal densities computed by hand', () => {
  const x = matrixFromRows([[0], [2], [4], [6], [10], [14]]);
  const y = Int32Array.of(0, 0, 0, 1, 1, 1);
  const normal = (v: number, mean: number, variance: number): number =>
    Math.exp(-((v - mean) ** 2) / (2 * variance)) / Math.sqrt(2 * Math.PI * variance);
  // LDA: pooled biased variance (8/3 + 32/3) / 2 = 20/3; QDA: unbiased class variances 4 and 16.
  const lda = new LinearDiscriminantAnalysis();
  lda.fit(x, y, 2);
  const ldaOdds = normal(5, 2, 20 / 3) / normal(5, 10, 20 / 3);
  closeTo(lda.predictProba(matrixFromRows([[5]])).data, [ldaOdds / (1 + ldaOdds), 1 / (1 + ldaOdds)], 1e-12);
  const qda = new QuadraticDiscriminantAnalysis();
  qda.fit(x, y, 2);
  const qdaOdds = normal(5, 2, 4) / normal(5, 10, 16);
  closeTo(qda.predictProba(matrixFromRows([[5]])).data, [qdaOdds / (1 + qdaOdds), 1 / (1 + qdaOdds)], 1e-12);
});

test('Cholesky factor, solves and ridge for singular matrices', () => {
  const matrix = Float64Array.of(4, 2, 0.4, 2, 5, 1, 0.4, 1, 3);
  const factor = cholesky(matrix, 3)!;
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      let sum = 0;
      for (let m = 0; m < 3; m++) sum += factor[i * 3 + m]! * factor[j * 3 + m]!;
      assert.ok(Math.abs(sum - matrix[i * 3 + j]!) < 1e-12, `L·Lᵀ[${i}][${j}] = ${sum}`);
    }
  }
  const b = Float64Array.of(1, -2, 3);
  const solution = Float64Array.from(b);
  solveLower(factor, 3, solution);
  solveUpperTransposed(factor, 3, solution);
  for (let i = 0; i < 3; i++) {
    const row = matrix[i * 3]! * solution[0]! + matrix[i * 3 + 1]! * solution[1]! + matrix[i * 3 + 2]! * solution[2]!;
    assert.ok(Math.abs(row - b[i]!) < 1e-12, `residual in row ${i}`);
  }
  // Rank one (duplicated feature) and all-zero covariances need a ridge.
  const rankOne = Float64Array.of(1, 1, 1, 1);
  assert.equal(cholesky(rankOne, 2), undefined);
  const { ridge } = regularisedCholesky(rankOne, 2, Float64Array.of(1, 1));
  assert.ok(ridge > 0 && ridge < 1e-6, `ridge ${ridge}`);
  assert.ok(regularisedCholesky(new Float64Array(9), 3, Float64Array.of(1, 2, 3)).ridge > 0, 'zero matrix needs a ridge');
});

test('Ledoit-Wolf intensity matches its definition evaluated directly', () => {
  const rng = new Rng(13);
  const nRows = 60;
  const d = 5;
  // Correlated features, so that the best intensity lies strictly between 0 and 1.
  const shared = Float64Array.from({ length: nRows }, () => rng.normal());
  const deviations = Array.from({ length: d }, (_, j) =>
    Float64Array.from({ length: nRows }, (_, i) => (shared[i]! * 0.8 + rng.normal() * 0.6) * (j + 1)),
  );
  const scales = Float64Array.from({ length: d }, (_, j) => j + 1);
  const weights = new Float64Array(nRows).fill(1);
  const z = Array.from({ length: nRows }, (_, i) => Array.from({ length: d }, (_, j) => deviations[j]![i]! / scales[j]!));
  const covariance = new Float64Array(d * d);
  for (const row of z) for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) covariance[a * d + b]! += (row[a]! * row[b]!) / nRows;
  const normSquared = (m: (a: number, b: number) => number): number => {
    let sum = 0;
    for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) sum += m(a, b) ** 2;
    return sum / d;
  };
  const mu = Array.from({ length: d }, (_, j) => covariance[j * d + j]!).reduce((s, v) => s + v, 0) / d;
  const delta = normSquared((a, b) => covariance[a * d + b]! - (a === b ? mu : 0));
  const betaBar = z.reduce((sum, row) => sum + normSquared((a, b) => row[a]! * row[b]! - covariance[a * d + b]!), 0) / nRows ** 2;
  const expected = Math.min(betaBar, delta) / delta;
  const actual = ledoitWolfShrinkage(deviations, scales, weights, covariance);
  assert.ok(expected > 0 && expected < 1, `intensity ${expected} should be strictly inside 0..1 for this data`);
  assert.ok(Math.abs(actual - expected) < 1e-12, `${actual} vs ${expected}`);
});

test('JSON round trip predicts identically, absent classes included', () => {
  const rng = new Rng(17);
  const { x, y } = gaussianClasses(rng, 300, 6);
  const weights = Float64Array.from({ length: 300 }, () => rng.uniform(0.2, 2));
  const query = gaussianClasses(rng, 100, 6).x;
  for (const variant of VARIANTS) {
    const model = variant.make();
    model.fit(x, y, 4, weights);
    const proba = model.predictProba(query);
    assertValidProbabilities(proba, 100, 4);
    assert.deepEqual(variant.load(reparsed(model.toJSON().state)).predictProba(query), proba, variant.name);
    for (let i = 0; i < 100; i++) assert.equal(proba.data[i * 4 + 3], 0);
  }
});

test('fromJSON rejects damaged state with BAD_MODEL_FILE', () => {
  const { x, y } = gaussianClasses(new Rng(3), 60, 3);
  for (const variant of VARIANTS) {
    const model = variant.make();
    model.fit(x, y, 3);
    const good = reparsed(model.toJSON().state);
    const damaged: unknown[] = [
      undefined,
      { ...good, nFeatures: 2 },
      { ...good, nClasses: 2 },
      { ...good, priors: [1, 'NaN', 0] },
      { ...good, params: { ...(good.params as JsonObject), shrinkage: 'full', regParam: 3 } },
      Object.fromEntries(Object.entries(good).filter(([key]) => key !== 'means' && key !== 'coefficients')),
    ];
    for (const state of damaged) throwsCode(() => variant.load(state as JsonObject), 'BAD_MODEL_FILE');
  }
});

test('sample weights: zero weight removes a row, scaling all weights changes nothing', () => {
  const rng = new Rng(5);
  const { x, y } = gaussianClasses(rng, 120, 4);
  const weights = Float64Array.from({ length: 120 }, (_, i) => (i % 5 === 0 ? 0 : 1 + (i % 3)));
  const kept = Array.from(weights.keys()).filter((i) => weights[i]! > 0);
  const keptX: FeatureMatrix = { nRows: kept.length, columns: x.columns.map((c) => Float64Array.from(kept, (i) => c[i]!)) };
  const keptY = Int32Array.from(kept, (i) => y[i]!);
  const keptWeights = Float64Array.from(kept, (i) => weights[i]!);
  const query = gaussianClasses(rng, 40, 4).x;
  for (const variant of VARIANTS) {
    const zeroed = variant.make();
    zeroed.fit(x, y, 3, weights);
    const removed = variant.make();
    removed.fit(keptX, keptY, 3, keptWeights);
    const scaled = variant.make();
    scaled.fit(keptX, keptY, 3, keptWeights.map((w) => w * 7.5));
    const expected = removed.predictProba(query).data;
    closeTo(zeroed.predictProba(query).data, expected, 1e-9);
    closeTo(scaled.predictProba(query).data, expected, 1e-9);
  }
  // LDA's pooled covariance is a weighted mean, so integer weights equal repeated rows.
  const twice: FeatureMatrix = { nRows: 240, columns: x.columns.map((c) => Float64Array.from({ length: 240 }, (_, i) => c[i % 120]!)) };
  const lda = new LinearDiscriminantAnalysis();
  lda.fit(x, y, 3, new Float64Array(120).fill(2));
  const repeated = new LinearDiscriminantAnalysis();
  repeated.fit(twice, Int32Array.from({ length: 240 }, (_, i) => y[i % 120]!), 3);
  closeTo(lda.predictProba(query).data, repeated.predictProba(query).data, 1e-9);
});

test('deterministic', () => {
  const { x, y } = gaussianClasses(new Rng(6), 100, 5);
  for (const variant of VARIANTS) {
    const [a, b] = [variant.make(), variant.make()];
    a.fit(x, y, 3);
    b.fit(x, y, 3);
    assert.deepEqual(a.predictProba(x), b.predictProba(x));
  }
});

test('singular and degenerate inputs', () => {
  const rng = new Rng(10);
  const { x, y } = gaussianClasses(rng, 30, 3);
  // Duplicated and constant features, more features than rows per class, far-away queries.
  const awkward: FeatureMatrix = {
    nRows: 30,
    columns: [...x.columns, x.columns[0]!, new Float64Array(30).fill(4), ...Array.from({ length: 15 }, () => Float64Array.from({ length: 30 }, () => rng.normal()))],
  };
  const query: FeatureMatrix = { nRows: 2, columns: awkward.columns.map((c) => Float64Array.of(c[0]!, 1e150)) };
  for (const variant of VARIANTS) {
    const model = variant.make();
    throwsCode(() => model.predictProba(x), 'NOT_FITTED');
    throwsCode(() => model.fit({ nRows: 0, columns: [new Float64Array(0)] }, new Int32Array(0), 2), 'DEGENERATE_INPUT');
    throwsCode(() => model.fit(matrixFromRows([[1], [NaN]]), Int32Array.of(0, 1), 2), 'DEGENERATE_INPUT');

    model.fit(awkward, y, 3);
    assertValidProbabilities(model.predictProba(awkward), 30, 3);
    assertValidProbabilities(model.predictProba(query), 2, 3);

    // One row; constant features with one class present among three; one row per class.
    model.fit(matrixFromRows([[2, 3]]), Int32Array.of(1), 2);
    assert.deepEqual(Array.from(model.predictProba(matrixFromRows([[2, 3], [0, 40]])).data), [0, 1, 0, 1]);
    model.fit(matrixFromRows([[5, 5], [5, 5], [5, 5]]), Int32Array.of(2, 2, 2), 3);
    assert.deepEqual(Array.from(model.predictProba(matrixFromRows([[5, 5], [1, 9]])).data), [0, 0, 1, 0, 0, 1]);
    model.fit(matrixFromRows([[0, 0], [1, 0], [0, 1]]), Int32Array.of(0, 1, 2), 3);
    const nearest = model.predictProba(matrixFromRows([[0, 0], [1, 0], [0, 1]]));
    assertValidProbabilities(nearest, 3, 3);
    for (let i = 0; i < 3; i++) assert.ok(nearest.data[i * 3 + i]! > 0.5, `${variant.name}: row ${i} → its own class`);
    model.fit({ nRows: 4, columns: [] }, Int32Array.of(0, 1, 1, 1), 2);
    closeTo(model.predictProba({ nRows: 1, columns: [] }).data, [0.25, 0.75], 1e-12);
  }
});

test('rejects illegal hyperparameters', () => {
  throwsCode(() => new LinearDiscriminantAnalysis({ shrinkageFactor: 1.5 }), 'ILLEGAL_VALUE');
  throwsCode(() => new QuadraticDiscriminantAnalysis({ regParam: -0.1 }), 'ILLEGAL_VALUE');
});
