/**
 * Quantile binning of the training features: each feature's values are mapped to at most 255
 * bins (one byte per value), and split search then works on per-bin gradient histograms instead
 * of sorted values.
 *
 * Bin b of a feature holds the values x with edges[b-1] < x <= edges[b] (the last bin is
 * open above). A split "bin <= b" is therefore exactly "x <= edges[b]" on raw values, which is
 * what lets the saved trees carry raw thresholds and predict identically without the binner.
 */
import type { FeatureMatrix } from '../../matrix.ts';
import { Rng } from '../../../util/rng.ts';

/** Above this many rows, bin edges are computed on a random subset (quantiles barely move). */
const BINNING_SAMPLE_ROWS = 200_000;

export interface BinMapper {
  /** Per feature, strictly increasing upper edges of all bins but the last. */
  readonly edges: readonly Float64Array[];
  /** Per feature, number of bins (edges.length + 1); 1 means the feature is constant. */
  readonly nBins: Int32Array;
}

/** Per-feature bin codes for a set of rows: codes[feature][localRow]. */
export type BinnedColumns = readonly Uint8Array[];

/**
 * Learns bin edges from the rows `rows` of `x`.
 * @param seed used only when the rows are subsampled for very large inputs
 */
export function fitBinMapper(x: FeatureMatrix, rows: Int32Array, maxBins: number, seed: number): BinMapper {
  let sampleRows = rows;
  if (rows.length > BINNING_SAMPLE_ROWS) {
    const picked = new Rng(seed).permutation(rows.length).subarray(0, BINNING_SAMPLE_ROWS);
    sampleRows = new Int32Array(BINNING_SAMPLE_ROWS);
    for (let i = 0; i < picked.length; i++) sampleRows[i] = rows[picked[i]!]!;
  }
  const values = new Float64Array(sampleRows.length);
  const edges: Float64Array[] = [];
  const nBins = new Int32Array(x.columns.length);
  for (let f = 0; f < x.columns.length; f++) {
    const column = x.columns[f]!;
    for (let i = 0; i < sampleRows.length; i++) values[i] = column[sampleRows[i]!]!;
    values.sort();
    const featureEdges = quantileEdges(values, maxBins);
    edges.push(featureEdges);
    nBins[f] = featureEdges.length + 1;
  }
  return { edges, nBins };
}

/** Bin codes of the rows `rows` of `x`, in the order of `rows`. */
export function binRows(mapper: BinMapper, x: FeatureMatrix, rows: Int32Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let f = 0; f < x.columns.length; f++) {
    const column = x.columns[f]!;
    const edges = mapper.edges[f]!;
    const codes = new Uint8Array(rows.length);
    const nEdges = edges.length;
    if (nEdges > 0) {
      for (let i = 0; i < rows.length; i++) {
        const value = column[rows[i]!]!;
        // first bin whose upper edge is >= value
        let lo = 0;
        let hi = nEdges;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (value <= edges[mid]!) hi = mid;
          else lo = mid + 1;
        }
        codes[i] = lo;
      }
    }
    out.push(codes);
  }
  return out;
}

/**
 * Edges from sorted values. With few distinct values every value gets its own bin; otherwise
 * edges sit at quantiles, recomputed over the mass still unassigned after each edge so that a
 * heavily repeated value does not swallow several bins' worth of quantiles.
 */
export function quantileEdges(sorted: Float64Array, maxBins: number): Float64Array {
  const n = sorted.length;
  if (n === 0) return new Float64Array(0);
  // distinct values and, for each, the number of values <= it
  const distinct: number[] = [];
  const cumulative: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = sorted[i]!;
    if (distinct.length === 0 || v !== distinct[distinct.length - 1]) {
      distinct.push(v);
      cumulative.push(i + 1);
    } else {
      cumulative[cumulative.length - 1] = i + 1;
    }
  }
  const nDistinct = distinct.length;
  const edges: number[] = [];
  let last = -1; // index of the distinct value closing the previous bin
  let consumed = 0;
  for (let binsLeft = maxBins; binsLeft > 1 && last < nDistinct - 2; binsLeft--) {
    if (nDistinct - 1 - last <= binsLeft) {
      // enough bins left for each remaining distinct value
      for (let u = last + 1; u < nDistinct - 1; u++) edges.push(midpoint(distinct[u]!, distinct[u + 1]!));
      break;
    }
    const target = consumed + (n - consumed) / binsLeft;
    let u = lowerBound(cumulative, target);
    if (u <= last) u = last + 1;
    if (u >= nDistinct - 1) break;
    edges.push(midpoint(distinct[u]!, distinct[u + 1]!));
    last = u;
    consumed = cumulative[u]!;
  }
  return Float64Array.from(edges);
}

/** A value m with a <= m < b, so that a falls in the lower bin and b in the upper one. */
function midpoint(a: number, b: number): number {
  const m = a / 2 + b / 2; // halves first: a + b may overflow
  return m >= a && m < b ? m : a;
}

/** First index whose value is >= target (values ascending). */
function lowerBound(values: readonly number[], target: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
