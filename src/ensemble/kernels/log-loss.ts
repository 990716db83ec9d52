/**
 * Kernel for log loss, which reads only the true class's probability and the row total used to
 * renormalise it. Both are linear in the members, so they are taken from each candidate once and
 * the greedy loop then works on one number per row instead of a whole probability row.
 *
 * What remains is one logarithm per row, which dominates; so the renormalised probabilities of
 * a block of rows are multiplied together and the block pays one logarithm. Every factor lies
 * between 1e-15 and 1 / (nClasses · 1e-15), so a block of 16 stays far inside double range.
 *
 * The metric clips every probability to [1e-15, 1 − 1e-15] before summing a row; here only the
 * true class is clipped and the row total is the plain average (floored at the smallest clipped
 * total). The two differ only when some other class sits within 1e-15 of 0 or 1, and then by at
 * most nClasses × 1e-15 relative; products and sums of logarithms differ by rounding alone.
 */
import type { Truth } from '../../metrics/prediction.ts';
import type { CostKernel } from './kernel.ts';

type ClassTruth = Extract<Truth, { kind: 'classification' }>;

/** Same clipping bound as the metric. */
const EPSILON = 1e-15;
/** Rows whose probabilities share one logarithm. */
const BLOCK = 16;

export class LogLossKernel implements CostKernel {
  /** Per pool member: probability of the true class per row. */
  private readonly trueProba: Float64Array[];
  /** Per pool member: row totals. */
  private readonly rowTotal: Float64Array[];
  private readonly sumTrue: Float64Array;
  private readonly sumTotal: Float64Array;
  /** Smallest row total the metric can see: every class clipped up to EPSILON. */
  private readonly minTotal: number;
  private count = 0;

  constructor(pool: readonly Float64Array[], truth: ClassTruth) {
    const { codes, nClasses } = truth;
    const nRows = codes.length;
    this.trueProba = pool.map((data) => {
      const out = new Float64Array(nRows);
      for (let row = 0; row < nRows; row++) out[row] = data[row * nClasses + codes[row]!]!;
      return out;
    });
    this.rowTotal = pool.map((data) => {
      const out = new Float64Array(nRows);
      for (let row = 0; row < nRows; row++) {
        let total = 0;
        for (let k = 0; k < nClasses; k++) total += data[row * nClasses + k]!;
        out[row] = total;
      }
      return out;
    });
    this.sumTrue = new Float64Array(nRows);
    this.sumTotal = new Float64Array(nRows);
    this.minTotal = nClasses * EPSILON;
  }

  trialCost(j: number): number {
    const { sumTrue, sumTotal, minTotal } = this;
    const candidateTrue = this.trueProba[j]!;
    const candidateTotal = this.rowTotal[j]!;
    const nRows = sumTrue.length;
    const scale = 1 / (this.count + 1);
    let logSum = 0;
    for (let start = 0; start < nRows; start += BLOCK) {
      const end = Math.min(start + BLOCK, nRows);
      let product = 1;
      for (let row = start; row < end; row++) {
        const p = Math.min(Math.max((sumTrue[row]! + candidateTrue[row]!) * scale, EPSILON), 1 - EPSILON);
        product *= p / Math.max((sumTotal[row]! + candidateTotal[row]!) * scale, minTotal);
      }
      logSum += Math.log(product);
    }
    return nRows > 0 ? -logSum / nRows : 0;
  }

  add(j: number): void {
    const candidateTrue = this.trueProba[j]!;
    const candidateTotal = this.rowTotal[j]!;
    for (let row = 0; row < this.sumTrue.length; row++) {
      this.sumTrue[row]! += candidateTrue[row]!;
      this.sumTotal[row]! += candidateTotal[row]!;
    }
    this.count++;
  }
}
