/** `automl info` and `automl fit --backend` through the real executable. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli.ts';
import { datasetPath } from '../helpers/datasets.ts';

test('automl info --json lists versions, cores, tensor backends and XGBoost engines', () => {
  const result = runCli(['info', '--json']);
  assert.equal(result.code, 0, result.stderr);
  const info = JSON.parse(result.stdout) as Record<string, unknown>;
  assert.match(String(info['version']), /^\d+\.\d+\.\d+/);
  assert.equal(info['node'], process.version);
  assert.ok(Number(info['cores']) >= 1);
  const backends = info['tensor_backends'] as { name: string; available: boolean; detail: string }[];
  assert.deepEqual(backends.map((b) => b.name), ['tensorflow-gpu', 'tensorflow', 'wasm', 'cpu']);
  assert.ok(backends.find((b) => b.name === 'cpu')!.available);
  assert.ok(backends.every((b) => b.available || b.detail.length > 0), 'an unavailable backend says why');
  const engines = info['xgboost_engines'] as { name: string; available: boolean }[];
  assert.deepEqual(engines.map((e) => e.name), ['native', 'wasm']);
  assert.ok(engines.find((e) => e.name === 'wasm')!.available);
  assert.ok(['native', 'wasm'].includes(String(info['xgboost_engine_auto'])));
});

test('automl info prints a readable report', () => {
  const result = runCli(['info'], { env: { AUTOML_XGBOOST_ENGINE: 'wasm' } });
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /^automl-ts \d/);
  assert.match(result.stdout, /tensor backends for neural networks \(auto picks: \w+/);
  assert.match(result.stdout, /XGBoost engines \(auto picks: \w+; AUTOML_XGBOOST_ENGINE=wasm\)/);
});

test('automl fit --backend: an unknown name or an unavailable backend is a usage error before any trial', () => {
  const dir = mkdtempSync(join(tmpdir(), 'automl-backend-'));
  try {
    const out = join(dir, 'model.json');
    const common = ['fit', datasetPath('iris'), '--target', 'class', '--time', '5', '--quiet', '--out', out, '--run-dir', join(dir, 'run')];
    const unknown = runCli([...common, '--backend', 'gpu']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /backend/);
    // The native binding is an optional dependency absent from this checkout (its install needs the network).
    const info = JSON.parse(runCli(['info', '--json']).stdout) as { tensor_backends: { name: string; available: boolean }[] };
    if (!info.tensor_backends.find((b) => b.name === 'tensorflow')!.available) {
      const forced = runCli([...common, '--backend', 'tensorflow']);
      assert.equal(forced.code, 2, forced.stderr);
      assert.match(forced.stderr, /backend "tensorflow" is not available/);
      assert.match(forced.stderr, /npm install @tensorflow\/tfjs-node/);
    }
    assert.ok(!existsSync(out));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
