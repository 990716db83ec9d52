/**
 * Catches trials whose memory lives outside the V8 heap. Typed arrays (ArrayBuffer backing
 * stores) do not count against a worker's `resourceLimits`, and a trial busy in synchronous code
 * cannot measure itself, so the pool polls the one figure that sees everything: the resident set
 * of the whole process. Threads share it, hence two approximations, documented here once:
 *
 * - Budget: the process may grow, since the earliest running trial started, by the sum of the
 *   budgets of the running trials. A lone trial gets exactly its budget; with several running, a
 *   trial can borrow what its neighbours leave unused before the guard trips.
 * - Culprit: the running trial whose thread took the most page faults over the last second, i.e.
 *   touched the most new memory just now (Linux); where per-thread counters are unavailable, the
 *   longest-running trial.
 * - Baseline: when a worker starts or ends while trials run, their growth is measured afresh
 *   from that moment (see WorkerPoolRunner.rebaseMemory), so a trial may exceed its budget by
 *   what it grew before such an event.
 *
 * The pool's own heap and buffers are subtracted, so the search's bookkeeping on the main thread
 * is not charged to the trials.
 */

const MB = 1024 * 1024;

/** Resident bytes of the process that are not the main thread's heap or buffers. */
export function workersFootprint(): number {
  const usage = process.memoryUsage();
  return usage.rss - usage.heapTotal - usage.arrayBuffers;
}

export interface WatchedTrial<K> {
  readonly key: K;
  readonly memoryMb: number;
  /** workersFootprint() when the trial started. */
  readonly footprintAtStart: number;
  /** Seconds (monotonic) when the trial started. */
  readonly startedAt: number;
  /** Page faults its thread took over the last second; null when unknown. */
  readonly recentFaults: number | null;
}

export interface OverBudget<K> {
  readonly culprit: K;
  readonly growthMb: number;
  readonly allowanceMb: number;
}

export function findOverBudget<K>(trials: readonly WatchedTrial<K>[], footprint: number): OverBudget<K> | null {
  if (trials.length === 0) return null;
  const base = Math.min(...trials.map((t) => t.footprintAtStart));
  const allowanceMb = trials.reduce((sum, t) => sum + t.memoryMb, 0);
  const growthMb = (footprint - base) / MB;
  if (growthMb <= allowanceMb) return null;
  return { culprit: likeliestCulprit(trials).key, growthMb, allowanceMb };
}

function likeliestCulprit<K>(trials: readonly WatchedTrial<K>[]): WatchedTrial<K> {
  const byFaults = trials.every((t) => t.recentFaults !== null);
  return trials.reduce((best, t) => {
    if (byFaults) return (t.recentFaults ?? 0) > (best.recentFaults ?? 0) ? t : best;
    return t.startedAt < best.startedAt ? t : best;
  });
}
