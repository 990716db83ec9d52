/**
 * The search loop with a median stopping rule: every launch carries the rule's snapshot (with a
 * trial limit, of the trials the optimiser knows only), results feed the rule, and a stopped
 * trial is recorded as STOPPED at the share it reached, told to the optimiser, never the best.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runSearch } from '../../src/search/search-loop.ts';
import type { Optimizer } from '../../src/search/optimizer.ts';
import type { TrialRecord } from '../../src/search/trial.ts';
import type { TrialOutcome } from '../../src/search/evaluate-trial.ts';
import type { TrialRunner, TrialSetup } from '../../src/search/runner/trial-runner.ts';
import { MedianStoppingRule } from '../../src/search/early-stopping/median-stopping-rule.ts';
import type { Configuration } from '../../src/space/index.ts';
import { TimeBudget } from '../../src/util/clock.ts';

const SHARES = [1 / 8, 1 / 4, 1 / 2];
const CONFIG: Configuration = { 'classifier:__choice__': 'gradient_boosting' };

class RepeatingOptimizer implements Optimizer {
  readonly name = 'repeating';
  readonly told: TrialRecord[] = [];
  ask(): Configuration {
    return CONFIG;
  }
  tell(trial: TrialRecord): void {
    this.told.push(trial);
  }
}

/** Trial k (1-based) reports cost k at every checkpoint; trial `stopAt` is stopped at 1/4. */
class ScriptedRunner implements TrialRunner {
  readonly concurrency = 1;
  readonly setups: (TrialSetup | undefined)[] = [];
  constructor(private readonly stopAt: number) {}
  async run(_config: Configuration, _seed: number, _limits: unknown, setup?: TrialSetup): Promise<TrialOutcome> {
    this.setups.push(setup);
    const k = this.setups.length;
    const costs = SHARES.map((share) => ({ share, cost: k }));
    await new Promise((resolve) => setTimeout(resolve, 1));
    if (k === this.stopAt) return { status: 'STOPPED', cost: k, score: -k, fitSeconds: 0.5, checkpoints: { costs: costs.slice(0, 2), stoppedAt: 1 / 4, savedSecondsEstimate: 4 } };
    return { status: 'SUCCESS', cost: k, score: -k, fitSeconds: 1, checkpoints: { costs } };
  }
  async close(): Promise<void> {}
}

test('each launch gets the snapshot of the trials up to id − 2, and a stopped trial is recorded at its share', async () => {
  const optimizer = new RepeatingOptimizer();
  const runner = new ScriptedRunner(5);
  const rule = new MedianStoppingRule({ minTrials: 2 });
  const result = await runSearch({ optimizer, runner, budget: new TimeBudget(60), maxTrials: 6, perTrialSeconds: 10, memoryMb: 256, seed: 1, earlyStopping: rule });
  const medians = runner.setups.map((setup) => setup?.stopping?.medians[0] ?? null);
  // Trial k knows trials 1 … k − 2 (costs 1 … k − 2): a median once two of them are known.
  assert.deepEqual(medians, [null, null, null, 1.5, 2, 2.5]);
  assert.ok(runner.setups.every((setup) => setup?.fidelity === undefined));
  const fifth = result.trials[4]!;
  assert.equal(fifth.status, 'STOPPED');
  assert.equal(fifth.fidelity, 1 / 4);
  assert.equal(result.trials[3]!.fidelity, undefined);
  assert.ok(optimizer.told.some((t) => t.id === 5 && t.status === 'STOPPED'));
  assert.equal(result.best?.id, 1);
  // Its extrapolation (4 s) capped by the completed trials' median fit time (1 s) less its 0.5 s.
  assert.deepEqual(rule.tally(), { stopped: 1, savedSecondsEstimate: 0.5 });
  // At 1/2 the stopped trial counts as worse than all (1 2 3 4 6 ∞ → 3.5, not 3 without it).
  assert.deepEqual(rule.snapshot('gradient_boosting').medians, [3.5, 3.5, 3.5]);
});
