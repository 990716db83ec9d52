/**
 * Kernel for accuracy and balanced accuracy. Both only ask, per row, whether the true class t is
 * the most probable one (ties going to the lowest class, as in `argmaxRows`), and reading whole
 * probability rows per candidate is what would bound the speed. So each row is first decided
 * from a few numbers, and read in full only when those leave it open:
 *
 *   d      = sum[t] − max over c ≠ t of sum[c]          (running sum, refreshed per addition)
 *   up_j   = p_j[t] − max over c ≠ t of p_j[c]          (per candidate, computed once)
 *   down_j = p_j[t] − min over c ≠ t of p_j[c]
 *
 * Adding candidate j surely gets the row right when d + up_j > 0 (t stays ahead of every class
 * even if the one that gains most is the runner-up), and surely wrong when d + down_j < 0 (the
 * runner-up overtakes t even if it gains least). Those checks read three numbers per row instead
 * of a whole row; a margin keeps rounding from deciding them. The rows they leave open are
 * decided on (sum + candidate) × scale, formed exactly as the generic kernel averages, so every
 * verdict is the one the metric would reach on the averaged prediction.
 */
import type { Truth } from '../../metrics/prediction.ts';
import type { CostKernel } from './kernel.ts';

type ClassTruth = Extract<Truth, { kind: 'classification' }>;

/** Slack per summed prediction (sums grow with the selection), far above their rounding. */
const MARGIN = 1e-9;

export class ArgmaxKernel implements CostKernel {
  private readonly sum: Float64Array;
  /** Per row: true class lead over the best other class in the running sum. */
  private readonly lead: Float64Array;
  /** Per pool member and row: `up` and `down` as above. */
  private readonly up: Float64Array[];
  private readonly down: Float64Array[];
  /** Rows of each class in the truth. */
  private readonly support: Float64Array;
  /** Rows got right per class by the trial ensemble (reused). */
  private readonly correct: Float64Array;
  private count = 0;

  constructor(
    private readonly pool: readonly Float64Array[],
    private readonly truth: ClassTruth,
    private readonly balanced: boolean,
  ) {
    const { codes, nClasses } = truth;
    const nRows = codes.length;
    this.sum = new Float64Array(nRows * nClasses);
    this.lead = new Float64Array(nRows);
    this.up = [];
    this.down = [];
    for (const data of pool) {
      const { up, down } = rowMargins(data, codes, nClasses);
      this.up.push(up);
      this.down.push(down);
    }
    this.support = new Float64Array(nClasses);
    this.correct = new Float64Array(nClasses);
    for (const code of codes) this.support[code]! += 1;
  }

  trialCost(j: number): number {
    const { sum, lead, correct } = this;
    const { codes, nClasses } = this.truth;
    const source = this.pool[j]!;
    const up = this.up[j]!;
    const down = this.down[j]!;
    const margin = MARGIN * (this.count + 1);
    const scale = 1 / (this.count + 1);
    correct.fill(0);
    let hits = 0;
    for (let row = 0; row < codes.length; row++) {
      const d = lead[row]!;
      const surely = d + up[row]!;
      if (d + down[row]! < -margin) continue;
      const t = codes[row]!;
      // NaN anywhere in the row makes `surely` NaN; only the argmax itself then says what the metric sees
      const at = row * nClasses;
      const wins =
        surely > margin ||
        (Number.isNaN(surely) ? argmaxOfAverage(sum, source, at, nClasses, scale) === t : trueClassWins(sum, source, at, nClasses, scale, t));
      if (wins) {
        hits += 1;
        correct[t]! += 1;
      }
    }
    return 1 - this.score(hits, correct);
  }

  add(j: number): void {
    const { sum, lead } = this;
    const { codes, nClasses } = this.truth;
    const source = this.pool[j]!;
    for (let i = 0; i < sum.length; i++) sum[i]! += source[i]!;
    for (let row = 0; row < codes.length; row++) lead[row] = trueLead(sum, row * nClasses, nClasses, codes[row]!);
    this.count++;
  }

  /** Accuracy, or mean recall over the classes present summed in class order as the metric does. */
  private score(hits: number, correct: Float64Array): number {
    const nRows = this.truth.codes.length;
    if (!this.balanced) return nRows > 0 ? hits / nRows : 0;
    let recall = 0;
    let present = 0;
    for (let k = 0; k < correct.length; k++) {
      if (this.support[k]! > 0) {
        recall += correct[k]! / this.support[k]!;
        present++;
      }
    }
    return present > 0 ? recall / present : 0;
  }
}

/** `up` and `down` of every row of one prediction; with a single class both are +∞ (no rival). */
function rowMargins(data: Float64Array, codes: Int32Array, nClasses: number): { up: Float64Array; down: Float64Array } {
  const nRows = codes.length;
  const up = new Float64Array(nRows);
  const down = new Float64Array(nRows);
  for (let row = 0, at = 0; row < nRows; row++, at += nClasses) {
    const t = codes[row]!;
    let high = -Infinity;
    let low = Infinity;
    let sawNaN = false;
    for (let k = 0; k < nClasses; k++) {
      if (k === t) continue;
      const value = data[at + k]!;
      if (Number.isNaN(value)) sawNaN = true;
      if (value > high) high = value;
      if (value < low) low = value;
    }
    const own = data[at + t]!;
    up[row] = sawNaN ? NaN : own - high;
    down[row] = sawNaN ? NaN : nClasses === 1 ? Infinity : own - low;
  }
  return { up, down };
}

/** sum[t] minus the largest other entry of one row (+∞ with a single class; NaN if any is NaN). */
function trueLead(sum: Float64Array, at: number, nClasses: number, t: number): number {
  let high = -Infinity;
  for (let k = 0; k < nClasses; k++) {
    if (k === t) continue;
    const value = sum[at + k]!;
    if (Number.isNaN(value)) return NaN;
    if (value > high) high = value;
  }
  return sum[at + t]! - high;
}

/**
 * Whether class t is what `argmaxRows` would pick from (sum + source) × scale in a row without
 * NaN: strictly above every earlier class, at least equal to every later one. Counting the
 * failures instead of branching on each comparison keeps mispredicted branches out of the loop.
 */
function trueClassWins(sum: Float64Array, source: Float64Array, at: number, nClasses: number, scale: number, t: number): boolean {
  const own = (sum[at + t]! + source[at + t]!) * scale;
  let beaten = 0;
  for (let k = 0; k < t; k++) beaten += (sum[at + k]! + source[at + k]!) * scale >= own ? 1 : 0;
  for (let k = t + 1; k < nClasses; k++) beaten += (sum[at + k]! + source[at + k]!) * scale > own ? 1 : 0;
  return beaten === 0;
}

/** Class of the largest (sum + source) × scale in one row; ties go to the lowest class. */
function argmaxOfAverage(sum: Float64Array, source: Float64Array, at: number, nClasses: number, scale: number): number {
  let best = 0;
  let bestValue = (sum[at]! + source[at]!) * scale;
  for (let k = 1; k < nClasses; k++) {
    const value = (sum[at + k]! + source[at + k]!) * scale;
    if (value > bestValue) {
      bestValue = value;
      best = k;
    }
  }
  return best;
}
