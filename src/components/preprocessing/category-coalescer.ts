/**
 * Merges rare categories into one "other" bucket: a category whose share of the training rows is
 * below `minimum_fraction` carries too little signal to earn its own one-hot column. Categories
 * unseen in training (UNKNOWN_CODE, or a code outside the fitted dictionary) land in the same
 * bucket at transform time when it exists; otherwise they stay UNKNOWN_CODE for the encoder.
 * Missing values keep MISSING_CODE whatever their frequency (the encoder gives them a slot).
 */
import { MISSING_CODE, UNKNOWN_CODE, type Column, type Dataset } from '../../data/dataset.ts';
import type { DatasetTransformer, FitTarget, SavedTransformer } from '../transformer.ts';
import type { JsonObject } from '../../util/json.ts';
import { AutoMLError } from '../../util/errors.ts';
import { FieldReader } from './fields.ts';
import { checkLayout, checkNotEmpty, layoutOf, layoutToJSON, notFitted, readLayout, type ColumnLayout } from './guards.ts';

export const CATEGORY_COALESCER_TYPE = 'category_coalescer';

export interface CategoryCoalescerParams {
  /** Categories seen in fewer than this fraction of the training rows are merged. */
  readonly minimum_fraction: number;
}

export const CATEGORY_COALESCER_DEFAULTS: CategoryCoalescerParams = { minimum_fraction: 0.01 };

function readParams(reader: FieldReader): CategoryCoalescerParams {
  return { minimum_fraction: reader.number('minimum_fraction', { min: 0, max: 1 }) };
}

/** How one categorical column is recoded. */
interface ColumnRecoding {
  /** New code for each fitted code (kept categories renumbered densely, rare ones → the bucket). */
  readonly newCode: Int32Array;
  /** The output dictionary: kept categories in their original order, then the bucket if any. */
  readonly categories: readonly string[];
  /** Code of the "other" bucket, or UNKNOWN_CODE when nothing was merged. */
  readonly otherCode: number;
}

interface CoalescerFit {
  readonly layout: ColumnLayout;
  /** One entry per input column; undefined for numeric columns. */
  readonly recodings: readonly (ColumnRecoding | undefined)[];
}

export class CategoryCoalescer implements DatasetTransformer {
  readonly stage = 'dataset';
  readonly params: CategoryCoalescerParams;
  private fitted: CoalescerFit | undefined;

  constructor(params: Partial<CategoryCoalescerParams> = {}) {
    this.params = readParams(FieldReader.ofParams(CATEGORY_COALESCER_TYPE, CATEGORY_COALESCER_DEFAULTS, params));
  }

  fit(data: Dataset, _target?: FitTarget): void {
    checkNotEmpty(CATEGORY_COALESCER_TYPE, data.nRows);
    const layout = layoutOf(data);
    checkLayout(CATEGORY_COALESCER_TYPE, layout, data);
    const recodings = data.columns.map((column) =>
      column.kind === 'categorical' ? fitColumn(column.codes, column.categories, this.params.minimum_fraction) : undefined,
    );
    this.fitted = { layout, recodings };
  }

  transform(data: Dataset): Dataset {
    const fitted = this.fitted ?? notFitted(CATEGORY_COALESCER_TYPE);
    checkLayout(CATEGORY_COALESCER_TYPE, fitted.layout, data);
    const columns = data.columns.map((column, j): Column => {
      const recoding = fitted.recodings[j];
      if (column.kind === 'numeric' || recoding === undefined) return column;
      const codes = new Int32Array(column.codes.length);
      for (let i = 0; i < codes.length; i++) {
        const code = column.codes[i]!;
        if (code === MISSING_CODE) codes[i] = MISSING_CODE;
        else if (code >= 0 && code < recoding.newCode.length) codes[i] = recoding.newCode[code]!;
        else codes[i] = recoding.otherCode;
      }
      const out: Column = { kind: 'categorical', name: column.name, codes, categories: recoding.categories };
      // An ordered factor stays ordered only when nothing was merged: the bucket has no rank among the levels.
      return column.ordered === true && recoding.otherCode === UNKNOWN_CODE ? { ...out, ordered: true } : out;
    });
    return { nRows: data.nRows, columns };
  }

  toJSON(): SavedTransformer {
    const fitted = this.fitted ?? notFitted(CATEGORY_COALESCER_TYPE);
    const recodings = fitted.recodings.map((recoding): JsonObject | null =>
      recoding === undefined
        ? null
        : { newCode: Array.from(recoding.newCode), categories: [...recoding.categories], otherCode: recoding.otherCode },
    );
    return {
      type: CATEGORY_COALESCER_TYPE,
      state: { params: { ...this.params }, layout: layoutToJSON(fitted.layout), recodings },
    };
  }

  static fromJSON(state: unknown): CategoryCoalescer {
    const reader: FieldReader = FieldReader.ofState(CATEGORY_COALESCER_TYPE, state);
    const coalescer = new CategoryCoalescer(readParams(reader.child('params')));
    const layout = readLayout(reader.child('layout'));
    const raw = reader.raw('recodings');
    if (!Array.isArray(raw) || raw.length !== layout.kinds.length) reader.fail('"recodings" must have one entry per column');
    const recodings = layout.kinds.map((kind, j) => {
      if (kind === 'numeric') {
        if (raw[j] !== null) reader.fail(`recoding of numeric column ${j} must be null`);
        return undefined;
      }
      const entry: FieldReader = FieldReader.ofState(`${CATEGORY_COALESCER_TYPE}.recodings[${j}]`, raw[j]);
      const categories = entry.strings('categories');
      const otherCode = entry.number('otherCode', { integer: true });
      if (otherCode !== UNKNOWN_CODE && otherCode !== categories.length - 1) entry.fail('"otherCode" must be the last category');
      const newCode = entry.ints('newCode', undefined, { min: 0, max: categories.length - 1 });
      return { newCode, categories, otherCode };
    });
    coalescer.fitted = { layout, recodings };
    return coalescer;
  }
}

function fitColumn(codes: Int32Array, categories: readonly string[], minimumFraction: number): ColumnRecoding {
  const counts = new Float64Array(categories.length);
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i]!;
    if (code >= 0 && code < categories.length) counts[code]!++;
    else if (code !== MISSING_CODE) {
      throw new AutoMLError('BAD_INPUT', `${CATEGORY_COALESCER_TYPE}: training code ${code} is not a category`);
    }
  }
  const threshold = minimumFraction * codes.length;
  const newCode = new Int32Array(categories.length);
  const kept: string[] = [];
  const merged: number[] = [];
  for (let c = 0; c < categories.length; c++) {
    if (counts[c]! > 0 && counts[c]! >= threshold) {
      newCode[c] = kept.length;
      kept.push(categories[c]!);
    } else {
      merged.push(c);
    }
  }
  if (merged.length === 0) return { newCode, categories: kept, otherCode: UNKNOWN_CODE };
  const otherCode = kept.length;
  for (const c of merged) newCode[c] = otherCode;
  return { newCode, categories: [...kept, otherCategoryName(kept)], otherCode };
}

/** "(other)", decorated until it differs from every kept category name. */
function otherCategoryName(kept: readonly string[]): string {
  const taken = new Set(kept);
  let name = '(other)';
  while (taken.has(name)) name = `(${name})`;
  return name;
}
