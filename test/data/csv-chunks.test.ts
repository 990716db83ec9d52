import { test } from 'node:test';
import assert from 'node:assert/strict';
import Papa from 'papaparse';
import { recordAlignedChunks } from '../../src/data/csv-chunks.ts';
import { Rng } from '../../src/util/rng.ts';

async function* pieces(text: string, size: number): AsyncGenerator<string> {
  for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
}

async function rechunk(text: string, size: number): Promise<string[]> {
  const chunks: string[] = [];
  for await (const chunk of recordAlignedChunks(pieces(text, size))) chunks.push(chunk);
  return chunks;
}

test('chunks hold whole records: a quoted field with line breaks is never cut', async () => {
  const rng = new Rng(3);
  const rows = ['id,text,n'];
  for (let i = 0; i < 300; i++) {
    const text = rng.next() < 0.3 ? `"line one\nline ""two""\n${i}"` : `plain${i}`;
    rows.push(`${i},${text},${i % 7}`);
  }
  const csv = `${rows.join('\n')}\n`;
  const whole = Papa.parse<string[]>(csv).data;
  for (const size of [1, 7, 64, 1000]) {
    const chunks = await rechunk(csv, size);
    assert.equal(chunks.join(''), csv, 'nothing lost or reordered');
    // Parsing each chunk alone gives the records of parsing the whole text.
    const records = chunks.flatMap((chunk) => {
      const data = Papa.parse<string[]>(chunk).data;
      if (chunk.endsWith('\n')) data.pop();
      return data;
    });
    assert.deepEqual(records, whole.slice(0, -1), `chunk size ${size}`);
    for (const chunk of chunks) assert.equal((chunk.match(/"/g) ?? []).length % 2, 0, 'each chunk closes the quotes it opens');
  }
});

test('a long field is held in pieces and emitted once, whole', async () => {
  const field = 'x'.repeat(1_000_000);
  const chunks = await rechunk(`a,b\n1,"${field}"\n2,y\n`, 4096);
  assert.deepEqual(chunks, ['a,b\n', `1,"${field}"\n2,y\n`]);
});
