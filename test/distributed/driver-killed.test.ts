/**
 * A `fit --queue --run-dir D` driver killed with SIGKILL mid-search: running the same command
 * again continues the run from D's log. The logged trials are not run again, new trials are
 * numbered after them and appended to the same log, and --max-trials counts the earlier ones.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { datasetPath } from '../helpers/datasets.ts';
import { startCli, startRedis, startWorker } from './redis-fixture.ts';

const TINY_SPACE = fileURLToPath(new URL('../../pipelines/tiny.json', import.meta.url));
const MAX_TRIALS = 10;

interface LoggedTrial {
  id: number;
  config: unknown;
}

function logged(path: string): LoggedTrial[] {
  if (!existsSync(path)) return [];
  const trials: LoggedTrial[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    try {
      trials.push(JSON.parse(line) as LoggedTrial);
    } catch {
      // blank, or torn by the kill
    }
  }
  return trials;
}

test('rerunning a killed queue driver\'s command resumes its run without rerunning logged trials', { timeout: 240_000 }, async () => {
  const redis = await startRedis();
  const workers = await Promise.all([startWorker(redis.url), startWorker(redis.url)]);
  try {
    const dir = mkdtempSync(join(tmpdir(), 'automl-driver-killed-'));
    const runDir = join(dir, 'run');
    const trialsFile = join(runDir, 'trials.jsonl');
    const args = [
      'fit', datasetPath('breast_cancer'), '--target', 'class', '--queue', redis.url, '--workers', '2', '--max-trials', String(MAX_TRIALS), '--time', '120',
      '--space', TINY_SPACE, '--seed', '3', '--warm-start', '0', '--ensemble-size', '1', '--run-dir', runDir, '--out', join(dir, 'model.json'),
    ];
    const driver = startCli(args);
    for (let waited = 0; logged(trialsFile).length < 2; waited += 20) {
      assert.ok(waited < 120_000 && driver.child.exitCode === null, `the driver logged too few trials before ending:\n${driver.output.text}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await driver.stop();
    assert.equal(driver.child.signalCode, 'SIGKILL');
    const earlier = logged(trialsFile);
    assert.ok(earlier.length < MAX_TRIALS, `killed mid-search (${earlier.length} trials logged)`);
    assert.ok(!existsSync(join(dir, 'model.json')));

    const rerun = startCli(args);
    const code = await new Promise<number | null>((resolve) => rerun.child.once('exit', (exitCode) => resolve(exitCode)));
    assert.equal(code, 0, rerun.output.text);
    assert.match(rerun.output.text, new RegExp(`resuming the run in .*: ${earlier.length} trials already logged, ${MAX_TRIALS - earlier.length} more to run`));

    const all = logged(trialsFile);
    assert.deepEqual(all.slice(0, earlier.length), earlier, 'the earlier log is kept as it was');
    assert.equal(all.length, MAX_TRIALS, '--max-trials counts the trials of both runs');
    const added = all.slice(earlier.length);
    const lastId = Math.max(...earlier.map((t) => t.id));
    assert.deepEqual(added.map((t) => t.id).sort((a, b) => a - b), added.map((_, i) => lastId + 1 + i), 'new trials are numbered after the earlier ones');
    const earlierConfigs = new Set(earlier.map((t) => JSON.stringify(t.config)));
    assert.ok(added.every((t) => !earlierConfigs.has(JSON.stringify(t.config))), 'no logged configuration was run again');
    const model = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as { summary: { warm_start?: { source: string } } };
    assert.equal(model.summary.warm_start?.source, 'parent-run');
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    await redis.stop();
  }
});
