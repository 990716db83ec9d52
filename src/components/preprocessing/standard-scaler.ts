/** Standardisation: each feature centred on its training mean and divided by its training standard deviation. */
import { FieldReader } from './fields.ts';
import { AffineColumnScaler, type ColumnAffineMap } from './affine-column-scaler.ts';
import { observedMean, observedStd, safeScale } from './stats.ts';

export const STANDARD_SCALER_TYPE = 'standard_scaler';

export type StandardScalerParams = Record<string, never>;
export const STANDARD_SCALER_DEFAULTS: StandardScalerParams = {};

export class StandardScaler extends AffineColumnScaler<StandardScalerParams> {
  constructor(params: Partial<StandardScalerParams> = {}) {
    FieldReader.ofParams(STANDARD_SCALER_TYPE, STANDARD_SCALER_DEFAULTS, params);
    super(STANDARD_SCALER_TYPE, {});
  }

  protected fitColumn(values: Float64Array): ColumnAffineMap {
    const mean = observedMean(values);
    if (!Number.isFinite(mean)) return { offset: 0, scale: 1 };
    // Population standard deviation (divide by n): the training rows then have exactly std 1.
    return { offset: mean, scale: safeScale(observedStd(values, mean)) };
  }

  static fromJSON(state: unknown): StandardScaler {
    const reader: FieldReader = FieldReader.ofState(STANDARD_SCALER_TYPE, state);
    reader.child('params');
    return new StandardScaler().restoreFitted(reader);
  }
}
