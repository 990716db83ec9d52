/**
 * `npx tsx src/bench/final-models.ts [--budget s] [--max-trials n] [--datasets a,b] [--seed n]`
 *
 * Refit vs fold-model averaging as the final models, on the same search: every dataset of the
 * public corpus small enough for cross-validation (≤ 2000 training rows) is fitted once with
 * `finalModels: 'cv-average'`; the same selected trials with the same weights are then refitted on
 * all training rows (what `finalModels: 'refit'` builds), and both models are scored on the fixed
 * test rows. Selection is identical, so the difference is the final models alone. Each fit leaves
 * its own dataset out of the metadata base (by the data fingerprint of its training rows).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fit } from '../api/fit.ts';
import { evaluateModel } from '../api/evaluate.ts';
import { refitMembers, type WeightedTrial } from '../api/refit.ts';
import { readCsvFile } from '../data/csv.ts';
import { buildTrainingData } from '../data/build.ts';
import { complementRows, selectRawRows } from '../data/raw-rows.ts';
import { componentContextFor } from '../components/registry.ts';
import { formatVersionFor } from '../export/artifact.ts';
import { AutoMLModel } from '../export/model.ts';
import { readTrials } from '../search/run-log.ts';
import { AUTO_CV_MAX_ROWS } from '../search/resampling.ts';
import { nowSeconds } from '../util/clock.ts';
import { errorMessage } from '../util/errors.ts';
import { silentLogger } from '../util/log.ts';
import { trainingRowsExclusion } from '../metalearning/corpus.ts';
import { LEAVE_OUT_HEADER, leaveOutLine, leftOutOf, warningsOnStderr } from './leave-out-note.ts';
import { readManifest, readTestRows } from './manifest.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SHARED_MANIFEST = resolve(ROOT, '../shared/datasets/manifest.json');
const LOCAL_MANIFEST = join(ROOT, 'datasets/manifest.json');

const { values } = parseArgs({
  options: {
    budget: { type: 'string', default: '20' },
    'max-trials': { type: 'string' },
    datasets: { type: 'string' },
    seed: { type: 'string', default: '0' },
    manifest: { type: 'string' },
  },
});
const budget = Number(values.budget);
const maxTrials = values['max-trials'] === undefined ? undefined : Number(values['max-trials']);
const wanted = values.datasets === undefined ? undefined : new Set(values.datasets.split(','));
const manifest = values.manifest ?? (existsSync(SHARED_MANIFEST) ? SHARED_MANIFEST : LOCAL_MANIFEST);
const runsDir = join(ROOT, 'automl-runs', `final-models-${new Date().toISOString().replace(/[:.]/g, '-')}`);

const lines = [
  `# Final models: refit vs cv-average (same search, ${budget} s${maxTrials === undefined ? '' : `, ≤ ${maxTrials} trials`}, seed ${values.seed})`,
  '',
  `${LEAVE_OUT_HEADER}.`,
  '',
  '| dataset | metric | refit | cv-average | better | members | refit s | cv-average s |',
  '|---|---|---:|---:|---|---:|---:|---:|',
];
let refitWins = 0;
let averageWins = 0;
process.stderr.write(`${LEAVE_OUT_HEADER}\n`);
for (const dataset of readManifest(manifest)) {
  if (wanted !== undefined && !wanted.has(dataset.name)) continue;
  const raw = await readCsvFile(dataset.csvPath);
  const testRows = readTestRows(dataset.splitPath);
  const trainRows = complementRows(raw.nRows, testRows);
  if (trainRows.length > AUTO_CV_MAX_ROWS) continue;
  const train = selectRawRows(raw, trainRows);
  const test = selectRawRows(raw, testRows);
  const options = { target: dataset.target, task: dataset.task, columnTypes: dataset.columnTypes };
  try {
    const runDir = join(runsDir, dataset.name);
    const exclusion = trainingRowsExclusion(dataset, train);
    const averaged = await fit(train, {
      ...options, timeBudget: budget, seed: Number(values.seed), runDir, resampling: 'cv', finalModels: 'cv-average',
      metadataExclude: [exclusion], logger: warningsOnStderr(dataset.name), ...(maxTrials === undefined ? {} : { maxTrials }),
    });
    process.stderr.write(`  ${dataset.name}: ${leaveOutLine(exclusion, leftOutOf(averaged))}\n`);
    const averageSeconds = Number(averaged.artifact.summary['refit_seconds']);
    // The same members and weights, refitted on all training rows.
    const trials = new Map(readTrials(runDir).map((t) => [t.id, t]));
    const selected: WeightedTrial[] = averaged.artifact.members.map((m) => ({ trial: trials.get(m.trialId)!, weight: m.weight }));
    const labelled = buildTrainingData(train, options);
    const start = nowSeconds();
    const members = refitMembers({ kind: 'refit', data: labelled, context: componentContextFor(labelled.features, labelled.task) }, selected, [], silentLogger);
    const refitSeconds = nowSeconds() - start;
    const refitted = new AutoMLModel({ ...averaged.artifact, formatVersion: formatVersionFor(members), members });
    const metricNames = dataset.task === 'regression' ? ['rmse', 'r2'] : ['balanced_accuracy', 'log_loss'];
    const a = evaluateModel(refitted, test).metrics;
    const b = evaluateModel(averaged, test).metrics;
    for (const metric of metricNames) {
      const lowerIsBetter = metric === 'rmse' || metric === 'log_loss';
      const r = a[metric]!;
      const c = b[metric]!;
      const better = Math.abs(r - c) <= 1e-9 * Math.max(1, Math.abs(r)) ? 'tie' : (r < c) === lowerIsBetter ? 'refit' : 'cv-average';
      if (better === 'refit') refitWins++;
      if (better === 'cv-average') averageWins++;
      lines.push(`| ${dataset.name} | ${metric} | ${r.toFixed(4)} | ${c.toFixed(4)} | ${better} | ${members.length} | ${refitSeconds.toFixed(1)} | ${averageSeconds.toFixed(1)} |`);
    }
    process.stderr.write(`  ${dataset.name}: done\n`);
  } catch (error) {
    process.stderr.write(`  ${dataset.name}: FAILED ${errorMessage(error)}\n`);
  }
}
lines.push('', `wins (dataset × metric): refit ${refitWins}, cv-average ${averageWins}`, '');
process.stdout.write(lines.join('\n'));
