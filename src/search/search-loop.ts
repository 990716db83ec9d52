/**
 * The optimisation loop: ask → evaluate → tell, until the time budget, the trial limit or the
 * optimiser runs out. Every trial is recorded whatever its outcome.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Optimizer } from './optimizer.ts';
import type { EvaluationData, TrialOutcome } from './evaluate-trial.ts';
import { evaluateTrial } from './evaluate-trial.ts';
import type { TrialRecord } from './trial.ts';
import { algorithmOf } from '../components/registry.ts';
import type { TimeBudget } from '../util/clock.ts';
import { mixSeed } from '../util/rng.ts';

export interface SearchSettings {
  readonly optimizer: Optimizer;
  readonly data: EvaluationData;
  readonly budget: TimeBudget;
  readonly maxTrials: number | undefined;
  readonly seed: number;
  readonly onTrial?: ((trial: TrialRecord, outcome: TrialOutcome) => void) | undefined;
}

export interface SearchResult {
  readonly trials: readonly TrialRecord[];
  /** Successful trial with the lowest cost (earliest on ties), if any. */
  readonly best: TrialRecord | undefined;
  readonly searchSeconds: number;
}

export async function runSearch(settings: SearchSettings): Promise<SearchResult> {
  const { optimizer, data, budget, maxTrials, seed } = settings;
  const trials: TrialRecord[] = [];
  let best: TrialRecord | undefined;
  while (!budget.exhausted() && (maxTrials === undefined || trials.length < maxTrials)) {
    const config = optimizer.ask();
    if (config === null) break;
    const id = trials.length + 1;
    const trialSeed = mixSeed(seed, id);
    const outcome = evaluateTrial(config, data, trialSeed);
    const record: TrialRecord = {
      id,
      config,
      algorithm: algorithmOf(config),
      status: outcome.status,
      cost: outcome.cost,
      score: outcome.score,
      fitSeconds: outcome.fitSeconds,
      finishedAt: budget.elapsed(),
      seed: trialSeed,
      ...(outcome.error === undefined ? {} : { error: outcome.error }),
    };
    trials.push(record);
    optimizer.tell(record);
    if (record.status === 'SUCCESS' && (best === undefined || record.cost < best.cost)) best = record;
    settings.onTrial?.(record, outcome);
    // Let timers and signals run between trials.
    await yieldToEventLoop();
  }
  return { trials, best, searchSeconds: budget.elapsed() };
}
