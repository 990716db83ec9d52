import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Classifier } from '../../../../src/components/model.ts';
import type { FeatureMatrix } from '../../../../src/components/matrix.ts';
import { BernoulliNaiveBayes } from '../../../../src/components/models/bayes/bernoulli-naive-bayes.ts';
import { GaussianNaiveBayes } from '../../../../src/components/models/bayes/gaussian-naive-bayes.ts';
import { MultinomialNaiveBayes } from '../../../../src/components/models/bayes/multinomial-naive-bayes.ts';
import { AutoMLError } from '../../../../src/util/errors.ts';
import type { JsonObject } from '../../../../src/util/json.ts';
import { Rng } from '../../../../src/util/rng.ts';
import { assertValidProbabilities, reparsed, throwsCode } from '../neighbors/assertions.ts';
import { loadClassification, matrixFromRows, standardise } from '../neighbors/load.ts';
import { accuracy, assertAtLeast, balancedAccuracy } from '../neighbors/scores.ts';

interface Family {
  readonly name: string;
  readonly make: () => Classifier;
  readonly load: (state: JsonObject) => Classifier;
}

const FAMILIES: readonly Family[] = [
  { name: 'gaussian', make: () => new GaussianNaiveBayes(), load: (s) => GaussianNaiveBayes.fromJSON(s) },
  { name: 'multinomial', make: () => new MultinomialNaiveBayes({ alpha: 0.5 }), load: (s) => MultinomialNaiveBayes.fromJSON(s) },
  { name: 'bernoulli', make: () => new BernoulliNaiveBayes({ binarize: 1.5 }), load: (s) => BernoulliNaiveBayes.fromJSON(s) },
];

/** Non-negative integer data with three classes that differ in their feature levels. */
function countData(rng: Rng, nRows: number, nFeatures: number): { x: FeatureMatrix; y: Int32Array } {
  const y = Int32Array.from({ length: nRows }, () => rng.int(3));
  const columns = Array.from({ length: nFeatures }, (_, j) =>
    Float64Array.from(y, (label) => rng.int(2 + ((label + j) % 3) * 2)),
  );
  return { x: { nRows, columns }, y };
}

function closeTo(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance = 1e-12): void {
  assert.equal(actual.length, expected.length);
  for (let i = 0; i < actual.length; i++) {
    assert.ok(Math.abs(actual[i]! - expected[i]!) <= tolerance, `[${i}] ${actual[i]} vs ${expected[i]}`);
  }
}

test('quality on real data', () => {
  const cancer = loadClassification('breast_cancer');
  const gaussian = new GaussianNaiveBayes();
  gaussian.fit(cancer.train.x, cancer.train.y, 2);
  const cancerProba = gaussian.predictProba(cancer.test.x);
  assertValidProbabilities(cancerProba, cancer.test.x.nRows, 2);
  assertAtLeast(balancedAccuracy(cancerProba, cancer.test.y), 0.9, 'Gaussian breast_cancer balanced accuracy');

  const iris = loadClassification('iris');
  const irisModel = new GaussianNaiveBayes();
  irisModel.fit(iris.train.x, iris.train.y, 3);
  assertAtLeast(accuracy(irisModel.predictProba(iris.test.x), iris.test.y), 0.9, 'Gaussian iris accuracy');

  // Digits are non-negative pixel counts (0..16), the multinomial model's home ground.
  const digits = loadClassification('digits');
  const multinomial = new MultinomialNaiveBayes();
  multinomial.fit(digits.train.x, digits.train.y, 10);
  const digitsProba = multinomial.predictProba(digits.test.x);
  assertValidProbabilities(digitsProba, digits.test.x.nRows, 10);
  assertAtLeast(accuracy(digitsProba, digits.test.y), 0.85, 'multinomial digits accuracy');

  const bernoulli = new BernoulliNaiveBayes();
  bernoulli.fit(digits.train.x, digits.train.y, 10);
  assertAtLeast(accuracy(bernoulli.predictProba(digits.test.x), digits.test.y), 0.8, 'Bernoulli digits accuracy');

  const scaledCancer = standardise(cancer);
  const scaledBernoulli = new BernoulliNaiveBayes();
  scaledBernoulli.fit(scaledCancer.train.x, scaledCancer.train.y, 2);
  assertAtLeast(
    balancedAccuracy(scaledBernoulli.predictProba(scaledCancer.test.x), scaledCancer.test.y),
    0.85,
    'Bernoulli standardised breast_cancer balanced accuracy',
  );
});

test('Gaussian model matches the normal densities computed by hand', () => {
  const x = matrixFromRows([[1], [3], [10], [14]]);
  const model = new GaussianNaiveBayes({ varSmoothing: 1e-9 });
  model.fit(x, Int32Array.of(0, 0, 1, 1), 2);
  // Class means 2 and 12, variances 1 and 4, plus 1e-9 × overall variance (27.5).
  const epsilon = 1e-9 * 27.5;
  const logDensity = (v: number, mean: number, variance: number): number =>
    -0.5 * Math.log(2 * Math.PI * variance) - ((v - mean) ** 2) / (2 * variance);
  const a = logDensity(6, 2, 1 + epsilon);
  const b = logDensity(6, 12, 4 + epsilon);
  const expected = 1 / (1 + Math.exp(b - a));
  closeTo(model.predictProba(matrixFromRows([[6]])).data, [expected, 1 - expected]);
});

test('multinomial and Bernoulli models match smoothed counts computed by hand', () => {
  const x = matrixFromRows([[2, 0], [1, 1], [0, 3]]);
  const y = Int32Array.of(0, 0, 1);
  const multinomial = new MultinomialNaiveBayes({ alpha: 1 });
  multinomial.fit(x, y, 2);
  // θ0 = (3+1, 1+1)/(4+2), θ1 = (0+1, 3+1)/(3+2); priors 2/3, 1/3; query (1, 2).
  const score0 = Math.log(2 / 3) + Math.log(4 / 6) + 2 * Math.log(2 / 6);
  const score1 = Math.log(1 / 3) + Math.log(1 / 5) + 2 * Math.log(4 / 5);
  const p0 = 1 / (1 + Math.exp(score1 - score0));
  closeTo(multinomial.predictProba(matrixFromRows([[1, 2]])).data, [p0, 1 - p0]);

  const bernoulli = new BernoulliNaiveBayes({ alpha: 1, binarize: 0 });
  bernoulli.fit(x, y, 2);
  // Ones: class 0 (2, 1) of 2 rows, class 1 (0, 1) of 1 row; θ = (ones + 1)/(rows + 2); query (0, 5).
  const b0 = Math.log(2 / 3) + Math.log(1 - 3 / 4) + Math.log(2 / 4);
  const b1 = Math.log(1 / 3) + Math.log(1 - 1 / 3) + Math.log(2 / 3);
  const q0 = 1 / (1 + Math.exp(b1 - b0));
  closeTo(bernoulli.predictProba(matrixFromRows([[0, 5]])).data, [q0, 1 - q0]);

  const uniform = new MultinomialNaiveBayes({ fitPrior: false });
  uniform.fit({ nRows: 3, columns: [] }, y, 2);
  assert.deepEqual(Array.from(uniform.predictProba({ nRows: 1, columns: [] }).data), [0.5, 0.5]);
});

test('JSON round trip predicts identically, absent classes included', () => {
  const rng = new Rng(21);
  const { x, y } = countData(rng, 300, 12);
  const weights = Float64Array.from({ length: 300 }, () => rng.uniform(0, 3));
  const query = countData(rng, 100, 12).x;
  for (const family of FAMILIES) {
    const model = family.make();
    // Four classes declared, three present: the absent one has a -Infinity log prior.
    model.fit(x, y, 4, weights);
    const saved = model.toJSON();
    const reloaded = family.load(reparsed(saved.state));
    assert.equal(reloaded.toJSON().type, saved.type);
    const proba = model.predictProba(query);
    assert.deepEqual(reloaded.predictProba(query), proba, family.name);
    assertValidProbabilities(proba, 100, 4);
    for (let i = 0; i < 100; i++) assert.equal(proba.data[i * 4 + 3], 0);
  }
});

test('fromJSON rejects damaged state with BAD_MODEL_FILE', () => {
  const rng = new Rng(2);
  const { x, y } = countData(rng, 50, 3);
  for (const family of FAMILIES) {
    const model = family.make();
    model.fit(x, y, 3);
    const good = reparsed(model.toJSON().state);
    const firstArray = Object.keys(good).find((key) => Array.isArray(good[key]) && key !== 'logPriors')!;
    const damaged: unknown[] = [
      'text',
      { ...good, nFeatures: 4 },
      { ...good, nClasses: -1 },
      { ...good, logPriors: [0, 0] },
      { ...good, logPriors: ['Infinity', 0, 0] },
      { ...good, logPriors: ['-Infinity', '-Infinity', '-Infinity'] },
      { ...good, [firstArray]: [] },
      { ...good, params: {} },
    ];
    for (const state of damaged) throwsCode(() => family.load(state as JsonObject), 'BAD_MODEL_FILE');
  }
  const gaussian = new GaussianNaiveBayes();
  gaussian.fit(x, y, 3);
  const state = reparsed(gaussian.toJSON().state);
  throwsCode(() => GaussianNaiveBayes.fromJSON({ ...state, variances: new Array(9).fill(0) }), 'BAD_MODEL_FILE');
  throwsCode(() => GaussianNaiveBayes.fromJSON({ ...state, params: { varSmoothing: 2 } }), 'BAD_MODEL_FILE');
});

test('sample weights act like repeated rows, zero weights like removed rows', () => {
  const rng = new Rng(8);
  const { x, y } = countData(rng, 60, 5);
  const repeats = Float64Array.from({ length: 60 }, (_, i) => i % 4);
  const repeatedRows = Array.from(repeats, (count, i) => new Array<number>(count).fill(i)).flat();
  const repeated: FeatureMatrix = { nRows: repeatedRows.length, columns: x.columns.map((c) => Float64Array.from(repeatedRows, (i) => c[i]!)) };
  const repeatedY = Int32Array.from(repeatedRows, (i) => y[i]!);
  const query = countData(rng, 30, 5).x;
  for (const family of FAMILIES) {
    const weighted = family.make();
    weighted.fit(x, y, 3, repeats);
    const duplicated = family.make();
    duplicated.fit(repeated, repeatedY, 3);
    closeTo(weighted.predictProba(query).data, duplicated.predictProba(query).data, 1e-9);
  }
});

test('deterministic', () => {
  const rng = new Rng(4);
  const { x, y } = countData(rng, 100, 6);
  for (const family of FAMILIES) {
    const [a, b] = [family.make(), family.make()];
    a.fit(x, y, 3);
    b.fit(x, y, 3);
    assert.deepEqual(a.predictProba(x), b.predictProba(x));
  }
});

test('log-space scoring survives thousands of features and far-away queries', () => {
  const rng = new Rng(9);
  const { x, y } = countData(rng, 80, 3000);
  const far: FeatureMatrix = { nRows: 2, columns: x.columns.map((_, j) => Float64Array.of(j % 7, 1e200)) };
  for (const family of FAMILIES) {
    const model = family.make();
    model.fit(x, y, 3);
    assertValidProbabilities(model.predictProba(far), 2, 3);
    assertValidProbabilities(model.predictProba(x), 80, 3);
  }
});

test('degenerate inputs', () => {
  for (const family of FAMILIES) {
    const model = family.make();
    throwsCode(() => model.predictProba(matrixFromRows([[1]])), 'NOT_FITTED');
    throwsCode(() => model.fit({ nRows: 0, columns: [new Float64Array(0)] }, new Int32Array(0), 2), 'DEGENERATE_INPUT');
    throwsCode(() => model.fit(matrixFromRows([[1], [NaN]]), Int32Array.of(0, 1), 2), 'DEGENERATE_INPUT');

    // One row, then constant features with one class present among three.
    model.fit(matrixFromRows([[2, 3]]), Int32Array.of(1), 2);
    assert.deepEqual(Array.from(model.predictProba(matrixFromRows([[2, 3], [0, 40]])).data), [0, 1, 0, 1]);
    model.fit(matrixFromRows([[5, 5], [5, 5], [5, 5]]), Int32Array.of(2, 2, 2), 3);
    assert.deepEqual(Array.from(model.predictProba(matrixFromRows([[5, 5], [1, 9]])).data), [0, 0, 1, 0, 0, 1]);

    // Constant features with two classes. Gaussian and multinomial likelihoods are then equal
    // across classes, so the prior decides; Bernoulli smoothing depends on the class size.
    model.fit(matrixFromRows([[5], [5], [5], [5]]), Int32Array.of(0, 1, 1, 1), 2);
    const constant = model.predictProba(matrixFromRows([[5], [-3]]));
    assertValidProbabilities(constant, 2, 2);
    if (family.name !== 'bernoulli') closeTo(constant.data.subarray(0, 2), [0.25, 0.75]);
    throwsCode(() => model.predictProba(matrixFromRows([[Infinity]])), 'DEGENERATE_INPUT');
    throwsCode(() => model.predictProba(matrixFromRows([[1, 2]])), 'BAD_INPUT');
  }
  const multinomial = new MultinomialNaiveBayes();
  assert.throws(
    () => multinomial.fit(matrixFromRows([[1, 2], [0, -0.5]]), Int32Array.of(0, 1), 2),
    (error: unknown) => error instanceof AutoMLError && error.code === 'DEGENERATE_INPUT' && /non-negative/.test(error.message),
  );
});

test('rejects illegal hyperparameters', () => {
  throwsCode(() => new GaussianNaiveBayes({ varSmoothing: 0 }), 'ILLEGAL_VALUE');
  throwsCode(() => new MultinomialNaiveBayes({ alpha: -1 }), 'ILLEGAL_VALUE');
  throwsCode(() => new BernoulliNaiveBayes({ binarize: NaN }), 'ILLEGAL_VALUE');
});
