/**
 * Bytes of a CSV input → text, in the encoding the user names (UTF-8 unless told otherwise).
 *
 * UTF-8 is decoded strictly: a byte sequence that is not UTF-8 (a Latin-1 "é" is the single byte
 * 0xE9) is an error naming its offset. A lenient decoder would turn every such byte into U+FFFD,
 * so "é" and "è" would become the same category without a word. UTF-16 files (recognised by their
 * byte-order mark) are refused for the same reason.
 */

import { TextDecoder } from 'node:util';
import { AutoMLError } from '../util/errors.ts';

/** Encodings a CSV may be read in, by the names a user may give. */
const ENCODING_NAMES: Readonly<Record<string, CsvEncoding>> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  latin1: 'latin1',
  'latin-1': 'latin1',
  'iso-8859-1': 'latin1',
};

/**
 * 'latin1' is decoded as windows-1252, as the WHATWG Encoding Standard (and browsers) do: it is a
 * superset of ISO-8859-1 on printable characters and what "Latin-1" files from spreadsheets use.
 */
export type CsvEncoding = 'utf-8' | 'latin1';

export function parseCsvEncoding(name: string | undefined): CsvEncoding {
  if (name === undefined) return 'utf-8';
  const encoding = Object.hasOwn(ENCODING_NAMES, name.toLowerCase()) ? ENCODING_NAMES[name.toLowerCase()] : undefined;
  if (encoding === undefined) {
    throw new AutoMLError('BAD_OPTION', `encoding ${JSON.stringify(name)} is not supported`, {
      hint: 'use utf-8 (the default) or latin1; convert other encodings to UTF-8 first (e.g. with iconv)',
    });
  }
  return encoding;
}

/** Decodes a byte stream chunk by chunk; characters split across chunks are joined correctly. */
export async function* decodeCsvBytes(source: AsyncIterable<Uint8Array>, encoding: CsvEncoding, where: string): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding === 'utf-8' ? 'utf-8' : 'windows-1252', { fatal: true, ignoreBOM: true });
  let offset = 0;
  for await (const bytes of source) {
    if (offset === 0) rejectUtf16(bytes, where);
    yield decodeChunk(decoder, bytes, offset, where);
    offset += bytes.length;
  }
  yield decodeChunk(decoder, undefined, offset, where);
}

/** `bytes` undefined flushes the decoder at the end of the input. */
function decodeChunk(decoder: TextDecoder, bytes: Uint8Array | undefined, offset: number, where: string): string {
  try {
    return bytes === undefined ? decoder.decode() : decoder.decode(bytes, { stream: true });
  } catch (error) {
    // Only UTF-8 can fail: every byte has a windows-1252 reading.
    const at = bytes === undefined ? -1 : firstInvalidUtf8Byte(bytes);
    let position: string;
    if (bytes === undefined) position = 'the input ends inside a multi-byte character';
    else if (at < 0) position = `bytes near offset ${offset} are not valid UTF-8`;
    else position = `byte ${offset + at} (0x${bytes[at]!.toString(16).toUpperCase().padStart(2, '0')}) is not valid UTF-8`;
    throw new AutoMLError('BAD_INPUT', `${where}: ${position}; only UTF-8 is read unless another encoding is named`, {
      hint: 'save the file as UTF-8 CSV, or pass --encoding latin1 if it is Latin-1 / Windows-1252 text',
      cause: error,
    });
  }
}

function rejectUtf16(bytes: Uint8Array, where: string): void {
  const bom = bytes.length >= 2 ? (bytes[0]! << 8) | bytes[1]! : 0;
  if (bom === 0xfffe || bom === 0xfeff) {
    throw new AutoMLError('BAD_INPUT', `${where} is encoded as UTF-16; only UTF-8 and Latin-1 are read`, {
      hint: 'save the file as UTF-8 CSV',
    });
  }
}

/**
 * Index of the first byte that cannot be part of well-formed UTF-8, or -1. Runs only to word an
 * error. Leading continuation bytes are skipped: they may finish a character of the previous chunk.
 */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < Math.min(3, bytes.length) && (bytes[i]! & 0xc0) === 0x80) i++;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    let length: number;
    let min: number;
    if (lead < 0x80) {
      i++;
      continue;
    } else if (lead >= 0xc2 && lead <= 0xdf) {
      length = 2;
      min = 0x80;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      min = 0x800;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      min = 0x10000;
    } else {
      return i;
    }
    // A sequence cut by the end of this chunk continues in the next one.
    if (i + length > bytes.length) return -1;
    let code = lead & (0x7f >> length);
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k]!;
      if ((next & 0xc0) !== 0x80) return i;
      code = (code << 6) | (next & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += length;
  }
  return -1;
}
