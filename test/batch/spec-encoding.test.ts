import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateBatchSpec } from '../../src/batch/spec.ts';
import { AutoMLError } from '../../src/util/errors.ts';
import { attemptFitOptions } from '../../src/batch/run-job.ts';
import { silentLogger } from '../../src/util/log.ts';

const job = { name: 'shop', data: 'shop.csv', target: 'class', time: 30 };

test('a job may name the encoding of its data file', () => {
  const spec = validateBatchSpec({ jobs: [{ ...job, encoding: 'Latin-1' }, { ...job, name: 'plain' }] }, '/base');
  assert.equal(spec.jobs[0]!.encoding, 'latin1');
  assert.equal(spec.jobs[1]!.encoding, undefined);
});

test('an encoding that is not utf-8 or latin1 is a spec problem naming the field', () => {
  for (const encoding of ['ebcdic', 8859, '']) {
    assert.throws(
      () => validateBatchSpec({ jobs: [{ ...job, encoding }] }, '/base', 'jobs.json'),
      (error: unknown) => error instanceof AutoMLError && error.code === 'BAD_INPUT' && /jobs\[0\]\.encoding must be utf-8 or latin1/.test(error.message),
    );
  }
});

test("a job's encoding reaches the fit options of its attempts", () => {
  const [latin1, plain] = validateBatchSpec({ jobs: [{ ...job, encoding: 'latin1' }, { ...job, name: 'plain' }] }, '/base').jobs;
  const plan = { attempt: 1, timeBudget: 30, maxTrials: undefined, earlierTrials: [], earlierSeconds: 0, warmStartFrom: undefined };
  assert.equal(attemptFitOptions(latin1!, plan, '/runs/a', silentLogger).encoding, 'latin1');
  assert.equal(attemptFitOptions(plain!, plan, '/runs/b', silentLogger).encoding, undefined);
});
