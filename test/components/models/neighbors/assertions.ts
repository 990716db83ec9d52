/** Test helper: assertions shared by the model tests. */
import assert from 'node:assert/strict';
import type { ProbabilityMatrix } from '../../../../src/components/matrix.ts';
import { AutoMLError } from '../../../../src/util/errors.ts';
import type { ErrorCode } from '../../../../src/util/errors.ts';
import { isJsonObject } from '../../../../src/util/json.ts';
import type { JsonObject } from '../../../../src/util/json.ts';

export function throwsCode(fn: () => unknown, code: ErrorCode): void {
  assert.throws(fn, (error: unknown) => error instanceof AutoMLError && error.code === code);
}

/** Saved state after a trip through JSON text, as a model file would give it back. */
export function reparsed(state: JsonObject): JsonObject {
  const parsed: unknown = JSON.parse(JSON.stringify(state));
  assert.ok(isJsonObject(parsed), 'saved state must be a JSON object');
  return parsed;
}

/** Every probability finite and in [0, 1], every row summing to 1. */
export function assertValidProbabilities(proba: ProbabilityMatrix, nRows: number, nClasses: number): void {
  assert.equal(proba.nRows, nRows);
  assert.equal(proba.nClasses, nClasses);
  assert.equal(proba.data.length, nRows * nClasses);
  for (let i = 0; i < nRows; i++) {
    let sum = 0;
    for (let k = 0; k < nClasses; k++) {
      const p = proba.data[i * nClasses + k]!;
      assert.ok(Number.isFinite(p) && p >= 0 && p <= 1, `row ${i} class ${k}: probability ${p}`);
      sum += p;
    }
    assert.ok(Math.abs(sum - 1) < 1e-9, `row ${i} sums to ${sum}`);
  }
}
