/**
 * The leaf every row of a long-lived candidate set (the random pool) reaches in every tree of
 * the surrogate, kept from one proposal to the next.
 *
 * Why: between two proposals only some trees are regrown (surrogate.ts) and only a fraction of
 * the pool is redrawn (random-pool.ts). A kept tree keeps its splits, so a kept row still lands
 * in the same leaf; only its leaf's value moved, and values are read afresh every time. Walking
 * just the regrown trees and the redrawn rows halves the pool's share of a proposal.
 */
import type { RowMajorMatrix } from '../../components/matrix.ts';
import type { FlatTree } from '../../components/models/tree/index.ts';

export class LeafCache {
  /** Per tree slot, the leaf of each row; valid for rows not marked stale. */
  private readonly leaves: Int32Array[] = [];
  /** Per tree slot, the version of the tree those leaves were computed in (−1: none). */
  private readonly versions: number[] = [];
  /** 1 for a row rewritten since the leaves were last brought up to date. */
  private readonly stale: Uint8Array;

  constructor(private readonly capacity: number) {
    this.stale = new Uint8Array(capacity);
  }

  /** Row `row` holds a new candidate: its leaves are recomputed at the next `leavesOf`. */
  markStale(row: number): void {
    this.stale[row] = 1;
  }

  /**
   * Leaves of rows 0 … rows.nRows−1 in each tree, one array per tree. `versions[t]` identifies
   * the tree in slot t: the same version means the same splits.
   */
  leavesOf(trees: readonly FlatTree[], versions: readonly number[], rows: RowMajorMatrix): readonly Int32Array[] {
    const n = rows.nRows;
    const d = rows.nFeatures;
    for (let t = 0; t < trees.length; t++) {
      const tree = trees[t]!;
      const leaves = (this.leaves[t] ??= new Int32Array(this.capacity));
      if (this.versions[t] !== versions[t]) {
        tree.applyRowMajor(rows.data, d, n, leaves, 0);
        this.versions[t] = versions[t]!;
        continue;
      }
      // Stale rows come in runs (the pool renews consecutive rows): one call per run.
      for (let start = 0; start < n; start++) {
        if (this.stale[start] === 0) continue;
        let end = start + 1;
        while (end < n && this.stale[end] === 1) end++;
        tree.applyRowMajor(rows.data.subarray(start * d, end * d), d, end - start, leaves, start);
        start = end;
      }
    }
    this.stale.fill(0);
    return this.leaves.slice(0, trees.length);
  }
}
