/**
 * `automl-ts/runtime` loads and predicts without the search, the configuration space or
 * TensorFlow.js: a fresh plain Node process imports the runtime through the package's exports,
 * loads a saved model and predicts, while a preloaded hook records every ESM URL it resolves; the
 * CommonJS modules it loaded (TensorFlow.js packages are CommonJS) are read from the require cache.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { AutoML, textTable } from '../../src/api/index.ts';
import { loadSplitDataset } from '../helpers/datasets.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RECORDER = fileURLToPath(new URL('./fixtures/register-url-recorder.mjs', import.meta.url));

/** Module locations the predict-only runtime must never load. */
const FORBIDDEN: readonly [string, RegExp][] = [
  ['the search', /\/src\/search\//],
  ['the configuration space', /\/src\/space\//],
  ['TensorFlow.js', /\/node_modules\/@tensorflow\//],
];

test('the runtime predicts from a saved model without loading the search, the space or TensorFlow.js', async () => {
  const { train, test: testRows } = await loadSplitDataset('iris');
  const model = await AutoML.fit(train, { target: 'class', maxTrials: 1, timeBudget: 30, warmStart: 0, ensembleSize: 1, seed: 0 });
  const dir = mkdtempSync(join(tmpdir(), 'automl-runtime-graph-'));
  model.save(join(dir, 'model.json'));
  // The text form of a raw table is plain data: it crosses to the child process as JSON unchanged.
  writeFileSync(join(dir, 'rows.json'), JSON.stringify(textTable(testRows)));
  // A consumer project with the package installed (as a link), as in test/api/entry.test.ts.
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(ROOT, join(dir, 'node_modules', 'automl-ts'), 'dir');
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(join(dir, 'main.js'), `
    import { readFileSync } from 'node:fs';
    import { createRequire } from 'node:module';
    import { loadModel } from 'automl-ts/runtime';
    const predictions = loadModel('model.json').predict(JSON.parse(readFileSync('rows.json', 'utf8')));
    console.log(JSON.stringify({ predictions, commonJs: Object.keys(createRequire(import.meta.url).cache) }));
  `);
  const log = join(dir, 'resolved-urls.txt');
  writeFileSync(log, '');
  const env: NodeJS.ProcessEnv = { ...process.env, AUTOML_URL_LOG: log };
  delete env['NODE_OPTIONS'];
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', RECORDER, 'main.js'], { cwd: dir, env, timeout: 120_000 });
  const out = JSON.parse(stdout) as { predictions: string[]; commonJs: string[] };

  assert.deepEqual(out.predictions, model.predict(testRows));
  const loaded = [...readFileSync(log, 'utf8').split('\n').filter((line) => line.length > 0).map((url) => (url.startsWith('file:') ? fileURLToPath(url) : url)), ...out.commonJs];
  // The recorder works: the runtime's own modules and the model's components are in the graph.
  for (const expected of ['src/export/runtime.ts', 'src/export/model.ts', 'src/components/load.ts']) {
    assert.ok(loaded.includes(join(ROOT, expected)), `${expected} is not among the ${loaded.length} recorded modules`);
  }
  for (const [what, pattern] of FORBIDDEN) {
    const offending = loaded.filter((path) => pattern.test(path));
    assert.deepEqual(offending, [], `the runtime loaded ${what}`);
  }
});
