/** Small real runs (fit with a run directory) whose reports the tests render. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fit } from '../../src/api/fit.ts';
import type { FitOptions } from '../../src/api/options.ts';
import type { AutoMLModel } from '../../src/export/model.ts';
import { datasetPath } from '../helpers/datasets.ts';

export interface FixtureRun {
  readonly runDir: string;
  readonly model: AutoMLModel;
}

/** A few-second search in this thread; enough trials for every chart to have marks. */
export async function smallRun(dataset: string, target: string, extra: Partial<FitOptions> = {}): Promise<FixtureRun> {
  const runDir = join(mkdtempSync(join(tmpdir(), 'automl-report-')), 'run');
  const model = await fit(datasetPath(dataset), {
    target,
    timeBudget: 3,
    maxTrials: 6,
    workers: 0,
    seed: 3,
    ...extra,
    runDir,
  });
  return { runDir, model };
}
