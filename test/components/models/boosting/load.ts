/** The boosting tests' view of a bundled all-numeric dataset, with the project's metrics. */
import { loadNumericSplit, type NumericPart } from '../../../helpers/numeric-split.ts';

export { accuracy, balancedAccuracy, rSquared } from '../../../helpers/scores.ts';

export type LoadedPart = NumericPart;

export interface LoadedSplit {
  readonly train: LoadedPart;
  readonly test: LoadedPart;
  /** Sorted class names, or empty for a regression target. */
  readonly classes: readonly string[];
}

/** The bundled datasets name a class target `class`; any other target is numeric. */
export function loadSplit(name: string): LoadedSplit {
  const split = loadNumericSplit(name);
  return { train: split.train, test: split.test, classes: split.targetName === 'class' ? split.classes : [] };
}
