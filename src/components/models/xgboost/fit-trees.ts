/** One XGBoost fit, shared by the classifier and the regressor: engine, rows, parameters, trees. */
import type { FeatureMatrix } from '../../matrix.ts';
import { AutoMLError } from '../../../util/errors.ts';
import { checkFeatures, checkHasRows, checkSampleWeights } from '../input-checks.ts';
import type { RoundObserver } from './engine.ts';
import { boosterParameters, type XgboostEngineName, type XgboostParams } from './params.ts';
import { resolveXgboostEngine } from './select-engine.ts';
import { trainingRows } from './training-rows.ts';
import type { BoostedTrees } from './trees.ts';

export interface EngineRecord {
  /** `none` when nothing needed training (a single possible class). */
  readonly name: XgboostEngineName | 'none';
  readonly version: string;
  /** Rows the engine saw (fewer than given above its cell limit, or resampled by weight). */
  readonly trainedRows: number;
}

export interface FittedTrees {
  readonly trees: BoostedTrees;
  readonly engine: EngineRecord;
}

export function checkXgboostInput(x: FeatureMatrix, what: string, sampleWeight: Float64Array | undefined): void {
  checkHasRows(x, what);
  checkFeatures(x, what);
  if (x.columns.length === 0) throw new AutoMLError('DEGENERATE_INPUT', `${what}: cannot fit on 0 features`);
  if (sampleWeight !== undefined) checkSampleWeights(x.nRows, sampleWeight, what);
}

export function fitTrees(
  x: FeatureMatrix,
  target: ArrayLike<number>,
  sampleWeight: Float64Array | undefined,
  params: XgboostParams,
  task: { objective: string; nClasses: number; nGroups: number; baseScore: number },
  afterRound?: RoundObserver,
): FittedTrees {
  const engine = resolveXgboostEngine(params.engine);
  const rows = trainingRows(x, target, sampleWeight, engine, params.seed);
  const trees = engine.train({
    data: rows.data,
    nRows: rows.rows.length,
    nFeatures: x.columns.length,
    labels: rows.labels,
    weights: rows.weights,
    parameters: boosterParameters(params, task.objective, task.nClasses, task.baseScore),
    rounds: params.n_estimators,
    nGroups: task.nGroups,
    afterRound,
  });
  return { trees, engine: { name: engine.name, version: engine.version, trainedRows: rows.rows.length } };
}

/** Weighted mean of a target, for the base score. */
export function weightedMean(values: ArrayLike<number>, weights: Float64Array | undefined): number {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const w = weights === undefined ? 1 : weights[i]!;
    sum += w * values[i]!;
    total += w;
  }
  return total > 0 ? sum / total : 0;
}
