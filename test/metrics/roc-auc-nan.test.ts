import { test } from 'node:test';
import assert from 'node:assert/strict';
import { binaryRocAuc } from '../../src/metrics/classification.ts';

test('ROC AUC ends on NaN scores (a NaN equals nothing, so a tie scan must still advance)', () => {
  const positive = Uint8Array.from([1, 0, 1, 0]);
  const auc = binaryRocAuc(positive, Float64Array.from([NaN, NaN, 0.2, 0.1]));
  assert.equal(typeof auc, 'number');
  assert.equal(binaryRocAuc(positive, Float64Array.from([0.9, 0.1, 0.8, 0.2])), 1);
});
