/**
 * The "no rescaling" choice: passes the matrix through unchanged. It is still a fitted,
 * serialisable step so that every pipeline has the same shape and checks its input width.
 */
import type { FeatureMatrix } from '../matrix.ts';
import type { FitTarget, MatrixTransformer, SavedTransformer } from '../transformer.ts';
import { FieldReader } from './fields.ts';
import { checkMatrix, notFitted } from './guards.ts';

export const NO_RESCALING_TYPE = 'no_rescaling';

export type NoRescalingParams = Record<string, never>;
export const NO_RESCALING_DEFAULTS: NoRescalingParams = {};

export class NoRescaling implements MatrixTransformer {
  readonly stage = 'matrix';
  readonly params: NoRescalingParams;
  private width: number | undefined;

  constructor(params: Partial<NoRescalingParams> = {}) {
    FieldReader.ofParams(NO_RESCALING_TYPE, NO_RESCALING_DEFAULTS, params);
    this.params = {};
  }

  fit(x: FeatureMatrix, _target?: FitTarget): void {
    checkMatrix(NO_RESCALING_TYPE, x);
    this.width = x.columns.length;
  }

  /** Returns its argument itself: no stage mutates its input, so sharing the columns is safe. */
  transform(x: FeatureMatrix): FeatureMatrix {
    checkMatrix(NO_RESCALING_TYPE, x, this.width ?? notFitted(NO_RESCALING_TYPE));
    return x;
  }

  toJSON(): SavedTransformer {
    return { type: NO_RESCALING_TYPE, state: { params: {}, width: this.width ?? notFitted(NO_RESCALING_TYPE) } };
  }

  static fromJSON(state: unknown): NoRescaling {
    const reader: FieldReader = FieldReader.ofState(NO_RESCALING_TYPE, state);
    reader.child('params');
    const step = new NoRescaling();
    step.width = reader.number('width', { integer: true, min: 0 });
    return step;
  }
}
