import { it } from 'node:test';
import assert from 'node:assert/strict';
import { selectBackend, trainingTf } from '../../../src/components/backend/index.ts';

it('initialises the wasm backend from the installed package without any network access', async () => {
  const realFetch = globalThis.fetch;
  globalThis.fetch = () => Promise.reject(new Error('network access attempted'));
  try {
    const info = await selectBackend('wasm');
    assert.equal(info.name, 'wasm');
    assert.match(info.reason, /^requested/);
  } finally {
    globalThis.fetch = realFetch;
  }
  const { tf } = trainingTf();
  assert.equal(tf.getBackend(), 'wasm');
  const product = tf.tidy(() => Array.from(tf.matMul(tf.tensor2d([1, 2, 3, 4], [2, 2]), tf.tensor2d([1, 0, 0, 1], [2, 2])).dataSync()));
  assert.deepEqual(product, [1, 2, 3, 4]);
});
