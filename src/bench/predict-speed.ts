/**
 * `npm run bench:predict`: prediction throughput of a saved model. A random-forest model (100
 * trees) is fitted on synthetic 10 000 × 20 data, saved, loaded through the predict-only runtime,
 * and timed on 100 000 rows — from typed columns, and from row objects (parsing included).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fit } from '../api/fit.ts';
import { loadModel } from '../export/runtime.ts';
import { buildSearchSpace } from '../components/registry.ts';
import { Rng } from '../util/rng.ts';

const FEATURES = 20;

function rows(n: number, seed: number): Record<string, number | string>[] {
  const rng = new Rng(seed);
  return Array.from({ length: n }, () => {
    const row: Record<string, number | string> = {};
    let signal = 0;
    for (let j = 0; j < FEATURES; j++) {
      const value = rng.normal();
      row[`x${j}`] = value;
      if (j < 5) signal += value;
    }
    row['y'] = signal + rng.normal() > 0 ? 'pos' : 'neg';
    return row;
  });
}

const space = buildSearchSpace(
  { task: 'binary', nRows: 10_000, nFeatures: FEATURES, nNumeric: FEATURES, nCategorical: 0, nEncoded: FEATURES },
  { classifier: ['random_forest'], rescaling: ['none'], feature_preprocessor: ['no_preprocessing'], balancing: ['none'] },
);
const model = await fit(rows(10_000, 1), { target: 'y', space, maxTrials: 1, ensembleSize: 1, workers: 0, timeBudget: 600 });
const dir = mkdtempSync(join(tmpdir(), 'automl-predict-'));
try {
  const path = join(dir, 'model.json');
  model.save(path);
  const loaded = loadModel(path);
  const input = rows(100_000, 2);
  const prepared = loaded.prepare(input).dataset;
  for (let run = 1; run <= 3; run++) {
    let start = performance.now();
    loaded.predictPrepared(prepared);
    const typed = (performance.now() - start) / 1000;
    start = performance.now();
    loaded.predict(input);
    const objects = (performance.now() - start) / 1000;
    process.stdout.write(
      `run ${run}: 100-tree forest, 100 000 rows × ${FEATURES}: typed columns ${Math.round(100_000 / typed).toLocaleString('en')} rows/s, ` +
        `row objects (parsing included) ${Math.round(100_000 / objects).toLocaleString('en')} rows/s\n`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
