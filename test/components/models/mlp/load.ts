/**
 * The MLP tests' view of a bundled all-numeric dataset. Features are always standardised with the
 * training rows' statistics, as the pipeline's rescaling step would.
 */
import * as linear from '../linear/load.ts';

export type { ClassificationSplit, Split } from '../linear/load.ts';

export function loadClassification(name: string): linear.ClassificationSplit {
  return linear.loadClassification(name, { standardise: true });
}

export function loadRegression(name: string): linear.Split<Float64Array> {
  return linear.loadRegression(name, { standardise: true });
}
