/** Messages exchanged between the worker pool and its trial workers. */
import type { Task } from '../../data/dataset.ts';
import type { ComponentContext } from '../../components/component.ts';
import type { MetricName } from '../../metrics/scorers.ts';
import type { Configuration } from '../../space/index.ts';
import type { Resampling } from '../resampling.ts';
import type { TrialOutcome } from '../evaluate-trial.ts';
import type { BackendPreference } from '../../components/backend/types.ts';
import type { TrialSetup } from './trial-runner.ts';

/**
 * Sent once, as workerData. The scorer holds functions, which cannot cross threads, so the worker
 * rebuilds it from the metric name.
 */
export interface WorkerInit {
  /** URL of a module exporting `evaluateTrial` (a TrialEvaluator). */
  readonly evaluatorUrl: string;
  readonly resampling: Resampling;
  readonly context: ComponentContext;
  readonly metric: MetricName;
  readonly task: Task;
  /** Tensor backend neural networks train on in the worker (`auto` or one forced by name). */
  readonly backend?: BackendPreference;
}

export interface TrialRequest {
  readonly type: 'trial';
  readonly id: number;
  readonly config: Configuration;
  readonly seed: number;
  /** Absent for an ordinary, full trial. */
  readonly setup?: TrialSetup;
}

export type WorkerMessage =
  /** Modules loaded and data in place; `osThreadId` lets the pool read the thread's page faults. */
  | { readonly type: 'ready'; readonly osThreadId: number | null }
  | { readonly type: 'outcome'; readonly id: number; readonly outcome: TrialOutcome };
