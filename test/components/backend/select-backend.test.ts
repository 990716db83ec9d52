import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import * as tfCore from '@tensorflow/tfjs-core';
import {
  BACKEND_NAMES, currentBackend, defaultModuleLoader, selectBackend, trainingTf, type BackendPreference,
} from '../../../src/components/backend/index.ts';
import { isAutoMLError } from '../../../src/util/errors.ts';
import { ABSENT, NATIVE_ABSENT, simulatedLoader } from './simulated-loader.ts';

const NODE = '@tensorflow/tfjs-node';
const NODE_GPU = '@tensorflow/tfjs-node-gpu';

function isBadOption(pattern: RegExp, hint: RegExp): (error: unknown) => boolean {
  return (error) => {
    assert.ok(isAutoMLError(error), `expected an AutoMLError, got ${String(error)}`);
    assert.equal(error.code, 'BAD_OPTION');
    assert.match(error.message, pattern);
    assert.match(error.hint ?? '', hint);
    return true;
  };
}

describe('selectBackend with the native packages absent', () => {
  it('falls back to wasm, says why, and never imports the native packages', async () => {
    const loader = simulatedLoader(NATIVE_ABSENT);
    const info = await selectBackend('auto', { loader });
    assert.equal(info.name, 'wasm');
    assert.match(info.reason, /tensorflow-gpu \(@tensorflow\/tfjs-node-gpu is not installed\)/);
    assert.match(info.reason, /tensorflow \(@tensorflow\/tfjs-node is not installed\)/);
    assert.deepEqual(currentBackend(), info);
    assert.ok(!loader.imported.includes(NODE) && !loader.imported.includes(NODE_GPU));
    assert.equal(trainingTf().tf.getBackend(), 'wasm');
  });

  it('falls back to cpu when wasm is missing too', async () => {
    const loader = simulatedLoader({ ...NATIVE_ABSENT, '@tensorflow/tfjs-backend-wasm': ABSENT });
    const info = await selectBackend('auto', { loader });
    assert.equal(info.name, 'cpu');
    assert.match(info.reason, /wasm \(@tensorflow\/tfjs-backend-wasm is not installed\)/);
    assert.equal(trainingTf().tf.getBackend(), 'cpu');
  });

  it('rejects a forced native backend with BAD_OPTION naming it and how to install it', async () => {
    const loader = simulatedLoader(NATIVE_ABSENT);
    await assert.rejects(selectBackend('tensorflow', { loader }), isBadOption(/"tensorflow".*not available/, /npm install @tensorflow\/tfjs-node\b/));
    await assert.rejects(selectBackend('tensorflow-gpu', { loader }), isBadOption(/"tensorflow-gpu"/, /npm install @tensorflow\/tfjs-node-gpu/));
    const noWasm = simulatedLoader({ '@tensorflow/tfjs-backend-wasm': ABSENT });
    await assert.rejects(selectBackend('wasm', { loader: noWasm }), isBadOption(/"wasm"/, /npm install @tensorflow\/tfjs-backend-wasm/));
  });

  it('rejects an unknown preference with BAD_OPTION', async () => {
    await assert.rejects(selectBackend('gpu' as BackendPreference), isBadOption(/unknown backend "gpu"/, /auto/));
  });
});

describe('selectBackend with unusable native packages', () => {
  it('does not import a package whose manifest names another package (an aliased install)', async () => {
    const loader = simulatedLoader({
      [NODE_GPU]: ABSENT,
      [NODE]: { kind: 'installed', name: '@tensorflow/tfjs', load: () => Promise.reject(new Error('must not be imported')) },
    });
    const info = await selectBackend('auto', { loader });
    assert.equal(info.name, 'wasm');
    assert.match(info.reason, /resolves to the package "@tensorflow\/tfjs", not the native binding/);
    assert.ok(!loader.imported.includes(NODE));
  });

  it('skips a native package that fails to import, reporting the error', async () => {
    const loader = simulatedLoader({
      [NODE_GPU]: { kind: 'installed', load: () => Promise.reject(new Error('libtensorflow.so.2: cannot open shared object file')) },
      [NODE]: ABSENT,
    });
    const info = await selectBackend('auto', { loader });
    assert.equal(info.name, 'wasm');
    assert.match(info.reason, /@tensorflow\/tfjs-node-gpu failed to load: libtensorflow\.so\.2/);
  });

  it('skips a native package that imports but registers no tensorflow backend', async () => {
    const loader = simulatedLoader({ [NODE_GPU]: ABSENT, [NODE]: { kind: 'installed', load: async () => tfCore } });
    const info = await selectBackend('auto', { loader });
    assert.equal(info.name, 'wasm');
    assert.match(info.reason, /did not register a 'tensorflow' backend/);
  });

  it('the real install in this checkout is never reported as native unless it is the native package', async () => {
    const info = await selectBackend('auto');
    assert.ok((BACKEND_NAMES as readonly string[]).includes(info.name));
    if (defaultModuleLoader.locate(NODE)?.name !== NODE) assert.notEqual(info.name, 'tensorflow');
    if (defaultModuleLoader.locate(NODE_GPU)?.name !== NODE_GPU) assert.notEqual(info.name, 'tensorflow-gpu');
  });
});

describe('selectBackend with a native package present', () => {
  after(async () => {
    if (tfCore.findBackendFactory('tensorflow') != null) tfCore.removeBackend('tensorflow');
    await selectBackend('cpu');
  });

  it('prefers it over the portable backends', async () => {
    // Stands in for the native binding: importing it registers a backend named 'tensorflow'.
    const loader = simulatedLoader({
      [NODE_GPU]: ABSENT,
      [NODE]: {
        kind: 'installed',
        load: async () => {
          await import('@tensorflow/tfjs-layers');
          tfCore.registerBackend('tensorflow', () => new MathBackendCPU());
          return tfCore;
        },
      },
    });
    const info = await selectBackend('auto', { loader });
    assert.equal(info.name, 'tensorflow');
    assert.match(info.reason, /skipped tensorflow-gpu/);
    assert.equal(tfCore.getBackend(), 'tensorflow');
    assert.equal((await selectBackend('tensorflow', { loader })).name, 'tensorflow');
  });
});
