/**
 * What the benchmarks say about leaving the evaluated dataset out of the meta-learning base: the
 * committed base was built from the same datasets' training rows, so without it a benchmark fit
 * would start from that dataset's own best configurations.
 */
import type { AutoMLModel } from '../export/model.ts';
import type { MetadataExclusion } from '../metalearning/leave-out.ts';
import type { Logger } from '../util/log.ts';

export const LEAVE_OUT_HEADER = 'warm start: each dataset is left out of the metadata base, matched by the data fingerprint of its training rows';

/** The base entries a fit's warm start left out, from its summary. */
export function leftOutOf(model: AutoMLModel): string[] {
  const warmStart = model.artifact.summary['warm_start'] as { left_out?: unknown } | undefined;
  return Array.isArray(warmStart?.left_out) ? warmStart.left_out.filter((name): name is string => typeof name === 'string') : [];
}

export function leaveOutLine(exclusion: MetadataExclusion, leftOut: readonly string[]): string {
  return leftOut.length > 0
    ? `left out of the warm start: ${leftOut.join(', ')} (training rows ${exclusion.fingerprint})`
    : `not in the metadata base (training rows ${exclusion.fingerprint}), nothing left out`;
}

/** Fit warnings (a base entry left out by name only, or kept for other rows) on stderr, prefixed by the dataset. */
export function warningsOnStderr(dataset: string): Logger {
  return { info() {}, warn: (message) => process.stderr.write(`  ${dataset}: warning: ${message}\n`) };
}
