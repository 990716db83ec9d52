/**
 * SMAC-style Bayesian optimisation: a random-forest surrogate over conditional configurations,
 * expected improvement maximised by random sampling plus local search, random interleaving.
 */
export { SmacOptimizer } from './smac-optimizer.ts';
export type { ModelTiming, ProposalKind } from './smac-optimizer.ts';
export { SMAC_DEFAULTS, resolveSmacSettings } from './defaults.ts';
export type { CostAcquisition, PendingLie, SmacSettings } from './defaults.ts';
