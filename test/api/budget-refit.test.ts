import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTrainingData } from '../../src/data/build.ts';
import { takeRows, takeTargetRows } from '../../src/data/dataset.ts';
import { componentContextFor } from '../../src/components/registry.ts';
import { readSpaceFile } from '../../src/components/pipeline-spaces.ts';
import { refitWithin } from '../../src/api/refit.ts';
import type { TrialRecord } from '../../src/search/trial.ts';
import { silentLogger } from '../../src/util/log.ts';
import { loadSplitDataset } from '../helpers/datasets.ts';

async function irisSetup() {
  const { train } = await loadSplitDataset('iris');
  const labelled = buildTrainingData(train, { target: 'class' });
  const rows = Int32Array.from({ length: 60 }, (_, i) => 2 * i);
  const part = { features: takeRows(labelled.features, rows), target: takeTargetRows(labelled.target, rows) };
  const config = readSpaceFile('pipelines/tiny.json', labelled.task).defaultConfiguration();
  const trial = (id: number): TrialRecord => ({ id, config, algorithm: 'x', status: 'SUCCESS', cost: 0.1, score: 0.9, fitSeconds: 0.01, finishedAt: 0, seed: 7 });
  return { labelled, part, context: componentContextFor(part.features, labelled.task), trial };
}

test("a training-part member is the trial's own model: fitted on the rows it was validated with, not on all rows", async () => {
  const { labelled, part, context, trial } = await irisSetup();
  const [onPart] = refitWithin({ kind: 'part', part, context }, [{ trial: trial(1), weight: 1 }], [], silentLogger, Infinity).members;
  const [again] = refitWithin({ kind: 'part', part, context }, [{ trial: trial(1), weight: 1 }], [], silentLogger, Infinity).members;
  const [onAll] = refitWithin({ kind: 'refit', data: labelled, context: componentContextFor(labelled.features, labelled.task) }, [{ trial: trial(1), weight: 1 }], [], silentLogger, Infinity).members;
  assert.ok(onPart !== undefined && 'pipeline' in onPart && again !== undefined && 'pipeline' in again && onAll !== undefined && 'pipeline' in onAll);
  assert.deepEqual(onPart.pipeline, again.pipeline);
  assert.notDeepEqual(onPart.pipeline, onAll.pipeline);
});

test('members whose turn comes after the deadline are left out, the first is always built, weights renormalised', async () => {
  const { part, context, trial } = await irisSetup();
  const warnings: string[] = [];
  const logger = { ...silentLogger, warn: (message: string) => warnings.push(message) };
  const selected = [
    { trial: trial(1), weight: 0.5 },
    { trial: trial(2), weight: 0.3 },
    { trial: trial(3), weight: 0.2 },
  ];
  const late = refitWithin({ kind: 'part', part, context }, selected, [], logger, 0);
  assert.deepEqual(late.members.map((m) => [m.trialId, m.weight]), [[1, 1]]);
  assert.equal(late.leftOut, 2);
  assert.match(warnings.join('\n'), /2 of 3 members were left out/);
  const onTime = refitWithin({ kind: 'part', part, context }, selected, [], logger, Infinity);
  assert.equal(onTime.members.length, 3);
  assert.equal(onTime.leftOut, 0);
});
