import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ARTIFACT_FORMAT, validateArtifact } from '../../src/export/artifact.ts';
import { AutoMLError } from '../../src/util/errors.ts';

function problem(value: unknown): string {
  try {
    validateArtifact(value, 'model.json');
  } catch (error) {
    assert.ok(error instanceof AutoMLError);
    assert.equal(error.code, 'BAD_MODEL_FILE');
    return error.message;
  }
  assert.fail('the artifact was accepted');
}

test('formatVersion: a missing one is reported missing, a wrongly typed one says what it must be', () => {
  assert.match(problem({ format: ARTIFACT_FORMAT }), /formatVersion is missing/);
  for (const wrong of ['2', 1.5, 0, null, [1]]) {
    const message = problem({ format: ARTIFACT_FORMAT, formatVersion: wrong });
    assert.match(message, /formatVersion must be a number/, JSON.stringify(wrong));
    assert.ok(message.includes(`got ${JSON.stringify(wrong)}`), message);
  }
});
