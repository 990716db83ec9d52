/**
 * Which stored datasets resemble a new one: every meta-feature min-max scaled with the base's
 * range, then the L1 distance. A feature constant over the base says nothing and is skipped; so
 * is a feature undefined (NaN) for both datasets; one defined on only one side counts as the
 * largest scaled difference, 1.
 */
import { META_FEATURE_NAMES, type MetaFeatures } from './meta-features.ts';

export interface Neighbour<E> {
  readonly entry: E;
  readonly distance: number;
}

export function rankByDistance<E extends { readonly dataset: string; readonly metaFeatures: MetaFeatures }>(
  query: MetaFeatures,
  entries: readonly E[],
): Neighbour<E>[] {
  const ranges = META_FEATURE_NAMES.map((name) => {
    let min = Infinity;
    let max = -Infinity;
    for (const entry of entries) {
      const v = entry.metaFeatures[name];
      if (Number.isNaN(v)) continue;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return { name, min, span: max - min };
  });
  const ranked = entries.map((entry) => {
    let distance = 0;
    for (const { name, min, span } of ranges) {
      if (!(span > 0)) continue;
      const a = query[name];
      const b = entry.metaFeatures[name];
      if (Number.isNaN(a) && Number.isNaN(b)) continue;
      distance += Number.isNaN(a) || Number.isNaN(b) ? 1 : Math.abs((a - min) / span - (b - min) / span);
    }
    return { entry, distance };
  });
  // Equal distances keep the dataset-name order, so the ranking never depends on file order.
  return ranked.sort((x, y) => x.distance - y.distance || (x.entry.dataset < y.entry.dataset ? -1 : x.entry.dataset > y.entry.dataset ? 1 : 0));
}
