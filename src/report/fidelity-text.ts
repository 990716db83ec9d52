/** How reports write a trial's share of the full evaluation. */

/** "1" for a full trial (or one that predates fidelities), else three decimals ("0.111"). */
export function formatShare(share: number | undefined): string {
  return share === undefined || share >= 1 ? '1' : share.toFixed(3);
}
