/**
 * The optimisation loop: ask → run (isolated, with limits) → tell, keeping up to the runner's
 * concurrency trials in flight, until the time budget, the trial limit or the optimiser runs out.
 * The time budget is a hard wall: when it passes, running trials are stopped (TIMEOUT) and the
 * loop returns. Every trial is recorded whatever its outcome.
 */
import type { Optimizer } from './optimizer.ts';
import type { TrialOutcome } from './evaluate-trial.ts';
import type { TrialRunner } from './runner/index.ts';
import type { TrialRecord } from './trial.ts';
import { algorithmOf } from '../components/registry.ts';
import type { TimeBudget } from '../util/clock.ts';
import { mixSeed } from '../util/rng.ts';

export interface SearchSettings {
  readonly optimizer: Optimizer;
  readonly runner: TrialRunner;
  readonly budget: TimeBudget;
  readonly maxTrials: number | undefined;
  /** Wall-clock seconds one trial may take. */
  readonly perTrialSeconds: number;
  readonly memoryMb: number;
  readonly seed: number;
  /** Id of the first trial (default 1): a run that continues a parent numbers its trials after the parent's. */
  readonly firstTrialId?: number;
  readonly onTrial?: ((trial: TrialRecord, outcome: TrialOutcome) => void) | undefined;
}

export interface SearchResult {
  /** Trials in order of id. */
  readonly trials: readonly TrialRecord[];
  /** Successful trial with the lowest cost (earliest on ties), if any. */
  readonly best: TrialRecord | undefined;
  readonly searchSeconds: number;
}

export async function runSearch(settings: SearchSettings): Promise<SearchResult> {
  const { optimizer, runner, budget, maxTrials, seed } = settings;
  const trials: TrialRecord[] = [];
  const wall = new AbortController();
  const wallTimer = setTimeout(() => wall.abort(), Math.max(0, budget.remaining() * 1000));
  const inFlight = new Set<Promise<void>>();
  let started = 0;
  const firstId = settings.firstTrialId ?? 1;
  let exhausted = false;

  const launch = (): boolean => {
    if (exhausted || wall.signal.aborted || budget.exhausted()) return false;
    if (maxTrials !== undefined && started >= maxTrials) return false;
    const config = optimizer.ask();
    if (config === null) {
      exhausted = true;
      return false;
    }
    const id = firstId + started;
    started++;
    const trialSeed = mixSeed(seed, id);
    const limits = { timeSeconds: Math.min(settings.perTrialSeconds, Math.max(0.001, budget.remaining())), memoryMb: settings.memoryMb, signal: wall.signal };
    const running: Promise<void> = runner.run(config, trialSeed, limits).then((outcome) => {
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
      settings.onTrial?.(record, outcome);
    });
    const tracked = running.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    return true;
  };

  try {
    for (;;) {
      while (inFlight.size < runner.concurrency && launch()) {
        // keep the runner busy
      }
      if (inFlight.size === 0) break;
      await Promise.race(inFlight);
    }
  } finally {
    clearTimeout(wallTimer);
  }
  trials.sort((a, b) => a.id - b.id);
  let best: TrialRecord | undefined;
  for (const trial of trials) if (trial.status === 'SUCCESS' && (best === undefined || trial.cost < best.cost)) best = trial;
  return { trials, best, searchSeconds: budget.elapsed() };
}
