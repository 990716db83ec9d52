/** What a fitted pipeline outputs, before any metric looks at it. */
import type { ProbabilityMatrix } from '../components/matrix.ts';

export type Prediction =
  | { readonly kind: 'classification'; readonly proba: ProbabilityMatrix }
  | { readonly kind: 'regression'; readonly values: Float64Array };

/** Ground truth in the same coded form. */
export type Truth =
  | { readonly kind: 'classification'; readonly codes: Int32Array; readonly nClasses: number }
  | { readonly kind: 'regression'; readonly values: Float64Array };
