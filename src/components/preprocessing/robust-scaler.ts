/**
 * Robust scaling: each feature centred on its training median and divided by the spread between
 * two training quantiles (the interquartile range by default), so outliers barely move the map.
 */
import { FieldReader } from './fields.ts';
import { AffineColumnScaler, type ColumnAffineMap } from './affine-column-scaler.ts';
import { quantileOfSorted, safeScale, sortedObserved } from './stats.ts';

export const ROBUST_SCALER_TYPE = 'robust_scaler';

export type RobustScalerParams = {
  /** Lower quantile of the spread, in [0, 1) (search range 0.001..0.3). */
  readonly q_min: number;
  /** Upper quantile of the spread, in (q_min, 1] (search range 0.7..0.999). */
  readonly q_max: number;
};

export const ROBUST_SCALER_DEFAULTS: RobustScalerParams = { q_min: 0.25, q_max: 0.75 };

function readParams(reader: FieldReader): RobustScalerParams {
  const q_min = reader.number('q_min', { min: 0, max: 1 });
  const q_max = reader.number('q_max', { min: 0, max: 1 });
  if (!(q_min < q_max)) reader.fail(`q_min (${q_min}) must be below q_max (${q_max})`);
  return { q_min, q_max };
}

export class RobustScaler extends AffineColumnScaler<RobustScalerParams> {
  constructor(params: Partial<RobustScalerParams> = {}) {
    super(ROBUST_SCALER_TYPE, readParams(FieldReader.ofParams(ROBUST_SCALER_TYPE, ROBUST_SCALER_DEFAULTS, params)));
  }

  protected fitColumn(values: Float64Array): ColumnAffineMap {
    const sorted = sortedObserved(values);
    if (sorted.length === 0) return { offset: 0, scale: 1 };
    const spread = quantileOfSorted(sorted, this.params.q_max) - quantileOfSorted(sorted, this.params.q_min);
    return { offset: quantileOfSorted(sorted, 0.5), scale: safeScale(spread) };
  }

  static fromJSON(state: unknown): RobustScaler {
    const reader: FieldReader = FieldReader.ofState(ROBUST_SCALER_TYPE, state);
    return new RobustScaler(readParams(reader.child('params'))).restoreFitted(reader);
  }
}
