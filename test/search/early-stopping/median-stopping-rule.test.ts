import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_CHECKPOINTS, DEFAULT_MIN_TRIALS, MedianStoppingRule } from '../../../src/search/early-stopping/median-stopping-rule.ts';
import type { TrialOutcome } from '../../../src/search/evaluate-trial.ts';

type Observed = Pick<TrialOutcome, 'status' | 'fitSeconds' | 'checkpoints'>;

const SHARES = [1 / 8, 1 / 4, 1 / 2];

/** A trial that ran to its end with these costs at the three checkpoints. */
function completed(costs: readonly number[], fitSeconds = 1): Observed {
  return { status: 'SUCCESS', fitSeconds, checkpoints: { costs: costs.map((cost, i) => ({ share: SHARES[i]!, cost })) } };
}

/** A trial stopped at its last cost's checkpoint, having spent `fitSeconds` and extrapolating `saved` more. */
function stopped(costs: readonly number[], saved = 2, fitSeconds = 0.5): Observed {
  const at = costs.length - 1;
  return { status: 'STOPPED', fitSeconds, checkpoints: { costs: costs.map((cost, i) => ({ share: SHARES[i]!, cost })), stoppedAt: SHARES[at]!, savedSecondsEstimate: saved } };
}

describe('MedianStoppingRule', () => {
  it('defaults to checkpoints 1/8, 1/4, 1/2 and 5 earlier trials', () => {
    const rule = new MedianStoppingRule();
    assert.deepEqual(rule.checkpoints, DEFAULT_CHECKPOINTS);
    assert.deepEqual(DEFAULT_CHECKPOINTS, SHARES);
    assert.equal(rule.minTrials, DEFAULT_MIN_TRIALS);
    assert.equal(DEFAULT_MIN_TRIALS, 5);
  });

  it('gives no median to judge by before enough trials of the algorithm', () => {
    const rule = new MedianStoppingRule({ minTrials: 3 });
    assert.deepEqual(rule.snapshot('gradient_boosting').medians, [null, null, null]);
    rule.observe({ id: 1, algorithm: 'gradient_boosting' }, completed([0.5, 0.4, 0.3]));
    rule.observe({ id: 2, algorithm: 'gradient_boosting' }, completed([0.6, 0.5, 0.4]));
    // Two trials of another algorithm do not count for this one.
    rule.observe({ id: 3, algorithm: 'mlp' }, completed([0.1, 0.1, 0.1]));
    rule.observe({ id: 4, algorithm: 'mlp' }, completed([0.1, 0.1, 0.1]));
    assert.deepEqual(rule.snapshot('gradient_boosting').medians, [null, null, null]);
    rule.observe({ id: 5, algorithm: 'gradient_boosting' }, completed([0.7, 0.2, 0.1]));
    assert.deepEqual(rule.snapshot('gradient_boosting'), { checkpoints: SHARES, medians: [0.6, 0.4, 0.3] });
  });

  it('counts a trial stopped earlier as worse than every trial that went on', () => {
    const rule = new MedianStoppingRule({ minTrials: 3 });
    rule.observe({ id: 1, algorithm: 'rf' }, completed([0.3, 0.2, 0.1]));
    rule.observe({ id: 2, algorithm: 'rf' }, completed([0.4, 0.3, 0.2]));
    rule.observe({ id: 3, algorithm: 'rf' }, stopped([0.9]));
    rule.observe({ id: 4, algorithm: 'rf' }, stopped([0.5, 0.8]));
    // 1/8: 0.3 0.4 0.5 0.9 → 0.45; 1/4: 0.2 0.3 0.8 ∞ → 0.55; 1/2: 0.1 0.2 ∞ ∞ → ∞ (no one is worse).
    assert.deepEqual(rule.snapshot('rf').medians, [0.45, 0.55, Infinity]);
  });

  it('uses only the trials up to knownThroughId when asked', () => {
    const rule = new MedianStoppingRule({ minTrials: 1 });
    rule.observe({ id: 7, algorithm: 'rf' }, completed([0.9, 0.9, 0.9]));
    rule.observe({ id: 2, algorithm: 'rf' }, completed([0.1, 0.1, 0.1]));
    assert.deepEqual(rule.snapshot('rf', 5).medians, [0.1, 0.1, 0.1]);
    assert.deepEqual(rule.snapshot('rf').medians, [0.5, 0.5, 0.5]);
  });

  it('ignores outcomes without checkpoints and tallies the stopped trials and their saved seconds', () => {
    const rule = new MedianStoppingRule({ minTrials: 1 });
    rule.observe({ id: 1, algorithm: 'rf' }, { status: 'CRASHED', fitSeconds: 3 });
    assert.deepEqual(rule.snapshot('rf').medians, [null, null, null]);
    // No completed trial yet: the trial's own extrapolation counts.
    rule.observe({ id: 2, algorithm: 'rf' }, stopped([0.9], 3.5));
    rule.observe({ id: 3, algorithm: 'rf' }, completed([0.1, 0.1, 0.1], 2));
    // Capped by the completed trials' median fit time (2 s) less the 0.5 s spent.
    rule.observe({ id: 4, algorithm: 'rf' }, stopped([0.2, 0.9], 10));
    // Below the cap: its extrapolation.
    rule.observe({ id: 5, algorithm: 'rf' }, stopped([0.3], 1, 0.25));
    assert.deepEqual(rule.tally(), { stopped: 3, savedSecondsEstimate: 3.5 + 1.5 + 1 });
  });

  it('rejects checkpoints that are not ascending shares in (0, 1) and a non-positive minimum', () => {
    assert.throws(() => new MedianStoppingRule({ checkpoints: [0.5, 0.25] }), RangeError);
    assert.throws(() => new MedianStoppingRule({ checkpoints: [0.5, 1] }), RangeError);
    assert.throws(() => new MedianStoppingRule({ checkpoints: [] }), RangeError);
    assert.throws(() => new MedianStoppingRule({ minTrials: 0 }), RangeError);
  });
});
