/**
 * Landmarkers: the cross-validated score of three very cheap learners, which tells how easy a
 * dataset is for distance-based, axis-aligned and independence-assuming models. Each is scored by
 * accuracy (classification) or by pooled out-of-fold R² (regression; naive Bayes has no regression
 * form and is NaN there). Folds are given explicitly so the values are reproducible and testable.
 */
import type { LandmarkMatrix } from './landmark-matrix.ts';

/** Class codes (classification) or values (regression) of the matrix rows. */
export type LandmarkTarget = { readonly kind: 'classification'; readonly codes: Int32Array; readonly nClasses: number } | { readonly kind: 'regression'; readonly values: Float64Array };

export type Learner = (x: LandmarkMatrix, target: LandmarkTarget, train: Int32Array, test: Int32Array) => Float64Array;

/** Out-of-fold predictions of `learner` for every row, then its accuracy or R². */
export function crossValidatedScore(x: LandmarkMatrix, target: LandmarkTarget, folds: Int32Array, nFolds: number, learner: Learner): number {
  const predictions = new Float64Array(x.nRows);
  for (let f = 0; f < nFolds; f++) {
    const train: number[] = [];
    const test: number[] = [];
    for (let i = 0; i < x.nRows; i++) (folds[i] === f ? test : train).push(i);
    if (test.length === 0 || train.length === 0) continue;
    const testRows = Int32Array.from(test);
    const predicted = learner(x, target, Int32Array.from(train), testRows);
    for (let t = 0; t < testRows.length; t++) predictions[testRows[t]!] = predicted[t]!;
  }
  if (target.kind === 'classification') {
    let correct = 0;
    for (let i = 0; i < x.nRows; i++) if (predictions[i] === target.codes[i]) correct++;
    return x.nRows === 0 ? 0 : correct / x.nRows;
  }
  return rSquared(target.values, predictions);
}

/** 1 − SSE / SST around the mean of the targets; 0 when the target is constant. */
function rSquared(truth: Float64Array, predicted: Float64Array): number {
  let mean = 0;
  for (const v of truth) mean += v;
  mean /= Math.max(1, truth.length);
  let sse = 0;
  let sst = 0;
  for (let i = 0; i < truth.length; i++) {
    sse += (truth[i]! - predicted[i]!) ** 2;
    sst += (truth[i]! - mean) ** 2;
  }
  return sst > 0 ? 1 - sse / sst : 0;
}

/** Nearest training row by Euclidean distance (the earliest on ties) gives its label. */
export const oneNearestNeighbour: Learner = (x, target, train, test) => {
  const out = new Float64Array(test.length);
  const p = x.nCols;
  for (let t = 0; t < test.length; t++) {
    const a = test[t]! * p;
    let best = Infinity;
    let bestRow = train[0]!;
    for (const r of train) {
      const b = r * p;
      let d = 0;
      for (let j = 0; j < p && d < best; j++) {
        const diff = x.values[a + j]! - x.values[b + j]!;
        d += diff * diff;
      }
      if (d < best) {
        best = d;
        bestRow = r;
      }
    }
    out[t] = target.kind === 'classification' ? target.codes[bestRow]! : target.values[bestRow]!;
  }
  return out;
};

/**
 * One split on one column: the threshold (midway between consecutive distinct training values)
 * with the fewest training errors (classification, each side predicting its majority class) or
 * the least squared error (regression, each side predicting its mean). Earlier columns and lower
 * thresholds win ties; with no useful split every row gets the overall majority or mean.
 */
export const decisionStump: Learner = (x, target, train, test) => {
  const p = x.nCols;
  const overall = leafValue(target, train, 0, train.length);
  let best = { loss: overall.loss, column: -1, threshold: 0, left: overall.value, right: overall.value };
  const order = new Int32Array(train.length);
  const inTrain = new Uint8Array(x.nRows);
  for (const r of train) inTrain[r] = 1;
  const sorted = columnOrders(x);
  const sides = new SplitSides(target, train);
  // Running sums reach the same partition's loss by different roundings on different columns, so
  // ties are judged relative to the loss's scale; class errors are exact integers either way.
  const tolerance = 1e-9 * Math.max(1, overall.loss);
  for (let j = 0; j < p; j++) {
    const column = (r: number): number => x.values[r * p + j]!;
    // The training rows in column order: the matrix's order of all rows, filtered (the same order
    // a sort of the training rows by value, then row, would give, without a sort per fold).
    let filled = 0;
    for (const r of sorted[j]!) if (inTrain[r] === 1) order[filled++] = r;
    // The split statistics move one row at a time from right to left, so each column costs a
    // sort rather than a pass over every row per threshold (wide data has many columns).
    sides.reset(order);
    for (let s = 1; s < order.length; s++) {
      sides.moveLeft(order[s - 1]!);
      const low = column(order[s - 1]!);
      const high = column(order[s]!);
      if (!(high > low)) continue;
      const loss = sides.loss();
      if (loss < best.loss - tolerance) {
        const left = leafValue(target, order, 0, s);
        const right = leafValue(target, order, s, order.length);
        best = { loss, column: j, threshold: (low + high) / 2, left: left.value, right: right.value };
      }
    }
  }
  const out = new Float64Array(test.length);
  for (let t = 0; t < test.length; t++) {
    out[t] = best.column < 0 || x.values[test[t]! * p + best.column]! <= best.threshold ? best.left : best.right;
  }
  return out;
};

/**
 * Every row of `x` sorted by each column (value, then row), computed once per matrix: the folds of
 * a cross-validation share it, and a comparator sort per column and fold dominated the cost of
 * the landmarkers on wide data.
 */
const orderCache = new WeakMap<LandmarkMatrix, Int32Array[]>();

function columnOrders(x: LandmarkMatrix): Int32Array[] {
  const cached = orderCache.get(x);
  if (cached !== undefined) return cached;
  const { nRows, nCols, values } = x;
  const column = new Float64Array(nRows);
  const orders: Int32Array[] = [];
  for (let j = 0; j < nCols; j++) {
    for (let r = 0; r < nRows; r++) column[r] = values[r * nCols + j]!;
    const order = Int32Array.from({ length: nRows }, (_, r) => r);
    order.sort((a, b) => column[a]! - column[b]! || a - b);
    orders.push(order);
  }
  orderCache.set(x, orders);
  return orders;
}

/**
 * Running statistics of the two sides of a split: class counts (the loss is exact, in errors) or
 * sums of the target centred on its training mean (centring keeps the one-pass squared error
 * accurate when the target is large next to its spread).
 */
class SplitSides {
  private readonly leftCounts: Int32Array;
  private readonly rightCounts: Int32Array;
  private readonly centre: number;
  private leftRows = 0;
  private rightRows = 0;
  private leftSum = 0;
  private leftSquares = 0;
  private rightSum = 0;
  private rightSquares = 0;

  constructor(
    private readonly target: LandmarkTarget,
    rows: Int32Array,
  ) {
    const classes = target.kind === 'classification' ? target.nClasses : 0;
    this.leftCounts = new Int32Array(classes);
    this.rightCounts = new Int32Array(classes);
    let sum = 0;
    if (target.kind === 'regression') for (const r of rows) sum += target.values[r]!;
    this.centre = rows.length > 0 ? sum / rows.length : 0;
  }

  /** Every row of `rows` on the right side. */
  reset(rows: Int32Array): void {
    this.leftCounts.fill(0);
    this.rightCounts.fill(0);
    this.leftRows = 0;
    this.rightRows = rows.length;
    this.leftSum = this.leftSquares = this.rightSum = this.rightSquares = 0;
    const { target } = this;
    for (const r of rows) {
      if (target.kind === 'classification') this.rightCounts[target.codes[r]!]!++;
      else {
        const v = target.values[r]! - this.centre;
        this.rightSum += v;
        this.rightSquares += v * v;
      }
    }
  }

  moveLeft(row: number): void {
    const { target } = this;
    this.leftRows++;
    this.rightRows--;
    if (target.kind === 'classification') {
      const code = target.codes[row]!;
      this.leftCounts[code]!++;
      this.rightCounts[code]!--;
      return;
    }
    const v = target.values[row]! - this.centre;
    this.leftSum += v;
    this.leftSquares += v * v;
    this.rightSum -= v;
    this.rightSquares -= v * v;
  }

  /** Training errors of both majorities, or the squared error around both means. */
  loss(): number {
    if (this.target.kind === 'classification') {
      return this.leftRows - maxOf(this.leftCounts) + (this.rightRows - maxOf(this.rightCounts));
    }
    const squaredError = (sum: number, squares: number, n: number): number => (n > 0 ? Math.max(0, squares - (sum * sum) / n) : 0);
    return squaredError(this.leftSum, this.leftSquares, this.leftRows) + squaredError(this.rightSum, this.rightSquares, this.rightRows);
  }
}

function maxOf(counts: Int32Array): number {
  let max = 0;
  for (const count of counts) if (count > max) max = count;
  return max;
}

/** Majority class (lowest code on ties) and its error count, or mean and squared error, of rows[from, to). */
function leafValue(target: LandmarkTarget, rows: Int32Array, from: number, to: number): { value: number; loss: number } {
  if (target.kind === 'classification') {
    const counts = new Int32Array(target.nClasses);
    for (let i = from; i < to; i++) counts[target.codes[rows[i]!]!]!++;
    let majority = 0;
    for (let c = 1; c < counts.length; c++) if (counts[c]! > counts[majority]!) majority = c;
    return { value: majority, loss: to - from - counts[majority]! };
  }
  let sum = 0;
  for (let i = from; i < to; i++) sum += target.values[rows[i]!]!;
  const mean = to > from ? sum / (to - from) : 0;
  let loss = 0;
  for (let i = from; i < to; i++) loss += (target.values[rows[i]!]! - mean) ** 2;
  return { value: mean, loss };
}

/**
 * Gaussian naive Bayes: per class a prior (its training frequency) and per column a normal
 * density with the class's mean and population variance, every variance widened by 1e-9 times the
 * largest column variance so that constant columns do not divide by zero. The most probable
 * class wins (lowest code on ties). Regression: NaN predictions, hence a NaN score.
 */
export const gaussianNaiveBayes: Learner = (x, target, train, test) => {
  if (target.kind === 'regression') return new Float64Array(test.length).fill(NaN);
  const p = x.nCols;
  const k = target.nClasses;
  const counts = new Float64Array(k);
  const means = new Float64Array(k * p);
  const variances = new Float64Array(k * p);
  for (const r of train) {
    const c = target.codes[r]!;
    counts[c]!++;
    for (let j = 0; j < p; j++) means[c * p + j]! += x.values[r * p + j]!;
  }
  for (let c = 0; c < k; c++) for (let j = 0; j < p; j++) if (counts[c]! > 0) means[c * p + j]! /= counts[c]!;
  for (const r of train) {
    const c = target.codes[r]!;
    for (let j = 0; j < p; j++) variances[c * p + j]! += (x.values[r * p + j]! - means[c * p + j]!) ** 2;
  }
  for (let c = 0; c < k; c++) for (let j = 0; j < p; j++) if (counts[c]! > 0) variances[c * p + j]! /= counts[c]!;
  let widest = 0;
  for (let j = 0; j < p; j++) {
    let mean = 0;
    for (const r of train) mean += x.values[r * p + j]!;
    mean /= train.length;
    let v = 0;
    for (const r of train) v += (x.values[r * p + j]! - mean) ** 2;
    widest = Math.max(widest, v / train.length);
  }
  const epsilon = 1e-9 * widest;
  const out = new Float64Array(test.length);
  for (let t = 0; t < test.length; t++) {
    const row = test[t]! * p;
    let bestClass = 0;
    let bestLog = -Infinity;
    for (let c = 0; c < k; c++) {
      if (counts[c] === 0) continue;
      let log = Math.log(counts[c]! / train.length);
      for (let j = 0; j < p; j++) {
        const variance = variances[c * p + j]! + epsilon;
        if (variance > 0) log -= 0.5 * Math.log(2 * Math.PI * variance) + (x.values[row + j]! - means[c * p + j]!) ** 2 / (2 * variance);
      }
      if (log > bestLog) {
        bestLog = log;
        bestClass = c;
      }
    }
    out[t] = bestClass;
  }
  return out;
};
