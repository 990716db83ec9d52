/**
 * A real kill: the batch CLI is SIGKILLed in the middle of its second job, then rerun with the
 * same command. The finished job must not be rerun, the interrupted one must resume with its
 * earlier trials, and the summary must list every job.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { datasetPath } from '../helpers/datasets.ts';

const BIN = fileURLToPath(new URL('../../src/cli/bin.js', import.meta.url));
const TINY_SPACE = fileURLToPath(new URL('../../pipelines/tiny.json', import.meta.url));

function lines(path: string): string[] {
  return existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '') : [];
}

async function sleep(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

test('a batch killed with SIGKILL resumes: finished jobs kept, interrupted job warm-started', { timeout: 90_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'automl-batch-kill-'));
  const spec = join(dir, 'jobs.json');
  const job = (name: string, data: string, time: number, maxTrials: number) => ({
    name, data: datasetPath(data), target: 'class', time, maxTrials, space: TINY_SPACE, workers: 0, seed: 1,
  });
  writeFileSync(spec, JSON.stringify({ jobs: [job('first', 'iris', 2, 3), job('second', 'breast_cancer', 10, 15), job('third', 'zoo', 2, 3)] }));
  const out = join(dir, 'out');
  const firstModel = join(out, 'first', 'model.json');
  const secondTrials = join(out, 'second', 'runs', 'attempt-1', 'trials.jsonl');

  const child = spawn(process.execPath, [BIN, 'batch', spec, '--out', out, '--quiet'], { stdio: 'ignore' });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  let killed = false;
  for (let waited = 0; waited < 60_000; waited += 50) {
    if (existsSync(firstModel) && lines(secondTrials).length >= 3) {
      child.kill('SIGKILL');
      killed = true;
      break;
    }
    if (child.exitCode !== null) break;
    await sleep(50);
  }
  const signal = await exited;
  assert.ok(killed && signal === 'SIGKILL', 'the batch was killed in the middle of its second job');
  assert.ok(!existsSync(join(out, 'second', 'summary.json')), 'the second job had not finished when killed');

  const firstBytes = readFileSync(firstModel);
  const firstMtime = statSync(firstModel).mtimeMs;
  const earlier = lines(secondTrials);
  const interrupted = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { jobs: { name: string; status: string }[] };
  assert.deepEqual(interrupted.jobs.map((j) => j.status), ['done', 'pending', 'pending'], 'the summary written before the kill is current');

  const rerun = spawnSync(process.execPath, [BIN, 'batch', spec, '--out', out], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(rerun.status, 0, rerun.stderr);
  assert.match(rerun.stderr, /\[first\] already finished, not rerun/);
  assert.match(rerun.stderr, /\[second\] resuming \(attempt 2\) from \d+ earlier trials/);

  assert.ok(readFileSync(firstModel).equals(firstBytes), 'the finished job was not rerun');
  assert.equal(statSync(firstModel).mtimeMs, firstMtime);
  assert.ok(!existsSync(join(out, 'first', 'runs', 'attempt-2')), 'no second attempt of the finished job');

  // The interrupted attempt's log is intact and its trials are the warm start of the resumed one.
  assert.deepEqual(lines(secondTrials).slice(0, earlier.length), earlier);
  const resumed = lines(join(out, 'second', 'resume', 'trials.jsonl')).map((l) => JSON.stringify((JSON.parse(l) as { config: unknown }).config));
  for (const line of earlier) assert.ok(resumed.includes(JSON.stringify((JSON.parse(line) as { config: unknown }).config)), 'an earlier trial is missing from the resume log');
  const newTrials = lines(join(out, 'second', 'runs', 'attempt-2', 'trials.jsonl')).map((l) => JSON.stringify((JSON.parse(l) as { config: unknown }).config));
  assert.ok(newTrials.length >= 1, 'the resumed attempt ran trials');
  assert.ok(newTrials.every((c) => !resumed.includes(c)), 'earlier configurations were not proposed again');
  const warmStart = (JSON.parse(readFileSync(join(out, 'second', 'model.json'), 'utf8')) as { summary: { warm_start?: { source: string; configurations: number } } }).summary.warm_start;
  assert.equal(warmStart?.source, 'parent-run', 'the resumed attempt continued from the earlier trials');
  assert.ok(warmStart.configurations >= resumed.length);

  // The job's report draws the whole search: every successful trial of both attempts is a dot.
  const successes = [...lines(join(out, 'second', 'resume', 'trials.jsonl')), ...lines(join(out, 'second', 'runs', 'attempt-2', 'trials.jsonl'))]
    .filter((l) => (JSON.parse(l) as { status: string }).status === 'SUCCESS').length;
  const overTime = /<svg[^>]*aria-label="Best validation cost over time".*?<\/svg>/s.exec(readFileSync(join(out, 'second', 'report.html'), 'utf8'));
  assert.ok(overTime !== null);
  assert.equal(overTime[0].match(/<circle/g)?.length, successes);

  const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as {
    jobs: { name: string; status: string; attempts: number; earlier_trials: number; attempt_budget: number | null }[];
    reused: string[];
  };
  assert.deepEqual(summary.jobs.map((j) => [j.name, j.status]), [['first', 'done'], ['second', 'done'], ['third', 'done']]);
  assert.deepEqual(summary.reused, ['first']);
  const second = summary.jobs[1]!;
  assert.equal(second.attempts, 2);
  assert.ok(second.earlier_trials >= earlier.length - 1, `earlier trials counted (${second.earlier_trials} of ${earlier.length})`);
  assert.ok(second.attempt_budget !== null && second.attempt_budget < 10 && second.attempt_budget >= 2.5, `resumed with the rest of the budget (${second.attempt_budget})`);
  const csv = readFileSync(join(out, 'summary.csv'), 'utf8').trim().split('\n');
  assert.equal(csv.length, 4);
  for (const name of ['first', 'second', 'third']) {
    assert.ok(existsSync(join(out, name, 'model.json')) && existsSync(join(out, name, 'report.html')), `${name} has its model and report`);
  }
});
