/**
 * `automl worker --queue redis://host:port`: a long-running process that runs the trials drivers
 * send to the queue (`automl fit --queue ...`) and the jobs of `automl batch --queue ...`. It stops on SIGINT or SIGTERM after the trials it
 * is running finish; a second signal stops it at once.
 */
import type { Command } from 'commander';
import { stderrLogger, silentLogger } from '../../util/log.ts';
import { durationSeconds, positiveInteger } from '../parse-options.ts';
import { parseQueueAddress } from '../../distributed/queue-address.ts';

interface WorkerCommandOptions {
  queue: string;
  concurrency: number;
  stallSeconds: number;
  quiet?: boolean;
}

/** Seconds without a sign of life before a worker's trial is handed to another worker. */
const DEFAULT_STALL_SECONDS = 10;

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('run trials and batch jobs sent to a Redis queue by `automl fit --queue` and `automl batch --queue` (on this or any machine)')
    .requiredOption('--queue <url>', 'the Redis the drivers use, e.g. redis://10.0.0.5:6379')
    .option('--concurrency <n>', 'trials at once, each in its own thread (also the trial threads of a batch job\'s fit)', positiveInteger('--concurrency'), 1)
    .option('--stall-seconds <s>', 'a trial whose worker is silent this long is handed to another worker', durationSeconds('--stall-seconds'), DEFAULT_STALL_SECONDS)
    .option('--quiet', 'no progress on stderr')
    .action(async (options: WorkerCommandOptions) => {
      const address = parseQueueAddress(options.queue);
      const logger = options.quiet === true ? silentLogger : stderrLogger();
      // Loaded here, not at the top: BullMQ and ioredis stay out of every other command.
      const { startTrialWorker } = await import('../../distributed/trial-worker.ts');
      const worker = await startTrialWorker({ address, concurrency: options.concurrency, stallSeconds: options.stallSeconds, logger });
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          logger.info(`worker ${worker.name}: stopping after the running trials (signal again to stop now)`);
          process.once('SIGINT', () => process.exit(130));
          process.once('SIGTERM', () => process.exit(143));
          void worker.close().then(resolve, resolve);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
