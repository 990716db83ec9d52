/**
 * A trained XGBoost ensemble as plain arrays, independent of any XGBoost engine. Both engines'
 * models are converted to this form right after training, so a saved model predicts anywhere
 * (no native library, no wasm) and predicts identically before and after saving.
 *
 * Nodes of all trees live in one set of arrays; a tree's node ids are relative to its start.
 * XGBoost compares features as 32-bit floats (`x < threshold` goes left), so features are
 * rounded to float32 before the comparison, exactly as the engines do; a missing value (NaN)
 * follows the node's default direction.
 */
import type { FeatureMatrix } from '../../matrix.ts';
import { AutoMLError } from '../../../util/errors.ts';
import { decodeFloats, decodeInts, encodeFloats, encodeInts, type JsonObject } from '../../../util/json.ts';

export interface BoostedTrees {
  readonly nFeatures: number;
  /** Margins per row: 1 for regression and binary classification, K for K classes. */
  readonly nGroups: number;
  /** Margin every group starts from (the base score on the margin scale). */
  readonly baseMargin: number;
  /** First node of each tree; the last entry is the total node count. */
  readonly treeStart: Int32Array;
  /** Output group of each tree. */
  readonly treeGroup: Int32Array;
  /** Left child (relative to the tree's start), -1 at a leaf. */
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly feature: Int32Array;
  /** Split threshold at an inner node, leaf value at a leaf (both float32 values). */
  readonly value: Float64Array;
  readonly defaultLeft: Uint8Array;
}

/** Growing arrays used by the model parsers. */
export class TreesBuilder {
  private readonly starts: number[] = [];
  private readonly groups: number[] = [];
  private readonly left: number[] = [];
  private readonly right: number[] = [];
  private readonly feature: number[] = [];
  private readonly value: number[] = [];
  private readonly defaultLeft: number[] = [];

  addTree(group: number, nodes: { left: ArrayLike<number>; right: ArrayLike<number>; feature: ArrayLike<number>; value: ArrayLike<number>; defaultLeft: ArrayLike<number | boolean> }): void {
    const n = nodes.left.length;
    if (nodes.right.length !== n || nodes.feature.length !== n || nodes.value.length !== n || nodes.defaultLeft.length !== n || n === 0) {
      throw new AutoMLError('INTERNAL', 'xgboost: inconsistent tree arrays from the engine');
    }
    this.starts.push(this.left.length);
    this.groups.push(group);
    for (let i = 0; i < n; i++) {
      const l = nodes.left[i]!;
      const r = nodes.right[i]!;
      if (l >= n || r >= n) throw new AutoMLError('INTERNAL', 'xgboost: child index out of range in an engine tree');
      this.left.push(l < 0 ? -1 : l);
      this.right.push(r < 0 ? -1 : r);
      this.feature.push(nodes.feature[i]!);
      this.value.push(Math.fround(nodes.value[i]!));
      this.defaultLeft.push(nodes.defaultLeft[i] ? 1 : 0);
    }
  }

  /** The ensemble, checked exactly as a loaded one is, so whatever trains also loads. */
  build(nFeatures: number, nGroups: number, baseMargin: number): BoostedTrees {
    const trees: BoostedTrees = {
      nFeatures,
      nGroups,
      baseMargin,
      treeStart: Int32Array.from([...this.starts, this.left.length]),
      treeGroup: Int32Array.from(this.groups),
      left: Int32Array.from(this.left),
      right: Int32Array.from(this.right),
      feature: Int32Array.from(this.feature),
      value: Float64Array.from(this.value),
      defaultLeft: Uint8Array.from(this.defaultLeft),
    };
    try {
      validate(trees);
    } catch (error) {
      throw new AutoMLError('INTERNAL', `xgboost: the engine produced an unreadable tree: ${error instanceof Error ? error.message : String(error)}`);
    }
    return trees;
  }
}

export function treeCount(trees: BoostedTrees): number {
  return trees.treeGroup.length;
}

/** Raw margins, row-major `[row * nGroups + group]`. */
export function predictMargins(trees: BoostedTrees, x: FeatureMatrix): Float64Array {
  const { nGroups, treeStart, treeGroup, left, right, feature, value, defaultLeft } = trees;
  const n = x.nRows;
  const out = new Float64Array(n * nGroups).fill(trees.baseMargin);
  const columns = x.columns;
  const row = new Float64Array(columns.length);
  const nTrees = treeGroup.length;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < columns.length; j++) row[j] = Math.fround(columns[j]![i]!);
    const base = i * nGroups;
    for (let t = 0; t < nTrees; t++) {
      const start = treeStart[t]!;
      let node = 0;
      for (;;) {
        const at = start + node;
        const l = left[at]!;
        if (l < 0) {
          out[base + treeGroup[t]!] += value[at]!;
          break;
        }
        const v = row[feature[at]!]!;
        node = v !== v ? (defaultLeft[at] === 1 ? l : right[at]!) : v < value[at]! ? l : right[at]!;
      }
    }
  }
  return out;
}

export function treesToJson(trees: BoostedTrees): JsonObject {
  return {
    nFeatures: trees.nFeatures,
    nGroups: trees.nGroups,
    baseMargin: trees.baseMargin,
    treeStart: encodeInts(trees.treeStart),
    treeGroup: encodeInts(trees.treeGroup),
    left: encodeInts(trees.left),
    right: encodeInts(trees.right),
    feature: encodeInts(trees.feature),
    value: encodeFloats(trees.value),
    defaultLeft: encodeInts(trees.defaultLeft),
  };
}

function count(state: JsonObject, key: string, min: number): number {
  const v = state[key];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min) throw new AutoMLError('BAD_MODEL_FILE', `xgboost: trees.${key} must be an integer >= ${min}`);
  return v;
}

/** Rebuilds and validates saved trees: every index must stay inside its tree. */
export function treesFromJson(state: JsonObject): BoostedTrees {
  try {
    const nFeatures = count(state, 'nFeatures', 0);
    const nGroups = count(state, 'nGroups', 1);
    const baseMargin = state['baseMargin'];
    if (typeof baseMargin !== 'number' || !Number.isFinite(baseMargin)) throw new TypeError('baseMargin must be a finite number');
    const trees: BoostedTrees = {
      nFeatures,
      nGroups,
      baseMargin,
      treeStart: decodeInts(state['treeStart'], 'treeStart'),
      treeGroup: decodeInts(state['treeGroup'], 'treeGroup'),
      left: decodeInts(state['left'], 'left'),
      right: decodeInts(state['right'], 'right'),
      feature: decodeInts(state['feature'], 'feature'),
      value: decodeFloats(state['value'], 'value'),
      defaultLeft: Uint8Array.from(decodeInts(state['defaultLeft'], 'defaultLeft')),
    };
    validate(trees);
    return trees;
  } catch (error) {
    if (error instanceof AutoMLError) throw error;
    throw new AutoMLError('BAD_MODEL_FILE', `xgboost: bad saved trees: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function validate(trees: BoostedTrees): void {
  const nNodes = trees.left.length;
  const nTrees = trees.treeGroup.length;
  if (trees.treeStart.length !== nTrees + 1 || trees.treeStart[nTrees] !== nNodes) throw new TypeError('treeStart does not match the node arrays');
  for (const [name, array] of [['right', trees.right], ['feature', trees.feature], ['value', trees.value], ['defaultLeft', trees.defaultLeft]] as const) {
    if (array.length !== nNodes) throw new TypeError(`${name} has ${array.length} entries for ${nNodes} nodes`);
  }
  for (let t = 0; t < nTrees; t++) {
    const start = trees.treeStart[t]!;
    const size = trees.treeStart[t + 1]! - start;
    if (size < 1) throw new TypeError(`tree ${t} is empty`);
    const group = trees.treeGroup[t]!;
    if (group < 0 || group >= trees.nGroups) throw new TypeError(`tree ${t} has group ${group}`);
    for (let i = start; i < start + size; i++) {
      const l = trees.left[i]!;
      const r = trees.right[i]!;
      if (l < 0) continue;
      // children always come after their parent in both engines' layouts, which rules out cycles
      if (l <= i - start || r <= i - start || l >= size || r >= size) throw new TypeError(`tree ${t} node ${i - start} has children ${l}, ${r}`);
      const f = trees.feature[i]!;
      if (f < 0 || f >= trees.nFeatures) throw new TypeError(`tree ${t} node ${i - start} splits on feature ${f}`);
    }
  }
}
