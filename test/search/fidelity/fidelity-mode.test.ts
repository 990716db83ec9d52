import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AUTO_MAX_FULL_TRIALS, FIDELITY_DEFAULTS, fidelitySchedule, fullTrialsInBudget, resolveFidelityMode, scheduledOptimizer } from '../../../src/search/fidelity/fidelity-mode.ts';
import { SuccessiveHalving } from '../../../src/search/fidelity/successive-halving.ts';
import { RandomSearch } from '../../../src/search/random-search.ts';
import { CELLS_PER_SECOND } from '../../../src/search/resampling.ts';
import { CategoricalHyperparameter, ConfigurationSpace } from '../../../src/space/index.ts';

describe('resolveFidelityMode', () => {
  it('keeps an explicit mode', () => {
    for (const mode of ['off', 'sh', 'hyperband'] as const) assert.equal(resolveFidelityMode(mode, { strategy: 'cv', trainingRows: 100, columns: 5, budgetSeconds: 30 }).mode, mode);
  });

  it('auto: successive halving under holdout when the budget holds few full trials', () => {
    // 30 s × 100 000 cells/s over 30 000 × 12 cells: about 8 full trials.
    const large = { strategy: 'holdout' as const, trainingRows: 30_000, columns: 12, budgetSeconds: 30 };
    assert.ok(Math.abs(fullTrialsInBudget(large) - (30 * CELLS_PER_SECOND) / 360_000) < 1e-9);
    const chosen = resolveFidelityMode('auto', large);
    assert.equal(chosen.mode, 'sh');
    assert.match(chosen.reason, /about 8 full trials/);
  });

  it('auto: full trials when the budget holds many, and always under cross-validation', () => {
    const rowsForLimit = (AUTO_MAX_FULL_TRIALS > 0 ? (30 * CELLS_PER_SECOND) / AUTO_MAX_FULL_TRIALS : 0) / 10;
    assert.equal(resolveFidelityMode('auto', { strategy: 'holdout', trainingRows: Math.floor(rowsForLimit), columns: 10, budgetSeconds: 30 }).mode, 'off');
    assert.equal(resolveFidelityMode('auto', { strategy: 'holdout', trainingRows: Math.ceil(rowsForLimit) + 10, columns: 10, budgetSeconds: 30 }).mode, 'sh');
    assert.equal(resolveFidelityMode('auto', { strategy: 'cv', trainingRows: 1_000_000, columns: 100, budgetSeconds: 30 }).mode, 'off');
  });
});

describe('fidelitySchedule and scheduledOptimizer', () => {
  const base = () => new RandomSearch(new ConfigurationSpace().addHyperparameter(new CategoricalHyperparameter('x', ['a', 'b'])), 1);
  const facts = { strategy: 'holdout' as const, trainingRows: 50_000, columns: 20, budgetSeconds: 30 };

  it('has no rungs and leaves the optimiser alone when off', () => {
    const schedule = fidelitySchedule({ ...FIDELITY_DEFAULTS, fidelity: 'off' }, facts);
    assert.deepEqual(schedule.shares, []);
    const optimizer = base();
    assert.equal(scheduledOptimizer(optimizer, schedule, 1), optimizer);
  });

  it('wraps the optimiser with the rungs of eta and the minimum fidelity', () => {
    const schedule = fidelitySchedule({ fidelity: 'auto', eta: 2, minFidelity: 0.25, fidelityResource: 'rows' }, facts);
    assert.equal(schedule.mode, 'sh');
    assert.deepEqual(schedule.shares, [0.25, 0.5, 1]);
    const optimizer = scheduledOptimizer(base(), schedule, 1);
    assert.ok(optimizer instanceof SuccessiveHalving);
    assert.equal(optimizer.name, 'random+sh');
    assert.deepEqual(optimizer.shares, [0.25, 0.5, 1]);
  });
});
