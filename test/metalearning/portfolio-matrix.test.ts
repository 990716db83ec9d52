import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AutoML } from '../../src/api/index.ts';
import { readManifest } from '../../src/bench/manifest.ts';
import { buildMatrix } from '../../src/metalearning/build-matrix.ts';
import { DEFAULT_METADATA_DIR } from '../../src/metalearning/metadata-base.ts';
import { readBase, writeBase, type BaseEntry } from '../../src/metalearning/metadata-files.ts';
import { readMatrix, writeMatrix, type PerformanceMatrix } from '../../src/metalearning/performance-matrix.ts';
import { configurationKey, type Configuration } from '../../src/space/index.ts';
import { readTrials } from '../../src/search/run-log.ts';
import { recordingLogger } from '../helpers/recording-logger.ts';
import { DATASETS_DIR, loadSplitDataset } from '../helpers/datasets.ts';

/** Base entries holding only the shipped base's fastest configurations, so evaluations stay tiny. */
function cheapEntries(perEntry: number): BaseEntry[] {
  const base = readBase(DEFAULT_METADATA_DIR, 'classification', 'balanced_accuracy')!;
  return base.entries
    .filter((e) => e.dataset === 'zoo' || e.dataset === 'iris' || e.dataset === 'glass')
    .map((e) => ({ ...e, configurations: [...e.configurations].filter((c) => (c.fit_seconds ?? Infinity) < 0.8).slice(0, perEntry) }));
}

const PROTOCOL = { max_rows: 150, holdout: 0.33, seed: 0, seconds_limit: 20, top_k: 2 };

test('performance matrix: an interrupted build resumes with the cells still empty only', async () => {
  const out = mkdtempSync(join(tmpdir(), 'automl-matrix-'));
  const datasets = readManifest(join(DATASETS_DIR, 'manifest.json')).filter((d) => d.name === 'iris' || d.name === 'zoo');
  const entries = cheapEntries(2);
  const first = await buildMatrix('classification', 'balanced_accuracy', entries, datasets, { protocol: PROTOCOL, out, saveEvery: 1, maxEvaluations: 3 }, recordingLogger());
  const total = first.candidates.length * first.datasets.length;
  assert.ok(total > 3);
  const stored = readMatrix(out, 'classification', 'balanced_accuracy')!;
  const filled = (m: PerformanceMatrix) => m.costs.flat().filter((c) => c !== null).length;
  assert.equal(filled(stored), 3, 'the interrupted build wrote what it evaluated');
  const logger = recordingLogger();
  const second = await buildMatrix('classification', 'balanced_accuracy', entries, datasets, { protocol: PROTOCOL, out, saveEvery: 1 }, logger);
  assert.ok(logger.infos.some((m) => m.includes(`${total - 3} to evaluate`)), logger.infos.join('\n'));
  assert.equal(filled(second), total);
  // The three cells of the first run were kept, not evaluated again.
  for (const [i, row] of stored.costs.entries()) {
    for (const [j, cell] of row.entries()) if (cell !== null) assert.equal(second.seconds[i]![j], stored.seconds[i]![j]);
  }
  assert.deepEqual(stored.datasets.map((d) => d.name), ['iris', 'zoo']);
  assert.ok(second.costs.flat().every((c) => c === 'fail' || (typeof c === 'number' && c >= 0 && c <= 1)));
});

test("warm start 'portfolio': the greedy portfolio's configurations follow the default one, in order", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'automl-portfolio-'));
  const base = readBase(DEFAULT_METADATA_DIR, 'classification', 'balanced_accuracy')!;
  writeBase(dir, base);
  const configs: Configuration[] = cheapEntries(3).flatMap((e) => e.configurations.map((c) => c.config));
  const unique = [...new Map(configs.map((c) => [configurationKey(c), c])).values()].slice(0, 4);
  assert.equal(unique.length, 4);
  // Greedy order by construction: 2 (best alone), then 0 (covers 2's weak dataset), then 3, then 1.
  const matrix: PerformanceMatrix = {
    format: 'automl-ts/portfolio-matrix',
    kind: 'classification',
    metric: 'balanced_accuracy',
    protocol: PROTOCOL,
    candidates: unique.map((config, i) => ({ config, sources: [`other-${i}`] })),
    datasets: ['a', 'b', 'c'].map((name) => ({ name, fingerprint: `fp-${name}`, cells: 1000 })),
    costs: [
      [0.9, 0.9, 0.1],
      [1, 1, 1],
      [0.1, 0.1, 0.8],
      [0.5, 0.4, 0.6],
    ],
    seconds: unique.map(() => [null, null, null]),
  };
  writeMatrix(dir, matrix);
  const { train } = await loadSplitDataset('iris');
  const runDir = join(dir, 'run');
  const logger = recordingLogger();
  const model = await AutoML.fit(train, { target: 'class', maxTrials: 4, seed: 0, workers: 0, metadataDir: dir, warmStart: 3, warmStartMethod: 'portfolio', runDir, logger });
  const warm = (model.artifact.summary as Record<string, unknown>)['warm_start'] as { source: string; method: string; configurations: number };
  assert.equal(warm.source, 'metadata');
  assert.equal(warm.method, 'portfolio');
  const trials = readTrials(runDir);
  assert.deepEqual(trials.slice(1, 4).map((t) => configurationKey(t.config)), [unique[2]!, unique[0]!, unique[3]!].map(configurationKey));
  // Without a matrix, 'portfolio' falls back to the nearest datasets with an info line.
  const noMatrix = mkdtempSync(join(tmpdir(), 'automl-portfolio-'));
  writeBase(noMatrix, base);
  const fallbackLogger = recordingLogger();
  const fallback = await AutoML.fit(train, { target: 'class', maxTrials: 1, seed: 0, workers: 0, metadataDir: noMatrix, warmStart: 2, warmStartMethod: 'portfolio', logger: fallbackLogger });
  assert.equal(((fallback.artifact.summary as Record<string, unknown>)['warm_start'] as { method: string }).method, 'knn');
  assert.ok(fallbackLogger.infos.some((m) => /no portfolio matrix/.test(m)));
});

test("warmStartMethod must be 'knn' or 'portfolio'", async () => {
  const { train } = await loadSplitDataset('iris');
  await assert.rejects(AutoML.fit(train, { target: 'class', maxTrials: 1, warmStartMethod: 'nearest' as 'knn' }), /warmStartMethod/);
});
