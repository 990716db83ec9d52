/**
 * The contract every preprocessing component must honour, checked on real datasets with missing
 * values and categoricals: fit on training rows, transform any rows to finite values of a fixed
 * width, save and load to an identical transform, treat rows independently, never mutate input
 * or fitted state while transforming, and survive categories and gaps never seen in training.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { takeRows } from '../../../src/data/dataset.ts';
import type { FitTarget } from '../../../src/components/transformer.ts';
import {
  CategoryCoalescer, FeatureAgglomeration, Imputer, MinMaxScaler, NoRescaling, Nystroem, OneHotEncoder, OrdinalEncoder,
  Pca, PolynomialFeatures, PowerTransformer, QuantileTransformer, RandomFourierFeatures, RobustScaler, SelectPercentile,
  StandardScaler, loadTransformer, type Transformer,
} from '../../../src/components/preprocessing/index.ts';
import { loadSplit } from './load.ts';
import {
  applyChain, assertAllFinite, assertSameMatrix, assertThrowsCode, fitChain, matrixRows, reloadChain, snapshot, withSurprises,
} from './helpers.ts';

type TaskKind = FitTarget['kind'];

interface ComponentCase {
  readonly name: string;
  /** The whole chain to fit; `subject` is its step under test. */
  readonly chain: (task: TaskKind) => { steps: Transformer[]; subject: Transformer };
}

/** imputer → coalescer → one-hot → subject. */
const afterOneHot = (make: (task: TaskKind) => Transformer) => (task: TaskKind) => {
  const subject = make(task);
  return { steps: [new Imputer(), new CategoryCoalescer({ minimum_fraction: 0.01 }), new OneHotEncoder(), subject], subject };
};

/** imputer → coalescer → one-hot → standard scaler → subject (kernels want comparable scales). */
const afterScaling = (make: (task: TaskKind) => Transformer) => (task: TaskKind) => {
  const subject = make(task);
  return {
    steps: [new Imputer(), new CategoryCoalescer({ minimum_fraction: 0.01 }), new OneHotEncoder(), new StandardScaler(), subject],
    subject,
  };
};

/** imputer → ordinal encoder → subject (keeps the width small for polynomial expansion). */
const afterOrdinal = (make: (task: TaskKind) => Transformer) => (task: TaskKind) => {
  const subject = make(task);
  return { steps: [new Imputer(), new OrdinalEncoder(), subject], subject };
};

const CASES: readonly ComponentCase[] = [
  ...(['mean', 'median', 'most_frequent'] as const).map((strategy) => ({
    name: `imputer ${strategy}`,
    chain: () => {
      const subject = new Imputer({ strategy });
      return { steps: [subject, new OneHotEncoder()], subject };
    },
  })),
  {
    name: 'category_coalescer',
    chain: () => {
      const subject = new CategoryCoalescer({ minimum_fraction: 0.05 });
      return { steps: [new Imputer(), subject, new OneHotEncoder()], subject };
    },
  },
  {
    name: 'one_hot_encoder',
    chain: () => {
      const subject = new OneHotEncoder();
      return { steps: [new Imputer(), subject], subject };
    },
  },
  {
    name: 'ordinal_encoder',
    chain: () => {
      const subject = new OrdinalEncoder();
      return { steps: [new Imputer({ strategy: 'median' }), subject], subject };
    },
  },
  { name: 'no_rescaling', chain: afterOneHot(() => new NoRescaling()) },
  { name: 'standard_scaler', chain: afterOneHot(() => new StandardScaler()) },
  { name: 'minmax_scaler', chain: afterOneHot(() => new MinMaxScaler()) },
  { name: 'robust_scaler', chain: afterOneHot(() => new RobustScaler({ q_min: 0.1, q_max: 0.9 })) },
  { name: 'quantile uniform', chain: afterOneHot(() => new QuantileTransformer({ n_quantiles: 100 })) },
  { name: 'quantile normal', chain: afterOneHot(() => new QuantileTransformer({ output_distribution: 'normal' })) },
  { name: 'power_transformer', chain: afterOneHot(() => new PowerTransformer()) },
  { name: 'pca', chain: afterOneHot(() => new Pca({ keep_variance: 0.9 })) },
  { name: 'pca whitened', chain: afterScaling(() => new Pca({ keep_variance: 0.99, whiten: true })) },
  {
    name: 'select_percentile F-test',
    chain: afterOneHot((task) => new SelectPercentile({ percentile: 30, score_func: task === 'regression' ? 'f_regression' : 'f_classif' })),
  },
  {
    name: 'select_percentile chi2 / mutual_info',
    chain: afterOneHot((task) => new SelectPercentile({ percentile: 60, score_func: task === 'regression' ? 'mutual_info' : 'chi2' })),
  },
  { name: 'select_percentile mutual_info', chain: afterOneHot(() => new SelectPercentile({ percentile: 10, score_func: 'mutual_info' })) },
  { name: 'polynomial degree 2', chain: afterOrdinal(() => new PolynomialFeatures({ degree: 2 })) },
  { name: 'polynomial interactions', chain: afterOrdinal(() => new PolynomialFeatures({ interaction_only: true, include_bias: true })) },
  { name: 'nystroem rbf', chain: afterScaling(() => new Nystroem({ gamma: 0.05, n_components: 60, seed: 7 })) },
  { name: 'nystroem poly', chain: afterScaling(() => new Nystroem({ kernel: 'poly', gamma: 0.01, degree: 2, coef0: 1, n_components: 40 })) },
  { name: 'nystroem sigmoid', chain: afterScaling(() => new Nystroem({ kernel: 'sigmoid', gamma: 0.01, n_components: 40 })) },
  { name: 'nystroem cosine', chain: afterScaling(() => new Nystroem({ kernel: 'cosine', n_components: 40 })) },
  { name: 'random_fourier_features', chain: afterScaling(() => new RandomFourierFeatures({ gamma: 0.1, n_components: 80, seed: 3 })) },
  { name: 'feature_agglomeration ward', chain: afterScaling(() => new FeatureAgglomeration({ n_clusters: 8 })) },
  {
    name: 'feature_agglomeration average manhattan median',
    chain: afterOneHot(() => new FeatureAgglomeration({ n_clusters: 5, linkage: 'average', affinity: 'manhattan', pooling_func: 'median' })),
  },
  {
    name: 'feature_agglomeration complete cosine max',
    chain: afterOneHot(() => new FeatureAgglomeration({ n_clusters: 12, linkage: 'complete', affinity: 'cosine', pooling_func: 'max' })),
  },
];

/** Categoricals with missing values, a mix of types, numeric with missing, purely numeric, regression. */
const DATASETS = ['house_votes84', 'soybean', 'titanic', 'pima_diabetes2', 'breast_cancer', 'diabetes'] as const;

for (const testCase of CASES) {
  describe(testCase.name, () => {
    for (const datasetName of DATASETS) {
      describe(datasetName, () => {
        const data = loadSplit(datasetName);
        const { steps, subject } = testCase.chain(data.trainTarget.kind);
        const trainSnapshot = snapshot(data.train);
        const trainOut = fitChain(steps, data.train, data.trainTarget);
        const testOut = applyChain(steps, data.test);

        it('transforms training and held-out rows to finite values of one width', () => {
          assert.equal(trainOut.nRows, data.train.nRows);
          assert.equal(testOut.nRows, data.test.nRows);
          assert.equal(testOut.columns.length, trainOut.columns.length);
          assert.ok(trainOut.columns.length > 0, 'no output features');
          assertAllFinite(trainOut, 'train');
          assertAllFinite(testOut, 'test');
        });

        it('reproduces its training output when transforming the training rows again', () => {
          assertSameMatrix(applyChain(steps, data.train), trainOut, 'train');
        });

        it('transforms identically after a JSON round trip', () => {
          const reloaded = reloadChain(steps);
          assertSameMatrix(applyChain(reloaded, data.test), testOut, 'test');
          assertSameMatrix(applyChain(reloaded, data.train), trainOut, 'train');
          const saved = JSON.stringify(subject.toJSON());
          assert.equal(JSON.stringify(loadTransformer(JSON.parse(saved)).toJSON()), saved);
        });

        it('treats rows independently of the batch they come in', () => {
          const reversed = Array.from({ length: data.test.nRows }, (_, i) => data.test.nRows - 1 - i);
          assertSameMatrix(applyChain(steps, takeRows(data.test, reversed)), matrixRows(testOut, reversed), 'reversed batch');
          for (const row of [0, 1, data.test.nRows - 1]) {
            assertSameMatrix(applyChain(steps, takeRows(data.test, [row])), matrixRows(testOut, [row]), `row ${row} alone`);
          }
        });

        it('fits on the training rows only and changes nothing while transforming', () => {
          assert.equal(snapshot(data.train), trainSnapshot, 'fit mutated its input');
          const before = JSON.stringify(subject.toJSON());
          const testSnapshot = snapshot(data.test);
          applyChain(steps, withSurprises(data.test));
          assert.equal(snapshot(data.test), testSnapshot, 'transform mutated its input');
          assert.equal(JSON.stringify(subject.toJSON()), before, 'transform changed the fitted state');
          const refit = testCase.chain(data.trainTarget.kind);
          fitChain(refit.steps, data.train, data.trainTarget);
          assert.equal(JSON.stringify(refit.subject.toJSON()), before, 'refitting on the same rows gave another state');
        });

        it('maps unseen categories, stray codes and new gaps without crashing', () => {
          const out = applyChain(steps, withSurprises(data.test));
          assert.equal(out.columns.length, trainOut.columns.length);
          assertAllFinite(out, 'surprising rows');
        });
      });
    }

    it('refuses to transform before fit, and refuses damaged saved state', () => {
      const data = loadSplit('titanic');
      const { steps, subject } = testCase.chain(data.trainTarget.kind);
      const fresh = testCase.chain(data.trainTarget.kind).subject;
      assertThrowsCode(() => fresh.toJSON(), 'NOT_FITTED', 'toJSON before fit');
      fitChain(steps, data.train, data.trainTarget);
      const saved = subject.toJSON();
      for (const key of Object.keys(saved.state)) {
        const { [key]: _dropped, ...rest } = saved.state;
        assertThrowsCode(() => loadTransformer({ type: saved.type, state: rest }), 'BAD_MODEL_FILE', `without "${key}"`);
        assertThrowsCode(
          () => loadTransformer({ type: saved.type, state: { ...saved.state, [key]: 'garbage' } }),
          'BAD_MODEL_FILE',
          `with a garbage "${key}"`,
        );
      }
    });
  });
}

describe('loadTransformer', () => {
  it('rejects unknown types and malformed envelopes with BAD_MODEL_FILE', () => {
    assertThrowsCode(() => loadTransformer({ type: 'no_such_step', state: {} }), 'BAD_MODEL_FILE');
    assertThrowsCode(() => loadTransformer({ type: 'toString', state: {} }), 'BAD_MODEL_FILE');
    assertThrowsCode(() => loadTransformer(JSON.parse('{"state": {}}')), 'BAD_MODEL_FILE');
    assertThrowsCode(() => loadTransformer({ type: 'standard_scaler', state: JSON.parse('[]') }), 'BAD_MODEL_FILE');
  });
});
