/**
 * Bottom-up hierarchical clustering of the columns of a matrix, for feature agglomeration.
 * Merges always join the closest pair of clusters, with distances between a merged cluster and
 * the others updated by the Lance–Williams formulas. Each cluster's nearest neighbour is cached,
 * so a merge costs O(d) plus a rescan for the few clusters whose neighbour was involved.
 */
import type { FeatureMatrix } from '../matrix.ts';

export const AFFINITIES = ['euclidean', 'manhattan', 'cosine'] as const;
export type Affinity = (typeof AFFINITIES)[number];

export const LINKAGES = ['ward', 'complete', 'average'] as const;
export type Linkage = (typeof LINKAGES)[number];

/**
 * Row-major d×d distances between the columns of x. With `squared` the euclidean distances are
 * squared, which is what Ward's update formula works on.
 */
export function columnDistances(x: FeatureMatrix, affinity: Affinity, squared: boolean): Float64Array {
  const d = x.columns.length;
  const n = x.nRows;
  const out = new Float64Array(d * d);
  const norms = x.columns.map((column) => Math.sqrt(column.reduce((s, v) => s + v * v, 0)));
  for (let a = 0; a < d; a++) {
    const columnA = x.columns[a]!;
    for (let b = 0; b < a; b++) {
      const columnB = x.columns[b]!;
      let sum = 0;
      if (affinity === 'manhattan') {
        for (let i = 0; i < n; i++) sum += Math.abs(columnA[i]! - columnB[i]!);
      } else if (affinity === 'cosine') {
        for (let i = 0; i < n; i++) sum += columnA[i]! * columnB[i]!;
        const scale = norms[a]! * norms[b]!;
        // A zero column points nowhere: treat it as orthogonal to everything.
        sum = scale > 0 ? 1 - sum / scale : 1;
      } else {
        for (let i = 0; i < n; i++) sum += (columnA[i]! - columnB[i]!) ** 2;
        if (!squared) sum = Math.sqrt(sum);
      }
      out[a * d + b] = sum;
      out[b * d + a] = sum;
    }
  }
  return out;
}

/**
 * Merges the d items down to min(k, d) clusters. Returns each item's cluster index, clusters
 * numbered in order of their smallest member. `distances` (row-major d×d) is overwritten.
 */
export function agglomerate(distances: Float64Array, d: number, k: number, linkage: Linkage): Int32Array {
  const size = new Float64Array(d).fill(1);
  const active = new Uint8Array(d).fill(1);
  /** Representative of each item's cluster: the cluster's smallest member. */
  const parent = Int32Array.from({ length: d }, (_, i) => i);
  const nearest = new Int32Array(d);
  const nearestDistance = new Float64Array(d);
  const findNearest = (i: number): void => {
    let best = -1;
    let bestDistance = Infinity;
    for (let j = 0; j < d; j++) {
      if (j === i || active[j] === 0) continue;
      const value = distances[i * d + j]!;
      if (best < 0 || value < bestDistance) {
        best = j;
        bestDistance = value;
      }
    }
    nearest[i] = best;
    nearestDistance[i] = bestDistance;
  };
  for (let i = 0; i < d; i++) findNearest(i);

  for (let clusters = d; clusters > Math.max(k, 1); clusters--) {
    let i = -1;
    for (let c = 0; c < d; c++) if (active[c] === 1 && (i < 0 || nearestDistance[c]! < nearestDistance[i]!)) i = c;
    const a = Math.min(i, nearest[i]!);
    const b = Math.max(i, nearest[i]!);
    const between = distances[a * d + b]!;
    for (let c = 0; c < d; c++) {
      if (active[c] === 0 || c === a || c === b) continue;
      const merged = lanceWilliams(linkage, distances[a * d + c]!, distances[b * d + c]!, between, size[a]!, size[b]!, size[c]!);
      distances[a * d + c] = merged;
      distances[c * d + a] = merged;
    }
    size[a] = size[a]! + size[b]!;
    active[b] = 0;
    parent[b] = a;
    findNearest(a);
    for (let c = 0; c < d; c++) {
      if (active[c] === 0 || c === a) continue;
      if (nearest[c] === a || nearest[c] === b) findNearest(c);
      else if (distances[c * d + a]! < nearestDistance[c]! || (distances[c * d + a] === nearestDistance[c] && a < nearest[c]!)) {
        nearest[c] = a;
        nearestDistance[c] = distances[c * d + a]!;
      }
    }
  }

  const labels = new Int32Array(d);
  const labelOfRepresentative = new Int32Array(d).fill(-1);
  let next = 0;
  for (let item = 0; item < d; item++) {
    let root = item;
    while (parent[root] !== root) root = parent[root]!;
    if (labelOfRepresentative[root] === -1) labelOfRepresentative[root] = next++;
    labels[item] = labelOfRepresentative[root]!;
  }
  return labels;
}

/** Distance from cluster c to the union of clusters a and b. */
function lanceWilliams(linkage: Linkage, ac: number, bc: number, ab: number, na: number, nb: number, nc: number): number {
  if (linkage === 'complete') return Math.max(ac, bc);
  if (linkage === 'average') return (na * ac + nb * bc) / (na + nb);
  return ((na + nc) * ac + (nb + nc) * bc - nc * ab) / (na + nb + nc);
}
