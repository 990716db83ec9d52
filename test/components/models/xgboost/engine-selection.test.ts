/**
 * Engine choice: auto falls back to wasm when the native library cannot be loaded (the failure
 * is injected through the loader, nothing is uninstalled), a forced engine that is unavailable
 * is a clear error, the environment variable overrides auto, and a failed wasm call retires the
 * wasm engine for the rest of the thread.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNumericSplit } from '../../../helpers/numeric-split.ts';
import { loadSavedModel } from '../../../../src/components/model-loaders.ts';
import { XgboostClassifier, XGBOOST_ENGINE_ENV, prepareXgboost, resolveXgboostEngine, setNativeLoader, xgboostEngineStatus } from '../../../../src/components/models/xgboost/index.ts';
import { AutoMLError } from '../../../../src/util/errors.ts';

const missingLibrary = {
  load(): never {
    throw new Error('libxgboost.so.0: cannot open shared object file (simulated)');
  },
};

test('without the native library, auto trains on wasm and says so; forcing native is a clear error', async () => {
  setNativeLoader(missingLibrary);
  try {
    // This is the first load of the wasm module in this file's process; it leaves no
    // process-wide handler of its own behind.
    const uncaughtHandlersBefore = process.listenerCount('uncaughtException');
    await prepareXgboost();
    assert.equal(process.listenerCount('uncaughtException'), uncaughtHandlersBefore);
    const split = loadNumericSplit('iris');
    const model = new XgboostClassifier({ n_estimators: 20 });
    model.fit(split.train.x, split.train.labels, 3);
    assert.equal(model.engine?.name, 'wasm');
    const saved = JSON.parse(JSON.stringify(model.toJSON()));
    assert.equal(saved.state.engine.name, 'wasm');
    // The saved model needs no engine to predict.
    assert.deepEqual((loadSavedModel(saved) as XgboostClassifier).predictProba(split.test.x), model.predictProba(split.test.x));

    assert.throws(
      () => new XgboostClassifier({ engine: 'native' }).fit(split.train.x, split.train.labels, 3),
      (e: unknown) => e instanceof AutoMLError && e.code === 'BAD_OPTION' && /native XGBoost engine is not available: .*simulated/.test(e.message) && /libxgboost0/.test(e.hint ?? ''),
    );
    const status = await xgboostEngineStatus();
    assert.equal(status.auto, 'wasm');
    assert.equal(status.engines[0]!.available, false);
    assert.match(status.engines[0]!.detail, /simulated/);
  } finally {
    setNativeLoader();
  }
});

test('AUTOML_XGBOOST_ENGINE forces an engine over auto; a bad value is BAD_OPTION', async () => {
  const before = process.env[XGBOOST_ENGINE_ENV];
  try {
    process.env[XGBOOST_ENGINE_ENV] = 'wasm';
    await prepareXgboost();
    assert.equal(resolveXgboostEngine().name, 'wasm');
    process.env[XGBOOST_ENGINE_ENV] = 'gpu';
    assert.throws(() => resolveXgboostEngine(), (e: unknown) => e instanceof AutoMLError && e.code === 'BAD_OPTION' && e.message.includes(XGBOOST_ENGINE_ENV));
  } finally {
    if (before === undefined) delete process.env[XGBOOST_ENGINE_ENV];
    else process.env[XGBOOST_ENGINE_ENV] = before;
  }
});

// Last in this file: it leaves the thread's wasm engine retired.
test('after a failing call the wasm engine refuses further work instead of running on a broken module', async () => {
  await prepareXgboost('wasm');
  const split = loadNumericSplit('iris');
  const engine = resolveXgboostEngine('wasm');
  const input = { data: new Float32Array(8), nRows: 4, nFeatures: 2, labels: Float32Array.of(0, 1, 0, 1), weights: undefined, rounds: 2, nGroups: 1 };
  assert.throws(() => engine.train({ ...input, parameters: [['objective', 'no:such-objective']] }), /xgboost \(wasm\) failed/);
  assert.throws(() => engine.train({ ...input, parameters: [['objective', 'binary:logistic']] }), /unusable after an earlier failure/);
  assert.throws(() => new XgboostClassifier({ engine: 'wasm' }).fit(split.train.x, split.train.labels, 3), (e: unknown) => e instanceof AutoMLError);
});
