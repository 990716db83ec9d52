/**
 * Univariate feature selection: keeps the `percentile` per cent best-scoring features (at least
 * one) by a score against the training target, in their original order. Ties in score go to
 * the earlier feature so the selection is deterministic.
 */
import type { FeatureMatrix } from '../matrix.ts';
import type { FitTarget, MatrixTransformer, SavedTransformer } from '../transformer.ts';
import { encodeFloats, encodeInts } from '../../util/json.ts';
import { AutoMLError } from '../../util/errors.ts';
import { FieldReader } from './fields.ts';
import { checkMatrix, checkNotEmpty, notFitted } from './guards.ts';
import { chi2, fClassif, fRegression, mutualInfo } from './feature-scores.ts';

export const SELECT_PERCENTILE_TYPE = 'select_percentile';

/** f_classif and chi2 need a classification target, f_regression a regression one; mutual_info takes either. */
export const SCORE_FUNCTIONS = ['f_classif', 'f_regression', 'chi2', 'mutual_info'] as const;
export type ScoreFunction = (typeof SCORE_FUNCTIONS)[number];

export type SelectPercentileParams = {
  /** Share of the features to keep, in per cent (search range 1..99). */
  readonly percentile: number;
  readonly score_func: ScoreFunction;
};

export const SELECT_PERCENTILE_DEFAULTS: SelectPercentileParams = { percentile: 50, score_func: 'f_classif' };

function readParams(reader: FieldReader): SelectPercentileParams {
  return {
    percentile: reader.number('percentile', { above: 0, max: 100 }),
    score_func: reader.choice('score_func', SCORE_FUNCTIONS),
  };
}

interface SelectionFit {
  readonly width: number;
  /** Indices of the kept features, ascending. */
  readonly selected: Int32Array;
  readonly scores: Float64Array;
}

export class SelectPercentile implements MatrixTransformer {
  readonly stage = 'matrix';
  readonly params: SelectPercentileParams;
  private fitted: SelectionFit | undefined;

  constructor(params: Partial<SelectPercentileParams> = {}) {
    this.params = readParams(FieldReader.ofParams(SELECT_PERCENTILE_TYPE, SELECT_PERCENTILE_DEFAULTS, params));
  }

  /** Indices of the kept input features, ascending. */
  get selected(): Int32Array {
    return (this.fitted ?? notFitted(SELECT_PERCENTILE_TYPE)).selected.slice();
  }

  /** Training score of every input feature. */
  get scores(): Float64Array {
    return (this.fitted ?? notFitted(SELECT_PERCENTILE_TYPE)).scores.slice();
  }

  fit(x: FeatureMatrix, target?: FitTarget): void {
    checkNotEmpty(SELECT_PERCENTILE_TYPE, x.nRows);
    checkMatrix(SELECT_PERCENTILE_TYPE, x);
    const scores = this.score(x, target);
    const width = x.columns.length;
    const keep = Math.min(width, Math.max(1, Math.floor((width * this.params.percentile) / 100)));
    // NaN cannot occur by construction, but would rank last rather than poison the sort.
    const rank = (j: number): number => (Number.isNaN(scores[j]!) ? -Infinity : scores[j]!);
    const order = Array.from({ length: width }, (_, j) => j).sort((a, b) => rank(b) - rank(a) || a - b);
    const selected = Int32Array.from(order.slice(0, keep)).sort();
    this.fitted = { width, selected, scores };
  }

  transform(x: FeatureMatrix): FeatureMatrix {
    const { width, selected } = this.fitted ?? notFitted(SELECT_PERCENTILE_TYPE);
    checkMatrix(SELECT_PERCENTILE_TYPE, x, width);
    return { nRows: x.nRows, columns: Array.from(selected, (j) => x.columns[j]!.slice()) };
  }

  toJSON(): SavedTransformer {
    const { width, selected, scores } = this.fitted ?? notFitted(SELECT_PERCENTILE_TYPE);
    return {
      type: SELECT_PERCENTILE_TYPE,
      state: { params: { ...this.params }, width, selected: encodeInts(selected), scores: encodeFloats(scores) },
    };
  }

  static fromJSON(state: unknown): SelectPercentile {
    const reader: FieldReader = FieldReader.ofState(SELECT_PERCENTILE_TYPE, state);
    const step = new SelectPercentile(readParams(reader.child('params')));
    const width = reader.number('width', { integer: true, min: 0 });
    const selected = reader.ints('selected', undefined, { min: 0, max: width - 1 });
    if (selected.some((j, k) => k > 0 && j <= selected[k - 1]!)) reader.fail('"selected" must be strictly increasing');
    const scores = reader.floats('scores', width);
    step.fitted = { width, selected, scores };
    return step;
  }

  private score(x: FeatureMatrix, target: FitTarget | undefined): Float64Array {
    const func = this.params.score_func;
    if (target === undefined) throw new AutoMLError('BAD_INPUT', `${SELECT_PERCENTILE_TYPE}: ${func} needs the training target`);
    const length = target.kind === 'classification' ? target.codes.length : target.values.length;
    if (length !== x.nRows) {
      throw new AutoMLError('BAD_INPUT', `${SELECT_PERCENTILE_TYPE}: target has ${length} rows, features ${x.nRows}`);
    }
    if (target.kind === 'classification') {
      for (const code of target.codes) {
        if (!(code >= 0 && code < target.nClasses)) {
          throw new AutoMLError('BAD_INPUT', `${SELECT_PERCENTILE_TYPE}: class code ${code} outside 0..${target.nClasses - 1}`);
        }
      }
    }
    if (func === 'mutual_info') return mutualInfo(x, target.kind === 'classification' ? target : target.values);
    if (func === 'f_regression') {
      if (target.kind !== 'regression') throw wrongTask(func, 'regression');
      return fRegression(x, target.values);
    }
    if (target.kind !== 'classification') throw wrongTask(func, 'classification');
    return func === 'chi2' ? chi2(x, target.codes, target.nClasses) : fClassif(x, target.codes, target.nClasses);
  }
}

function wrongTask(func: ScoreFunction, needed: string): AutoMLError {
  return new AutoMLError('BAD_INPUT', `${SELECT_PERCENTILE_TYPE}: score_func ${func} needs a ${needed} target`);
}
