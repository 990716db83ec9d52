/**
 * The training rows of a manifest dataset: everything except its fixed test rows, so neither the
 * metadata base nor the warm-start benchmark ever looks at a test row.
 */
import { readCsvFile } from '../data/csv.ts';
import { complementRows, selectRawRows } from '../data/raw-rows.ts';
import type { RawTable } from '../data/raw-table.ts';
import { buildTrainingData } from '../data/build.ts';
import type { LabelledDataset } from '../data/dataset.ts';
import { readTestRows, type ManifestDataset } from '../bench/manifest.ts';
import { dataFingerprint } from '../search/run-log.ts';
import type { MetadataExclusion } from './leave-out.ts';

export interface CorpusSplit {
  readonly train: RawTable;
  readonly test: RawTable;
}

export async function readSplit(dataset: ManifestDataset): Promise<CorpusSplit> {
  const raw = await readCsvFile(dataset.csvPath);
  const testRows = readTestRows(dataset.splitPath);
  return { train: selectRawRows(raw, complementRows(raw.nRows, testRows)), test: selectRawRows(raw, testRows) };
}

/** The typed training set, built exactly as fit builds it. */
export function labelledTraining(dataset: ManifestDataset, train: RawTable): LabelledDataset {
  return buildTrainingData(train, { target: dataset.target, task: dataset.task, columnTypes: dataset.columnTypes });
}

/**
 * What keeps a dataset's own entry out of the warm start of a fit on its training rows: the
 * fingerprint those rows give (the base records the same one), and the name for older bases.
 */
export function trainingRowsExclusion(dataset: ManifestDataset, train: RawTable): MetadataExclusion {
  return { fingerprint: dataFingerprint(labelledTraining(dataset, train)), dataset: dataset.name };
}
