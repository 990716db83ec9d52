/**
 * Turns a trial's fidelity into what it fits: for an iterative learner at resource `iterations`,
 * the configuration with a share of the learner's iterations; at resource `rows`, each training
 * part replaced by its seeded, stratified subset (row-subset.ts). Validation rows never change, so
 * a trial is scored on the same rows at every fidelity.
 *
 * A full fidelity (or none) returns the configuration and the resampling untouched: the trial is
 * exactly the ordinary one.
 */
import { takeRows, takeTargetRows } from '../../data/dataset.ts';
import type { Configuration } from '../../space/index.ts';
import { AutoMLError } from '../../util/errors.ts';
import { mixSeed } from '../../util/rng.ts';
import type { Fold, Resampling } from '../resampling.ts';
import { FULL_SHARE, type FidelityResource, type TrialFidelity } from './fidelity.ts';
import { iterationsAt, iterationSetting } from './iterative-learners.ts';
import { subsetRows } from './row-subset.ts';

/** What a trial fits and scores at its fidelity. */
export interface FidelityTrial {
  readonly config: Configuration;
  readonly resampling: Resampling;
}

/**
 * The resource a share reduces for this configuration: `auto` is iterations for an iterative
 * learner and rows for the others; `iterations` asked of a learner without iterations uses rows,
 * the one resource every learner has.
 */
export function resolveResource(resource: FidelityResource, config: Configuration): 'rows' | 'iterations' {
  if (resource === 'rows') return 'rows';
  return iterationSetting(config) === null ? 'rows' : 'iterations';
}

export function checkShare(share: number): void {
  if (!(share > 0 && share <= FULL_SHARE)) throw new AutoMLError('BAD_OPTION', `a trial's fidelity must be a share in (0, 1], got ${share}`);
}

export function applyFidelity(config: Configuration, resampling: Resampling, fidelity: TrialFidelity | undefined): FidelityTrial {
  if (fidelity === undefined) return { config, resampling };
  checkShare(fidelity.share);
  if (fidelity.share === FULL_SHARE) return { config, resampling };
  return resolveResource(fidelity.resource, config) === 'iterations'
    ? { config: withIterationShare(config, fidelity.share), resampling }
    : { config, resampling: withRowShare(resampling, fidelity.share) };
}

/** The configuration with round(share × its learner's iterations), at least one. */
export function withIterationShare(config: Configuration, share: number): Configuration {
  const setting = iterationSetting(config);
  if (setting === null) throw new AutoMLError('INTERNAL', 'the configuration has no iterative learner');
  return { ...config, [setting.key]: iterationsAt(share, setting.count) };
}

/** The resampling with each fold's training part cut to its subset at `share`. */
export function withRowShare(resampling: Resampling, share: number): Resampling {
  const base = splitsSeed(resampling.splitsFingerprint);
  const folds = resampling.folds.map((fold, index): Fold => {
    const { features, target } = fold.train;
    const rows = subsetRows(target, share, mixSeed(base, index));
    if (rows.length === features.nRows) return fold;
    return { ...fold, train: { features: takeRows(features, rows), target: takeTargetRows(target, rows) } };
  });
  return { ...resampling, folds };
}

/**
 * The subsets follow from the splits alone (not the trial's seed): every configuration at the same
 * share trains on the same rows, so their scores differ by the configuration, not the sample.
 */
function splitsSeed(fingerprint: string): number {
  const seed = Number.parseInt(fingerprint.slice(0, 8), 16);
  return Number.isFinite(seed) ? seed : 0;
}
