import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fit } from '../../src/api/fit.ts';
import { renderReport } from '../../src/report/html/render.ts';
import { loadReportData } from '../../src/report/html/write.ts';
import { readReportData, type ReportData, type ReportTrial } from '../../src/report/html/report-data.ts';
import { buildLeaderboard } from '../../src/report/leaderboard.ts';
import { AutoMLError } from '../../src/util/errors.ts';
import { smallRun } from './fixtures.ts';

const HOSTILE = '<script>alert("x")</script>&';

/** No element may load anything: no scripts, links, imports or remote URLs. */
function assertSelfContained(html: string): void {
  assert.doesNotMatch(html, /<script/i);
  assert.doesNotMatch(html, /<link|<img|<iframe|@import|url\(/i);
  assert.doesNotMatch(html.replace(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g, ''), /https?:\/\//);
}

test('fit writes report data with importance and a confusion matrix; the page has every section', { timeout: 60_000 }, async () => {
  const { runDir, model } = await smallRun('iris', 'class');
  const data = readReportData(runDir)!;
  assert.equal(data.task, 'multiclass');
  assert.ok(data.trials.length >= 1 && data.trials.length <= 6);
  assert.equal(data.members.length, model.artifact.members.length);
  assert.ok(data.diagnostics?.kind === 'confusion');
  assert.deepEqual(data.diagnostics.classes, ['setosa', 'versicolor', 'virginica']);
  assert.equal(data.diagnostics.matrix.flat().reduce((a, b) => a + b, 0), 150, 'cross-validated: every row is scored once');
  const importance = data.importance!;
  assert.equal(importance.features.length, 4);
  assert.ok(importance.features[0]!.feature.startsWith('petal'), `petal measurements matter most on iris, got ${importance.features[0]!.feature}`);
  assert.ok(importance.features[0]!.mean > 0.05);
  assert.equal(data.reliability?.view, 'top-label', 'multiclass: the top-label reliability');
  assert.equal(data.reliability.bins.reduce((n, b) => n + b.count, 0), 150, 'cross-validated: every row in one bin');
  const html = renderReport(data);
  for (const id of ['overview', 'search', 'leaderboard', 'ensemble', 'importance', 'diagnostics', 'calibration', 'dataset']) assert.match(html, new RegExp(`<section id="${id}">`));
  assert.match(html, /Confusion matrix/);
  assert.match(html, /aria-label="Reliability diagram"/);
  assertSelfContained(html);
});

test('regression runs get a residual plot', { timeout: 60_000 }, async () => {
  const { runDir } = await smallRun('diabetes', 'target', { maxTrials: 3, resampling: 'holdout' });
  const data = loadReportData(runDir);
  assert.ok(data.diagnostics?.kind === 'residuals');
  assert.equal(data.diagnostics.points.length, data.diagnostics.rows);
  assert.equal(data.diagnostics.rows, Math.round(0.33 * 442), 'the holdout rows');
  const html = renderReport(data);
  assert.match(html, /aria-label="Residuals"/);
  assert.equal(data.reliability, null, 'no probabilities to calibrate');
  assert.doesNotMatch(html, /Reliability diagram|id="calibration"/);
});

test('user text is escaped everywhere: column names, class labels, target', { timeout: 60_000 }, async () => {
  const rows = Array.from({ length: 60 }, (_, i) => ({ [HOSTILE]: i % 7, other: (i * 13) % 5, [`y${HOSTILE}`]: i % 2 === 0 ? `<b>a</b>` : `"b"` }));
  const runDir = join(mkdtempSync(join(tmpdir(), 'automl-escape-')), 'run');
  await fit(rows, { target: `y${HOSTILE}`, timeBudget: 2, maxTrials: 3, workers: 0, runDir });
  const html = renderReport(loadReportData(runDir));
  assert.ok(!html.includes(HOSTILE) && !html.includes('<b>a</b>'), 'raw user text in the page');
  assert.match(html, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;&amp;/);
  assert.match(html, /&lt;b&gt;a&lt;\/b&gt;/);
  assertSelfContained(html);
});

test('meta-features and warm start are rendered when present, "not available" otherwise', () => {
  const base: ReportData = {
    version: 1, createdAt: '2026-01-01T00:00:00Z', task: 'binary', target: 't', metric: 'accuracy', resampling: 'holdout', validationScore: 0.9,
    summary: {}, members: [], leaderboard: [], trials: [], diagnostics: null, importance: null,
  };
  const bare = renderReport(base);
  for (const what of ['meta-features', 'warm start', 'trials', 'leaderboard', 'ensemble members', 'feature importance', 'confusion matrix']) {
    assert.match(bare, new RegExp(`${what}: not available`));
  }
  const full = renderReport({
    ...base,
    summary: {
      meta_features: { n_rows: 100, class_entropy: 0.97 },
      warm_start: { source: 'metadata', configurations: 3, nearest: [{ dataset: `near${HOSTILE}`, distance: 0.25 }] },
    },
  });
  assert.match(full, /class_entropy/);
  assert.match(full, /<td>0\.97<\/td>/);
  assert.match(full, /near&lt;script&gt;/);
  assert.match(full, /<td>0\.25<\/td>/);
  assert.doesNotMatch(full, /meta-features: not available|warm start: not available/);
});

test('an unfinished run is reported from its run log; a folder without one is a clear error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'automl-partial-'));
  const runDir = join(dir, 'run');
  mkdirSync(runDir);
  writeFileSync(join(runDir, 'run.json'), JSON.stringify({ target: 'class', task: 'binary', metric: 'accuracy', resampling: 'holdout' }));
  const trial = (id: number, cost: number | null, status = 'SUCCESS') =>
    JSON.stringify({ id, algorithm: id % 2 === 0 ? 'lda' : 'random_forest', status, cost, score: cost === null ? null : 1 - cost, fit_seconds: 0.1, finished_at: id + 0.5, seed: 1, config: { a: id } });
  writeFileSync(join(runDir, 'trials.jsonl'), `${[trial(0, 0.3), trial(1, 0.2), trial(2, null, 'CRASHED'), trial(3, 0.25)].join('\n')}\n{"torn`);
  const data = loadReportData(runDir);
  assert.equal(data.trials.length, 4);
  const html = renderReport(data);
  assert.match(html, /aria-label="Best validation cost over time"/);
  assert.match(html, /leaderboard: not available/);
  assert.throws(() => loadReportData(dir), (e: unknown) => e instanceof AutoMLError && e.code === 'FILE_NOT_FOUND');
  assert.throws(() => loadReportData(join(dir, 'absent')), (e: unknown) => e instanceof AutoMLError && e.code === 'FILE_NOT_FOUND');
});

test('the importance section says what was measured: all members, the heaviest few, or nothing and why', () => {
  const base: ReportData = {
    version: 1, createdAt: '2026-01-01T00:00:00Z', task: 'binary', target: 't', metric: 'accuracy', resampling: 'cv', validationScore: 0.9,
    summary: {}, members: [], leaderboard: [], trials: [], diagnostics: null, importance: null,
  };
  const measured = {
    metric: 'accuracy', rows: 200, baselineCost: 0.1, seconds: 1.2, complete: true, features: [{ feature: 'a', mean: 0.2, std: 0.01, repeats: 5 }],
    heldOutFolds: 2, folds: 5, heldOutMembers: 3, members: 3, memberWeight: 1, refitted: true,
  };
  const all = renderReport({ ...base, importance: measured });
  assert.match(all, /On 200 validation rows of 2 of 5 validation fold\(s\), predicted by the ensemble refitted without the rows it is scored on\./);
  assert.doesNotMatch(all, /heaviest/);
  const few = renderReport({ ...base, importance: { ...measured, heldOutMembers: 1, memberWeight: 0.625 } });
  assert.match(few, /Only the 1 heaviest of 3 members \(62\.5 % of the weight, renormalised\) fitted in the time bound\./);
  const reused = renderReport({ ...base, importance: { ...measured, refitted: false } });
  assert.match(reused, /predicted by the deployed fold pipelines, each without the rows it is scored on/);
  const none = renderReport({ ...base, importanceUnavailable: 'refitting the heaviest member takes about 9.0 s' });
  assert.match(none, /feature importance: not available\.<\/p><p class="note">Not measured: refitting the heaviest member takes about 9\.0 s\./);
});

test('trials below full fidelity are drawn grey, counted apart and listed with their rung; the best line follows full trials only', () => {
  const trial = (id: number, cost: number | null, extra: Partial<ReportTrial> = {}): ReportTrial => ({
    id, algorithm: 'random_forest', status: 'SUCCESS', cost, score: cost === null ? null : 1 - cost, finishedAt: id, fitSeconds: 0.1, ...extra,
  });
  const trials = [trial(1, 0.05, { fidelity: 1 / 9, rung: 0 }), trial(2, 0.3), trial(3, null, { status: 'STOPPED', fidelity: 0.25 }), trial(4, null, { status: 'CRASHED' })];
  const leaderboard = buildLeaderboard(
    [
      { id: 2, algorithm: 'random_forest', status: 'SUCCESS', cost: 0.3, score: 0.7, config: {}, fitSeconds: 0.1, finishedAt: 2, seed: 1 },
      { id: 1, algorithm: 'random_forest', status: 'SUCCESS', cost: 0.05, score: 0.95, config: {}, fitSeconds: 0.1, finishedAt: 1, seed: 1, fidelity: 1 / 9, rung: 0 },
    ],
    new Map(),
  );
  const html = renderReport({
    version: 1, createdAt: '2026-01-01T00:00:00Z', task: 'binary', target: 't', metric: 'accuracy', resampling: 'holdout', validationScore: 0.7,
    summary: {}, members: [], leaderboard, trials, diagnostics: null, importance: null,
  });
  assert.match(html, /<th>rung<\/th><th>fidelity<\/th>/);
  assert.match(html, /<td>0<\/td><td>0\.111<\/td>/);
  assert.match(html, /trial 1 random_forest at fidelity 0\.111 \(rung 0\)/);
  assert.match(html, /Grey dots are trials below full fidelity/);
  // algorithm, trials, successful, below full fidelity, stopped, failed, best cost (full trials only)
  assert.match(html, /<th>below full fidelity<\/th><th>stopped<\/th>/);
  assert.match(html, /<td>random_forest<\/td><td>4<\/td><td>1<\/td><td>1<\/td><td>1<\/td><td>1<\/td><td>0\.3<\/td>/);
  // The best line starts at the full trial 2, not at the cheaper-looking trial 1 of rung 0.
  const line = /class="marks best-line" d="M([\d.]+),([\d.]+)/.exec(html);
  const dot = /<circle cx="([\d.]+)" cy="([\d.]+)"[^>]*><title>trial 2 random_forest:/.exec(html);
  assert.ok(line !== null && dot !== null);
  assert.deepEqual([line[1], line[2]], [dot[1], dot[2]]);
});
