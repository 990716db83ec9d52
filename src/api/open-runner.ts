/**
 * Chooses what executes a fit's trials: this thread (workers 0), a pool of local worker threads,
 * or `automl worker` processes behind a Redis queue. The queue code, and BullMQ with it, is loaded
 * only when a queue is asked for.
 */
import type { EvaluationData } from '../search/evaluate-trial.ts';
import { InProcessRunner, WorkerPoolRunner, type TrialRunner } from '../search/runner/index.ts';
import { parseQueueAddress } from '../distributed/queue-address.ts';
import type { Logger } from '../util/log.ts';
import type { ResolvedFitOptions } from './options.ts';

/**
 * Fails within a few seconds, with one line, when the queue's Redis does not answer: called
 * before the data is read or anything is written.
 */
export async function checkQueueReachable(options: ResolvedFitOptions): Promise<void> {
  if (options.queue === undefined) return;
  const address = parseQueueAddress(options.queue);
  const { probeRedis } = await import('../distributed/redis-connection.ts');
  await probeRedis(address);
}

export async function openTrialRunner(options: ResolvedFitOptions, evaluation: EvaluationData, logger: Logger): Promise<TrialRunner> {
  if (options.queue !== undefined) {
    const { QueueRunner } = await import('../search/runner/queue-runner.ts');
    return QueueRunner.open({ address: parseQueueAddress(options.queue), data: evaluation, workers: options.workers, backend: options.backend, logger });
  }
  if (options.workers === 0) return new InProcessRunner(evaluation);
  return new WorkerPoolRunner({ data: evaluation, workers: options.workers, memoryMb: options.memoryLimit, backend: options.backend });
}
