import { test } from 'node:test';
import assert from 'node:assert/strict';
import { REPRODUCIBLE_LAG, runSearch } from '../../src/search/search-loop.ts';
import type { Optimizer } from '../../src/search/optimizer.ts';
import type { TrialOutcome } from '../../src/search/evaluate-trial.ts';
import type { TrialRecord } from '../../src/search/trial.ts';
import type { TrialLimits, TrialRunner } from '../../src/search/runner/index.ts';
import type { Configuration } from '../../src/space/index.ts';
import { TimeBudget } from '../../src/util/clock.ts';
import { Rng } from '../../src/util/rng.ts';

const FIRST_ID = 5;

/** Proposes configurations numbered 0, 1, 2, …; records every ask (with what it had been told) and tell. */
class RecordingOptimizer implements Optimizer {
  readonly name = 'recording';
  readonly events: string[] = [];
  readonly told: number[] = [];
  readonly asks: { readonly id: number; readonly told: readonly number[] }[] = [];
  constructor(private readonly limit = Infinity) {}
  ask(): Configuration | null {
    if (this.asks.length >= this.limit) return null;
    const id = FIRST_ID + this.asks.length;
    this.asks.push({ id, told: [...this.told] });
    this.events.push(`ask ${id}`);
    return { 'classifier:__choice__': 'fake', n: this.asks.length - 1 };
  }
  tell(trial: TrialRecord): void {
    this.told.push(trial.id);
    this.events.push(`tell ${trial.id}`);
  }
}

/**
 * Finishes its running trials in a random order: after each run() call, one macrotask later, a
 * randomly chosen running trial finishes. No clock is involved, so the scrambling does not
 * depend on how loaded the machine is.
 */
class ScrambledRunner implements TrialRunner {
  readonly completions: number[] = [];
  maxRunning = 0;
  private readonly running: { readonly n: number; readonly finish: () => void }[] = [];
  private readonly rng: Rng;
  constructor(
    readonly concurrency: number,
    seed: number,
  ) {
    this.rng = new Rng(seed);
  }
  run(config: Configuration, _seed: number, _limits: TrialLimits): Promise<TrialOutcome> {
    const n = Number(config['n']);
    const done = new Promise<TrialOutcome>((resolve) => {
      this.running.push({ n, finish: () => resolve({ status: 'SUCCESS', cost: (n * 7919) % 13, score: null, fitSeconds: 0 }) });
    });
    this.maxRunning = Math.max(this.maxRunning, this.running.length);
    setImmediate(() => this.finishOne());
    return done;
  }
  private finishOne(): void {
    const [trial] = this.running.splice(this.rng.int(this.running.length), 1);
    this.completions.push(trial!.n);
    trial!.finish();
  }
  async close(): Promise<void> {}
}

async function scrambledRun(concurrency: number, maxTrials: number | undefined, optimizer: RecordingOptimizer) {
  const runner = new ScrambledRunner(concurrency, 100 + concurrency);
  const delivered: number[] = [];
  const result = await runSearch({
    optimizer, runner, budget: new TimeBudget(60), maxTrials, perTrialSeconds: 10, memoryMb: 256, seed: 3, firstTrialId: FIRST_ID,
    onTrial: (trial) => delivered.push(trial.id),
  });
  return { result, runner, delivered };
}

const range = (from: number, count: number): number[] => Array.from({ length: count }, (_, i) => from + i);
const isSorted = (values: readonly number[]): boolean => values.every((v, i) => i === 0 || values[i - 1]! < v);

test('with a trial limit, results are told and delivered in id order, each ask knowing exactly the trials up to id − lag, whatever the worker count', async () => {
  const trials = 24;
  let reference: readonly string[] | undefined;
  for (const concurrency of [1, 2, 3, 6]) {
    const optimizer = new RecordingOptimizer();
    const { result, runner, delivered } = await scrambledRun(concurrency, trials, optimizer);
    if (concurrency > 1) assert.ok(!isSorted(runner.completions), `trials finished out of order with ${concurrency} workers`);
    assert.deepEqual(result.trials.map((t) => t.id), range(FIRST_ID, trials));
    assert.deepEqual(optimizer.told, range(FIRST_ID, trials), 'told in id order');
    assert.deepEqual(delivered, range(FIRST_ID, trials), 'onTrial in id order');
    for (const ask of optimizer.asks) {
      assert.deepEqual(ask.told, range(FIRST_ID, Math.max(0, ask.id - REPRODUCIBLE_LAG - FIRST_ID + 1)), `what trial ${ask.id} was proposed knowing`);
    }
    assert.equal(runner.maxRunning, Math.min(concurrency, REPRODUCIBLE_LAG));
    if (reference === undefined) reference = optimizer.events;
    else assert.deepEqual(optimizer.events, reference, `asks and tells with ${concurrency} workers`);
  }
});

test('with only a time budget, every worker is kept busy and each result is told when it arrives', async () => {
  const optimizer = new RecordingOptimizer(30);
  const { result, runner, delivered } = await scrambledRun(4, undefined, optimizer);
  assert.equal(result.trials.length, 30);
  assert.equal(runner.maxRunning, 4);
  const completedIds = runner.completions.map((n) => FIRST_ID + n);
  assert.ok(!isSorted(completedIds));
  assert.deepEqual(optimizer.told, completedIds);
  assert.deepEqual(delivered, completedIds);
});
