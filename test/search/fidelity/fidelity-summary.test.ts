import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fidelityLine, fidelitySummary } from '../../../src/search/fidelity/fidelity-summary.ts';
import type { TrialRecord } from '../../../src/search/trial.ts';

function trial(id: number, x: string, fidelity: number | undefined, rung: number | undefined, status: TrialRecord['status'] = 'SUCCESS'): TrialRecord {
  return {
    id, config: { x }, algorithm: 'a', status, cost: 0.1, score: 0.9, fitSeconds: 1, finishedAt: id, seed: id,
    ...(fidelity === undefined ? {} : { fidelity }), ...(rung === undefined ? {} : { rung }),
  };
}

const SCHEDULE = { requested: 'sh', mode: 'sh', reason: '', eta: 3, minFidelity: 1 / 9, resource: 'auto', shares: [1 / 9, 1 / 3, 1] } as const;

describe('fidelitySummary', () => {
  it('counts trials per rung, full-trial equivalents and distinct configurations', () => {
    const trials = [trial(1, 'a', 1, 2), trial(2, 'b', 1 / 9, 0), trial(3, 'c', 1 / 9, 0), trial(4, 'd', 1 / 9, 0, 'CRASHED'), trial(5, 'b', 1 / 3, 1), trial(6, 'b', 1, 2)];
    const summary = fidelitySummary(SCHEDULE, trials);
    assert.deepEqual(summary.rungs, [{ share: 0.111, trials: 3, success: 2 }, { share: 0.333, trials: 1, success: 1 }, { share: 1, trials: 2, success: 2 }]);
    assert.equal(summary.full_equivalent_trials, 2.667);
    assert.equal(summary.configurations, 4);
    assert.equal(summary.eta, 3);
    assert.match(fidelityLine(summary) ?? '', /^fidelity sh \(eta 3\): trials per rung 0\.111 × 3, 0\.333 × 1, 1 × 2; 4 configurations for 2\.667 full-trial equivalents$/);
  });

  it('without a schedule counts every trial as one full trial', () => {
    const summary = fidelitySummary({ ...SCHEDULE, requested: 'auto', mode: 'off', reason: 'cv', shares: [] }, [trial(1, 'a', undefined, undefined), trial(2, 'b', undefined, undefined)]);
    assert.deepEqual(summary.rungs, []);
    assert.equal(summary.full_equivalent_trials, 2);
    assert.equal(summary.configurations, 2);
    assert.equal(summary.eta, null);
    assert.equal(fidelityLine(summary), null);
  });
});
