/**
 * Conditional search spaces: hyperparameter kinds, conditions, forbidden clauses, the
 * ConfigurationSpace (sampling, validation, one-exchange neighbours, vector codec) and JSON.
 */
export type { Configuration, HyperparameterKind, Value } from './types.ts';
export { ConfigurationError } from './errors.ts';
export type { ConfigurationErrorCode } from './errors.ts';
export * from './hyperparameters/index.ts';
export {
  AndConjunction, EqualsCondition, GreaterThanCondition, InCondition, LessThanCondition, NotEqualsCondition, OrConjunction,
} from './conditions.ts';
export type { AtomicCondition, Condition } from './conditions.ts';
export { ForbiddenAnd, ForbiddenEquals, ForbiddenIn } from './forbidden.ts';
export type { Forbidden } from './forbidden.ts';
export { ConfigurationSpace } from './configuration-space.ts';
export type { SubspaceParent } from './configuration-space.ts';
export type { Neighbourhood } from './neighbours.ts';
export type { Draws } from './sampling.ts';
export type { Dimension } from './codec.ts';
export { configurationKey } from './configuration.ts';
export { MAX_REJECTED_DRAWS } from './sampling.ts';
export { SPACE_FORMAT, SPACE_FORMAT_VERSION, spaceFromJSON, spaceHash, spaceToJSON, spaceToJSONText } from './json.ts';
