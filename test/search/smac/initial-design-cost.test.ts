import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { configurationKey, type Configuration } from '../../../src/space/index.ts';
import { SmacOptimizer } from '../../../src/search/smac/index.ts';
import { syntheticSpace } from '../../../src/search/smac/synthetic-problem.ts';
import type { TrialRecord, TrialStatus } from '../../../src/search/trial.ts';
import { Rng } from '../../../src/util/rng.ts';

function record(id: number, config: Configuration, status: TrialStatus, fitSeconds: number): TrialRecord {
  const ok = status === 'SUCCESS';
  return { id, config, algorithm: String(config['branch']), status, cost: ok ? 0.5 : Infinity, score: null, fitSeconds, finishedAt: 0, seed: id };
}

/** Warm-start configurations of one branch ('quadratic') after two of another ('branin'). */
function warmStart(): { branin: Configuration[]; quadratic: Configuration[] } {
  const space = syntheticSpace();
  const drawn = space.sample(new Rng(11), 200);
  const of = (branch: string): Configuration[] => drawn.filter((c) => c['branch'] === branch);
  return { branin: of('branin').slice(0, 2), quadratic: of('quadratic').slice(0, 3) };
}

const CONTEXT = { budgetSeconds: 30, remainingSeconds: 25, trialSeconds: 1 } as const;

describe('SmacOptimizer initial design and fit times', () => {
  it('passes over warm-start configurations predicted to overrun the trial limit once a neighbour timed out', () => {
    const { branin, quadratic } = warmStart();
    const smac = new SmacOptimizer(syntheticSpace(), 3, {}, [branin[0]!, quadratic[0]!, quadratic[1]!, quadratic[2]!, branin[1]!]);
    const first = smac.ask(CONTEXT)!;
    smac.tell(record(1, first, 'SUCCESS', 0.1));
    const second = smac.ask(CONTEXT)!;
    assert.equal(configurationKey(second), configurationKey(branin[0]!));
    smac.tell(record(2, second, 'SUCCESS', 0.12));
    const third = smac.ask(CONTEXT)!;
    assert.equal(configurationKey(third), configurationKey(quadratic[0]!));
    smac.tell(record(3, third, 'TIMEOUT', 1));
    const fourth = smac.ask(CONTEXT)!;
    assert.equal(configurationKey(fourth), configurationKey(branin[1]!), 'the other quadratic configurations are predicted at twice the limit');
    assert.equal(smac.skippedInitialCount, 2);
  });

  it('keeps the whole initial design when the search does not say what a trial may take (reproducible runs)', () => {
    const { branin, quadratic } = warmStart();
    const smac = new SmacOptimizer(syntheticSpace(), 3, {}, [branin[0]!, quadratic[0]!, quadratic[1]!]);
    smac.tell(record(1, smac.ask()!, 'SUCCESS', 0.1));
    smac.tell(record(2, smac.ask()!, 'SUCCESS', 0.1));
    smac.tell(record(3, smac.ask()!, 'TIMEOUT', 1));
    assert.equal(configurationKey(smac.ask()!), configurationKey(quadratic[1]!));
    assert.equal(smac.skippedInitialCount, 0);
  });
});
