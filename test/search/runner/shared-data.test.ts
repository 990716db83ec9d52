import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { withSharedArrays } from '../../../src/search/runner/shared-data.ts';

describe('withSharedArrays', () => {
  it('copies typed arrays into shared memory and keeps everything else', () => {
    const source = new Float64Array([0, 1, 2, 3, 4, 5]);
    const data = {
      nRows: 3,
      columns: [{ kind: 'numeric', values: source.subarray(2, 5) }, { kind: 'categorical', codes: new Int32Array([1, -1, 0]), categories: ['a', 'b'] }],
      empty: null,
    };
    const shared = withSharedArrays(data);
    const values = shared.columns[0]!.values as Float64Array;
    assert.ok(values.buffer instanceof SharedArrayBuffer);
    assert.deepEqual([...values], [2, 3, 4]);
    assert.equal(values.byteLength, 3 * 8);
    assert.ok(shared.columns[1]!.codes instanceof Int32Array);
    assert.deepEqual(shared.columns[1]!.categories, ['a', 'b']);
    assert.equal(shared.empty, null);
    // The original is left alone.
    values[0] = 99;
    assert.equal(source[2], 2);
  });

  it('shares the copy with a worker instead of cloning it', () => {
    const shared = withSharedArrays({ values: new Float64Array(4) });
    const { port1, port2 } = new MessageChannel();
    port1.postMessage(shared);
    const received = receiveMessageOnPort(port2)?.message as { values: Float64Array };
    port1.close();
    received.values[1] = 7;
    assert.equal(shared.values[1], 7);
  });
});
