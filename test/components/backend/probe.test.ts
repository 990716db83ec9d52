/** `automl info`'s backend report with the native packages absent (simulated, nothing uninstalled). */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { probeBackends } from '../../../src/components/backend/index.ts';
import { ABSENT, NATIVE_ABSENT, simulatedLoader } from './simulated-loader.ts';

it('reports each backend with its reason, and auto as the first available one', async () => {
  const report = await probeBackends(simulatedLoader(NATIVE_ABSENT));
  assert.deepEqual(report.backends.map((b) => [b.name, b.available]), [['tensorflow-gpu', false], ['tensorflow', false], ['wasm', true], ['cpu', true]]);
  assert.match(report.backends[0]!.detail, /tfjs-node-gpu is not installed/);
  assert.match(report.backends[1]!.installHint ?? '', /npm install @tensorflow\/tfjs-node/);
  assert.equal(report.backends[2]!.installHint, null);
  assert.equal(report.auto, 'wasm');

  const noWasm = await probeBackends(simulatedLoader({ ...NATIVE_ABSENT, '@tensorflow/tfjs-backend-wasm': ABSENT }));
  assert.equal(noWasm.auto, 'cpu');
});
