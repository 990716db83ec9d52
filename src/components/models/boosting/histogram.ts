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
  /**
   * Per feature, the bin holding most training rows when it holds at least SKIPPED_BIN_SHARE of
   * them, else -1. Histograms skip that bin's rows and recover its sums from the node totals,
   * which makes mostly-zero features (one-hot columns, sparse counts) cheap.
   */
  readonly skippedBin: Int32Array;
  /** Length of one histogram array. */
  readonly size: number;
}

/**
 * Below this share the test "is this row in the skipped bin" mispredicts too often to pay off.
 */
const SKIPPED_BIN_SHARE = 0.7;

export function histogramLayout(mapper: BinMapper, codes: BinnedColumns): HistogramLayout {
  const nFeatures = mapper.nBins.length;
  const offsets = new Int32Array(nFeatures);
  const skippedBin = new Int32Array(nFeatures).fill(-1);
  let total = 0;
  let counts = new Int32Array(0);
  for (let f = 0; f < nFeatures; f++) {
    const nBins = mapper.nBins[f]!;
    offsets[f] = total;
    total += nBins;
    if (nBins < 2) continue;
    if (counts.length < nBins) counts = new Int32Array(nBins);
    counts.fill(0, 0, nBins);
    const column = codes[f]!;
    for (let i = 0; i < column.length; i++) counts[column[i]!]!++;
    let mode = 0;
    for (let b = 1; b < nBins; b++) if (counts[b]! > counts[mode]!) mode = b;
    if (counts[mode]! >= SKIPPED_BIN_SHARE * column.length) skippedBin[f] = mode;
  }
  return { offsets, nBins: mapper.nBins, skippedBin, size: total * HISTOGRAM_STRIDE };
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
 * order so that the per-feature loops read them sequentially; dense features are then processed
 * two at a time to share those reads.
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
  let sumGradient = 0;
  let sumHessian = 0;
  for (let i = 0, j = 0; i < count; i++, j += 2) {
    const row = rows[start + i]!;
    const g = gradient[row]!;
    const h = hessian[row]!;
    ordered[j] = g;
    ordered[j + 1] = h;
    sumGradient += g;
    sumHessian += h;
  }
  const { offsets, nBins, skippedBin } = layout;
  let pendingDense = -1;
  for (let k = 0; k < features.length; k++) {
    const f = features[k]!;
    const base = offsets[f]! * HISTOGRAM_STRIDE;
    histogram.fill(0, base, base + nBins[f]! * HISTOGRAM_STRIDE);
    if (skippedBin[f]! >= 0) {
      addSkippingBin(histogram, base, nBins[f]!, skippedBin[f]!, codes[f]!, rows, start, count, ordered, sumGradient, sumHessian);
    } else if (pendingDense < 0) {
      pendingDense = f;
    } else {
      addTwoFeatures(histogram, offsets[pendingDense]! * HISTOGRAM_STRIDE, codes[pendingDense]!, base, codes[f]!, rows, start, count, ordered);
      pendingDense = -1;
    }
  }
  if (pendingDense >= 0) addOneFeature(histogram, offsets[pendingDense]! * HISTOGRAM_STRIDE, codes[pendingDense]!, rows, start, count, ordered);
}

function addOneFeature(histogram: Float64Array, base: number, column: Uint8Array, rows: Int32Array, start: number, count: number, ordered: Float64Array): void {
  for (let i = 0, j = 0; i < count; i++, j += 2) {
    const a = base + column[rows[start + i]!]! * HISTOGRAM_STRIDE;
    histogram[a] += ordered[j]!;
    histogram[a + 1] += ordered[j + 1]!;
    histogram[a + 2] += 1;
  }
}

function addTwoFeatures(
  histogram: Float64Array,
  firstBase: number,
  firstCodes: Uint8Array,
  secondBase: number,
  secondCodes: Uint8Array,
  rows: Int32Array,
  start: number,
  count: number,
  ordered: Float64Array,
): void {
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

/** Accumulates every bin but `skipped`, then sets `skipped` to the node totals minus the rest. */
function addSkippingBin(
  histogram: Float64Array,
  base: number,
  nBins: number,
  skipped: number,
  column: Uint8Array,
  rows: Int32Array,
  start: number,
  count: number,
  ordered: Float64Array,
  sumGradient: number,
  sumHessian: number,
): void {
  for (let i = 0, j = 0; i < count; i++, j += 2) {
    const code = column[rows[start + i]!]!;
    if (code === skipped) continue;
    const a = base + code * HISTOGRAM_STRIDE;
    histogram[a] += ordered[j]!;
    histogram[a + 1] += ordered[j + 1]!;
    histogram[a + 2] += 1;
  }
  let restGradient = 0;
  let restHessian = 0;
  let restCount = 0;
  for (let a = base; a < base + nBins * HISTOGRAM_STRIDE; a += HISTOGRAM_STRIDE) {
    restGradient += histogram[a]!;
    restHessian += histogram[a + 1]!;
    restCount += histogram[a + 2]!;
  }
  const at = base + skipped * HISTOGRAM_STRIDE;
  histogram[at] = sumGradient - restGradient;
  histogram[at + 1] = sumHessian - restHessian;
  histogram[at + 2] = count - restCount;
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
