/**
 * `npm run bench:queue [-- --trials n --workers 1,2,4 --dataset iris]`: throughput of trials run
 * through the Redis queue. Starts a private redis-server on a free loopback port and 1, 2, 4
 * `automl worker` processes (one trial at a time each), then sends the same cheap trial (the
 * default pipeline of pipelines/tiny.json under holdout) n times with as many in flight as there
 * are workers, and reports trials per minute. The queue's overhead per trial is the per-trial time
 * of one queue worker minus that of one local worker thread (WorkerPoolRunner) running the same
 * trials in this process. Each worker's first trial (which loads its thread and fetches the data)
 * is run before the clock starts. Needs redis-server on the PATH.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readCsvFile } from '../data/csv.ts';
import { buildTrainingData } from '../data/build.ts';
import { buildResampling } from '../search/resampling.ts';
import type { EvaluationData } from '../search/evaluate-trial.ts';
import { componentContextFor } from '../components/registry.ts';
import { readSpaceFile } from '../components/pipeline-spaces.ts';
import { defaultMetric, getScorer } from '../metrics/scorers.ts';
import type { Configuration } from '../space/index.ts';
import { WorkerPoolRunner } from '../search/runner/worker-pool-runner.ts';
import { QueueRunner } from '../search/runner/queue-runner.ts';
import type { TrialRunner } from '../search/runner/trial-runner.ts';
import { parseQueueAddress } from '../distributed/queue-address.ts';

const BIN = fileURLToPath(new URL('../cli/bin.js', import.meta.url));
const DATASETS = fileURLToPath(new URL('../../datasets/', import.meta.url));
const TINY_SPACE = fileURLToPath(new URL('../../pipelines/tiny.json', import.meta.url));
const LIMITS = { timeSeconds: 60, memoryMb: 1024 };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

/** Starts `command` and resolves once its output matches `ready`. */
function startProcess(command: string, args: readonly string[], ready: RegExp): Promise<ChildProcess> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (ready.test(output)) {
        child.stdout?.off('data', onData);
        child.stderr?.off('data', onData);
        child.stdout?.resume();
        child.stderr?.resume();
        resolve(child);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${command} exited (${code}) before it was ready:\n${output}`)));
  });
}

async function evaluationData(dataset: string): Promise<{ data: EvaluationData; config: Configuration }> {
  const labelled = buildTrainingData(await readCsvFile(`${DATASETS}${dataset}.csv`), { target: 'class' });
  const resampling = buildResampling(labelled.features, labelled.target, { strategy: 'holdout', folds: 5, holdoutFraction: 0.33, seed: 0 });
  const data = { resampling, scorer: getScorer(defaultMetric(labelled.task), labelled.task), context: componentContextFor(resampling.folds[0]!.train.features, labelled.task) };
  return { data, config: readSpaceFile(TINY_SPACE, labelled.task).defaultConfiguration() };
}

/** Seconds to run `count` trials with up to `runner.concurrency` in flight; every one must succeed. */
async function timeTrials(runner: TrialRunner, config: Configuration, count: number): Promise<number> {
  const start = performance.now();
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < count) {
      next++;
      const outcome = await runner.run(config, 0, LIMITS);
      if (outcome.status !== 'SUCCESS') throw new Error(`a benchmark trial failed: ${outcome.status} ${outcome.error ?? ''}`);
    }
  };
  await Promise.all(Array.from({ length: runner.concurrency }, lane));
  return (performance.now() - start) / 1000;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { trials: { type: 'string', default: '24' }, workers: { type: 'string', default: '1,2,4' }, dataset: { type: 'string', default: 'iris' } } });
  const trials = Number(values.trials);
  const workerCounts = values.workers.split(',').map(Number);
  const { data, config } = await evaluationData(values.dataset);

  const local = new WorkerPoolRunner({ data, workers: 1 });
  await timeTrials(local, config, 1);
  const localSeconds = await timeTrials(local, config, trials);
  await local.close();
  const localMs = (localSeconds * 1000) / trials;

  const port = await freePort();
  const redis = await startProcess('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], /Ready to accept connections/);
  const url = `redis://127.0.0.1:${port}`;
  const rows: string[] = [];
  let queueMsOneWorker = NaN;
  try {
    for (const count of workerCounts) {
      const workers = await Promise.all(Array.from({ length: count }, () => startProcess(process.execPath, [BIN, 'worker', '--queue', url], /takes up to/)));
      try {
        const runner = await QueueRunner.open({ address: parseQueueAddress(url), data, workers: count, backend: 'auto' });
        // Every worker loads its trial thread and fetches the data before the clock starts.
        await timeTrials(runner, config, count * 2);
        const seconds = await timeTrials(runner, config, trials);
        await runner.close();
        if (count === 1) queueMsOneWorker = (seconds * 1000) / trials;
        rows.push(`| ${count} | ${trials} | ${seconds.toFixed(2)} | ${((trials / seconds) * 60).toFixed(0)} |`);
        process.stderr.write(`${count} worker(s): ${trials} trials in ${seconds.toFixed(2)} s\n`);
      } finally {
        for (const worker of workers) worker.kill('SIGKILL');
      }
    }
  } finally {
    redis.kill('SIGKILL');
  }
  const lines = [
    `Queue throughput on ${values.dataset} (holdout, default pipeline of pipelines/tiny.json), ${trials} timed trials per row:`,
    '',
    '| workers | trials | seconds | trials/min |',
    '|---|---|---|---|',
    ...rows,
    '',
    `one local worker thread: ${localMs.toFixed(1)} ms per trial; one queue worker: ${queueMsOneWorker.toFixed(1)} ms per trial; ` +
      `queue overhead ${(queueMsOneWorker - localMs).toFixed(1)} ms per trial`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
