import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTrainingData } from '../../src/data/build.ts';
import { parseCsvText } from '../../src/data/csv.ts';
import { computeMetaFeatures, META_FEATURE_NAMES } from '../../src/metalearning/meta-features.ts';
import { loadSplitDataset } from '../helpers/datasets.ts';

/**
 * Five rows, one numeric column with a missing cell, one categorical column with a missing cell.
 * Five rows give five folds: the landmarkers are leave-one-out whatever the seed.
 */
const TINY = 'x,c,y\n1,a,p\n2,a,p\n4,b,q\n,b,q\n8,,p\n';

function close(actual: number, expected: number, what: string): void {
  assert.ok(Math.abs(actual - expected) < 1e-9, `${what}: ${actual} ≠ ${expected}`);
}

test('meta-features of a tiny dataset equal the hand-computed values', () => {
  const data = buildTrainingData(parseCsvText(TINY), { target: 'y' });
  const mf = computeMetaFeatures(data, 0);
  assert.deepEqual(Object.keys(mf), META_FEATURE_NAMES);
  const expected: Record<string, number> = {
    n_instances: 5,
    log_n_instances: Math.log(5),
    n_features: 2,
    log_n_features: Math.log(2),
    n_classes: 2,
    n_numeric_features: 1,
    n_categorical_features: 1,
    numeric_fraction: 0.5,
    categorical_fraction: 0.5,
    n_missing_values: 2,
    missing_value_fraction: 0.2,
    n_instances_with_missing: 2,
    instances_with_missing_fraction: 0.4,
    n_features_with_missing: 2,
    features_with_missing_fraction: 1,
    dimensionality: 0.4,
    log_dimensionality: Math.log(0.4),
    inverse_dimensionality: 2.5,
    log_inverse_dimensionality: Math.log(2.5),
    // p: 3 of 5, q: 2 of 5
    class_probability_min: 0.4,
    class_probability_max: 0.6,
    class_probability_mean: 0.5,
    class_probability_std: 0.1,
    class_entropy: -(0.6 * Math.log2(0.6) + 0.4 * Math.log2(0.4)),
    // x without its missing cell: 1, 2, 4, 8; mean 3.75; m2 = 28.75/4, m3 = 50.625/4, m4 = 392.828125/4
    skewness_min: 12.65625 / 7.1875 ** 1.5,
    skewness_max: 12.65625 / 7.1875 ** 1.5,
    skewness_mean: 12.65625 / 7.1875 ** 1.5,
    skewness_std: 0,
    kurtosis_min: 98.20703125 / 7.1875 ** 2 - 3,
    kurtosis_max: 98.20703125 / 7.1875 ** 2 - 3,
    kurtosis_mean: 98.20703125 / 7.1875 ** 2 - 3,
    kurtosis_std: 0,
    // Leave-one-out on (standardised x, c=a, c=b): the last row (x = 8, c missing, class p) lies
    // nearest to the third (class q), and the stump trained without it splits x between 2 and 4.
    landmark_1nn: 0.8,
    landmark_decision_stump: 0.8,
    // Zero-variance indicator columns dominate: every held-out row is classified correctly.
    landmark_naive_bayes: 1,
  };
  for (const [name, value] of Object.entries(expected)) close(mf[name as keyof typeof mf], value, name);
  assert.ok(Number.isNaN(mf.target_skewness) && Number.isNaN(mf.target_kurtosis));
});

test('regression: class-based features are NaN, the target shape is measured', () => {
  const data = buildTrainingData(parseCsvText('x,t\n1,1\n2,2\n3,4\n4,8\n5,16\n6,32\n'), { target: 't', task: 'regression' });
  const mf = computeMetaFeatures(data, 0);
  for (const name of ['n_classes', 'class_probability_min', 'class_probability_max', 'class_probability_mean', 'class_probability_std', 'class_entropy', 'landmark_naive_bayes'] as const) {
    assert.ok(Number.isNaN(mf[name]), name);
  }
  assert.ok(mf.target_skewness > 0, 'a doubling target is right-skewed');
  assert.ok(Number.isFinite(mf.landmark_1nn) && Number.isFinite(mf.landmark_decision_stump));
});

test('seeded and bounded: a real dataset gives the same values twice, quickly', async () => {
  const { train } = await loadSplitDataset('vowel');
  const data = buildTrainingData(train, { target: 'class' });
  const start = performance.now();
  const a = computeMetaFeatures(data, 3);
  const elapsed = performance.now() - start;
  assert.deepEqual(computeMetaFeatures(data, 3), a);
  assert.ok(a.landmark_1nn > 0.8, `1-NN accuracy on vowel ${a.landmark_1nn}`);
  assert.ok(elapsed < 5000, `${elapsed} ms`);
});
