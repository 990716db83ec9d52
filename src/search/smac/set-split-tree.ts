/**
 * A surrogate tree whose categorical splits are sets: a node on a categorical dimension sends
 * the codes in its set to the left child and every other code right, so one split can group
 * choices in any way ({a, c} against {b, d}), where a threshold on the codes could only cut
 * their arbitrary order. Numeric nodes are threshold nodes as in FlatTree, and leaves are the
 * same, so every reader of FlatTree (prediction, the acquisition's leaf cache) works unchanged
 * through `applyRowMajor`.
 */
import { FlatTree } from '../../components/models/tree/flat-tree.ts';

export class SetSplitTree extends FlatTree {
  constructor(
    feature: Int32Array,
    threshold: Float64Array,
    left: Int32Array,
    right: Int32Array,
    leafValues: Float64Array,
    /** Per node: where its membership flags start in `goesLeft`, or −1 for a threshold node. */
    readonly setOffset: Int32Array,
    /** Per node: how many codes its flags cover; a code outside them goes right. */
    readonly setLength: Int32Array,
    /** goesLeft[setOffset[node] + code] is 1 when that code goes left. */
    readonly goesLeft: Uint8Array,
  ) {
    super(feature, threshold, left, right, leafValues, 1);
  }

  /** The same splits with other leaf values. */
  withLeafValues(values: Float64Array): SetSplitTree {
    return new SetSplitTree(this.feature, this.threshold, this.left, this.right, values, this.setOffset, this.setLength, this.goesLeft);
  }

  override applyRowMajor(rows: Float64Array, nFeatures: number, count: number, out: Int32Array, outOffset: number): void {
    // Without set nodes this is a FlatTree, with its branch-free traversal.
    if (this.goesLeft.length === 0) {
      super.applyRowMajor(rows, nFeatures, count, out, outOffset);
      return;
    }
    const { feature, threshold, left, right, setOffset, setLength, goesLeft } = this;
    for (let i = 0; i < count; i++) {
      const base = i * nFeatures;
      let node = 0;
      let f = feature[0]!;
      while (f >= 0) {
        const value = rows[base + f]!;
        const offset = setOffset[node]!;
        const toLeft = offset < 0 ? value <= threshold[node]! : value >= 0 && value < setLength[node]! && goesLeft[offset + value] === 1;
        node = toLeft ? left[node]! : right[node]!;
        f = feature[node]!;
      }
      out[outOffset + i] = left[node]!;
    }
  }
}
