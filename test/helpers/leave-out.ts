/**
 * The committed metadata base was built from the shipped datasets' training rows, so a quality
 * floor checked after a warm-started fit on those rows must leave the dataset's own entry out,
 * or the fit would start from that dataset's best configurations of an earlier search.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readManifest } from '../../src/bench/manifest.ts';
import type { AutoMLModel } from '../../src/export/model.ts';
import type { RawTable } from '../../src/data/raw-table.ts';
import { trainingRowsExclusion } from '../../src/metalearning/corpus.ts';
import type { MetadataExclusion } from '../../src/metalearning/leave-out.ts';
import { DATASETS_DIR } from './datasets.ts';

/** The exclusion of a shipped dataset's base entry, given its fixed training rows. */
export function ownEntry(name: string, train: RawTable): MetadataExclusion {
  const dataset = readManifest(join(DATASETS_DIR, 'manifest.json')).find((d) => d.name === name);
  assert.ok(dataset !== undefined, `${name} is not in datasets/manifest.json`);
  return trainingRowsExclusion(dataset, train);
}

/** Fails unless the fit's warm start really left the dataset out (a stale fingerprint would not). */
export function assertLeftOut(model: AutoMLModel, name: string): void {
  const warmStart = model.artifact.summary['warm_start'] as { left_out?: string[] };
  assert.deepEqual(warmStart.left_out, [name], `the warm start left out ${JSON.stringify(warmStart.left_out)}, not ${name}`);
}
