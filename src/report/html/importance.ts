/**
 * Permutation feature importance: how much the validation cost of the final model rises when one
 * input column is shuffled across rows, which breaks its link to the target while keeping its
 * distribution. Works on the typed dataset, so it covers every model the ensemble may contain.
 * Bounded in time: each column is shuffled once before any column is shuffled again, so a
 * deadline leaves an even, if noisier, estimate; columns never reached are reported as such.
 */
import type { Column, Dataset } from '../../data/dataset.ts';
import type { Prediction, Truth } from '../../metrics/prediction.ts';
import { scoreToCost, type Scorer } from '../../metrics/scorers.ts';
import { nowSeconds } from '../../util/clock.ts';
import { Rng } from '../../util/rng.ts';
import type { FeatureImportance, ReportImportance } from './report-data.ts';

export interface ImportanceOptions {
  readonly seed: number;
  /** Wall-clock bound on the whole computation. */
  readonly seconds: number;
  /** Shuffles per column when time allows. */
  readonly maxRepeats?: number;
}

function shuffledColumn(column: Column, rng: Rng): Column {
  const order = Int32Array.from({ length: column.kind === 'numeric' ? column.values.length : column.codes.length }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  if (column.kind === 'numeric') {
    const values = new Float64Array(order.length);
    for (let i = 0; i < order.length; i++) values[i] = column.values[order[i]!]!;
    return { ...column, values };
  }
  const codes = new Int32Array(order.length);
  for (let i = 0; i < order.length; i++) codes[i] = column.codes[order[i]!]!;
  return { ...column, codes };
}

export function permutationImportance(
  predict: (dataset: Dataset) => Prediction,
  dataset: Dataset,
  truth: Truth,
  scorer: Scorer,
  options: ImportanceOptions,
): ReportImportance {
  const started = nowSeconds();
  const deadline = started + options.seconds;
  const maxRepeats = options.maxRepeats ?? 5;
  const cost = (prediction: Prediction) => scoreToCost(scorer, scorer.score(truth, prediction));
  const baselineCost = cost(predict(dataset));
  const rng = new Rng(options.seed);
  const increases: number[][] = dataset.columns.map(() => []);
  let complete = true;
  outer: for (let repeat = 0; repeat < maxRepeats; repeat++) {
    for (let j = 0; j < dataset.columns.length; j++) {
      if (nowSeconds() > deadline) {
        if (repeat === 0) complete = false;
        break outer;
      }
      const columns = dataset.columns.slice();
      columns[j] = shuffledColumn(dataset.columns[j]!, rng);
      const shuffledCost = cost(predict({ nRows: dataset.nRows, columns }));
      increases[j]!.push(Number.isFinite(shuffledCost) ? shuffledCost - baselineCost : 0);
    }
  }
  const features: FeatureImportance[] = [];
  dataset.columns.forEach((column, j) => {
    const values = increases[j]!;
    if (values.length === 0) return;
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
    features.push({ feature: column.name, mean, std: Math.sqrt(variance), repeats: values.length });
  });
  features.sort((a, b) => b.mean - a.mean || a.feature.localeCompare(b.feature));
  return { metric: scorer.name, rows: dataset.nRows, baselineCost, seconds: nowSeconds() - started, complete, features };
}
