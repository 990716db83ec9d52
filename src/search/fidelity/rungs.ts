/**
 * The fidelity ladder of successive halving: rung k evaluates at share min_fidelity · eta^k of a
 * full trial, and the top rung is the full trial itself. With min_fidelity 1/9 and eta 3 the
 * rungs are 1/9, 1/3 and 1.
 *
 * When min_fidelity is not a power of 1/eta the last step is longer than eta (0.1 with eta 3:
 * 0.1, 0.3, 1): the lowest rung is the one the user asked for, and no rung sits just below full,
 * where it would cost nearly a full trial and tell little more than the full trial would.
 */
import { FULL_SHARE } from './fidelity.ts';

/** Relative slack when comparing min_fidelity · eta^k with 1, so that 1/9 · 3² counts as 1. */
const SHARE_TOLERANCE = 1e-9;

/** Shares of the rungs, lowest first; the last is always 1. At least two rungs. */
export function rungShares(minFidelity: number, eta: number): number[] {
  if (!(minFidelity > 0 && minFidelity < 1)) throw new RangeError(`min fidelity must be in (0, 1), got ${minFidelity}`);
  if (!(eta >= 2) || !Number.isFinite(eta)) throw new RangeError(`eta must be a number >= 2, got ${eta}`);
  const lower = Math.max(1, Math.floor(Math.log(1 / minFidelity) / Math.log(eta) + SHARE_TOLERANCE));
  const shares: number[] = [];
  for (let k = 0; k < lower; k++) shares.push(minFidelity * eta ** k);
  shares.push(FULL_SHARE);
  return shares;
}

/** The rung whose share is `share` (within rounding), or -1. */
export function rungOf(shares: readonly number[], share: number): number {
  return shares.findIndex((s) => Math.abs(s - share) <= SHARE_TOLERANCE * Math.max(1, s));
}
