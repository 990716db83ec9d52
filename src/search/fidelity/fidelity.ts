/**
 * What a trial below full cost is: a share of the full evaluation, spent on either a seeded,
 * stratified subset of each training part's rows (any learner) or a share of an iterative
 * learner's iterations (boosting rounds, trees, epochs). Validation rows are never subsampled, so
 * scores at every fidelity are measured on the same rows and stay comparable.
 *
 * Share 1 is the ordinary, full trial; only full-fidelity trials feed the ensemble and the refit.
 */

/** Which resource a share below 1 reduces: `auto` is iterations for iterative learners, rows otherwise. */
export type FidelityResource = 'auto' | 'rows' | 'iterations';

export interface TrialFidelity {
  /** Share of the full evaluation, in (0, 1]. */
  readonly share: number;
  readonly resource: FidelityResource;
}

export const FULL_SHARE = 1;

/** A record's share: absent means a full trial (every trial before fidelities existed). */
export function shareOf(record: { readonly fidelity?: number }): number {
  return record.fidelity ?? FULL_SHARE;
}

export function isFullFidelity(record: { readonly fidelity?: number }): boolean {
  return shareOf(record) >= FULL_SHARE;
}
