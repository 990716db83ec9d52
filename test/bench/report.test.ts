import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatReport, type BenchResult } from '../../src/bench/report.ts';
import type { PeerResult } from '../../src/bench/peer.ts';

function result(dataset: string, task: string, metrics: Record<string, number>): BenchResult {
  return {
    dataset, task, metrics, singleMetrics: {}, temperature: 1, uncalibratedMetrics: metrics, ensembleSize: 1,
    fitSeconds: 1, predictSeconds: 0, trials: 3, algorithm: 'rf', dataFingerprint: null, metadataLeftOut: [],
  };
}

function peers(dataset: string, logLoss: Record<string, number>): Map<string, Map<string, PeerResult>> {
  return new Map([[dataset, new Map(Object.entries(logLoss).map(([method, value]) => [method, { dataset, method, metrics: { log_loss: value } }]))]]);
}

test('the bench prints log loss, Brier and ECE per classification dataset beside the best peer log loss', () => {
  const text = formatReport(
    [
      result('blobs', 'binary', { balanced_accuracy: 0.9, log_loss: 0.25, brier: 0.125, ece: 0.0371 }),
      result('houses', 'regression', { rmse: 3, r2: 0.5 }),
    ],
    peers('blobs', { dummy: 0.693, rf: 0.31, hgb: 0.22, optuna: 0.24 }),
    5,
  );
  const section = text.slice(text.indexOf('## Classification: probability quality'));
  assert.ok(section.length > 0 && text.includes('## Classification: probability quality'));
  assert.match(section, /\| blobs \| \*\*0\.250\*\* \| 0\.125 \| 0\.037 \| 0\.220 \(hgb\) \| 0\.693 \|/);
  assert.doesNotMatch(section.split('\n## ')[0]!, /houses/, 'regression has no probabilities');
  assert.match(section, /no worse than the dummy \(class prior\) on 1 of 1 datasets/);
});

test('a dataset the peer never ran still gets its own probability scores', () => {
  const text = formatReport([result('fresh', 'multiclass', { log_loss: 0.5, brier: 0.3, ece: 0.1 })], new Map(), 5);
  assert.match(text, /\| fresh \| \*\*0\.500\*\* \| 0\.300 \| 0\.100 \| – \| – \|/);
});
