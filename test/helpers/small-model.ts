/**
 * A real fitted model for tests of loading and predicting: a logistic regression (standardised
 * inputs, one-hot categories) fitted on iris with one trial, saved to a temp folder.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fit } from '../../src/api/fit.ts';
import { readCsvFile } from '../../src/data/csv.ts';
import { buildSearchSpace } from '../../src/components/registry.ts';
import { datasetPath } from './datasets.ts';

export const IRIS_TARGET = 'class';

/** Path of the saved model file. */
export async function saveSmallIrisModel(): Promise<string> {
  const raw = await readCsvFile(datasetPath('iris'));
  const space = buildSearchSpace(
    { task: 'multiclass', nRows: raw.nRows, nFeatures: 4, nNumeric: 4, nCategorical: 0, nEncoded: 4 },
    { classifier: ['logistic_regression'], rescaling: ['standard'], feature_preprocessor: ['no_preprocessing'], balancing: ['none'] },
  );
  const model = await fit(raw, { target: IRIS_TARGET, space, maxTrials: 1, ensembleSize: 1, workers: 0, timeBudget: 60, calibration: 'none' });
  const path = join(mkdtempSync(join(tmpdir(), 'automl-small-model-')), 'iris-lr.json');
  model.save(path);
  return path;
}
