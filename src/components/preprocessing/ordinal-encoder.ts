/**
 * Ordinal encoding: every categorical column becomes one numeric feature holding the category's
 * code (for an ordered factor that is its rank). Missing becomes MISSING_VALUE and anything the
 * training rows never showed (UNKNOWN_CODE, a dictionary category absent from training, a code
 * outside the dictionary) becomes UNKNOWN_VALUE, both below every real code so that a tree can
 * split them off with one threshold. Numeric columns pass through.
 */
import { MISSING_CODE, type Dataset } from '../../data/dataset.ts';
import type { FeatureMatrix } from '../matrix.ts';
import type { Encoder, FitTarget, SavedTransformer } from '../transformer.ts';
import type { JsonObject } from '../../util/json.ts';
import { FieldReader } from './fields.ts';
import { checkLayout, checkNotEmpty, layoutOf, layoutToJSON, notFitted, readLayout, type ColumnLayout } from './guards.ts';

export const ORDINAL_ENCODER_TYPE = 'ordinal_encoder';

export type OrdinalEncoderParams = Record<string, never>;
export const ORDINAL_ENCODER_DEFAULTS: OrdinalEncoderParams = {};

export const MISSING_VALUE = -1;
export const UNKNOWN_VALUE = -2;

interface OrdinalFit {
  readonly layout: ColumnLayout;
  /** Per input column: the output value of each fitted code (the code itself, or UNKNOWN_VALUE). */
  readonly valueOfCode: readonly (Int32Array | undefined)[];
}

export class OrdinalEncoder implements Encoder {
  readonly stage = 'encode';
  readonly params: OrdinalEncoderParams;
  private fitted: OrdinalFit | undefined;

  constructor(params: Partial<OrdinalEncoderParams> = {}) {
    FieldReader.ofParams(ORDINAL_ENCODER_TYPE, ORDINAL_ENCODER_DEFAULTS, params);
    this.params = {};
  }

  /** One output feature per input column, named after it. */
  featureNames(): string[] {
    return [...(this.fitted ?? notFitted(ORDINAL_ENCODER_TYPE)).layout.names];
  }

  fit(data: Dataset, _target?: FitTarget): void {
    checkNotEmpty(ORDINAL_ENCODER_TYPE, data.nRows);
    const layout = layoutOf(data);
    checkLayout(ORDINAL_ENCODER_TYPE, layout, data);
    const valueOfCode = data.columns.map((column) => {
      if (column.kind !== 'categorical') return undefined;
      const values = new Int32Array(column.categories.length).fill(UNKNOWN_VALUE);
      for (const code of column.codes) if (code >= 0 && code < values.length) values[code] = code;
      return values;
    });
    this.fitted = { layout, valueOfCode };
  }

  transform(data: Dataset): FeatureMatrix {
    const fitted = this.fitted ?? notFitted(ORDINAL_ENCODER_TYPE);
    checkLayout(ORDINAL_ENCODER_TYPE, fitted.layout, data);
    const columns = data.columns.map((column, j) => {
      if (column.kind === 'numeric') return column.values.slice();
      // checkLayout guarantees a categorical column here was categorical at fit time.
      const values = fitted.valueOfCode[j]!;
      const out = new Float64Array(data.nRows);
      for (let i = 0; i < out.length; i++) {
        const code = column.codes[i]!;
        if (code >= 0 && code < values.length) out[i] = values[code]!;
        else out[i] = code === MISSING_CODE ? MISSING_VALUE : UNKNOWN_VALUE;
      }
      return out;
    });
    return { nRows: data.nRows, columns };
  }

  toJSON(): SavedTransformer {
    const fitted = this.fitted ?? notFitted(ORDINAL_ENCODER_TYPE);
    const valueOfCode = fitted.valueOfCode.map((v): JsonObject | null => (v === undefined ? null : { values: Array.from(v) }));
    return { type: ORDINAL_ENCODER_TYPE, state: { params: {}, layout: layoutToJSON(fitted.layout), valueOfCode } };
  }

  static fromJSON(state: unknown): OrdinalEncoder {
    const reader: FieldReader = FieldReader.ofState(ORDINAL_ENCODER_TYPE, state);
    reader.child('params');
    const encoder = new OrdinalEncoder();
    const layout = readLayout(reader.child('layout'));
    const raw = reader.raw('valueOfCode');
    if (!Array.isArray(raw) || raw.length !== layout.kinds.length) reader.fail('"valueOfCode" must have one entry per column');
    const valueOfCode = layout.kinds.map((kind, j) => {
      if (kind === 'numeric') {
        if (raw[j] !== null) reader.fail(`entry of numeric column ${j} must be null`);
        return undefined;
      }
      const entry: FieldReader = FieldReader.ofState(`${ORDINAL_ENCODER_TYPE}.valueOfCode[${j}]`, raw[j]);
      const values = entry.ints('values');
      values.forEach((value, code) => {
        if (value !== code && value !== UNKNOWN_VALUE) entry.fail(`code ${code} maps to ${value}`);
      });
      return values;
    });
    encoder.fitted = { layout, valueOfCode };
    return encoder;
  }
}
