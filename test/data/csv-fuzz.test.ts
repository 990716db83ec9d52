import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { csvHead, fuzzCsvCase, runFuzz } from '../../src/bench/fuzz-cases.ts';
import { datasetPath } from '../helpers/datasets.ts';
import { parseCsvText, readCsvBatches } from '../../src/data/csv.ts';
import { columnTexts } from '../../src/data/raw-column.ts';
import { Rng } from '../../src/util/rng.ts';

const SOURCES = ['iris', 'glass', 'german_credit', 'house_votes84', 'income', 'ames'].map((name) => csvHead(readFileSync(datasetPath(name)), 2048));

test('fuzzed CSV input ends in a table or a typed error, promptly, in every case', { timeout: 120_000 }, async () => {
  const summary = await runFuzz(2000, 1, (seed) => fuzzCsvCase(SOURCES[seed % SOURCES.length]!, seed));
  assert.deepEqual(summary.failures, []);
  // The mutations must exercise both outcomes, or the property says nothing.
  assert.ok(summary.results > 100, `${summary.results} cases read`);
  assert.ok(Object.keys(summary.typedErrors).length >= 4, JSON.stringify(summary.typedErrors));
  assert.ok(summary.slowestMs < 5000, `slowest case ${summary.slowestMs} ms`);
});

test('real files read in random chunk sizes and batches give the table of a whole-text parse', async () => {
  const rng = new Rng(7);
  for (const source of SOURCES) {
    const expected = parseCsvText(Buffer.from(source).toString('utf8'));
    for (let round = 0; round < 5; round++) {
      async function* chunks(): AsyncGenerator<Uint8Array> {
        for (let at = 0; at < source.length; ) {
          const size = 1 + Math.floor(rng.next() * 300);
          yield source.subarray(at, at + size);
          at += size;
        }
      }
      const columns: string[][] = expected.header.map(() => []);
      for await (const batch of readCsvBatches({ bytes: chunks(), name: 'chunks' }, { delimiter: ',' }, 1 + Math.floor(rng.next() * 20))) {
        assert.deepEqual(batch.header, expected.header);
        batch.columns.forEach((column, j) => columns[j]!.push(...columnTexts(column)));
      }
      assert.deepEqual(columns, expected.columns.map((column) => columnTexts(column)));
    }
  }
});
