/**
 * The optimisation loop: ask → run (isolated, with limits) → tell, keeping up to the runner's
 * concurrency trials in flight, until the time budget, the trial limit or the optimiser runs out.
 * The time budget is a hard wall: when it passes, running trials are stopped (TIMEOUT) and the
 * loop returns. Every trial is recorded whatever its outcome.
 *
 * Two ways of feeding results back:
 * - With a trial limit (`maxTrials`), the run is meant to be reproducible from its seed, so what
 *   the optimiser knows when it proposes a trial must not depend on how many workers there are or
 *   which trial finished first. Trial k is proposed only once every trial with id ≤ k − LAG has
 *   finished, and the optimiser has then been told exactly those results, in id order, while
 *   trials k − LAG + 1 … k − 1 are pending (asked, not told). The sequence of asks and tells is
 *   therefore the same with 0, 1 or 8 workers; results that finish early wait their turn, and
 *   `onTrial` also receives them in id order. At most LAG trials run at once in this mode.
 * - With only a time budget, how many trials fit depends on the machine anyway, so nothing is
 *   reproducible to protect: every worker is kept busy and each result is told (and passed to
 *   `onTrial`) as soon as it arrives. Telling in id order there would hide a finished result
 *   from the optimiser while an earlier, slower trial still runs, i.e. propose with less
 *   information for no gain. Only in this mode does the optimiser also learn what the search
 *   can still afford (AskContext), which depends on the machine.
 *
 * Each trial's time limit comes from trial-time-limit.ts: adapted to the fit times observed so
 * far unless the caller fixed it. A trial stopped at its own limit (not at the search's wall) is
 * recorded with at least that limit as its fit time, so an optimiser that models cost learns
 * that its neighbourhood is expensive.
 *
 * Fidelities (search/fidelity): an optimiser with askWithFidelity (successive halving,
 * Hyperband) says at what share of a full trial each configuration runs; the runner receives it
 * in the trial's setup and the record keeps its fidelity and rung. Such a trial's limit is the
 * full limit scaled by trialSecondsAt (fidelity/trial-seconds.ts), and the adaptive limit
 * observes its fit time divided by its share. `maxTrials` counts trials at every fidelity; the
 * best trial, and what termination weighs, are full-fidelity results only. A scheduler with
 * nothing to propose while trials run is asked again after the next result (a promotion may
 * then be due); only with nothing running does the search end as exhausted.
 */
import type { AskContext, Optimizer } from './optimizer.ts';
import type { TrialOutcome } from './evaluate-trial.ts';
import type { TrialRunner } from './runner/index.ts';
import type { TrialRecord } from './trial.ts';
import { algorithmOf } from '../components/registry.ts';
import type { TimeBudget } from '../util/clock.ts';
import { mixSeed } from '../util/rng.ts';
import { TrialTimeLimit } from './trial-time-limit.ts';
import type { StopCheck } from './termination/criterion.ts';
import { FULL_SHARE, isFullFidelity, type FidelityResource } from './fidelity/fidelity.ts';
import { isFinalCandidate } from './fidelity/final-candidate.ts';
import { nextProposal } from './fidelity/next-proposal.ts';
import { fullSecondsOf, trialSecondsAt } from './fidelity/trial-seconds.ts';
import type { TrialSetup } from './runner/trial-runner.ts';
import type { MedianStoppingRule } from './early-stopping/median-stopping-rule.ts';

/**
 * Information lag of a run with a trial limit: trial k is proposed knowing the results of trials
 * up to k − 2, with trial k − 1 pending, so trial k can run while k − 1 still does: two workers
 * stay busy. A larger lag would keep more workers busy, but every proposal would know less, on
 * every machine, since the lag must not depend on the worker count.
 */
export const REPRODUCIBLE_LAG = 2;

export interface SearchSettings {
  readonly optimizer: Optimizer;
  readonly runner: TrialRunner;
  readonly budget: TimeBudget;
  /** Trial limit; when set, the asks and tells follow the fixed lag described above. */
  readonly maxTrials: number | undefined;
  /** Wall-clock seconds one trial may take: fixed, or until a trial succeeds when `adaptiveTrialLimit`. */
  readonly perTrialSeconds: number;
  /** Adapts the per-trial limit to observed fit times (see trial-time-limit.ts); false by default. */
  readonly adaptiveTrialLimit?: boolean;
  readonly memoryMb: number;
  readonly seed: number;
  /** Id of the first trial (default 1): a run that continues a parent numbers its trials after the parent's. */
  readonly firstTrialId?: number;
  readonly onTrial?: ((trial: TrialRecord, outcome: TrialOutcome) => void) | undefined;
  /**
   * Automatic termination (search/termination): sees every result with onTrial and is asked
   * after each tell; when it says stop, running trials are stopped as at the wall.
   */
  readonly stopCheck?: StopCheck | undefined;
  /**
   * Median stopping rule (search/early-stopping): each launch carries its snapshot of the medians
   * (with a trial limit, of the trials up to id − LAG only, as the optimiser's knowledge); it
   * records every result. A trial it stops is recorded as STOPPED at the share it reached.
   */
  readonly earlyStopping?: MedianStoppingRule | undefined;
  /** What a trial below full fidelity reduces (search/fidelity); 'auto' by default. */
  readonly fidelityResource?: FidelityResource | undefined;
}

export interface SearchResult {
  /** Trials in order of id. */
  readonly trials: readonly TrialRecord[];
  /** Successful full-fidelity trial with the lowest cost (earliest on ties), if any. */
  readonly best: TrialRecord | undefined;
  readonly searchSeconds: number;
  /** What ended the search: the stop check, the time budget, the trial limit, or the optimiser. */
  readonly stoppedBy: 'converged' | 'budget' | 'max_trials' | 'exhausted';
}

interface Finished {
  readonly record: TrialRecord;
  readonly outcome: TrialOutcome;
}

export async function runSearch(settings: SearchSettings): Promise<SearchResult> {
  const { optimizer, runner, budget, maxTrials, seed } = settings;
  const lag = maxTrials === undefined ? undefined : REPRODUCIBLE_LAG;
  const trials: TrialRecord[] = [];
  const wall = new AbortController();
  // The budget's end can move later (a fit's reserve shrinks once a trial succeeds), so when the
  // timer fires with time left it is set again rather than stopping the search early.
  let wallTimer: ReturnType<typeof setTimeout> | undefined;
  const armWall = (): void => {
    const left = budget.remaining();
    if (left <= 0) wall.abort();
    else wallTimer = setTimeout(armWall, Math.max(1, left * 1000));
  };
  armWall();
  const inFlight = new Set<Promise<void>>();
  let started = 0;
  const firstId = settings.firstTrialId ?? 1;
  let exhausted = false;
  let converged = false;
  const stopCheck = settings.stopCheck;
  const checkStop = (knownThroughId: number): void => {
    if (converged || stopCheck === undefined || !stopCheck.shouldStop(knownThroughId, budget.elapsed())) return;
    converged = true;
    wall.abort();
  };
  /** With a lag: trials finished ahead of an earlier one, waiting for it. */
  const early = new Map<number, Finished>();
  /** With a lag: every trial up to this id has finished and been passed to onTrial. */
  let finishedThrough = firstId - 1;
  /** With a lag: finished trials the optimiser has not been told yet, in id order. */
  const untold: TrialRecord[] = [];
  const trialLimit = new TrialTimeLimit({ budgetSeconds: budget.totalSeconds, initialSeconds: settings.perTrialSeconds, adaptive: settings.adaptiveTrialLimit === true });

  const tellThrough = (id: number): void => {
    while (untold.length > 0 && untold[0]!.id <= id) optimizer.tell(untold.shift()!);
  };

  const finish = (finished: Finished): void => {
    trials.push(finished.record);
    settings.earlyStopping?.observe(finished.record, finished.outcome);
    // A lower fidelity's fit time is observed as the full time it stands for (an upper
    // estimate, trial-seconds.ts), so that cheap rungs do not shrink the limit of full trials.
    const share = finished.record.fidelity ?? FULL_SHARE;
    const asFull = share < FULL_SHARE ? { ...finished.record, fitSeconds: fullSecondsOf(finished.record.fitSeconds, share) } : finished.record;
    trialLimit.observe(asFull, finished.record.id === firstId);
    if (lag === undefined) {
      optimizer.tell(finished.record);
      settings.onTrial?.(finished.record, finished.outcome);
      // Termination weighs the incumbent's error against a bound on full-fidelity costs.
      if (isFullFidelity(finished.record)) stopCheck?.observe(finished.record, finished.outcome);
      checkStop(Infinity);
      return;
    }
    early.set(finished.record.id, finished);
    for (let next = early.get(finishedThrough + 1); next !== undefined; next = early.get(finishedThrough + 1)) {
      early.delete(next.record.id);
      finishedThrough = next.record.id;
      untold.push(next.record);
      settings.onTrial?.(next.record, next.outcome);
      if (isFullFidelity(next.record)) stopCheck?.observe(next.record, next.outcome);
    }
  };

  const launch = (): boolean => {
    if (exhausted || wall.signal.aborted || budget.exhausted()) return false;
    if (maxTrials !== undefined && started >= maxTrials) return false;
    const id = firstId + started;
    if (lag !== undefined) {
      // Wait until the optimiser can be told exactly the trials up to id − lag.
      if (finishedThrough < id - lag) return false;
      tellThrough(id - lag);
      // Asked here, when the optimiser knows exactly the trials up to id − lag, so that the
      // point of stopping does not depend on the machine either.
      checkStop(id - lag);
      if (converged) return false;
    }
    // The context states the limit of a full trial; a lower fidelity runs with a shorter one.
    const fullSeconds = Math.min(trialLimit.seconds(), Math.max(0.001, budget.remaining()));
    const context: AskContext | undefined = lag === undefined ? { budgetSeconds: budget.totalSeconds, remainingSeconds: budget.remaining(), trialSeconds: fullSeconds } : undefined;
    const proposal = nextProposal(optimizer, context);
    if (proposal === null) {
      // A fidelity scheduler may have nothing to propose until a running trial's result makes a
      // promotion due; with nothing running, the search is over.
      if (optimizer.askWithFidelity !== undefined && inFlight.size > 0) return false;
      exhausted = true;
      return false;
    }
    const { config, share } = proposal;
    const timeSeconds = Math.min(trialSecondsAt(trialLimit.seconds(), share), Math.max(0.001, budget.remaining()));
    started++;
    const trialSeed = mixSeed(seed, id);
    const limits = { timeSeconds, memoryMb: settings.memoryMb, signal: wall.signal };
    const stopping = settings.earlyStopping?.snapshot(algorithmOf(config), lag === undefined ? Infinity : id - lag);
    const setup: TrialSetup = {
      ...(share < FULL_SHARE ? { fidelity: { share, resource: settings.fidelityResource ?? 'auto' } } : {}),
      ...(stopping === undefined ? {} : { stopping }),
    };
    const running: Promise<void> = runner.run(config, trialSeed, limits, setup.fidelity === undefined && setup.stopping === undefined ? undefined : setup).then((outcome) => {
      const hitOwnLimit = outcome.status === 'TIMEOUT' && !wall.signal.aborted;
      const record: TrialRecord = {
        id,
        config,
        algorithm: algorithmOf(config),
        status: outcome.status,
        cost: outcome.cost,
        score: outcome.score,
        ...(outcome.foldScores === undefined ? {} : { foldScores: outcome.foldScores }),
        fitSeconds: hitOwnLimit ? Math.max(outcome.fitSeconds, timeSeconds) : outcome.fitSeconds,
        // A trial stopped early reached that share of its own (possibly reduced) evaluation.
        ...(outcome.checkpoints?.stoppedAt === undefined ? (proposal.scheduled ? { fidelity: share } : {}) : { fidelity: share * outcome.checkpoints.stoppedAt }),
        ...(proposal.rung === undefined ? {} : { rung: proposal.rung }),
        finishedAt: budget.elapsed(),
        seed: trialSeed,
        ...(outcome.error === undefined ? {} : { error: outcome.error }),
        ...(outcome.worker === undefined ? {} : { worker: outcome.worker }),
      };
      finish({ record, outcome });
    });
    const tracked = running.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    return true;
  };

  try {
    for (;;) {
      while (inFlight.size < runner.concurrency && launch()) {
        // keep the runner busy (with a lag, as busy as the lag allows)
      }
      // With a lag, launch() only waits for a trial that is still in flight, so an empty set
      // means the search is over.
      if (inFlight.size === 0) break;
      await Promise.race(inFlight);
    }
  } finally {
    clearTimeout(wallTimer);
  }
  // Every launched trial has finished, so all are in id order now: the optimiser learns the rest.
  tellThrough(Infinity);
  trials.sort((a, b) => a.id - b.id);
  let best: TrialRecord | undefined;
  for (const trial of trials) if (isFinalCandidate(trial) && (best === undefined || trial.cost < best.cost)) best = trial;
  const stoppedBy = converged ? 'converged' : exhausted ? 'exhausted' : maxTrials !== undefined && started >= maxTrials ? 'max_trials' : 'budget';
  return { trials, best, searchSeconds: budget.elapsed(), stoppedBy };
}
