import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseKernel } from '../../src/ensemble/kernels/choose.ts';
import { GenericKernel } from '../../src/ensemble/kernels/generic.ts';
import type { Prediction, Truth } from '../../src/metrics/prediction.ts';
import { getScorer, type Scorer } from '../../src/metrics/scorers.ts';
import { Rng } from '../../src/util/rng.ts';
import { noisyClassifier, randomClassTruth } from './fixtures.ts';

type ClassTruth = Extract<Truth, { kind: 'classification' }>;

function flat(prediction: Prediction): Float64Array {
  return prediction.kind === 'classification' ? prediction.proba.data : prediction.values;
}

/** Candidates of mixed quality, some coarse so that ties and exact zeros occur, one with NaN. */
function pool(truth: ClassTruth, size: number, rng: Rng, withNaN: boolean): Float64Array[] {
  return Array.from({ length: size }, (_, j) => {
    const data = flat(noisyClassifier(truth, rng.uniform(0, 0.6), rng));
    if (j % 3 === 0) for (let i = 0; i < data.length; i++) data[i] = Math.round(data[i]! * 4) / 4;
    if (j % 4 === 1) for (let i = 0; i < data.length; i += 3) data[i] = 0;
    if (withNaN && j === size - 1) for (let i = 0; i < data.length; i += 17) data[i] = NaN;
    return data;
  });
}

/**
 * Walks a random selection path and checks, at every step and for every candidate, that the
 * dedicated kernel costs the trial ensemble as the scorer does on the averaged prediction.
 */
function agreeAlongPath(truth: ClassTruth, scorer: Scorer, members: Float64Array[], steps: number, tolerance: number, rng: Rng): void {
  const fast = chooseKernel(members, truth, scorer);
  assert.ok(!(fast instanceof GenericKernel), `${scorer.name} should have a dedicated kernel`);
  const reference = new GenericKernel(members, truth, scorer);
  for (let step = 0; step < steps; step++) {
    for (let j = 0; j < members.length; j++) {
      const expected = reference.trialCost(j);
      const actual = fast.trialCost(j);
      if (tolerance === 0) assert.equal(actual, expected, `${scorer.name}, step ${step}, candidate ${j}`);
      else assert.ok(Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)), `${scorer.name}, step ${step}, candidate ${j}: ${actual} vs ${expected}`);
    }
    // mostly strong members, as the greedy picks them, with an occasional weak one
    const pick = rng.next() < 0.7 ? rng.int(Math.min(3, members.length)) : rng.int(members.length);
    fast.add(pick);
    reference.add(pick);
  }
}

test('accuracy and balanced accuracy kernels agree exactly with scoring the average, NaN rows included', () => {
  for (const [seed, nClasses] of [[1, 2], [2, 3], [3, 7]] as const) {
    const rng = new Rng(seed);
    const truth = randomClassTruth(400, nClasses, rng);
    const members = pool(truth, 9, rng, true);
    for (const name of ['accuracy', 'balanced_accuracy']) agreeAlongPath(truth, getScorer(name, 'multiclass'), members, 40, 0, rng);
  }
});

test('the log loss kernel agrees with the metric up to rounding, zeros included', () => {
  for (const [seed, nClasses] of [[4, 2], [5, 4]] as const) {
    const rng = new Rng(seed);
    const truth = randomClassTruth(300, nClasses, rng);
    const members = pool(truth, 7, rng, false);
    // one member certain and wrong somewhere: the clipped logarithm must match too
    members[6]!.fill(0);
    for (let row = 0; row < 300; row++) members[6]![row * nClasses + ((truth.codes[row]! + 1) % nClasses)] = 1;
    agreeAlongPath(truth, getScorer('log_loss', 'multiclass'), members, 25, 1e-12, rng);
  }
});
