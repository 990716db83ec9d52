/**
 * `npx tsx src/bench/fuzz.ts [cases]`: the mutation fuzzing of fuzz-cases.ts at a larger scale
 * (default 20 000 cases per reader): CSV cases from every public dataset's first 4 KB, model
 * cases from a logistic-regression and a random-forest model fitted on iris. Prints outcome
 * counts, the slowest case and every failure; exits 1 if there is one.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readCsvFile } from '../data/csv.ts';
import { fit } from '../api/fit.ts';
import { buildSearchSpace } from '../components/registry.ts';
import { readManifest } from './manifest.ts';
import { csvHead, fuzzCsvCase, fuzzModelCase, probeRows, runFuzz, type FuzzSummary } from './fuzz-cases.ts';

const CASES = Number(process.argv[2] ?? 20_000);

function print(label: string, summary: FuzzSummary): void {
  process.stdout.write(
    `${label}: ${summary.cases} cases, ${summary.results} results, typed errors ${JSON.stringify(summary.typedErrors)}, ` +
      `slowest case ${summary.slowestMs.toFixed(0)} ms, failures ${summary.failures.length}\n`,
  );
  for (const failure of summary.failures.slice(0, 20)) process.stdout.write(`  ${failure}\n`);
}

const datasets = readManifest(fileURLToPath(new URL('../../datasets/manifest.json', import.meta.url)));
const sources = datasets.map((entry) => csvHead(readFileSync(entry.csvPath), 4096));
let start = performance.now();
const csv = await runFuzz(CASES, 1, (seed) => fuzzCsvCase(sources[seed % sources.length]!, seed));
print(`CSV reader (${((performance.now() - start) / 1000).toFixed(1)} s)`, csv);

const iris = await readCsvFile(datasets.find((entry) => entry.name === 'iris')!.csvPath);
const rows = probeRows(iris.header.filter((name) => name !== 'class'));
let failed = csv.failures.length > 0;
for (const classifier of ['logistic_regression', 'random_forest']) {
  const space = buildSearchSpace(
    { task: 'multiclass', nRows: iris.nRows, nFeatures: 4, nNumeric: 4, nCategorical: 0, nEncoded: 4 },
    { classifier: [classifier], feature_preprocessor: ['no_preprocessing'], balancing: ['none'] },
  );
  const model = await fit(iris, { target: 'class', space, maxTrials: 1, ensembleSize: 1, workers: 0, timeBudget: 60 });
  const text = JSON.stringify(model.toJSON());
  start = performance.now();
  const summary = await runFuzz(CASES, 1, (seed) => fuzzModelCase(text, rows, seed));
  print(`model loader, ${classifier} (${((performance.now() - start) / 1000).toFixed(1)} s)`, summary);
  failed ||= summary.failures.length > 0;
}
process.exitCode = failed ? 1 : 0;
