/**
 * Inactive hyperparameters in the surrogate's input. The space's codec marks an inactive entry
 * NaN, which a tree cannot split on; the surrogate gives it a value no active entry can take, so
 * that one split separates "inactive" from every active value:
 * - a categorical dimension with k choices (coded 0 … k-1) gets k, a category of its own;
 * - an ordered numeric dimension (coded in [0, 1]) gets −1, below every active value.
 */
import type { ConfigurationSpace, Configuration, Hyperparameter, Neighbourhood } from '../../space/index.ts';
import type { FeatureMatrix, RowMajorMatrix } from '../../components/matrix.ts';

/** Value standing for "inactive" on an ordered numeric dimension. */
export const INACTIVE_NUMERIC = -1;

/** Per dimension, the value an inactive entry takes (k for categories, −1 for numbers). */
export function inactiveValues(choiceCounts: Int32Array): Float64Array {
  return Float64Array.from(choiceCounts, (k) => (k > 0 ? k : INACTIVE_NUMERIC));
}

/** Replaces NaN entries of an encoded vector in place; returns it. */
export function imputeInactive(vector: Float64Array, fill: Float64Array): Float64Array {
  for (let j = 0; j < vector.length; j++) if (Number.isNaN(vector[j]!)) vector[j] = fill[j]!;
  return vector;
}

/**
 * Rows of imputed vectors kept column-major with spare capacity, so that adding one observation
 * costs one row write and the surrogate reads the matrix without copying it.
 */
export class ImputedMatrix {
  private columns: Float64Array[];
  private rows = 0;
  private readonly fill: Float64Array;

  constructor(choiceCounts: Int32Array, capacity = 64) {
    this.fill = inactiveValues(choiceCounts);
    this.columns = Array.from(this.fill, () => new Float64Array(Math.max(1, capacity)));
  }

  get nRows(): number {
    return this.rows;
  }

  get nDimensions(): number {
    return this.fill.length;
  }

  /** Appends the encoded (NaN for inactive) vector of one configuration. */
  push(encoded: Float64Array): void {
    if (this.rows === this.columns[0]?.length) this.grow();
    const row = this.rows++;
    for (let j = 0; j < this.fill.length; j++) {
      const v = encoded[j]!;
      this.columns[j]![row] = Number.isNaN(v) ? this.fill[j]! : v;
    }
  }

  /** A view of the rows added so far; valid until the next push. */
  view(): FeatureMatrix {
    const n = this.rows;
    return { nRows: n, columns: this.columns.map((column) => column.subarray(0, n)) };
  }

  /** Row `row` as an imputed vector. */
  row(row: number): Float64Array {
    return Float64Array.from(this.columns, (column) => column[row]!);
  }

  private grow(): void {
    this.columns = this.columns.map((column) => {
      const bigger = new Float64Array(column.length * 2);
      bigger.set(column);
      return bigger;
    });
  }
}

/** Candidates that write their codec vectors, with inactive entries as given: neighbourhoods, draws. */
export interface VectorSource {
  vectorInto(index: number, out: Float64Array, inactive: Float64Array): void;
}

/**
 * Writes imputed vectors of configurations the space itself produced (samples, neighbours)
 * straight into row-major storage, the layout the surrogate's trees read candidates in: the
 * same entries as `space.encode` plus imputation, but it visits only the configuration's own
 * (active) keys and skips re-validating their values. In a CASH space a configuration sets a
 * small fraction of the dimensions, and encoding the thousands of acquisition candidates per
 * proposal was a large share of the optimiser's time.
 */
export class CandidateEncoder {
  private readonly dimensionOf = new Map<string, number>();
  private readonly hyperparameters: Hyperparameter[];

  constructor(
    space: ConfigurationSpace,
    private readonly fill: Float64Array,
  ) {
    const names = space.order;
    this.hyperparameters = names.map((name) => space.get(name)!);
    names.forEach((name, j) => this.dimensionOf.set(name, j));
  }

  get nDimensions(): number {
    return this.fill.length;
  }

  /** Row `row` of `data` (row-major, one entry per dimension) becomes the imputed vector of `config`. */
  encodeInto(config: Configuration, data: Float64Array, row: number): void {
    const fill = this.fill;
    const base = row * fill.length;
    data.set(fill, base);
    for (const name in config) {
      const j = this.dimensionOf.get(name);
      const value = config[name];
      if (j === undefined || value === undefined) continue;
      data[base + j] = this.hyperparameters[j]!.toVector(value);
    }
  }

  /**
   * Row `row` of `data` becomes the imputed vector of candidate `index` of `source` (a
   * neighbourhood or a batch of draws), which writes the fill values itself.
   */
  encodeVectorInto(source: VectorSource, index: number, data: Float64Array, row: number): void {
    const d = this.fill.length;
    source.vectorInto(index, data.subarray(row * d, (row + 1) * d), this.fill);
  }

  /** Imputed rows of many configurations at once (acquisition candidates). */
  matrixOf(configs: readonly Configuration[]): RowMajorMatrix {
    const n = configs.length;
    const data = new Float64Array(n * this.fill.length);
    for (let i = 0; i < n; i++) this.encodeInto(configs[i]!, data, i);
    return { nRows: n, nFeatures: this.fill.length, data };
  }

  /** Imputed rows of neighbours: row i is neighbour indices[i] of neighbourhoods[i]. */
  matrixOfNeighbours(batch: { readonly neighbourhoods: readonly Neighbourhood[]; readonly indices: readonly number[] }): RowMajorMatrix {
    const n = batch.indices.length;
    const data = new Float64Array(n * this.fill.length);
    for (let i = 0; i < n; i++) this.encodeVectorInto(batch.neighbourhoods[i]!, batch.indices[i]!, data, i);
    return { nRows: n, nFeatures: this.fill.length, data };
  }
}

/** Column-major imputed matrix of many configurations at once, through `space.encode`. */
export function imputedMatrixOf(space: ConfigurationSpace, configs: readonly Configuration[], fill: Float64Array): FeatureMatrix {
  const n = configs.length;
  const d = fill.length;
  const columns = Array.from({ length: d }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    const encoded = space.encode(configs[i]!);
    for (let j = 0; j < d; j++) {
      const v = encoded[j]!;
      columns[j]![i] = Number.isNaN(v) ? fill[j]! : v;
    }
  }
  return { nRows: n, columns };
}
