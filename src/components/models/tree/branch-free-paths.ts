/**
 * Fast application of a tree whose children are adjacent (right = left + 1, as every tree grown
 * here is), four rows at a time without data-dependent branches.
 *
 * Why: walking one row down a tree is a chain of dependent loads broken by a branch per level
 * that the processor mispredicts about half the time, and the mispredictions dominate. Here the
 * direction is computed arithmetically: the sign bit of (threshold − x), read through a
 * Float64Array/Int32Array view of the same bytes, is 1 exactly when x > threshold (for finite
 * thresholds and non-NaN x; the subtraction of two different doubles is never zero). With no
 * branch to mispredict, four independent rows advance side by side and their loads overlap.
 * Leaves loop onto themselves (child = self, step = 0) so a row that arrived waits for the rest.
 */

const signScratch = new Float64Array(1);
const signWords = new Int32Array(signScratch.buffer);
/** Index of the 32-bit word holding a double's sign bit (1 on little-endian machines). */
const HIGH_WORD = (() => {
  signScratch[0] = -1;
  return signWords[1]! < 0 ? 1 : 0;
})();

export class BranchFreePaths {
  /** Feature per node, 0 at leaves so every load stays in bounds. */
  private readonly pathFeature: Int32Array;
  /** Left child per node; the node itself at leaves. */
  private readonly child: Int32Array;
  /** 1 at internal nodes, 0 at leaves (masks the direction bit). */
  private readonly step: Int32Array;

  constructor(
    private readonly feature: Int32Array,
    private readonly threshold: Float64Array,
    private readonly left: Int32Array,
  ) {
    const n = feature.length;
    this.pathFeature = new Int32Array(n);
    this.child = new Int32Array(n);
    this.step = new Int32Array(n);
    for (let node = 0; node < n; node++) {
      const internal = feature[node]! >= 0;
      this.pathFeature[node] = internal ? feature[node]! : 0;
      this.child[node] = internal ? left[node]! : node;
      this.step[node] = internal ? 1 : 0;
    }
  }

  /** Same contract as FlatTree.applyRowMajor. */
  apply(rows: Float64Array, nFeatures: number, count: number, out: Int32Array, outOffset: number): void {
    const { feature, threshold, left, pathFeature, child, step } = this;
    const bits = signScratch;
    const words = signWords;
    const d = nFeatures;
    let i = 0;
    for (; i + 4 <= count; i += 4) {
      const b0 = i * d;
      const b1 = b0 + d;
      const b2 = b1 + d;
      const b3 = b2 + d;
      let n0 = 0;
      let n1 = 0;
      let n2 = 0;
      let n3 = 0;
      // Leaves have feature -1, so the AND turns negative once all four rows sit in leaves.
      while ((feature[n0]! & feature[n1]! & feature[n2]! & feature[n3]!) >= 0) {
        bits[0] = threshold[n0]! - rows[b0 + pathFeature[n0]!]!;
        n0 = child[n0]! + ((words[HIGH_WORD]! >>> 31) & step[n0]!);
        bits[0] = threshold[n1]! - rows[b1 + pathFeature[n1]!]!;
        n1 = child[n1]! + ((words[HIGH_WORD]! >>> 31) & step[n1]!);
        bits[0] = threshold[n2]! - rows[b2 + pathFeature[n2]!]!;
        n2 = child[n2]! + ((words[HIGH_WORD]! >>> 31) & step[n2]!);
        bits[0] = threshold[n3]! - rows[b3 + pathFeature[n3]!]!;
        n3 = child[n3]! + ((words[HIGH_WORD]! >>> 31) & step[n3]!);
      }
      out[outOffset + i] = left[n0]!;
      out[outOffset + i + 1] = left[n1]!;
      out[outOffset + i + 2] = left[n2]!;
      out[outOffset + i + 3] = left[n3]!;
    }
    for (; i < count; i++) {
      const base = i * d;
      let node = 0;
      while (feature[node]! >= 0) {
        bits[0] = threshold[node]! - rows[base + pathFeature[node]!]!;
        node = child[node]! + (words[HIGH_WORD]! >>> 31);
      }
      out[outOffset + i] = left[node]!;
    }
  }
}
