import { test } from 'node:test';
import assert from 'node:assert/strict';
import { medianOf } from '../../../src/search/early-stopping/median.ts';

test('medianOf: middle value, mean of the two middles, Infinity allowed, null when empty', () => {
  assert.equal(medianOf([3, 1, 2]), 2);
  assert.equal(medianOf([4, 1, 3, 2]), 2.5);
  assert.equal(medianOf([1, Infinity, 2]), 2);
  assert.equal(medianOf([1, Infinity]), Infinity);
  assert.equal(medianOf([Infinity, Infinity]), Infinity);
  assert.equal(medianOf([]), null);
});
