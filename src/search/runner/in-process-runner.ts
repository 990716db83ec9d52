/**
 * Runs trials directly in the calling thread, one at a time. It enforces no time or memory limit
 * (a looping trial hangs the caller): meant for tests, debugging and profiling, where a stack trace
 * in the same process is worth more than isolation.
 */
import type { Configuration } from '../../space/index.ts';
import { evaluateTrial, type EvaluationData, type TrialOutcome } from '../evaluate-trial.ts';
import { nowSeconds } from '../../util/clock.ts';
import { prepareBackendFor } from '../prepare-backend.ts';
import { errorMessage } from '../../util/errors.ts';
import { failedOutcome, type TrialEvaluator, type TrialLimits, type TrialRunner, type TrialSetup } from './trial-runner.ts';

export class InProcessRunner implements TrialRunner {
  readonly concurrency = 1;
  private closed = false;

  constructor(
    private readonly data: EvaluationData,
    private readonly evaluate: TrialEvaluator = evaluateTrial,
  ) {}

  async run(config: Configuration, seed: number, limits: TrialLimits, setup?: TrialSetup): Promise<TrialOutcome> {
    if (this.closed) return failedOutcome('CRASHED', 'the trial runner is closed', 0);
    if (limits.signal?.aborted === true) return failedOutcome('TIMEOUT', 'stopped before it started: the search deadline has passed', 0);
    const start = nowSeconds();
    try {
      await prepareBackendFor(config);
      return await this.evaluate(config, this.data, seed, setup);
    } catch (error) {
      return failedOutcome('CRASHED', errorMessage(error), nowSeconds() - start);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
