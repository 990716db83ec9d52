import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeCsvBytes, firstInvalidUtf8Byte, parseCsvEncoding } from '../../src/data/csv-decode.ts';
import { readCsvFile } from '../../src/data/csv.ts';
import { AutoMLError } from '../../src/util/errors.ts';
import { writeTempFile } from './temp-files.ts';

async function* chunksOf(...parts: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield part;
}

async function decodeAll(parts: Uint8Array[], encoding: 'utf-8' | 'latin1' = 'utf-8'): Promise<string> {
  let text = '';
  for await (const piece of decodeCsvBytes(chunksOf(...parts), encoding, 'test.csv')) text += piece;
  return text;
}

// "é" and "è" in Latin-1 are the single bytes 0xE9 and 0xE8, never valid alone in UTF-8.
const LATIN1 = Buffer.from('city,n\ncaf\xe9,1\ncaf\xe8,2\nm\xfcnchen,3\n', 'latin1');

test('a Latin-1 file is refused as UTF-8, naming the first bad byte', async () => {
  const path = writeTempFile('latin1.csv', LATIN1);
  await assert.rejects(readCsvFile(path), (error: unknown) => {
    assert.ok(error instanceof AutoMLError);
    assert.equal(error.code, 'BAD_INPUT');
    assert.match(error.message, /byte 10 \(0xE9\) is not valid UTF-8/);
    assert.match(error.hint ?? '', /--encoding latin1/);
    return true;
  });
});

test('with encoding latin1, é and è stay distinct values', async () => {
  const raw = await readCsvFile(writeTempFile('latin1-ok.csv', LATIN1), { encoding: 'latin1' });
  assert.deepEqual(raw.columns[0], ['café', 'cafè', 'münchen']);
});

test('UTF-8 characters split across chunks decode whole', async () => {
  const bytes = Buffer.from('a\nnaïve 日本 😀\n', 'utf8');
  // Every cut position, including inside each multi-byte character.
  for (let cut = 1; cut < bytes.length; cut++) {
    assert.equal(await decodeAll([bytes.subarray(0, cut), bytes.subarray(cut)]), 'a\nnaïve 日本 😀\n');
  }
});

test('an input ending inside a multi-byte character is an error', async () => {
  await assert.rejects(decodeAll([Buffer.from([0x61, 0x0a, 0xe6, 0x97])]), /ends inside a multi-byte character/);
});

test('UTF-16 input is refused', async () => {
  await assert.rejects(decodeAll([Buffer.from([0xff, 0xfe, 0x61, 0x00])]), /UTF-16/);
});

test('encoding names: aliases accepted, others refused with BAD_OPTION', () => {
  assert.equal(parseCsvEncoding(undefined), 'utf-8');
  assert.equal(parseCsvEncoding('UTF8'), 'utf-8');
  assert.equal(parseCsvEncoding('ISO-8859-1'), 'latin1');
  assert.throws(() => parseCsvEncoding('ebcdic'), (error: unknown) => error instanceof AutoMLError && error.code === 'BAD_OPTION');
});

test('firstInvalidUtf8Byte finds overlong forms, surrogates and stray bytes', () => {
  assert.equal(firstInvalidUtf8Byte(Buffer.from('plain ascii')), -1);
  assert.equal(firstInvalidUtf8Byte(Buffer.from('ok é', 'utf8')), -1);
  assert.equal(firstInvalidUtf8Byte(Buffer.from([0x61, 0xc0, 0xaf])), 1); // overlong '/'
  assert.equal(firstInvalidUtf8Byte(Buffer.from([0x61, 0x62, 0xed, 0xa0, 0x80])), 2); // surrogate
  assert.equal(firstInvalidUtf8Byte(Buffer.from([0x61, 0xff])), 1);
  // A character cut by the end of the chunk is not (yet) invalid.
  assert.equal(firstInvalidUtf8Byte(Buffer.from([0x61, 0xe6, 0x97])), -1);
});
