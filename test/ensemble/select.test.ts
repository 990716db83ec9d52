import { test } from 'node:test';
import assert from 'node:assert/strict';
import { selectEnsemble, weightsById, type EnsembleCandidate, type EnsembleResult } from '../../src/ensemble/index.ts';
import { combinePredictions } from '../../src/export/combine.ts';
import type { Prediction, Truth } from '../../src/metrics/prediction.ts';
import { getScorer, scoreToCost, type Scorer } from '../../src/metrics/scorers.ts';
import { AutoMLError } from '../../src/util/errors.ts';
import { Rng } from '../../src/util/rng.ts';
import { binaryProba, candidate, classTruth, noisyClassifier, randomClassTruth } from './fixtures.ts';

const balanced = getScorer('balanced_accuracy', 'multiclass');
const logLoss = getScorer('log_loss', 'binary');
const rmse = getScorer('rmse', 'regression');

function costOf(result: EnsembleResult, candidates: readonly EnsembleCandidate[], truth: Truth, scorer: Scorer): number {
  const byId = new Map(candidates.map((c) => [c.id, c.prediction]));
  const outputs = result.members.map((m) => byId.get(m.id)!);
  const combined = combinePredictions(outputs, Float64Array.from(result.members.map((m) => m.weight)));
  return scoreToCost(scorer, scorer.score(truth, combined));
}

function noisyPool(seed: number): { truth: ReturnType<typeof randomClassTruth>; candidates: EnsembleCandidate[] } {
  const rng = new Rng(seed);
  const truth = randomClassTruth(300, 4, rng);
  const candidates = Array.from({ length: 12 }, (_, i) => candidate(100 + i, noisyClassifier(truth, 0.2 + 0.05 * i, rng), truth, balanced));
  return { truth, candidates };
}

function bestCost(candidates: readonly EnsembleCandidate[]): number {
  return Math.min(...candidates.map((c) => c.cost));
}

test('weights are positive, sum to 1, name only given candidates and reproduce the reported cost', () => {
  const { truth, candidates } = noisyPool(1);
  const result = selectEnsemble(candidates, { truth, scorer: balanced }, { ensembleSize: 25, seed: 7 });
  const ids = new Set(candidates.map((c) => c.id));
  assert.ok(result.members.length > 1);
  for (const member of result.members) {
    assert.ok(ids.has(member.id));
    assert.ok(member.weight > 0);
  }
  const total = result.members.reduce((s, m) => s + m.weight, 0);
  assert.ok(Math.abs(total - 1) < 1e-12);
  assert.equal(new Set(result.members.map((m) => m.id)).size, result.members.length);
  assert.equal(result.trajectory.length, 25);
  assert.ok(result.iterations >= 1 && result.iterations <= 25);
  assert.equal(result.cost, Math.min(...result.trajectory));
  // weights are whole selections out of the kept iterations
  for (const member of result.members) assert.ok(Math.abs(member.weight * result.iterations - Math.round(member.weight * result.iterations)) < 1e-9);
  assert.ok(Math.abs(costOf(result, candidates, truth, balanced) - result.cost) < 1e-12);
  assert.deepEqual([...weightsById(result).keys()].sort(), result.members.map((m) => m.id).sort());
});

test('the ensemble is never worse than the best single candidate on the validation rows', () => {
  for (const seed of [2, 3, 4]) {
    const { truth, candidates } = noisyPool(seed);
    for (const scorer of [balanced, getScorer('log_loss', 'multiclass'), getScorer('accuracy', 'multiclass')]) {
      const scored = candidates.map((c) => candidate(c.id, c.prediction, truth, scorer));
      const result = selectEnsemble(scored, { truth, scorer }, { seed });
      // log loss is costed from the true-class column alone, equal to the metric up to rounding
      const slack = 1e-12 * bestCost(scored);
      assert.ok(Math.abs(result.trajectory[0]! - bestCost(scored)) <= slack);
      assert.ok(result.cost <= bestCost(scored) + slack, `${scorer.name}: ${result.cost} > ${bestCost(scored)}`);
    }
  }
});

test('two complementary weak classifiers average to a better one', () => {
  // Five groups of 20 rows, classes alternating. A is sure and right on groups 0–2 and mildly
  // wrong on 3–4; B is sure and right on 2–4 and mildly wrong on 0–1. Each alone gets 60% right;
  // their average leans the right way on every row.
  const nRows = 100;
  const codes = Array.from({ length: nRows }, (_, i) => (i % 2 === 0 ? 1 : 0));
  const truth = classTruth(codes, 2);
  const group = (i: number): number => Math.floor(i / 20);
  const lean = (i: number, confident: boolean): number => (codes[i] === 1 ? (confident ? 0.9 : 0.4) : confident ? 0.1 : 0.6);
  const a = binaryProba(codes.map((_, i) => lean(i, group(i) <= 2)));
  const b = binaryProba(codes.map((_, i) => lean(i, group(i) >= 2)));
  const decoy = binaryProba(codes.map((_, i) => lean(i, i % 5 !== 0)));
  const candidates = [candidate(1, a, truth, balanced), candidate(2, b, truth, balanced), candidate(3, decoy, truth, balanced)];
  const best = bestCost(candidates);
  assert.ok(best > 0.15);
  const result = selectEnsemble(candidates, { truth, scorer: balanced }, { ensembleSize: 10, seed: 0 });
  assert.equal(result.cost, 0);
  const weights = weightsById(result);
  assert.ok((weights.get(1) ?? 0) > 0 && (weights.get(2) ?? 0) > 0);
});

test('ensembleSize 1 gives the single best candidate with weight 1', () => {
  const { truth, candidates } = noisyPool(5);
  const best = [...candidates].sort((x, y) => x.cost - y.cost || x.id - y.id)[0]!;
  const result = selectEnsemble(candidates, { truth, scorer: balanced }, { ensembleSize: 1, seed: 3 });
  assert.deepEqual(result.members, [{ id: best.id, weight: 1 }]);
  assert.equal(result.cost, best.cost);
  assert.deepEqual(result.trajectory, [best.cost]);
});

test('candidates no better than the dummy are dropped, unless none is better', () => {
  // y has spread 0.5 around its mean, so the mean predictor has RMSE 0.5. `good` is off by +0.3
  // (RMSE 0.3); `bad` is off by −0.9 (RMSE 0.9), yet three goods and a bad would average to y.
  const y = Float64Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 10.5 : 9.5));
  const truth: Truth = { kind: 'regression', values: y };
  const shifted = (d: number): Prediction => ({ kind: 'regression', values: y.map((v) => v + d) });
  const good = candidate(1, shifted(0.3), truth, rmse);
  const bad = candidate(2, shifted(-0.9), truth, rmse);
  const withoutFilter = selectEnsemble([good, bad], { truth, scorer: rmse, dummyCost: Infinity }, { ensembleSize: 8, seed: 0 });
  assert.ok(weightsById(withoutFilter).has(2), 'the bad candidate helps when allowed');
  assert.ok(withoutFilter.cost < 1e-9);
  const filtered = selectEnsemble([good, bad], { truth, scorer: rmse }, { ensembleSize: 8, seed: 0 });
  assert.deepEqual(filtered.members, [{ id: 1, weight: 1 }]);
  // every candidate worse than the dummy: the best one is kept alone
  const worse = candidate(3, shifted(1.2), truth, rmse);
  const fallback = selectEnsemble([worse, bad], { truth, scorer: rmse }, { ensembleSize: 8, seed: 0 });
  assert.deepEqual(fallback.members, [{ id: 2, weight: 1 }]);
});

test('the same seed gives the same ensemble; ties are broken by the seed', () => {
  const { truth, candidates } = noisyPool(6);
  const first = selectEnsemble(candidates, { truth, scorer: balanced }, { seed: 11 });
  const second = selectEnsemble([...candidates].reverse(), { truth, scorer: balanced }, { seed: 11 });
  assert.deepEqual(second, first);
  // two identical best candidates: which one is picked depends only on the seed
  const twin = { ...candidates[0]!, id: 999 };
  const best = [...candidates].sort((x, y) => x.cost - y.cost)[0]!;
  const pair = [best, { ...best, id: 998 }, twin];
  const picked = new Set<number>();
  for (let seed = 0; seed < 30; seed++) {
    const once = selectEnsemble(pair, { truth, scorer: balanced }, { ensembleSize: 1, seed });
    assert.deepEqual(once, selectEnsemble(pair, { truth, scorer: balanced }, { ensembleSize: 1, seed }));
    picked.add(once.members[0]!.id);
  }
  assert.deepEqual([...picked].sort(), [best.id, 998].sort());
});

test('ties of a discrete metric are broken by log loss before the seed', () => {
  // Both candidates put the true class first on the same rows (equal balanced accuracy), but
  // `sharp` is confidently wrong where it errs while `soft` hedges: log loss prefers `soft`.
  const codes = Array.from({ length: 60 }, (_, i) => i % 2);
  const truth = classTruth(codes, 2);
  const lean = (right: number, wrong: number) => binaryProba(codes.map((c, i) => (i % 6 === 0 ? (c === 1 ? wrong : 1 - wrong) : c === 1 ? right : 1 - right)));
  const sharp = candidate(1, lean(0.99, 0.01), truth, balanced);
  const soft = candidate(2, lean(0.8, 0.4), truth, balanced);
  assert.equal(sharp.cost, soft.cost);
  for (let seed = 0; seed < 10; seed++) {
    const single = selectEnsemble([sharp, soft], { truth, scorer: balanced }, { ensembleSize: 1, seed });
    assert.deepEqual(single.members, [{ id: 2, weight: 1 }]);
  }
  // Along the path, equal-cost prefixes are told apart by log loss too: adding `sharp` to
  // `soft` keeps balanced accuracy but worsens log loss, so the kept prefix is `soft` alone.
  const path = selectEnsemble([sharp, soft], { truth, scorer: balanced }, { ensembleSize: 10, seed: 3 });
  const byLogLoss = (result: EnsembleResult) => costOf(result, [sharp, soft], truth, logLoss);
  assert.ok(byLogLoss(path) <= byLogLoss({ ...path, members: [{ id: 1, weight: 1 }] }));
  // Under log loss itself no tie-breaker is involved and the selection is unchanged.
  assert.deepEqual(
    selectEnsemble([sharp, soft], { truth, scorer: logLoss }, { seed: 0 }).members.map((m) => m.id).sort(),
    selectEnsemble([soft, sharp], { truth, scorer: logLoss }, { seed: 5 }).members.map((m) => m.id).sort(),
  );
});

test('regression averages values: independent errors shrink under RMSE', () => {
  const rng = new Rng(9);
  const y = Float64Array.from({ length: 200 }, () => rng.normal() * 5);
  const truth: Truth = { kind: 'regression', values: y };
  const noisy = (): Prediction => ({ kind: 'regression', values: y.map((v) => v + rng.normal()) });
  const candidates = [candidate(1, noisy(), truth, rmse), candidate(2, noisy(), truth, rmse), candidate(3, noisy(), truth, rmse), candidate(4, noisy(), truth, rmse)];
  const result = selectEnsemble(candidates, { truth, scorer: rmse }, { seed: 1 });
  assert.ok(result.members.length >= 3);
  // four independent unit-variance errors average to about 1/√4 of the error
  assert.ok(result.cost < 0.7 * bestCost(candidates), `${result.cost} vs ${bestCost(candidates)}`);
  assert.ok(Math.abs(costOf(result, candidates, truth, rmse) - result.cost) < 1e-12);
});

test('log loss: an over- and an under-confident candidate average to a better-calibrated one', () => {
  // Within each half, 80% of rows carry the half's majority class: calibrated P = 0.8.
  const nRows = 200;
  const codes = Array.from({ length: nRows }, (_, i) => {
    const majority = i < nRows / 2 ? 1 : 0;
    return i % 5 === 0 ? 1 - majority : majority;
  });
  const truth = classTruth(codes, 2);
  const towards = (p: number): Prediction => binaryProba(codes.map((_, i) => (i < nRows / 2 ? p : 1 - p)));
  const over = candidate(1, towards(0.95), truth, logLoss);
  const under = candidate(2, towards(0.6), truth, logLoss);
  const result = selectEnsemble([over, under], { truth, scorer: logLoss }, { seed: 0 });
  const weights = weightsById(result);
  assert.ok((weights.get(1) ?? 0) > 0 && (weights.get(2) ?? 0) > 0);
  assert.ok(result.cost < Math.min(over.cost, under.cost) - 0.05, `${result.cost} vs ${over.cost}, ${under.cost}`);
  const entropy = -(0.8 * Math.log(0.8) + 0.2 * Math.log(0.2));
  assert.ok(result.cost < entropy + 0.01);
});

test('only the nBest cheapest candidates can be members', () => {
  const { truth, candidates } = noisyPool(7);
  const cheapest = new Set([...candidates].sort((x, y) => x.cost - y.cost || x.id - y.id).slice(0, 3).map((c) => c.id));
  const result = selectEnsemble(candidates, { truth, scorer: balanced }, { nBest: 3, seed: 2 });
  for (const member of result.members) assert.ok(cheapest.has(member.id));
});

test('bad options, mis-shaped predictions and an empty pool are typed errors', () => {
  const { truth, candidates } = noisyPool(8);
  const problem = { truth, scorer: balanced };
  const codeOf = (fn: () => unknown): string => {
    try {
      fn();
    } catch (error) {
      assert.ok(error instanceof AutoMLError);
      return error.code;
    }
    return 'none';
  };
  assert.equal(codeOf(() => selectEnsemble(candidates, problem, { ensembleSize: 0, seed: 0 })), 'BAD_OPTION');
  assert.equal(codeOf(() => selectEnsemble(candidates, problem, { nBest: 2.5, seed: 0 })), 'BAD_OPTION');
  assert.equal(codeOf(() => selectEnsemble([], problem, { seed: 0 })), 'NO_SUCCESSFUL_TRIAL');
  assert.equal(codeOf(() => selectEnsemble([{ ...candidates[0]!, cost: Infinity }], problem, { seed: 0 })), 'NO_SUCCESSFUL_TRIAL');
  const short = { id: 5, cost: 0.1, prediction: binaryProba([0.5]) };
  assert.equal(codeOf(() => selectEnsemble([short], problem, { seed: 0 })), 'INTERNAL');
});
