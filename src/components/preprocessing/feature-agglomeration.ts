/**
 * Feature agglomeration: groups similar features (columns compared over the training rows) by
 * bottom-up hierarchical clustering into `n_clusters` groups, then replaces each group by one
 * pooled feature (mean, median or max of its members, row by row). Output features are ordered
 * by the first input feature of their group.
 */
import type { FeatureMatrix } from '../matrix.ts';
import type { FitTarget, MatrixTransformer, SavedTransformer } from '../transformer.ts';
import { encodeInts } from '../../util/json.ts';
import { FieldReader } from './fields.ts';
import { checkMatrix, checkNotEmpty, notFitted } from './guards.ts';
import { agglomerate, columnDistances, AFFINITIES, LINKAGES, type Affinity, type Linkage } from './hierarchical-clustering.ts';

export const FEATURE_AGGLOMERATION_TYPE = 'feature_agglomeration';

export const POOLING_FUNCTIONS = ['mean', 'median', 'max'] as const;
export type PoolingFunction = (typeof POOLING_FUNCTIONS)[number];

export type FeatureAgglomerationParams = {
  /** Number of output features (search range 2..400); capped at the input width. */
  readonly n_clusters: number;
  /** Distance between features; ward linkage needs euclidean. */
  readonly affinity: Affinity;
  readonly linkage: Linkage;
  readonly pooling_func: PoolingFunction;
};

export const FEATURE_AGGLOMERATION_DEFAULTS: FeatureAgglomerationParams = {
  n_clusters: 25,
  affinity: 'euclidean',
  linkage: 'ward',
  pooling_func: 'mean',
};

function readParams(reader: FieldReader): FeatureAgglomerationParams {
  const params: FeatureAgglomerationParams = {
    n_clusters: reader.number('n_clusters', { integer: true, min: 1 }),
    affinity: reader.choice('affinity', AFFINITIES),
    linkage: reader.choice('linkage', LINKAGES),
    pooling_func: reader.choice('pooling_func', POOLING_FUNCTIONS),
  };
  if (params.linkage === 'ward' && params.affinity !== 'euclidean') reader.fail('ward linkage needs the euclidean affinity');
  return params;
}

export class FeatureAgglomeration implements MatrixTransformer {
  readonly stage = 'matrix';
  readonly params: FeatureAgglomerationParams;
  /** Cluster index of every input feature. */
  private labels: Int32Array | undefined;

  constructor(params: Partial<FeatureAgglomerationParams> = {}) {
    this.params = readParams(FieldReader.ofParams(FEATURE_AGGLOMERATION_TYPE, FEATURE_AGGLOMERATION_DEFAULTS, params));
  }

  /** Cluster index of every input feature. */
  get clusterOfFeature(): Int32Array {
    return (this.labels ?? notFitted(FEATURE_AGGLOMERATION_TYPE)).slice();
  }

  fit(x: FeatureMatrix, _target?: FitTarget): void {
    checkNotEmpty(FEATURE_AGGLOMERATION_TYPE, x.nRows);
    checkMatrix(FEATURE_AGGLOMERATION_TYPE, x);
    const distances = columnDistances(x, this.params.affinity, this.params.linkage === 'ward');
    this.labels = agglomerate(distances, x.columns.length, this.params.n_clusters, this.params.linkage);
  }

  transform(x: FeatureMatrix): FeatureMatrix {
    const labels = this.labels ?? notFitted(FEATURE_AGGLOMERATION_TYPE);
    checkMatrix(FEATURE_AGGLOMERATION_TYPE, x, labels.length);
    return { nRows: x.nRows, columns: membersOf(labels).map((members) => pool(x, members, this.params.pooling_func)) };
  }

  toJSON(): SavedTransformer {
    const labels = this.labels ?? notFitted(FEATURE_AGGLOMERATION_TYPE);
    return { type: FEATURE_AGGLOMERATION_TYPE, state: { params: { ...this.params }, labels: encodeInts(labels) } };
  }

  static fromJSON(state: unknown): FeatureAgglomeration {
    const reader: FieldReader = FieldReader.ofState(FEATURE_AGGLOMERATION_TYPE, state);
    const step = new FeatureAgglomeration(readParams(reader.child('params')));
    const labels = reader.ints('labels', undefined, { min: 0 });
    // Clusters must be numbered 0..k−1 in order of their first feature, as fitting numbers them.
    let next = 0;
    for (const label of labels) {
      if (label > next) reader.fail('"labels" must number clusters in order of first appearance');
      if (label === next) next++;
    }
    step.labels = labels;
    return step;
  }
}

function membersOf(labels: Int32Array): number[][] {
  const groups: number[][] = [];
  labels.forEach((label, feature) => (groups[label] ??= []).push(feature));
  return groups;
}

function pool(x: FeatureMatrix, members: readonly number[], func: PoolingFunction): Float64Array {
  const out = new Float64Array(x.nRows);
  const columns = members.map((f) => x.columns[f]!);
  if (func === 'median') {
    const values = new Float64Array(columns.length);
    const middle = columns.length >> 1;
    for (let i = 0; i < out.length; i++) {
      for (let k = 0; k < columns.length; k++) values[k] = columns[k]![i]!;
      values.sort();
      out[i] = columns.length % 2 === 1 ? values[middle]! : 0.5 * (values[middle - 1]! + values[middle]!);
    }
    return out;
  }
  if (func === 'max') {
    out.set(columns[0]!);
    for (const column of columns.slice(1)) for (let i = 0; i < out.length; i++) out[i] = Math.max(out[i]!, column[i]!);
    return out;
  }
  for (const column of columns) for (let i = 0; i < out.length; i++) out[i] = out[i]! + column[i]!;
  for (let i = 0; i < out.length; i++) out[i] = out[i]! / columns.length;
  return out;
}
