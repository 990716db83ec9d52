/**
 * A fitted tree as flat typed arrays: compact to save and fast to apply (no node objects).
 *
 * Node i is internal when feature[i] >= 0: rows with x[feature[i]] <= threshold[i] go to
 * left[i], the others to right[i]. Node i is a leaf when feature[i] === -1; then left[i] is its
 * leaf index and leafValues[leaf * valuesPerLeaf ...] holds its output (the class distribution
 * for classification, the mean for regression). Children always have larger indices than their
 * parent, which fromJSON checks so that a damaged file cannot make prediction loop forever.
 */
import { AutoMLError } from '../../../util/errors.ts';
import { decodeFloats, decodeInts, encodeFloats, encodeInts, isJsonObject } from '../../../util/json.ts';
import type { JsonObject, JsonValue } from '../../../util/json.ts';
import { BranchFreePaths } from './branch-free-paths.ts';

export const LEAF = -1;

export class FlatTree {
  /** Branch-free traversal, present when every right child directly follows its left sibling. */
  private readonly fastPaths: BranchFreePaths | null;

  constructor(
    readonly feature: Int32Array,
    readonly threshold: Float64Array,
    readonly left: Int32Array,
    readonly right: Int32Array,
    readonly leafValues: Float64Array,
    readonly valuesPerLeaf: number,
  ) {
    let adjacent = true;
    for (let node = 0; node < feature.length; node++) {
      if (feature[node]! >= 0 && right[node] !== left[node]! + 1) adjacent = false;
      // A threshold of -0 would send x = 0 right in the sign-bit test; +0 compares the same.
      if (threshold[node] === 0) threshold[node] = 0;
    }
    this.fastPaths = adjacent ? new BranchFreePaths(feature, threshold, left) : null;
  }

  get nodeCount(): number {
    return this.feature.length;
  }

  get leafCount(): number {
    return this.leafValues.length / this.valuesPerLeaf;
  }

  /**
   * Leaf index of each of `count` rows stored row-major in `rows` (row i's features at
   * rows[i * nFeatures ...]), written to out[outOffset + i]. Rows must not contain NaN.
   */
  applyRowMajor(rows: Float64Array, nFeatures: number, count: number, out: Int32Array, outOffset: number): void {
    if (this.fastPaths !== null) {
      this.fastPaths.apply(rows, nFeatures, count, out, outOffset);
      return;
    }
    const { feature, threshold, left, right } = this;
    for (let i = 0; i < count; i++) {
      const base = i * nFeatures;
      let node = 0;
      let f = feature[0]!;
      while (f >= 0) {
        node = rows[base + f]! <= threshold[node]! ? left[node]! : right[node]!;
        f = feature[node]!;
      }
      out[outOffset + i] = left[node]!;
    }
  }

  /** Depth of the deepest leaf (root = 0). */
  depth(): number {
    const depthOf = new Int32Array(this.nodeCount);
    let deepest = 0;
    for (let node = 0; node < this.nodeCount; node++) {
      if (this.feature[node]! < 0) continue;
      const childDepth = depthOf[node]! + 1;
      depthOf[this.left[node]!] = childDepth;
      depthOf[this.right[node]!] = childDepth;
      if (childDepth > deepest) deepest = childDepth;
    }
    return deepest;
  }

  toJSON(): JsonObject {
    return {
      feature: encodeInts(this.feature),
      threshold: encodeFloats(this.threshold),
      left: encodeInts(this.left),
      right: encodeInts(this.right),
      leafValues: encodeFloats(this.leafValues),
    };
  }

  /** Rebuilds a tree from saved state, checking every index so prediction is always safe. */
  static fromJSON(state: JsonValue | undefined, nFeatures: number, valuesPerLeaf: number): FlatTree {
    if (!isJsonObject(state)) throw badTree('expected an object');
    let feature: Int32Array;
    let threshold: Float64Array;
    let left: Int32Array;
    let right: Int32Array;
    let leafValues: Float64Array;
    try {
      feature = decodeInts(state['feature'], 'feature');
      threshold = decodeFloats(state['threshold'], 'threshold');
      left = decodeInts(state['left'], 'left');
      right = decodeInts(state['right'], 'right');
      leafValues = decodeFloats(state['leafValues'], 'leafValues');
    } catch (error) {
      throw badTree(error instanceof Error ? error.message : String(error));
    }
    const nodes = feature.length;
    if (nodes === 0) throw badTree('no nodes');
    if (threshold.length !== nodes || left.length !== nodes || right.length !== nodes) {
      throw badTree('node arrays differ in length');
    }
    if (leafValues.length === 0 || leafValues.length % valuesPerLeaf !== 0) throw badTree('leafValues has the wrong length');
    const leaves = leafValues.length / valuesPerLeaf;
    for (let i = 0; i < leafValues.length; i++) if (!Number.isFinite(leafValues[i])) throw badTree('non-finite leaf value');
    for (let node = 0; node < nodes; node++) {
      const f = feature[node]!;
      if (f === LEAF) {
        if (left[node]! < 0 || left[node]! >= leaves) throw badTree(`leaf ${node} points outside leafValues`);
      } else {
        if (f < 0 || f >= nFeatures) throw badTree(`node ${node} uses feature ${f} of ${nFeatures}`);
        if (!Number.isFinite(threshold[node])) throw badTree(`node ${node} has a non-finite threshold`);
        const l = left[node]!;
        const r = right[node]!;
        if (l <= node || r <= node || l >= nodes || r >= nodes) throw badTree(`node ${node} has invalid children`);
      }
    }
    return new FlatTree(feature, threshold, left, right, leafValues, valuesPerLeaf);
  }
}

function badTree(detail: string): AutoMLError {
  return new AutoMLError('BAD_MODEL_FILE', `model state: invalid tree: ${detail}`);
}
