/**
 * Common machinery of the scalers that map each feature through x → (x − offset) / scale with a
 * per-feature offset and scale learnt from the training rows (standard, min-max, robust).
 * Subclasses only say how one column's offset and scale are estimated. Missing values (NaN) are
 * ignored when fitting and pass through unchanged.
 */
import type { FeatureMatrix } from '../matrix.ts';
import type { FitTarget, MatrixTransformer, SavedTransformer } from '../transformer.ts';
import { encodeFloats, type JsonPrimitive } from '../../util/json.ts';
import type { FieldReader } from './fields.ts';
import { checkMatrix, checkNotEmpty, notFitted } from './guards.ts';

export type ScalerParams = { readonly [key: string]: JsonPrimitive };

export interface ColumnAffineMap {
  readonly offset: number;
  /** Never zero: degenerate spreads are replaced by 1 when fitting. */
  readonly scale: number;
}

interface AffineFit {
  readonly offsets: Float64Array;
  readonly scales: Float64Array;
}

export abstract class AffineColumnScaler<P extends ScalerParams> implements MatrixTransformer {
  readonly stage = 'matrix';
  private fitted: AffineFit | undefined;

  protected constructor(
    readonly type: string,
    readonly params: P,
  ) {}

  /** Offset and scale of one training column. */
  protected abstract fitColumn(values: Float64Array): ColumnAffineMap;

  get offsets(): Float64Array {
    return (this.fitted ?? notFitted(this.type)).offsets.slice();
  }

  get scales(): Float64Array {
    return (this.fitted ?? notFitted(this.type)).scales.slice();
  }

  fit(x: FeatureMatrix, _target?: FitTarget): void {
    checkNotEmpty(this.type, x.nRows);
    checkMatrix(this.type, x);
    const offsets = new Float64Array(x.columns.length);
    const scales = new Float64Array(x.columns.length);
    x.columns.forEach((column, j) => {
      const map = this.fitColumn(column);
      offsets[j] = map.offset;
      scales[j] = map.scale;
    });
    this.fitted = { offsets, scales };
  }

  transform(x: FeatureMatrix): FeatureMatrix {
    const { offsets, scales } = this.fitted ?? notFitted(this.type);
    checkMatrix(this.type, x, offsets.length);
    const columns = x.columns.map((column, j) => {
      const offset = offsets[j]!;
      const scale = scales[j]!;
      const out = new Float64Array(column.length);
      for (let i = 0; i < out.length; i++) out[i] = (column[i]! - offset) / scale;
      return out;
    });
    return { nRows: x.nRows, columns };
  }

  toJSON(): SavedTransformer {
    const { offsets, scales } = this.fitted ?? notFitted(this.type);
    return {
      type: this.type,
      state: { params: { ...this.params }, offsets: encodeFloats(offsets), scales: encodeFloats(scales) },
    };
  }

  /** Restores the fitted maps from a saved state (used by the subclasses' fromJSON). */
  protected restoreFitted(reader: FieldReader): this {
    const offsets = reader.finiteFloats('offsets');
    const scales = reader.finiteFloats('scales', offsets.length);
    if (scales.some((scale) => scale === 0)) reader.fail('a scale is zero');
    this.fitted = { offsets, scales };
    return this;
  }
}
