/**
 * Grows one CSV column in the numeric form of raw-column.ts while the file is read, for as long
 * as its cells are numbers or missing. The reader gives up the form for text (push returns false)
 * at the first other cell, or when the column holds more than a few texts that the value cannot
 * give back: a column of " 7"-style cells (a space after each delimiter) or "0012" codes would
 * cost more as numbers plus kept texts than as texts alone.
 */

import { isMissingCell, parseNumericCell } from './cell.ts';
import { GrowingTypedArray } from './growing-typed-array.ts';
import { OTHER_SPELLING, parseShortPlainDecimal, spellingCode } from './number-spelling.ts';
import { cellText, type NumericCells } from './raw-column.ts';

/**
 * Kept texts are "a few" while there are at most this many, or at most one per
 * CELLS_PER_SPELLING cells: about 50 bytes each, they then cost less than texts for every cell.
 */
const FEW_SPELLINGS = 1024;
const CELLS_PER_SPELLING = 8;

export class NumericColumnBuilder {
  private readonly values = new GrowingTypedArray(Float64Array);
  /** Spelling codes of every cell, from the first cell whose code is not 0 on. */
  private codes: GrowingTypedArray<Uint8Array> | undefined;
  private readonly spellings = new Map<number, string>();

  get length(): number {
    return this.values.length;
  }

  /** Appends a cell; false (and nothing appended) when the column has to be kept as text. */
  push(text: string): boolean {
    if (text === '') {
      this.append(NaN, 0);
      return true;
    }
    // Most cells of a data file: plain numbers, whose text is String(value).
    const plain = parseShortPlainDecimal(text);
    if (!Number.isNaN(plain)) {
      this.append(plain, 0);
      return true;
    }
    const value = parseNumericCell(text);
    if (Number.isNaN(value)) {
      if (!isMissingCell(text) || !this.roomForSpelling()) return false;
      this.spellings.set(this.length, text);
      this.append(NaN, 0);
      return true;
    }
    const code = spellingCode(text, value);
    if (code === OTHER_SPELLING) {
      if (!this.roomForSpelling()) return false;
      this.spellings.set(this.length, text);
    }
    this.append(value, Math.max(code, 0));
    return true;
  }

  /** Texts of the cells so far, for a column that turns out to be text. */
  texts(): string[] {
    const cells = this.finish();
    const texts = new Array<string>(cells.values.length);
    for (let i = 0; i < texts.length; i++) texts[i] = cellText(cells, i);
    return texts;
  }

  /** Texts that contain line breaks can only be among the kept ones (a number holds none). */
  keptTexts(): Iterable<string> {
    return this.spellings.values();
  }

  /** The column read so far; the builder is not used afterwards. */
  finish(): NumericCells {
    const length = this.length;
    const values = this.values.finish();
    const codes = this.codes?.finish(length);
    return codes === undefined ? { kind: 'numbers', values, spellings: this.spellings } : { kind: 'numbers', values, spellingCodes: codes, spellings: this.spellings };
  }

  private append(value: number, code: number): void {
    if (this.codes !== undefined) {
      this.codes.push(code);
    } else if (code !== 0) {
      // The first cell with a code: the cells before it all have code 0.
      const codes = new GrowingTypedArray(Uint8Array);
      for (let i = 0; i < this.length; i++) codes.push(0);
      codes.push(code);
      this.codes = codes;
    }
    this.values.push(value);
  }

  private roomForSpelling(): boolean {
    const kept = this.spellings.size;
    return kept < FEW_SPELLINGS || kept * CELLS_PER_SPELLING < this.length;
  }
}
