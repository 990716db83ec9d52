/**
 * Fast application of a tree whose children are adjacent (right = left + 1, as every tree grown
 * here is), several rows at a time without data-dependent branches.
 *
 * Why: walking one row down a tree is a chain of dependent loads broken by a branch per level
 * that the processor mispredicts about half the time, and the mispredictions dominate. Here the
 * direction is computed arithmetically: the sign bit of (threshold − x), read through a
 * Float64Array/Int32Array view of the same bytes, is 1 exactly when x > threshold (for finite
 * thresholds and non-NaN x; the subtraction of two different doubles is never zero). With no
 * branch to mispredict, independent rows advance side by side and their loads overlap.
 *
 * Each node is packed into 16 bytes, so one level of one row touches one cache line instead of
 * one line in each of five arrays:
 *   float64 [2·node]      threshold (0 at leaves)
 *   int32   [4·node + 2]  feature, −1 at leaves
 *   int32   [4·node + 3]  (child << 1) | step, where child is the left child at internal nodes
 *                         and the node itself at leaves, and step is 1 at internal nodes, 0 at
 *                         leaves — so a row that reached a leaf stays there while the others go on.
 */

const signScratch = new Float64Array(1);
const signWords = new Int32Array(signScratch.buffer);
/** Index of the 32-bit word holding a double's sign bit (1 on little-endian machines). */
const HIGH_WORD = (() => {
  signScratch[0] = -1;
  return signWords[1]! < 0 ? 1 : 0;
})();
/** Word of a packed node holding its feature, and the one holding child and step. */
const FEATURE_WORD = 2;
const CHILD_WORD = 3;

export class BranchFreePaths {
  /** Thresholds, two doubles per node (the second double's words hold feature and child). */
  private readonly packedFloats: Float64Array;
  /** The same bytes as 32-bit words: four per node. */
  private readonly packedWords: Int32Array;

  constructor(
    feature: Int32Array,
    threshold: Float64Array,
    /** Leaf index at leaves, read once a row has arrived. */
    private readonly left: Int32Array,
  ) {
    const n = feature.length;
    this.packedFloats = new Float64Array(2 * n);
    this.packedWords = new Int32Array(this.packedFloats.buffer);
    for (let node = 0; node < n; node++) {
      const internal = feature[node]! >= 0;
      this.packedFloats[2 * node] = internal ? threshold[node]! : 0;
      this.packedWords[4 * node + FEATURE_WORD] = internal ? feature[node]! : -1;
      this.packedWords[4 * node + CHILD_WORD] = internal ? (left[node]! << 1) | 1 : node << 1;
    }
  }

  /** Same contract as FlatTree.applyRowMajor. */
  apply(rows: Float64Array, nFeatures: number, count: number, out: Int32Array, outOffset: number): void {
    const { left, packedFloats: t, packedWords: w } = this;
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
      let f0 = w[FEATURE_WORD]!;
      let f1 = f0;
      let f2 = f0;
      let f3 = f0;
      // Leaves have feature -1, so the AND turns negative once all four rows sit in leaves;
      // f & ~(f >> 31) reads feature 0 for a row already in a leaf, keeping the load in bounds.
      while ((f0 & f1 & f2 & f3) >= 0) {
        bits[0] = t[2 * n0]! - rows[b0 + (f0 & ~(f0 >> 31))]!;
        let c = w[4 * n0 + CHILD_WORD]!;
        n0 = (c >> 1) + ((words[HIGH_WORD]! >>> 31) & c);
        bits[0] = t[2 * n1]! - rows[b1 + (f1 & ~(f1 >> 31))]!;
        c = w[4 * n1 + CHILD_WORD]!;
        n1 = (c >> 1) + ((words[HIGH_WORD]! >>> 31) & c);
        bits[0] = t[2 * n2]! - rows[b2 + (f2 & ~(f2 >> 31))]!;
        c = w[4 * n2 + CHILD_WORD]!;
        n2 = (c >> 1) + ((words[HIGH_WORD]! >>> 31) & c);
        bits[0] = t[2 * n3]! - rows[b3 + (f3 & ~(f3 >> 31))]!;
        c = w[4 * n3 + CHILD_WORD]!;
        n3 = (c >> 1) + ((words[HIGH_WORD]! >>> 31) & c);
        f0 = w[4 * n0 + FEATURE_WORD]!;
        f1 = w[4 * n1 + FEATURE_WORD]!;
        f2 = w[4 * n2 + FEATURE_WORD]!;
        f3 = w[4 * n3 + FEATURE_WORD]!;
      }
      out[outOffset + i] = left[n0]!;
      out[outOffset + i + 1] = left[n1]!;
      out[outOffset + i + 2] = left[n2]!;
      out[outOffset + i + 3] = left[n3]!;
    }
    for (; i < count; i++) {
      const base = i * d;
      let node = 0;
      let f = w[FEATURE_WORD]!;
      while (f >= 0) {
        bits[0] = t[2 * node]! - rows[base + f]!;
        node = (w[4 * node + CHILD_WORD]! >> 1) + (words[HIGH_WORD]! >>> 31);
        f = w[4 * node + FEATURE_WORD]!;
      }
      out[outOffset + i] = left[node]!;
    }
  }
}
