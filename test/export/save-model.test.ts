import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AutoMLModel, loadModel } from '../../src/export/model.ts';
import { AutoMLError } from '../../src/util/errors.ts';
import { saveSmallIrisModel } from '../helpers/small-model.ts';

let model: AutoMLModel;
let dir = '';

before(async () => {
  const path = await saveSmallIrisModel();
  model = loadModel(path);
  dir = join(dirname(path), 'save-tests');
  mkdirSync(dir);
});

function assertBadOutput(action: () => void, pattern: RegExp): void {
  assert.throws(action, (error: unknown) => error instanceof AutoMLError && error.code === 'BAD_OUTPUT' && pattern.test(error.message) && !error.message.includes('\n'));
}

test('save refuses a path that is a folder, and writes nothing into it', () => {
  const folder = join(dir, 'a-folder');
  mkdirSync(folder);
  assertBadOutput(() => model.save(folder), /a-folder: it is a folder/);
  assert.deepEqual(readdirSync(folder), []);
});

test('save refuses a path whose folder does not exist, without creating it', () => {
  assertBadOutput(() => model.save(join(dir, 'missing', 'model.json')), /folder .*missing does not exist/);
  assert.equal(readdirSync(dir).includes('missing'), false);
});

test('save refuses a path under a file', () => {
  const file = join(dir, 'plain.txt');
  writeFileSync(file, 'x');
  assertBadOutput(() => model.save(join(file, 'model.json')), /plain\.txt is not a folder/);
});

test('save replaces an existing file whole and leaves no temporary file', () => {
  const path = join(dir, 'model.json');
  writeFileSync(path, 'an older file');
  model.save(path);
  assert.deepEqual(JSON.parse(readFileSync(path, 'utf8')), JSON.parse(JSON.stringify(model.artifact)));
  assert.deepEqual(loadModel(path).predict([{ sepal_length_cm: 5, sepal_width_cm: 3, petal_length_cm: 1.5, petal_width_cm: 0.2 }]), model.predict([{ sepal_length_cm: 5, sepal_width_cm: 3, petal_length_cm: 1.5, petal_width_cm: 0.2 }]));
  assert.deepEqual(readdirSync(dir).filter((name) => name.endsWith('.tmp')), []);
});
