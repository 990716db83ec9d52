/**
 * Leaving datasets out of the metadata base before the warm start reads it, so a fit evaluated on
 * a dataset the base was built from does not start from that dataset's own best configurations.
 *
 * An entry is matched by the data fingerprint of the training rows its search ran on, which is
 * what a fit on the same rows computes: the same rows under another name are still found, and
 * other rows under the same name are not mistaken for them. An entry of an older base records no
 * fingerprint; it can then only be matched by the dataset name an exclusion gives, with a warning.
 */
import type { Logger } from '../util/log.ts';
import type { BaseEntry } from './metadata-files.ts';

/** A dataset to keep out of the warm start. */
export interface MetadataExclusion {
  /** `dataFingerprint` of the dataset's training rows (as recorded in the base's description.json). */
  readonly fingerprint: string;
  /** Its name in the base, used only for entries that record no fingerprint. */
  readonly dataset?: string;
}

export interface LeaveOutResult {
  readonly entries: BaseEntry[];
  /** Names of the entries left out, in base order. */
  readonly leftOut: string[];
}

export function leaveOut(entries: readonly BaseEntry[], exclusions: readonly MetadataExclusion[], logger: Logger): LeaveOutResult {
  if (exclusions.length === 0) return { entries: [...entries], leftOut: [] };
  const fingerprints = new Set(exclusions.map((e) => e.fingerprint));
  const names = new Set(exclusions.flatMap((e) => (e.dataset === undefined ? [] : [e.dataset])));
  const kept: BaseEntry[] = [];
  const leftOut: string[] = [];
  const byName: string[] = [];
  const unverifiable: string[] = [];
  for (const entry of entries) {
    const fingerprint = entry.build.data_fingerprint;
    if (fingerprint === undefined) {
      if (names.has(entry.dataset)) {
        byName.push(entry.dataset);
        leftOut.push(entry.dataset);
      } else {
        unverifiable.push(entry.dataset);
        kept.push(entry);
      }
    } else if (fingerprints.has(fingerprint)) {
      leftOut.push(entry.dataset);
    } else {
      // Same name, other rows: kept (it is other data), but said, since it may be a near copy.
      if (names.has(entry.dataset)) logger.warn(`warm start: the metadata entry ${entry.dataset} was built from other rows (fingerprint ${fingerprint}) and is not left out`);
      kept.push(entry);
    }
  }
  if (byName.length > 0) {
    logger.warn(`warm start: ${byName.join(', ')} left out of the metadata base by name: the base records no data fingerprint for ${byName.length === 1 ? 'it' : 'them'} (build-metadata --fingerprints adds them)`);
  }
  if (unverifiable.length > 0) {
    logger.warn(`warm start: ${unverifiable.length} metadata entries record no data fingerprint and could not be checked against the exclusions (${unverifiable.slice(0, 3).join(', ')}${unverifiable.length > 3 ? ', …' : ''})`);
  }
  return { entries: kept, leftOut };
}
