import { test } from 'node:test';
import assert from 'node:assert/strict';
import { predictionHeader, predictionLines } from '../../src/cli/prediction-csv.ts';

test('regression predictions stay numbers, negative ones included', () => {
  assert.equal(predictionHeader(null, true), 'prediction\n');
  assert.equal(predictionLines({ kind: 'regression', values: Float64Array.from([-1.5, 2, -3e-9]) }, null, false), '-1.5\n2\n-3e-9\n');
});

test('class labels that read as formulas are escaped; numeric labels are not', () => {
  const classes = ['=HYPERLINK("http://x")', '-1', '@a'];
  const proba = { nRows: 3, nClasses: 3, data: Float64Array.from([0.8, 0.1, 0.1, 0.1, 0.8, 0.1, 0.1, 0.1, 0.8]) };
  assert.equal(predictionHeader(classes, true), 'prediction,"proba_=HYPERLINK(""http://x"")",proba_-1,proba_@a\n');
  assert.equal(
    predictionLines({ kind: 'classification', proba }, classes, false),
    `"'=HYPERLINK(""http://x"")"\n-1\n'@a\n`,
  );
});
