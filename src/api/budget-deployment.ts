/**
 * What to deploy in the time left after the search. The final members are normally refitted on
 * every training row; when their predicted cost exceeds what is left of the budget, less is built
 * rather than running past it, in this order:
 * - 'fewer-members': the heaviest members whose refits fit, their weights renormalised;
 * - 'holdout-model' / 'fold-model': the best trial's own model, rebuilt with its seed on the rows
 *   it was validated with (the holdout training part, or the first fold's training rows), which
 *   costs what the search measured for it rather than an extrapolation to more rows.
 * 'fold-models' is cross-validation's averaged fold models (finalModels 'cv-average'), planned
 * the same way.
 */
import type { TrialRecord } from '../search/trial.ts';
import type { WeightedTrial } from './refit.ts';
import { predictedFitSeconds, predictedFoldModelsSeconds, predictedRefitSeconds, type TrainingGeometry } from './budget-refit-cost.ts';

/** 'last-resort': no trial succeeded, the pipeline of budget-last-resort.ts is deployed as fitted. */
export type DeploymentKind = 'refit' | 'fold-models' | 'fewer-members' | 'holdout-model' | 'fold-model' | 'last-resort';

/** How the deployed members are built. */
export type MemberFit = 'all-rows' | 'cv-average' | 'training-part';

export interface Deployment {
  readonly kind: DeploymentKind;
  /** Why this was deployed, in one sentence for the summary. */
  readonly reason: string;
  readonly fit: MemberFit;
  /** Members to build, weights summing to 1. */
  readonly members: readonly WeightedTrial[];
  readonly predictedSeconds: number;
}

export interface DeploymentRequest {
  /** Members chosen by ensemble selection (or the best trial alone). */
  readonly selected: readonly WeightedTrial[];
  /** The best successful trial: the fallback member. */
  readonly best: TrialRecord;
  readonly geometry: TrainingGeometry;
  readonly strategy: 'holdout' | 'cv';
  /** Cross-validation's fold models averaged instead of a refit on all rows. */
  readonly cvAverage: boolean;
  /** Seconds the member fits may take. */
  readonly availableSeconds: number;
}

export function planDeployment(request: DeploymentRequest): Deployment {
  const { selected, geometry, cvAverage, availableSeconds } = request;
  const costOf = (trial: TrialRecord): number => (cvAverage ? predictedFoldModelsSeconds(trial, geometry) : predictedRefitSeconds(trial, geometry));
  const fit: MemberFit = cvAverage ? 'cv-average' : 'all-rows';
  const full = sum(selected.map((member) => costOf(member.trial)));
  const left = `${seconds(availableSeconds)} left`;
  if (full <= availableSeconds) {
    const what = cvAverage ? 'fold models of every member' : 'every member refitted on all training rows';
    return { kind: cvAverage ? 'fold-models' : 'refit', reason: `${what}: predicted ${seconds(full)}, ${left}`, fit, members: selected, predictedSeconds: full };
  }
  const kept: WeightedTrial[] = [];
  let planned = 0;
  for (const member of [...selected].sort((a, b) => b.weight - a.weight || a.trial.id - b.trial.id)) {
    const cost = costOf(member.trial);
    if (planned + cost > availableSeconds) continue;
    kept.push(member);
    planned += cost;
  }
  if (kept.length > 0) {
    const weight = sum(kept.map((member) => member.weight));
    return {
      kind: 'fewer-members',
      reason:
        `building all ${selected.length} members was predicted to take ${seconds(full)}, ${left}; ` +
        `${kept.length} of them (${Math.round((100 * weight) / sum(selected.map((m) => m.weight)))}% of the weight) fit`,
      fit,
      members: kept.map((member) => ({ trial: member.trial, weight: member.weight / weight })),
      predictedSeconds: planned,
    };
  }
  const { best, strategy } = request;
  const partCost = predictedFitSeconds(best, geometry, geometry.trialRows);
  const rows = strategy === 'holdout' ? 'the holdout training rows' : "the first fold's training rows";
  const overrun = partCost > availableSeconds ? ` (predicted ${seconds(partCost)}: even this may pass the budget)` : '';
  return {
    kind: strategy === 'holdout' ? 'holdout-model' : 'fold-model',
    reason: `refitting any member was predicted to take more than the ${left}; trial ${best.id} was deployed as fitted on ${rows}${overrun}`,
    fit: 'training-part',
    members: [{ trial: best, weight: 1 }],
    predictedSeconds: partCost,
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function seconds(value: number): string {
  return `${value.toFixed(1)} s`;
}
