/** The fidelity options of a fit, end to end on a small public dataset (its own metadata left out). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AutoML } from '../../src/api/index.ts';
import { resolveFitOptions } from '../../src/api/options.ts';
import type { TrialRecord } from '../../src/search/trial.ts';
import { AutoMLError } from '../../src/util/errors.ts';
import { loadSplitDataset } from '../helpers/datasets.ts';
import { ownEntry } from '../helpers/leave-out.ts';

function badOption(pattern: RegExp): (error: unknown) => boolean {
  return (error) => error instanceof AutoMLError && error.code === 'BAD_OPTION' && pattern.test(error.message);
}

describe('fit with fidelity sh', () => {
  it('runs trials at several rungs and deploys full-fidelity trials only', async () => {
    const { train } = await loadSplitDataset('pima_diabetes2');
    const trials: TrialRecord[] = [];
    const model = await AutoML.fit(train, {
      target: 'class', maxTrials: 24, timeBudget: 120, seed: 2, workers: 0, resampling: 'holdout', fidelity: 'sh', eta: 2, minFidelity: 0.25,
      metadataExclude: [ownEntry('pima_diabetes2', train)], space: 'pipelines/tiny.json', onTrial: (t) => trials.push(t),
    });
    assert.equal(trials.length, 24);
    assert.deepEqual([...new Set(trials.map((t) => t.rung))].sort(), [0, 1, 2]);
    for (const t of trials) assert.equal(t.fidelity, [0.25, 0.5, 1][t.rung!]);
    const byId = new Map(trials.map((t) => [t.id, t]));
    assert.ok(model.artifact.members.length >= 1);
    for (const member of model.artifact.members) assert.equal(byId.get(member.trialId)?.fidelity, 1, `member trial ${member.trialId}`);
    const summary = model.artifact.summary;
    const fidelity = summary['fidelity'] as { mode: string; eta: number; rungs: { share: number; trials: number }[]; full_equivalent_trials: number; configurations: number };
    assert.equal(fidelity.mode, 'sh');
    assert.equal(fidelity.eta, 2);
    assert.deepEqual(fidelity.rungs.map((r) => r.share), [0.25, 0.5, 1]);
    assert.equal(fidelity.rungs.reduce((n, r) => n + r.trials, 0), 24);
    assert.ok(fidelity.full_equivalent_trials < 24 && fidelity.configurations > fidelity.full_equivalent_trials);
    assert.equal(summary['optimizer'], 'smac+sh');
    const best = trials.filter((t) => t.status === 'SUCCESS' && t.fidelity === 1).sort((a, b) => a.cost - b.cost)[0]!;
    assert.equal(summary['best_validation_score'], best.score);
  });
});

describe('fidelity options', () => {
  it('default to off, eta 3 and a ninth', () => {
    const resolved = resolveFitOptions({ target: 'y' });
    assert.deepEqual([resolved.fidelity, resolved.eta, resolved.minFidelity, resolved.fidelityResource], ['off', 3, 1 / 9, 'auto']);
  });

  it('are refused with a typed error when out of range', () => {
    assert.throws(() => resolveFitOptions({ target: 'y', fidelity: 'bohb' as never }), badOption(/option fidelity must be one of auto, off, sh, hyperband, got "bohb"/));
    for (const eta of [1.5, 0, Number.NaN, Number.POSITIVE_INFINITY]) assert.throws(() => resolveFitOptions({ target: 'y', eta }), badOption(/option eta must be a number of at least 2/), String(eta));
    for (const minFidelity of [0, 1, 1.5, -0.1, Number.NaN]) {
      assert.throws(() => resolveFitOptions({ target: 'y', minFidelity }), badOption(/option minFidelity must be a number strictly between 0 and 1/), String(minFidelity));
    }
    assert.throws(() => resolveFitOptions({ target: 'y', fidelityResource: 'epochs' as never }), badOption(/option fidelityResource must be one of auto, rows, iterations/));
  });
});
