/** What an XGBoost engine does for the model: train on a dense matrix, hand back plain trees. */
import type { BoostedTrees } from './trees.ts';
import type { XgboostEngineName } from './params.ts';

export interface TrainingInput {
  /** Row-major features, float32 as XGBoost stores them. */
  readonly data: Float32Array;
  readonly nRows: number;
  readonly nFeatures: number;
  readonly labels: Float32Array;
  /** Per-row weights, or undefined for equal weights. */
  readonly weights: Float32Array | undefined;
  /** Booster parameters as XGBoost names them. */
  readonly parameters: readonly (readonly [string, string])[];
  readonly rounds: number;
  /** Margins per row in the result (1, or K for K-class softmax). */
  readonly nGroups: number;
  /**
   * Told after every round with the rounds done and the trees so far (built only when asked);
   * returning true ends training there. Only an engine that boosts round by round can honour it
   * (the native one); the wasm build trains all rounds in one call and never reports.
   */
  readonly afterRound?: RoundObserver | undefined;
}

export type RoundObserver = (roundsDone: number, soFar: () => BoostedTrees) => boolean;

export interface XgboostEngine {
  readonly name: XgboostEngineName;
  /** The XGBoost version the engine runs, e.g. "1.7.4". */
  readonly version: string;
  /** Largest rows × features the engine accepts in one fit (rows beyond it are subsampled). */
  readonly maxCells: number;
  /** Whether per-row weights reach the engine (otherwise the model resamples rows by weight). */
  readonly supportsWeights: boolean;
  /** Trains and returns the ensemble; every engine-side handle is released before returning. */
  train(input: TrainingInput): BoostedTrees;
}
