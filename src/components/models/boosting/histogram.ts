/**
 * Gradient histograms: for one tree node, per feature and per bin, the sums of gradients and
 * hessians and the row count. Split search reads only these, so its cost depends on the number
 * of bins, not of rows.
 *
 * Layout: one Float64Array for all features; feature f occupies bins offsets[f] ..
 * offsets[f] + nBins[f] - 1, and bin b stores [gradient, hessian, count] at 3 * b.
 */
import type { BinnedColumns, BinMapper } from './binning.ts';

export const HISTOGRAM_STRIDE = 3;

export interface HistogramLayout {
  /** First bin of each feature in the shared array. */
  readonly offsets: Int32Array;
  readonly nBins: Int32Array;
  /** Length of one histogram array. */
  readonly size: number;
}

export function histogramLayout(mapper: BinMapper): HistogramLayout {
  const nFeatures = mapper.nBins.length;
  const offsets = new Int32Array(nFeatures);
  let total = 0;
  for (let f = 0; f < nFeatures; f++) {
    offsets[f] = total;
    total += mapper.nBins[f]!;
  }
  return { offsets, nBins: mapper.nBins, size: total * HISTOGRAM_STRIDE };
}

/**
 * Recycles histogram arrays: a tree holds at most one per open leaf, and the same arrays
 * serve every tree of a fit.
 */
export class HistogramPool {
  private readonly free: Float64Array[] = [];

  constructor(private readonly size: number) {}

  acquire(): Float64Array {
    return this.free.pop() ?? new Float64Array(this.size);
  }

  release(histogram: Float64Array): void {
    this.free.push(histogram);
  }
}

/**
 * Fills `histogram` (for the listed features only) from the rows rows[start .. end).
 * `ordered` is scratch space: the node's gradient and hessian pairs are gathered once into row
 * order so that the per-feature loops read them sequentially; features are then processed two
 * at a time to share those reads.
 */
export function buildHistogram(
  histogram: Float64Array,
  layout: HistogramLayout,
  codes: BinnedColumns,
  features: Int32Array,
  rows: Int32Array,
  start: number,
  end: number,
  gradient: Float64Array,
  hessian: Float64Array,
  ordered: Float64Array,
): void {
  const count = end - start;
  for (let i = 0, j = 0; i < count; i++, j += 2) {
    const row = rows[start + i]!;
    ordered[j] = gradient[row]!;
    ordered[j + 1] = hessian[row]!;
  }
  const { offsets, nBins } = layout;
  for (let k = 0; k < features.length; k++) {
    const f = features[k]!;
    histogram.fill(0, offsets[f]! * HISTOGRAM_STRIDE, (offsets[f]! + nBins[f]!) * HISTOGRAM_STRIDE);
  }
  let k = 0;
  for (; k + 1 < features.length; k += 2) {
    const first = features[k]!;
    const second = features[k + 1]!;
    const firstCodes = codes[first]!;
    const secondCodes = codes[second]!;
    const firstBase = offsets[first]! * HISTOGRAM_STRIDE;
    const secondBase = offsets[second]! * HISTOGRAM_STRIDE;
    for (let i = 0, j = 0; i < count; i++, j += 2) {
      const row = rows[start + i]!;
      const g = ordered[j]!;
      const h = ordered[j + 1]!;
      const a = firstBase + firstCodes[row]! * HISTOGRAM_STRIDE;
      histogram[a] += g;
      histogram[a + 1] += h;
      histogram[a + 2] += 1;
      const b = secondBase + secondCodes[row]! * HISTOGRAM_STRIDE;
      histogram[b] += g;
      histogram[b + 1] += h;
      histogram[b + 2] += 1;
    }
  }
  if (k < features.length) {
    const f = features[k]!;
    const column = codes[f]!;
    const base = offsets[f]! * HISTOGRAM_STRIDE;
    for (let i = 0, j = 0; i < count; i++, j += 2) {
      const a = base + column[rows[start + i]!]! * HISTOGRAM_STRIDE;
      histogram[a] += ordered[j]!;
      histogram[a + 1] += ordered[j + 1]!;
      histogram[a + 2] += 1;
    }
  }
}

/**
 * Turns the parent's histogram into the sibling's, in place: parent minus the child that was
 * built directly. This is why only the smaller child of every split is ever scanned.
 */
export function subtractHistogram(parent: Float64Array, child: Float64Array, layout: HistogramLayout, features: Int32Array): void {
  for (let j = 0; j < features.length; j++) {
    const f = features[j]!;
    const base = layout.offsets[f]! * HISTOGRAM_STRIDE;
    const stop = base + layout.nBins[f]! * HISTOGRAM_STRIDE;
    for (let at = base; at < stop; at++) parent[at] -= child[at]!;
  }
}
