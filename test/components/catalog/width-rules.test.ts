import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ComponentContext } from '../../../src/components/component.ts';
import { buildSearchSpace } from '../../../src/components/registry.ts';
import { genericContext } from '../../../src/components/pipeline-spaces.ts';
import { MAX_FIT_OPERATIONS, WIDTH_SENSITIVE_MODELS } from '../../../src/components/catalog/width-rules.ts';
import { PolynomialFeatures } from '../../../src/components/preprocessing/polynomial-features.ts';
import type { Configuration } from '../../../src/space/index.ts';
import { Rng } from '../../../src/util/rng.ts';

const MODEL = 'classifier:__choice__';
const FP = 'feature_preprocessor:__choice__';

function numeric(nRows: number, nFeatures: number): ComponentContext {
  return { task: 'binary', nRows, nFeatures, nNumeric: nFeatures, nCategorical: 0, nEncoded: nFeatures };
}

/** Model / feature-preprocessing pairs among many draws from the space built for `context`. */
function pairsDrawn(context: ComponentContext, draws = 4000): { pairs: Set<string>; configs: Configuration[] } {
  const configs = buildSearchSpace(context).sample(new Rng(11), draws);
  return { pairs: new Set(configs.map((c) => `${String(c[MODEL])}+${String(c[FP])}`)), configs };
}

test('QDA and LDA after a degree-2 expansion of 60 columns (1 890 columns) are never drawn on 156 rows; other pairs are', () => {
  const { pairs } = pairsDrawn(numeric(156, 60));
  assert.ok(!pairs.has('qda+polynomial'));
  assert.ok(!pairs.has('lda+polynomial'));
  // Reducing preprocessing and the raw width stay open to them; a model linear in the width keeps the expansion.
  for (const pair of ['qda+pca', 'qda+no_preprocessing', 'lda+select_percentile', 'logistic_regression+polynomial']) assert.ok(pairs.has(pair), pair);
});

test('on narrow data the same expansion stays allowed: the rule reads the width, not the model alone', () => {
  assert.ok(pairsDrawn(numeric(156, 8)).pairs.has('qda+polynomial'));
});

test('on very wide data a cubic model is kept from the raw width too, while reducing preprocessing stays open', () => {
  const { pairs } = pairsDrawn(numeric(200, 5000), 2000);
  assert.ok(!pairs.has('qda+no_preprocessing'));
  assert.ok(!pairs.has('lda+no_preprocessing'));
  assert.ok(pairs.has('qda+pca'));
});

test('no drawn configuration pairs a width-sensitive model with a preprocessing whose known width breaks the limit', () => {
  const rows = 4000;
  const width = 40;
  let checked = 0;
  for (const config of pairsDrawn(numeric(rows, width)).configs) {
    const cost = WIDTH_SENSITIVE_MODELS[String(config[MODEL])];
    if (cost === undefined) continue;
    let out: number | undefined;
    if (config[FP] === 'no_preprocessing') out = width;
    if (config[FP] === 'polynomial') {
      const degree = Number(config['feature_preprocessor:polynomial:degree']);
      const interaction_only = config['feature_preprocessor:polynomial:interaction_only'] === true;
      out = new PolynomialFeatures({ degree, interaction_only, include_bias: false }).outputWidth(width);
    }
    if (out === undefined) continue;
    checked++;
    assert.ok(cost(rows, out) <= MAX_FIT_OPERATIONS, JSON.stringify(config));
  }
  assert.ok(checked > 50, `${checked} configurations checked`);
});

test('the shipped generic spaces are not narrowed by the width rules', () => {
  for (const family of ['classification', 'regression'] as const) {
    const text = JSON.stringify(buildSearchSpace(genericContext(family)).forbiddens);
    assert.ok(!text.includes('no_preprocessing'), family);
    assert.ok(!text.includes('"polynomial","type":"equals"'), family);
  }
});
