import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GrowingTypedArray } from '../../src/data/growing-typed-array.ts';

function isResizable(array: Float64Array | Uint8Array): boolean {
  return (array.buffer as { resizable?: boolean }).resizable === true;
}

test('small arrays stay in the ordinary tail', () => {
  const growing = new GrowingTypedArray(Float64Array);
  for (let i = 0; i < 5000; i++) growing.push(i / 4);
  assert.equal(growing.length, 5000);
  const out = growing.finish();
  assert.equal(out.length, 5000);
  assert.equal(out[4999], 4999 / 4);
  assert.ok(!isResizable(out));
});

test('past the tail the values move to the head and come back in order', () => {
  const growing = new GrowingTypedArray(Float64Array);
  const n = 300_000; // the 64 K tail taken over several times, the head resized in place
  for (let i = 0; i < n; i++) growing.push(i * 1.5 - 7);
  const out = growing.finish();
  assert.equal(out.length, n);
  for (let i = 0; i < n; i++) if (out[i] !== i * 1.5 - 7) assert.fail(`element ${i} is ${out[i]}`);
  assert.ok(!isResizable(out), 'an ordinary array for the hot loops');
  // Emptied, and usable again.
  assert.equal(growing.length, 0);
  growing.push(3);
  assert.deepEqual(Array.from(growing.finish()), [3]);
});

test('a head that outgrows its first reservation moves to a larger one intact', () => {
  const growing = new GrowingTypedArray(Uint8Array);
  const n = 64 * 1024 * 1024 + 100_000; // one byte each: past the first 64 MB reservation
  for (let i = 0; i < n; i++) growing.push(i % 251);
  const out = growing.finish();
  assert.equal(out.length, n);
  for (let i = 0; i < n; i += 4093) if (out[i] !== i % 251) assert.fail(`element ${i} is ${out[i]}`);
  assert.equal(out[n - 1], (n - 1) % 251);
});

test('finish to a longer length pads with zeros, to a shorter one cuts', () => {
  const growing = new GrowingTypedArray(Uint8Array);
  for (let i = 1; i <= 3; i++) growing.push(i);
  assert.deepEqual(Array.from(growing.finish(5)), [1, 2, 3, 0, 0]);
  for (let i = 1; i <= 3; i++) growing.push(i);
  assert.deepEqual(Array.from(growing.finish(2)), [1, 2]);
});
