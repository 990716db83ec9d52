/**
 * The warm-start configurations from the metadata base: nearest datasets first, their best
 * configuration each, then their second best each, and so on, until `count` distinct
 * configurations valid in the new space are found (projected onto it, see fit-configuration.ts).
 * A configuration whose stored fit time, scaled by the ratio of data cells, would not finish well
 * inside the new run's per-trial limit is passed over: a warm start that times out spends the
 * budget it was meant to save.
 *
 * The configurations of one rank (each neighbour's best, then each one's second best...) stand
 * equal as evidence, so within a rank the cheap ones go first, by stored fit time per data cell
 * (the same order as their fit times scaled to the new data): when the budget runs short, the
 * most configurations have then been tried. Those with no stored time follow, nearest first.
 */
import { configurationKey, type Configuration, type ConfigurationSpace } from '../space/index.ts';
import { projectConfiguration } from './fit-configuration.ts';
import type { BaseEntry } from './metadata-files.ts';
import type { Neighbour } from './nearest-datasets.ts';

/** What the new run can afford per trial, and the size of its training data. */
export interface TrialAllowance {
  readonly seconds: number;
  /** Training rows × features of the new dataset. */
  readonly cells: number;
}

/** Only configurations expected to take at most this share of the per-trial limit are used. */
export const ALLOWANCE_SHARE = 0.5;

export interface Selection {
  readonly configurations: Configuration[];
  /** Datasets that contributed at least one configuration, nearest first. */
  readonly nearest: { dataset: string; distance: number }[];
}

/** `exclude`: keys already in the initial design (the default configuration). */
export function selectConfigurations(
  neighbours: readonly Neighbour<BaseEntry>[],
  space: ConfigurationSpace,
  count: number,
  exclude: ReadonlySet<string>,
  allowance?: TrialAllowance,
): Selection {
  const chosen: Configuration[] = [];
  const keys = new Set(exclude);
  const contributed = new Set<string>();
  const depth = Math.max(0, ...neighbours.map((n) => n.entry.configurations.length));
  for (let rank = 0; rank < depth && chosen.length < count; rank++) {
    const ofRank: { config: Configuration; secondsPerCell: number }[] = [];
    for (const { entry } of neighbours) {
      if (chosen.length + ofRank.length >= count) break;
      const ranked = entry.configurations[rank];
      if (ranked === undefined || tooSlow(ranked, entry, allowance)) continue;
      const projection = projectConfiguration(ranked.config, space);
      if (!('config' in projection)) continue;
      const key = configurationKey(projection.config);
      if (keys.has(key)) continue;
      keys.add(key);
      ofRank.push({ config: projection.config, secondsPerCell: secondsPerCell(ranked, entry) });
      contributed.add(entry.dataset);
    }
    // A stable sort: equal or unknown times keep the nearest-first order.
    ofRank.sort((a, b) => (a.secondsPerCell === b.secondsPerCell ? 0 : a.secondsPerCell < b.secondsPerCell ? -1 : 1));
    chosen.push(...ofRank.map((c) => c.config));
  }
  const nearest = neighbours.filter((n) => contributed.has(n.entry.dataset)).map((n) => ({ dataset: n.entry.dataset, distance: Math.round(n.distance * 1e6) / 1e6 }));
  return { configurations: chosen, nearest };
}

/** Stored fit time per training cell of the dataset it was measured on; Infinity when unknown. */
function secondsPerCell(ranked: BaseEntry['configurations'][number], entry: BaseEntry): number {
  if (ranked.fit_seconds === undefined) return Infinity;
  return ranked.fit_seconds / Math.max(1, entry.build.rows * entry.build.features);
}

function tooSlow(ranked: BaseEntry['configurations'][number], entry: BaseEntry, allowance: TrialAllowance | undefined): boolean {
  if (allowance === undefined || ranked.fit_seconds === undefined) return false;
  return secondsPerCell(ranked, entry) * allowance.cells > ALLOWANCE_SHARE * allowance.seconds;
}
