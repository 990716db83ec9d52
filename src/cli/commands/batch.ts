/** `automl batch <jobs.yaml|jobs.json>`: run every job of a spec; rerun the same command to resume. */
import type { Command } from 'commander';
import { join } from 'node:path';
import { defaultBatchOut, runBatch } from '../../batch/run-batch.ts';
import { SUMMARY_CSV, type JobSummary } from '../../batch/summary.ts';
import { readBatchSpecFile } from '../../batch/read-spec.ts';
import type { BatchSpec } from '../../batch/spec.ts';
import { guardOutputs, type InputSource, type OutputTarget } from '../output-guard.ts';
import { AutoMLError } from '../../util/errors.ts';
import { silentLogger, stderrLogger } from '../../util/log.ts';
import { positiveInteger } from '../parse-options.ts';

function describe(job: JobSummary): string {
  if (job.status === 'done') {
    return `${job.metric ?? 'score'} ${job.validation_score?.toFixed(4) ?? '-'} (${job.best_algorithm ?? '-'}, ${job.trials ?? 0} trials, ${job.elapsed_seconds ?? '-'} s)`;
  }
  return `${job.status}${job.error === null ? '' : `: ${job.error}`}`;
}

/**
 * A job's folder is cleared when its settings change, so no job's data or space file (nor the
 * spec) may live inside one; a warm-start run may, being read-only history. The output folder
 * must be creatable.
 */
function guardBatchOutputs(specPath: string, spec: BatchSpec, out: string): void {
  const outputs: OutputTarget[] = [
    { path: out, label: '--out', kind: 'folder' },
    ...spec.jobs.map((job) => ({ path: join(out, job.name), label: `the folder of job ${job.name}`, kind: 'folder' as const, replacesContents: true })),
  ];
  const inputs: InputSource[] = [{ path: specPath, label: 'the batch spec' }];
  for (const job of spec.jobs) {
    inputs.push({ path: job.data, label: `the data of job ${job.name}` });
    if (job.space !== undefined) inputs.push({ path: job.space, label: `the space file of job ${job.name}` });
    if (job.warmStartFrom !== undefined) inputs.push({ path: job.warmStartFrom, label: `the warm-start run of job ${job.name}`, mayLieInsideOutputs: true });
  }
  guardOutputs(outputs, inputs);
}

export function registerBatch(program: Command): void {
  program
    .command('batch')
    .description('run the AutoML jobs of a JSON or YAML spec, each into its own folder; rerun to resume after an interruption')
    .argument('<spec>', 'jobs.yaml or jobs.json: {"jobs": [{"name", "data", "target", "time", ...}]}')
    .option('--out <dir>', 'output folder (default: automl-batch/<spec file name>)')
    .option('--concurrency <n>', 'jobs run at once (default 1; with --queue, all of them)', positiveInteger('--concurrency'))
    .option('--queue <url>', 'run each job\'s fit on `automl worker` processes sharing this Redis, e.g. redis://10.0.0.5:6379')
    .option('--json', 'print the batch summary as JSON on stdout')
    .option('--quiet', 'no progress on stderr')
    .action(async (spec: string, options: { out?: string; concurrency?: number; queue?: string; json?: boolean; quiet?: boolean }) => {
      const logger = options.quiet === true ? silentLogger : stderrLogger();
      const out = options.out ?? defaultBatchOut(spec);
      guardBatchOutputs(spec, readBatchSpecFile(spec), out);
      const summary = await runBatch(spec, {
        out,
        ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
        ...(options.queue === undefined ? {} : { queue: options.queue }),
        logger,
        onJob: (job, reused) => logger.info(`job ${job.name}: ${reused ? 'already done, ' : ''}${describe(job)}`),
      });
      if (options.json === true) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      const { done, failed } = summary.counts;
      logger.info(`${done} of ${summary.jobs.length} jobs done, ${failed} failed; summary in ${join(summary.out, SUMMARY_CSV)}`);
      if (failed > 0) {
        throw new AutoMLError('BAD_INPUT', `${failed} of ${summary.jobs.length} batch jobs failed`, {
          hint: `see the error column of ${join(summary.out, SUMMARY_CSV)}; rerun the same command to retry them`,
        });
      }
    });
}
