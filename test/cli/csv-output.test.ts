import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvLine, neutralizeFormula, toCsv } from '../../src/cli/csv-output.ts';

test('text cells a spreadsheet would run as a formula get a leading quote', () => {
  for (const text of ['=1+1', '+cmd', '-2+3', '@SUM(A1)', '\t=x', '\r=x', '=HYPERLINK("http://x","y")']) {
    assert.equal(neutralizeFormula(text), `'${text}`, JSON.stringify(text));
  }
  for (const text of ['yes', 'a=b', '1', '-1', '+2.5', '-1e-3', '.5', '']) assert.equal(neutralizeFormula(text), text, JSON.stringify(text));
});

test('negative numbers stay numbers; quoting still applies after escaping', () => {
  assert.equal(csvLine([-3.25, 'a', -1e-7]), '-3.25,a,-1e-7\n');
  assert.equal(csvLine(['=a,b', '-x"y']), `"'=a,b","'-x""y"\n`);
});

test('headers are escaped like cells', () => {
  assert.equal(toCsv(['prediction', 'proba_=1+2', '@x'], [['=1+2', 0.5, 0.5]]), `prediction,proba_=1+2,'@x\n'=1+2,0.5,0.5\n`);
});
