import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CONFIDENCE_BETA, regretBound } from '../../../src/search/termination/regret-bound.ts';
import { costOfTarget, transformCosts } from '../../../src/search/smac/cost-transform.ts';

const identity = (y: number): number => y;

test('the bound is the best upper bound of the better half minus the lowest lower bound', () => {
  const bound = regretBound({
    // observed costs order the evaluated as 1 (0.2), 0 (0.3), 3 (0.5), 2 (0.9): better half {1, 0}
    evaluated: { mean: [0.3, 0.25, 0.1, 0.5], variance: [0.01, 0.04, 0.0001, 0.01] },
    observedCosts: [0.3, 0.2, 0.9, 0.5],
    candidates: { mean: [0.28, 0.4], variance: [0.0025, 0.25] },
    toCost: identity,
  });
  // upper: min(0.3 + 2·0.1, 0.25 + 2·0.2) = 0.5; lower: min over all of mean − 2·std = 0.4 − 2·0.5 = −0.6
  assert.equal(CONFIDENCE_BETA, 2);
  assert.ok(Math.abs(bound - 1.1) < 1e-12, `bound ${bound}`);
});

test('a poor evaluated configuration cannot set the upper bound, however certain the model is of it', () => {
  const inputs = {
    evaluated: { mean: [0.5, 0.6, 0.0], variance: [0, 0, 0] },
    observedCosts: [0.5, 0.6, 0.95],
    candidates: { mean: [0.45], variance: [0] },
    toCost: identity,
  };
  // better half of three = the two best observed: upper 0.5; lower 0.0 (the poor one's mean)
  assert.ok(Math.abs(regretBound(inputs) - 0.5) < 1e-12);
  assert.ok(Number.isNaN(regretBound({ ...inputs, observedCosts: [Infinity, Infinity, Infinity] })));
});

test('the bound shrinks as the surrogate becomes certain and is never negative', () => {
  const at = (variance: number): number => regretBound({
    evaluated: { mean: [0.2, 0.3], variance: [variance, variance] },
    observedCosts: [0.2, 0.3],
    candidates: { mean: [0.25, 0.4], variance: [variance, variance] },
    toCost: identity,
  });
  assert.ok(at(0.01) > at(0.001) && at(0.001) > at(0));
  assert.equal(at(0), 0);
});

test('surrogate targets map back to the costs they were made from', () => {
  const costs = [0.31, 0.12, 0.5, Infinity, 0.2];
  const transform = transformCosts(costs, 0.01, 0.2)!;
  costs.forEach((cost, i) => {
    const back = costOfTarget(transform, transform.y[i]!);
    assert.ok(Math.abs(back - (Number.isFinite(cost) ? cost : 0.5)) < 1e-12, `${cost} → ${back}`);
  });
  assert.equal(costOfTarget(transformCosts([0.4, 0.4], 0.01)!, 1.7), 0.4);
});
