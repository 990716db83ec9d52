/**
 * One-hot encoding: every categorical column becomes one 0/1 feature per category seen in the
 * training rows, plus one for "missing" when training rows had missing values, plus one for
 * "unknown" when training rows held codes outside the dictionary. Numeric columns pass through.
 * Output columns follow the input column order, each categorical column expanded in place.
 *
 * A category with no slot of its own at transform time (UNKNOWN_CODE, a dictionary category absent
 * from training, a code past the dictionary) goes to the unknown slot when there is one and is
 * otherwise all zeros in its group; a missing value where training had none is all zeros too.
 * The model then sees "none of the known categories", never a crash.
 */
import { MISSING_CODE, type Dataset } from '../../data/dataset.ts';
import type { FeatureMatrix } from '../matrix.ts';
import type { Encoder, FitTarget, SavedTransformer } from '../transformer.ts';
import type { JsonObject } from '../../util/json.ts';
import { FieldReader } from './fields.ts';
import { checkLayout, checkNotEmpty, layoutOf, layoutToJSON, notFitted, readLayout, type ColumnLayout } from './guards.ts';

export const ONE_HOT_ENCODER_TYPE = 'one_hot_encoder';

/** The one-hot encoder has no hyperparameters; rare categories are merged upstream by the coalescer. */
export type OneHotEncoderParams = Record<string, never>;
export const ONE_HOT_ENCODER_DEFAULTS: OneHotEncoderParams = {};

const NO_SLOT = -1;

/** Output slots of one categorical column, relative to the first output column of its group. */
interface CategoricalSlots {
  /** Slot per fitted code, NO_SLOT for categories absent from the training rows. */
  readonly slotOfCode: Int32Array;
  readonly missingSlot: number;
  readonly unknownSlot: number;
  /** Label of each slot, used in feature names. */
  readonly labels: readonly string[];
}

interface OneHotFit {
  readonly layout: ColumnLayout;
  /** One entry per input column; undefined for numeric columns. */
  readonly slots: readonly (CategoricalSlots | undefined)[];
  readonly names: readonly string[];
}

export class OneHotEncoder implements Encoder {
  readonly stage = 'encode';
  readonly params: OneHotEncoderParams;
  private fitted: OneHotFit | undefined;

  constructor(params: Partial<OneHotEncoderParams> = {}) {
    FieldReader.ofParams(ONE_HOT_ENCODER_TYPE, ONE_HOT_ENCODER_DEFAULTS, params);
    this.params = {};
  }

  /** Output feature names: the column name for numeric columns, `column=category` for slots. */
  featureNames(): string[] {
    return [...(this.fitted ?? notFitted(ONE_HOT_ENCODER_TYPE)).names];
  }

  fit(data: Dataset, _target?: FitTarget): void {
    checkNotEmpty(ONE_HOT_ENCODER_TYPE, data.nRows);
    const layout = layoutOf(data);
    checkLayout(ONE_HOT_ENCODER_TYPE, layout, data);
    const slots = data.columns.map((column) =>
      column.kind === 'categorical' ? fitSlots(column.codes, column.categories) : undefined,
    );
    this.fitted = { layout, slots, names: featureNamesOf(layout, slots) };
  }

  transform(data: Dataset): FeatureMatrix {
    const fitted = this.fitted ?? notFitted(ONE_HOT_ENCODER_TYPE);
    checkLayout(ONE_HOT_ENCODER_TYPE, fitted.layout, data);
    const nRows = data.nRows;
    const out: Float64Array[] = [];
    data.columns.forEach((column, j) => {
      if (column.kind === 'numeric') {
        out.push(column.values.slice());
        return;
      }
      // checkLayout guarantees a categorical column here was categorical at fit time.
      const slots = fitted.slots[j]!;
      const group = slots.labels.map(() => new Float64Array(nRows));
      const { slotOfCode, missingSlot, unknownSlot } = slots;
      for (let i = 0; i < nRows; i++) {
        const code = column.codes[i]!;
        let slot: number;
        if (code >= 0 && code < slotOfCode.length) slot = slotOfCode[code]!;
        else slot = code === MISSING_CODE ? missingSlot : NO_SLOT;
        if (slot === NO_SLOT && code !== MISSING_CODE) slot = unknownSlot;
        if (slot !== NO_SLOT) group[slot]![i] = 1;
      }
      out.push(...group);
    });
    return { nRows, columns: out };
  }

  toJSON(): SavedTransformer {
    const fitted = this.fitted ?? notFitted(ONE_HOT_ENCODER_TYPE);
    const slots = fitted.slots.map((s): JsonObject | null =>
      s === undefined
        ? null
        : { slotOfCode: Array.from(s.slotOfCode), missingSlot: s.missingSlot, unknownSlot: s.unknownSlot, labels: [...s.labels] },
    );
    return { type: ONE_HOT_ENCODER_TYPE, state: { params: {}, layout: layoutToJSON(fitted.layout), slots } };
  }

  static fromJSON(state: unknown): OneHotEncoder {
    const reader: FieldReader = FieldReader.ofState(ONE_HOT_ENCODER_TYPE, state);
    reader.child('params');
    const encoder = new OneHotEncoder();
    const layout = readLayout(reader.child('layout'));
    const raw = reader.raw('slots');
    if (!Array.isArray(raw) || raw.length !== layout.kinds.length) reader.fail('"slots" must have one entry per column');
    const slots = layout.kinds.map((kind, j): CategoricalSlots | undefined => {
      if (kind === 'numeric') {
        if (raw[j] !== null) reader.fail(`slots of numeric column ${j} must be null`);
        return undefined;
      }
      const entry: FieldReader = FieldReader.ofState(`${ONE_HOT_ENCODER_TYPE}.slots[${j}]`, raw[j]);
      const labels = entry.strings('labels');
      const last = labels.length - 1;
      const slotOfCode = entry.ints('slotOfCode', undefined, { min: NO_SLOT, max: last });
      const missingSlot = entry.number('missingSlot', { integer: true, min: NO_SLOT, max: last });
      const unknownSlot = entry.number('unknownSlot', { integer: true, min: NO_SLOT, max: last });
      const used = [...slotOfCode, missingSlot, unknownSlot].filter((slot) => slot !== NO_SLOT).sort((a, b) => a - b);
      if (used.length !== labels.length || used.some((slot, k) => slot !== k)) {
        entry.fail('every slot must be used exactly once');
      }
      return { slotOfCode, missingSlot, unknownSlot, labels };
    });
    encoder.fitted = { layout, slots, names: featureNamesOf(layout, slots) };
    return encoder;
  }
}

function fitSlots(codes: Int32Array, categories: readonly string[]): CategoricalSlots {
  const seen = new Uint8Array(categories.length);
  let missingSeen = false;
  let unknownSeen = false;
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i]!;
    if (code >= 0 && code < categories.length) seen[code] = 1;
    else if (code === MISSING_CODE) missingSeen = true;
    else unknownSeen = true;
  }
  const slotOfCode = new Int32Array(categories.length).fill(NO_SLOT);
  const labels: string[] = [];
  for (let c = 0; c < categories.length; c++) {
    if (seen[c] === 1) {
      slotOfCode[c] = labels.length;
      labels.push(categories[c]!);
    }
  }
  const missingSlot = missingSeen ? labels.push('<missing>') - 1 : NO_SLOT;
  const unknownSlot = unknownSeen ? labels.push('<unknown>') - 1 : NO_SLOT;
  return { slotOfCode, missingSlot, unknownSlot, labels };
}

function featureNamesOf(layout: ColumnLayout, slots: readonly (CategoricalSlots | undefined)[]): string[] {
  const names: string[] = [];
  layout.names.forEach((name, j) => {
    const group = slots[j];
    if (group === undefined) names.push(name);
    else for (const label of group.labels) names.push(`${name}=${label}`);
  });
  return names;
}
