import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderReport } from '../../src/report/html/render.ts';
import { loadReportData } from '../../src/report/html/write.ts';
import type { ReportData } from '../../src/report/html/report-data.ts';
import { calibrationGap } from '../../src/metrics/calibration.ts';
import { smallRun } from './fixtures.ts';

const BASE: ReportData = {
  version: 1, createdAt: '2026-01-01T00:00:00Z', task: 'binary', target: 't', metric: 'log_loss', resampling: 'cv', validationScore: 0.3,
  summary: {}, members: [], leaderboard: [], trials: [], diagnostics: null, importance: null,
};

test('a binary holdout run draws the positive class’s reliability from the holdout rows only', { timeout: 60_000 }, async () => {
  const { runDir } = await smallRun('ionosphere', 'class', { maxTrials: 3, resampling: 'holdout' });
  const data = loadReportData(runDir);
  const r = data.reliability!;
  assert.ok(r !== undefined && r !== null, 'a classification run stores reliability bins');
  assert.equal(r.view, 'class');
  assert.equal(r.label, 'good', 'the second class (classes are sorted)');
  const trainingRows = 351;
  assert.equal(r.rows, Math.round(0.33 * trainingRows), 'out of sample: the holdout rows, not the training rows');
  assert.equal(r.bins.reduce((n, b) => n + b.count, 0), r.rows);
  for (const b of r.bins) assert.ok(b.lower <= b.meanPredicted && b.meanPredicted <= b.upper && b.observed >= 0 && b.observed <= 1);
  assert.ok(r.ece >= 0 && r.ece <= 1 && r.brier >= 0 && r.brier <= 2 && r.logLoss > 0);
  const html = renderReport(data);
  assert.match(html, /<section id="calibration"><h2>Reliability diagram<\/h2>/);
  assert.match(html, /aria-label="Reliability diagram"/);
  assert.match(html, /<a href="#calibration">Calibration<\/a>/);
  assert.match(html, /predicted probability of good/);
  assert.equal((html.match(/<g class="marks bins">(.*?)<\/g>/)![1]!.match(/<circle/g) ?? []).length, r.bins.length, 'one point per occupied bin');
});

test('the diagram has the diagonal, one point per bin at (mean predicted, observed) and each bin’s row count', () => {
  const bins = [
    { lower: 0, upper: 0.2, count: 40, meanPredicted: 0.1, observed: 0.05 },
    { lower: 0.8, upper: 1, count: 7, meanPredicted: 0.9, observed: 0.5 },
  ];
  const html = renderReport({ ...BASE, reliability: { view: 'top-label', nBins: 5, bins, rows: 47, logLoss: 0.4, brier: 0.2, ece: calibrationGap(bins) } });
  // Default margins and size: x from 64 to 440, y from 376 (0) to 16 (1).
  assert.match(html, /<path class="diagonal" d="M64\.0,376\.0L440\.0,16\.0"/);
  assert.match(html, /<circle cx="101\.6" cy="358\.0"/, 'bin 1 at (0.1, 0.05)');
  assert.match(html, /<circle cx="402\.4" cy="196\.0"/, 'bin 2 at (0.9, 0.5)');
  assert.match(html, />40<\/text>/);
  assert.match(html, />7<\/text>/);
  assert.match(html, /predicted probability of the predicted class/);
  // ECE over these bins: (40 · |0.05 − 0.1| + 7 · |0.5 − 0.9|) / 47.
  assert.match(html, /expected calibration error \(top-label\) 0\.1021/);
});

test('no diagram for regression; "not available" for a classification run without bins', () => {
  const regression = renderReport({ ...BASE, task: 'regression', metric: 'rmse' });
  assert.doesNotMatch(regression, /id="calibration"|Reliability diagram|href="#calibration"/);
  assert.match(renderReport(BASE), /reliability diagram: not available/);
});
