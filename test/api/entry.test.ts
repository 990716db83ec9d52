import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { datasetPath } from '../helpers/datasets.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A consumer project with the package installed (as a link) and plain Node, no TypeScript loader. */
function consumer(script: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'automl-consumer-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(ROOT, join(dir, 'node_modules', 'automl-ts'), 'dir');
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(join(dir, 'main.js'), script);
  return dir;
}

async function runPlainNode(dir: string): Promise<string> {
  // No --import tsx, no NODE_OPTIONS inherited from the test runner: what a user's `node main.js` sees.
  const env = { ...process.env };
  delete env['NODE_OPTIONS'];
  const { stdout } = await promisify(execFile)(process.execPath, ['main.js'], { cwd: dir, env, timeout: 120_000 });
  return stdout;
}

test('plain Node imports the library and the runtime with the names of their TypeScript modules', async () => {
  const dir = consumer(`
    const api = await import('automl-ts');
    const runtime = await import('automl-ts/runtime');
    console.log(JSON.stringify({ api: Object.keys(api).sort(), runtime: Object.keys(runtime).sort() }));
  `);
  const names = JSON.parse(await runPlainNode(dir)) as { api: string[]; runtime: string[] };
  assert.deepEqual(names.api, Object.keys(await import('../../src/api/index.ts')).sort());
  assert.deepEqual(names.runtime, Object.keys(await import('../../src/export/runtime.ts')).sort());
});

test('plain Node fits with a worker thread, saves, and predicts through the runtime', async () => {
  const dir = consumer(`
    import { AutoML, readCsv } from 'automl-ts';
    import { loadModel } from 'automl-ts/runtime';
    const data = await readCsv(${JSON.stringify(datasetPath('iris'))});
    const model = await AutoML.fit(data, { target: 'class', maxTrials: 2, timeBudget: 30, workers: 1, seed: 0 });
    model.save('model.json');
    const again = loadModel('model.json');
    console.log(JSON.stringify({ fitted: model.predict(data), loaded: again.predict(data) }));
  `);
  const out = JSON.parse(await runPlainNode(dir)) as { fitted: string[]; loaded: string[] };
  assert.equal(out.fitted.length, 150);
  assert.deepEqual(out.loaded, out.fitted);
  assert.ok(out.fitted.every((label) => ['setosa', 'versicolor', 'virginica'].includes(label)));
});
