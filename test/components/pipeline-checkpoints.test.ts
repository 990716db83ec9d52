/**
 * A pipeline fitted with a watch: the model's checkpoints arrive as predictions on the watch's
 * own rows, in the form Pipeline.predict gives (preprocessed, prior-shift corrected), and a stop
 * leaves the pipeline holding the model as it was at that checkpoint.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rowsToRawTable } from '../../src/data/adapters.ts';
import { buildTrainingData } from '../../src/data/build.ts';
import { BALANCING_HP, buildSearchSpace, componentContextFor, instantiatePipeline } from '../../src/components/registry.ts';
import { sampleWeightsFor } from '../../src/components/balancing-weights.ts';
import type { Prediction } from '../../src/metrics/prediction.ts';
import type { Configuration } from '../../src/space/index.ts';

function labelledRows(n: number, offset: number) {
  // Imbalanced classes and a categorical column: weighting shifts the prior, encoding matters.
  const rows = Array.from({ length: n }, (_, i) => {
    const t = i + offset;
    return { x: Math.sin(t * 0.7), colour: ['red', 'green', 'blue'][t % 3]!, class: Math.sin(t * 0.7) + (t % 3) * 0.3 > 0.9 ? 'rare' : 'common' };
  });
  return buildTrainingData(rowsToRawTable(rows), { target: 'class' });
}

describe('Pipeline.fit with a watch', () => {
  const train = labelledRows(240, 0);
  const valid = labelledRows(90, 1000);
  const context = componentContextFor(train.features, train.task);

  function configFor(classifier: string): Configuration {
    const config = buildSearchSpace(context, { classifier: [classifier] }).defaultConfiguration();
    return { ...config, [BALANCING_HP]: 'weighting' };
  }

  it('hands over the watch rows\' predictions as Pipeline.predict gives them, and a stop keeps that model', () => {
    const { pipeline, balancing } = instantiatePipeline(configFor('random_forest'), context, 7);
    assert.equal(balancing, 'weighting');
    const seen: { share: number; prediction: Prediction }[] = [];
    pipeline.fit(train.features, train.target, sampleWeightsFor(train.target, balancing), {
      shares: [1 / 8, 1 / 4, 1 / 2],
      validation: valid.features,
      onCheckpoint: (share, prediction) => {
        seen.push({ share, prediction });
        return share === 1 / 4;
      },
    });
    assert.deepEqual(seen.map((s) => s.share), [1 / 8, 1 / 4]);
    const last = seen[1]!.prediction;
    assert.ok(pipeline.toJSON().priorShift !== undefined, 'the weighting shifted the prior');
    const after = pipeline.predict(valid.features);
    assert.ok(last.kind === 'classification' && after.kind === 'classification');
    assert.deepEqual(last.proba.data, after.proba.data);
  });

  it('never calls the watch for a learner without iterations, and fits as without one', () => {
    const config = configFor('lda');
    const watched = instantiatePipeline(config, context, 7);
    let calls = 0;
    watched.pipeline.fit(train.features, train.target, sampleWeightsFor(train.target, watched.balancing), {
      shares: [1 / 8],
      validation: valid.features,
      onCheckpoint: () => {
        calls++;
        return true;
      },
    });
    const plain = instantiatePipeline(config, context, 7);
    plain.pipeline.fit(train.features, train.target, sampleWeightsFor(train.target, plain.balancing));
    assert.equal(calls, 0);
    assert.deepEqual(watched.pipeline.toJSON(), plain.pipeline.toJSON());
  });
});
