/** Min-max scaling: each feature mapped linearly so that its training range becomes [0, 1]. */
import { FieldReader } from './fields.ts';
import { AffineColumnScaler, type ColumnAffineMap } from './affine-column-scaler.ts';
import { safeScale } from './stats.ts';

export const MINMAX_SCALER_TYPE = 'minmax_scaler';

export type MinMaxScalerParams = Record<string, never>;
export const MINMAX_SCALER_DEFAULTS: MinMaxScalerParams = {};

export class MinMaxScaler extends AffineColumnScaler<MinMaxScalerParams> {
  constructor(params: Partial<MinMaxScalerParams> = {}) {
    FieldReader.ofParams(MINMAX_SCALER_TYPE, MINMAX_SCALER_DEFAULTS, params);
    super(MINMAX_SCALER_TYPE, {});
  }

  protected fitColumn(values: Float64Array): ColumnAffineMap {
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    if (!Number.isFinite(min) || !Number.isFinite(max)) return { offset: 0, scale: 1 };
    // A constant column only shifts to 0 rather than dividing by a zero range.
    return { offset: min, scale: safeScale(max - min) };
  }

  static fromJSON(state: unknown): MinMaxScaler {
    const reader: FieldReader = FieldReader.ofState(MINMAX_SCALER_TYPE, state);
    reader.child('params');
    return new MinMaxScaler().restoreFitted(reader);
  }
}
