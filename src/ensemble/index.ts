/** Post-hoc ensemble selection over the trials of a search. */
export { EnsembleBuilder } from './builder.ts';
export { dummyCost, dummyPrediction } from './dummy.ts';
export { weightsById } from './result.ts';
export { selectEnsemble } from './select.ts';
export {
  ENSEMBLE_DEFAULTS,
  type EnsembleCandidate,
  type EnsembleMember,
  type EnsembleOptions,
  type EnsembleProblem,
  type EnsembleResult,
} from './types.ts';
