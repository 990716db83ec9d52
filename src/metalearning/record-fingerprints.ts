/**
 * Adds the data fingerprint to base entries built before it was recorded, without running their
 * searches again: the entry's training rows are read again exactly as build-metadata read them
 * (the manifest's fixed split) and fingerprinted as a fit on them would be. The rows and feature
 * counts the entry recorded must match, or the entry is left unchanged: a fingerprint of other
 * rows would leave the wrong dataset out.
 */
import type { ManifestDataset } from '../bench/manifest.ts';
import { defaultMetric, taskFamily } from '../metrics/scorers.ts';
import { dataFingerprint } from '../search/run-log.ts';
import { errorMessage } from '../util/errors.ts';
import type { Logger } from '../util/log.ts';
import { labelledTraining, readSplit } from './corpus.ts';
import { readBase, writeBase } from './metadata-files.ts';

/** Records the fingerprints of the given datasets' entries in the base at `root`; returns the names that failed. */
export async function recordFingerprints(datasets: readonly ManifestDataset[], root: string, logger: Logger): Promise<string[]> {
  const failed: string[] = [];
  for (const dataset of datasets) {
    const kind = taskFamily(dataset.task);
    const base = readBase(root, kind, defaultMetric(dataset.task));
    const entry = base?.entries.find((e) => e.dataset === dataset.name);
    if (base === null || entry === undefined) {
      logger.info(`${dataset.name}: not in the base, skipped`);
      continue;
    }
    try {
      const { train } = await readSplit(dataset);
      const labelled = labelledTraining(dataset, train);
      const rows = labelled.features.nRows;
      const features = labelled.features.columns.length;
      if (rows !== entry.build.rows || features !== entry.build.features) {
        throw new Error(`its training rows are ${rows} × ${features}, the entry was built from ${entry.build.rows} × ${entry.build.features}`);
      }
      const fingerprint = dataFingerprint(labelled);
      const recorded = entry.build.data_fingerprint;
      if (recorded === fingerprint) {
        logger.info(`${dataset.name}: fingerprint ${fingerprint} already recorded`);
        continue;
      }
      if (recorded !== undefined) throw new Error(`the entry records fingerprint ${recorded}, its training rows now give ${fingerprint}`);
      writeBase(root, {
        ...base,
        description: { ...base.description, updated_at: new Date().toISOString() },
        entries: base.entries.map((e) => (e === entry ? { ...e, build: { ...e.build, data_fingerprint: fingerprint } } : e)),
      });
      logger.info(`${dataset.name}: fingerprint ${fingerprint} recorded`);
    } catch (error) {
      failed.push(dataset.name);
      logger.warn(`${dataset.name}: fingerprint not recorded: ${errorMessage(error)}`);
    }
  }
  return failed;
}
