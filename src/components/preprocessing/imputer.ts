/**
 * Fills missing numeric values with a statistic of the training rows. Categorical columns pass
 * through untouched: a missing category is information in itself, and the encoders give
 * MISSING_CODE its own slot.
 */
import type { Column, Dataset } from '../../data/dataset.ts';
import type { DatasetTransformer, FitTarget, SavedTransformer } from '../transformer.ts';
import { encodeFloats } from '../../util/json.ts';
import { FieldReader } from './fields.ts';
import { checkLayout, checkNotEmpty, layoutOf, layoutToJSON, notFitted, readLayout, type ColumnLayout } from './guards.ts';
import { observedMean, quantileOfSorted, sortedObserved } from './stats.ts';

export const IMPUTER_TYPE = 'imputer';

export const IMPUTATION_STRATEGIES = ['mean', 'median', 'most_frequent'] as const;
export type ImputationStrategy = (typeof IMPUTATION_STRATEGIES)[number];

export interface ImputerParams {
  readonly strategy: ImputationStrategy;
}

export const IMPUTER_DEFAULTS: ImputerParams = { strategy: 'mean' };

function readParams(reader: FieldReader): ImputerParams {
  return { strategy: reader.choice('strategy', IMPUTATION_STRATEGIES) };
}

interface ImputerFit {
  readonly layout: ColumnLayout;
  /** Fill value per column; NaN for categorical columns, which are not imputed. */
  readonly fills: Float64Array;
}

export class Imputer implements DatasetTransformer {
  readonly stage = 'dataset';
  readonly params: ImputerParams;
  private fitted: ImputerFit | undefined;

  constructor(params: Partial<ImputerParams> = {}) {
    this.params = readParams(FieldReader.ofParams(IMPUTER_TYPE, IMPUTER_DEFAULTS, params));
  }

  /** Fill value of each column (NaN for categorical columns). */
  get fillValues(): Float64Array {
    return (this.fitted ?? notFitted(IMPUTER_TYPE)).fills.slice();
  }

  fit(data: Dataset, _target?: FitTarget): void {
    checkNotEmpty(IMPUTER_TYPE, data.nRows);
    const layout = layoutOf(data);
    checkLayout(IMPUTER_TYPE, layout, data);
    const fills = new Float64Array(data.columns.length);
    data.columns.forEach((column, j) => {
      fills[j] = column.kind === 'numeric' ? fillValue(column.values, this.params.strategy) : NaN;
    });
    this.fitted = { layout, fills };
  }

  transform(data: Dataset): Dataset {
    const fitted = this.fitted ?? notFitted(IMPUTER_TYPE);
    checkLayout(IMPUTER_TYPE, fitted.layout, data);
    const columns = data.columns.map((column, j): Column => {
      if (column.kind !== 'numeric') return column;
      const fill = fitted.fills[j]!;
      const values = column.values.slice();
      for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i]!)) values[i] = fill;
      return { kind: 'numeric', name: column.name, values };
    });
    return { nRows: data.nRows, columns };
  }

  toJSON(): SavedTransformer {
    const fitted = this.fitted ?? notFitted(IMPUTER_TYPE);
    return {
      type: IMPUTER_TYPE,
      state: { params: { ...this.params }, layout: layoutToJSON(fitted.layout), fills: encodeFloats(fitted.fills) },
    };
  }

  static fromJSON(state: unknown): Imputer {
    const reader: FieldReader = FieldReader.ofState(IMPUTER_TYPE, state);
    const imputer = new Imputer(readParams(reader.child('params')));
    const layout = readLayout(reader.child('layout'));
    const fills = reader.floats('fills', layout.names.length);
    layout.kinds.forEach((kind, j) => {
      if (kind === 'numeric' && !Number.isFinite(fills[j]!)) reader.fail(`fill value of column ${j} is not finite`);
    });
    imputer.fitted = { layout, fills };
    return imputer;
  }
}

/** The fill value of one numeric column; 0 when the training rows never observe it. */
function fillValue(values: Float64Array, strategy: ImputationStrategy): number {
  if (strategy === 'mean') {
    const mean = observedMean(values);
    return Number.isFinite(mean) ? mean : 0;
  }
  const sorted = sortedObserved(values);
  if (sorted.length === 0) return 0;
  if (strategy === 'median') return quantileOfSorted(sorted, 0.5);
  return mostFrequentOfSorted(sorted);
}

/** The most frequent value of ascending values; ties go to the smallest value. */
function mostFrequentOfSorted(sorted: Float64Array): number {
  let best = sorted[0]!;
  let bestCount = 0;
  let runStart = 0;
  for (let i = 1; i <= sorted.length; i++) {
    if (i === sorted.length || sorted[i] !== sorted[runStart]) {
      if (i - runStart > bestCount) {
        bestCount = i - runStart;
        best = sorted[runStart]!;
      }
      runStart = i;
    }
  }
  return best;
}
