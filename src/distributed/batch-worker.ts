/**
 * How a queue worker runs a batch job: it fetches the job's input files from Redis, runs the
 * whole fit locally (its own trial threads and per-trial limits, as a local batch job), and
 * stores the model and the run directory back in Redis for the driver, which writes them into
 * the job's folder. A fit that fails (bad target, no successful trial...) is a result with an
 * error, not a failed BullMQ job: a failed BullMQ job means the worker itself was lost.
 */
import { mkdtempSync, readdirSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker as Thread } from 'node:worker_threads';
import type { Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { errorMessage } from '../util/errors.ts';
import type { Logger } from '../util/log.ts';
import { fetchBundle, INPUT, OUTPUT, storeBundle, type BatchJobData, type BatchJobResult } from './batch-job.ts';
import type { BatchFitMessage, BatchFitRequest } from './batch-fit-thread.ts';
import { readFolder, writeFolder, type FileBundle } from './file-bundle.ts';
import { workerName } from './trial-job.ts';

const ENTRY = new URL('./batch-fit-entry.js', import.meta.url);

type FitEnd = { readonly status: 'done' } | { readonly status: 'failed'; readonly error: string; readonly code: string };

/** Runs the fit in its own thread; resolves when it ends, however it ends. */
function fitInThread(request: BatchFitRequest, logger: Logger): Promise<FitEnd> {
  return new Promise((resolve) => {
    let end: FitEnd | undefined;
    const thread = new Thread(ENTRY, { workerData: request });
    thread.on('message', (message: BatchFitMessage) => {
      if (message.kind === 'log') logger[message.level](message.text);
      else end = message.kind === 'done' ? { status: 'done' } : { status: 'failed', error: message.error, code: message.code };
    });
    thread.on('error', (error) => {
      end ??= { status: 'failed', error: `the fit's thread crashed: ${errorMessage(error)}`, code: 'INTERNAL' };
    });
    thread.on('exit', (code) => resolve(end ?? { status: 'failed', error: `the fit's thread exited with code ${code} before finishing`, code: 'INTERNAL' }));
  });
}

export function batchJobProcessor(redis: Redis, concurrency: number, logger: Logger): (job: Job<BatchJobData, BatchJobResult>) => Promise<BatchJobResult> {
  return async (job) => {
    const data = job.data;
    const log: Logger = { info: (m) => logger.info(`batch job ${data.name}: ${m}`), warn: (m) => logger.warn(`batch job ${data.name}: ${m}`) };
    const finish = async (end: FitEnd, outputs: FileBundle): Promise<BatchJobResult> => {
      const outputHash = await storeBundle(redis, outputs);
      log.info(end.status === 'done' ? 'done' : `failed: ${end.error}`);
      return { status: end.status, outputHash, error: end.status === 'done' ? null : end.error, errorCode: end.status === 'done' ? null : end.code, worker: workerName() };
    };
    const inputs = await fetchBundle(redis, data.inputHash);
    if (inputs === null) return finish({ status: 'failed', error: `the job's input files ${data.inputHash.slice(0, 12)} are no longer in Redis`, code: 'INTERNAL' }, {});
    const dir = mkdtempSync(join(tmpdir(), 'automl-batch-job-'));
    try {
      const inDir = join(dir, 'in');
      writeFolder(inDir, inputs);
      const dataFiles = readdirSync(join(inDir, INPUT.data));
      const space = join(inDir, INPUT.space);
      const warmStart = join(inDir, INPUT.warmStart);
      const runDir = join(dir, 'run');
      const modelPath = join(dir, OUTPUT.model);
      log.info(`started: ${dataFiles[0] ?? '?'}, target ${data.target}, ${data.timeBudget} s`);
      const end = await fitInThread(
        {
          dataPath: join(inDir, INPUT.data, dataFiles[0] ?? 'data.csv'),
          modelPath,
          options: {
            target: data.target,
            timeBudget: data.timeBudget,
            runDir,
            workers: data.workers ?? concurrency,
            ...(data.task === undefined ? {} : { task: data.task }),
            ...(data.metric === undefined ? {} : { metric: data.metric }),
            ...(data.seed === undefined ? {} : { seed: data.seed }),
            ...(data.ensembleSize === undefined ? {} : { ensembleSize: data.ensembleSize }),
            ...(data.maxTrials === undefined ? {} : { maxTrials: data.maxTrials }),
            ...(data.encoding === undefined ? {} : { encoding: data.encoding }),
            ...(existsSync(space) ? { space } : {}),
            ...(existsSync(warmStart) ? { warmStartFrom: warmStart } : {}),
          },
        },
        log,
      );
      const outputs: FileBundle = readFolder(runDir, OUTPUT.run);
      if (end.status === 'done') outputs[OUTPUT.model] = readFileSync(modelPath);
      return await finish(end, outputs);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
