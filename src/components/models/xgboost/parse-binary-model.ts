/**
 * Reads the binary model format of the XGBoost build inside ml-xgboost (the pre-1.0 layout) into
 * plain trees. Layout, little-endian: learner parameters (136 bytes; the base score is stored
 * already on the margin scale), objective and booster names (u64 length + bytes), tree-ensemble
 * parameters (160 bytes), then per tree its parameters (148 bytes), nodes (20 bytes: parent,
 * left, right, feature index with the default-left flag in the top bit, threshold or leaf value)
 * and node statistics (16 bytes), and finally the output group of every tree.
 */
import { AutoMLError } from '../../../util/errors.ts';
import { TreesBuilder, type BoostedTrees } from './trees.ts';

const LEARNER_PARAM_BYTES = 136;
const ENSEMBLE_PARAM_BYTES = 160;
const TREE_PARAM_BYTES = 148;
const NODE_BYTES = 20;
const NODE_STAT_BYTES = 16;

class Reader {
  private offset = 0;
  private readonly view: DataView;
  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  need(n: number): void {
    if (this.offset + n > this.bytes.length) throw new Error(`model ends at byte ${this.bytes.length}, needed ${this.offset + n}`);
  }
  at(): number {
    return this.offset;
  }
  skip(n: number): void {
    this.need(n);
    this.offset += n;
  }
  int32(): number {
    this.need(4);
    const v = this.view.getInt32(this.offset, true);
    this.offset += 4;
    return v;
  }
  uint32(): number {
    this.need(4);
    const v = this.view.getUint32(this.offset, true);
    this.offset += 4;
    return v;
  }
  float32(): number {
    this.need(4);
    const v = this.view.getFloat32(this.offset, true);
    this.offset += 4;
    return v;
  }
  string(): string {
    this.need(8);
    const length = Number(this.view.getBigUint64(this.offset, true));
    this.offset += 8;
    this.need(length);
    const text = new TextDecoder().decode(this.bytes.subarray(this.offset, this.offset + length));
    this.offset += length;
    return text;
  }
}

export function treesFromLegacyBinary(bytes: Uint8Array, nFeatures: number, nGroups: number): BoostedTrees {
  try {
    const r = new Reader(bytes);
    const baseMargin = r.float32();
    r.skip(LEARNER_PARAM_BYTES - 4);
    r.string(); // objective
    const booster = r.string();
    if (booster !== 'gbtree') throw new Error(`booster ${booster} is not gbtree`);
    const ensembleStart = r.at();
    const nTrees = r.int32();
    r.skip(ensembleStart + ENSEMBLE_PARAM_BYTES - r.at());
    const left: Int32Array[] = [];
    const right: Int32Array[] = [];
    const feature: Int32Array[] = [];
    const value: Float32Array[] = [];
    const defaultLeft: Uint8Array[] = [];
    for (let t = 0; t < nTrees; t++) {
      const treeStart = r.at();
      r.int32(); // roots
      const nNodes = r.int32();
      if (nNodes < 1 || nNodes > bytes.length / NODE_BYTES) throw new Error(`tree ${t} claims ${nNodes} nodes`);
      r.skip(treeStart + TREE_PARAM_BYTES - r.at());
      const l = new Int32Array(nNodes);
      const rt = new Int32Array(nNodes);
      const f = new Int32Array(nNodes);
      const v = new Float32Array(nNodes);
      const d = new Uint8Array(nNodes);
      for (let i = 0; i < nNodes; i++) {
        r.int32(); // parent
        l[i] = r.int32();
        rt[i] = r.int32();
        const index = r.uint32();
        f[i] = index & 0x7fffffff;
        d[i] = index >>> 31;
        v[i] = r.float32();
      }
      r.skip(nNodes * NODE_STAT_BYTES);
      left.push(l);
      right.push(rt);
      feature.push(f);
      value.push(v);
      defaultLeft.push(d);
    }
    const builder = new TreesBuilder();
    for (let t = 0; t < nTrees; t++) {
      const group = r.int32();
      builder.addTree(group, { left: left[t]!, right: right[t]!, feature: feature[t]!, value: value[t]!, defaultLeft: defaultLeft[t]! });
    }
    return builder.build(nFeatures, nGroups, baseMargin);
  } catch (error) {
    if (error instanceof AutoMLError) throw error;
    throw new AutoMLError('INTERNAL', `xgboost: unreadable model from the wasm engine: ${error instanceof Error ? error.message : String(error)}`);
  }
}
