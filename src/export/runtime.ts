/**
 * Predict-only entry point (`automl-ts/runtime`): load an artifact and predict, without the
 * search, the surrogate or any optimiser code.
 */
export { AutoMLModel, loadModel } from './model.ts';
export type { Artifact, LeaderboardRow } from './artifact.ts';
