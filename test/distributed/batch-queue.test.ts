/**
 * `automl batch --queue`: two jobs spread over two real `automl worker` processes. The driver is
 * killed with SIGKILL once both fits have started on the workers; rerunning the batch takes each
 * job's result from its BullMQ job (no fit runs twice), writes models, run logs, reports and the
 * summary into the job folders as a local batch does, and a third run reuses both jobs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBatch } from '../../src/batch/index.ts';
import { loadModel } from '../../src/export/model.ts';
import { datasetPath } from '../helpers/datasets.ts';
import { startCli, startRedis, startWorker, waitForOutput } from './redis-fixture.ts';

const TINY_SPACE = fileURLToPath(new URL('../../pipelines/tiny.json', import.meta.url));

function count(text: string, pattern: RegExp): number {
  return text.match(new RegExp(pattern.source, 'g'))?.length ?? 0;
}

test('batch jobs run on two workers; a killed driver\'s rerun takes their results without refitting; a third run reuses them', { timeout: 240_000 }, async () => {
  const redis = await startRedis();
  const workers = await Promise.all([startWorker(redis.url), startWorker(redis.url)]);
  try {
    const dir = mkdtempSync(join(tmpdir(), 'automl-batch-queue-'));
    const spec = join(dir, 'jobs.json');
    const out = join(dir, 'out');
    const job = (name: string, data: string) => ({ name, data: datasetPath(data), target: 'class', time: 4, maxTrials: 2, space: TINY_SPACE, seed: 1, ensembleSize: 1 });
    writeFileSync(spec, JSON.stringify({ jobs: [job('iris', 'iris'), job('zoo', 'zoo')] }));

    const driver = startCli(['batch', spec, '--out', out, '--queue', redis.url]);
    const started = (name: string) => Promise.any(workers.map((w) => waitForOutput(w.child, w.output, new RegExp(`batch job ${name}: started`), 120_000)));
    await Promise.all([started('iris'), started('zoo')]);
    await driver.stop();
    assert.equal(driver.child.signalCode, 'SIGKILL');
    assert.ok(!existsSync(join(out, 'iris', 'summary.json')) && !existsSync(join(out, 'zoo', 'summary.json')), 'killed before any result was written');

    const lines: string[] = [];
    const logger = { info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m) };
    const summary = await runBatch(spec, { out, queue: redis.url, logger });
    assert.deepEqual(summary.jobs.map((j) => [j.name, j.status]), [['iris', 'done'], ['zoo', 'done']], lines.join('\n'));
    for (const name of ['iris', 'zoo']) {
      const all = workers.map((w) => w.output.text).join('\n');
      assert.equal(count(all, new RegExp(`batch job ${name}: started`)), 1, `${name}'s fit ran once`);
      assert.equal(count(all, new RegExp(`batch job ${name}: done`)), 1);
      assert.ok(lines.some((l) => l.startsWith(`[${name}] `) && /waiting for its job|result of the earlier run's job/.test(l)), `${name} was taken over, not sent again`);
    }
    // One fit per worker: each takes one batch job at a time.
    assert.ok(workers.every((w) => /batch job \S+: done/.test(w.output.text)), 'both workers ran a job');

    const csv = readFileSync(join(out, 'summary.csv'), 'utf8').trim().split('\n');
    assert.equal(csv.length, 3);
    for (const jobSummary of summary.jobs) {
      assert.ok(jobSummary.trials !== null && jobSummary.trials >= 1 && jobSummary.trials <= 2, `${jobSummary.name}: ${jobSummary.trials} trials`);
      assert.equal(jobSummary.model, join(out, jobSummary.name, 'model.json'));
      const runLog = readFileSync(join(jobSummary.run_dir!, 'trials.jsonl'), 'utf8').trim().split('\n');
      assert.equal(runLog.length, jobSummary.trials, 'the run log came back with the model');
      assert.ok(readFileSync(join(out, jobSummary.name, 'report.html'), 'utf8').startsWith('<!DOCTYPE html>'));
    }
    const iris = loadModel(join(out, 'iris', 'model.json'));
    assert.equal(iris.predict([{ sepal_length_cm: 5, sepal_width_cm: 3.4, petal_length_cm: 1.5, petal_width_cm: 0.2 }])[0], 'setosa');
    const zooRow = Object.fromEntries(loadModel(join(out, 'zoo', 'model.json')).requiredColumns.map((c) => [c, 1]));
    assert.equal(loadModel(join(out, 'zoo', 'model.json')).predict([zooRow]).length, 1);

    const modelTime = statSync(join(out, 'iris', 'model.json')).mtimeMs;
    const again = await runBatch(spec, { out, queue: redis.url });
    assert.deepEqual(again.reused, ['iris', 'zoo']);
    assert.equal(statSync(join(out, 'iris', 'model.json')).mtimeMs, modelTime);
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    await redis.stop();
  }
});
