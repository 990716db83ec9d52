/**
 * The random candidates the acquisition function scores, kept from one proposal to the next
 * with a fraction of them replaced by fresh draws each time.
 *
 * Why a rolling pool: drawing and encoding thousands of configurations of a large conditional
 * space costs more than predicting them, and it would be paid on every proposal. The surrogate
 * changes between proposals, so every candidate is re-scored each time; only the (prior, not
 * model-dependent) draws are reused. With the default refresh the whole pool is renewed every
 * few proposals, and the local search explores beyond it anyway.
 */
import type { Configuration, ConfigurationSpace, Draws } from '../../space/index.ts';
import type { RowMajorMatrix } from '../../components/matrix.ts';
import type { Rng } from '../../util/rng.ts';
import type { CandidateEncoder } from './impute-inactive.ts';
import { LeafCache } from './leaf-cache.ts';

export class RandomPool {
  /** Where each entry came from: draw `index` of `draws` (a configuration is built only if asked). */
  private readonly sources: { readonly draws: Draws; readonly index: number }[] = [];
  /** The pool's imputed vectors, row-major, one row per entry. */
  private readonly data: Float64Array;
  /** Leaves of the pool's rows in the surrogate's trees, renewed with the rows. */
  readonly leafCache: LeafCache;
  /** The same for the trees of the fit-time model (cost-model.ts). */
  readonly costLeafCache: LeafCache;
  /** Next entry to replace: entries are renewed oldest first. */
  private cursor = 0;

  constructor(
    private readonly space: ConfigurationSpace,
    private readonly size: number,
    private readonly refreshFraction: number,
    private readonly encoder: CandidateEncoder,
  ) {
    this.data = new Float64Array(size * encoder.nDimensions);
    this.leafCache = new LeafCache(size);
    this.costLeafCache = new LeafCache(size);
  }

  /** Fills the pool on first use, afterwards replaces the oldest `refreshFraction` of it. */
  refresh(rng: Rng): void {
    const count = this.sources.length < this.size ? this.size : Math.max(1, Math.ceil(this.size * this.refreshFraction));
    const draws = this.space.draws(rng, count);
    for (let index = 0; index < count; index++) {
      const at = this.cursor;
      this.cursor = (this.cursor + 1) % this.size;
      this.sources[at] = { draws, index };
      this.encoder.encodeVectorInto(draws, index, this.data, at);
      this.leafCache.markStale(at);
      this.costLeafCache.markStale(at);
    }
  }

  get entries(): number {
    return this.sources.length;
  }

  configuration(i: number): Configuration {
    const source = this.sources[i]!;
    return source.draws.configuration(source.index);
  }

  /** The pool's imputed vectors, one row per entry. */
  get matrix(): RowMajorMatrix {
    const n = this.sources.length;
    return { nRows: n, nFeatures: this.encoder.nDimensions, data: this.data.subarray(0, n * this.encoder.nDimensions) };
  }
}
