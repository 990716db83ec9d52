/** What the classifier's and the regressor's saved states share: the type name and field readers. */
import { AutoMLError } from '../../../util/errors.ts';
import type { JsonObject } from '../../../util/json.ts';

/** Registered model type of both the classifier and the regressor; `state.task` tells them apart. */
export const GRADIENT_BOOSTING_TYPE = 'gradient_boosting';

/** An integer field >= min, or BAD_MODEL_FILE. */
export function readCount(state: JsonObject, key: string, min: number): number {
  const value = state[key];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new AutoMLError('BAD_MODEL_FILE', `gradient_boosting: ${key} must be an integer >= ${min}`);
  }
  return value;
}
