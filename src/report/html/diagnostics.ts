/** Confusion matrix or residual sample from out-of-sample predictions on the validation rows. */
import { argmaxRows } from '../../components/matrix.ts';
import type { Prediction, Truth } from '../../metrics/prediction.ts';
import { Rng } from '../../util/rng.ts';
import type { ReportDiagnostics } from './report-data.ts';

/** Enough points to show the shape of the residuals without bloating the page. */
export const MAX_RESIDUAL_POINTS = 2000;

export function diagnosticsFor(truth: Truth, prediction: Prediction, classes: readonly string[] | null, seed: number): ReportDiagnostics | null {
  if (truth.kind === 'classification' && prediction.kind === 'classification') {
    const k = truth.nClasses;
    const matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0));
    const predicted = argmaxRows(prediction.proba);
    for (let i = 0; i < truth.codes.length; i++) matrix[truth.codes[i]!]![predicted[i]!]! += 1;
    const labels = classes ?? Array.from({ length: k }, (_, i) => String(i));
    return { kind: 'confusion', classes: labels, matrix, rows: truth.codes.length };
  }
  if (truth.kind === 'regression' && prediction.kind === 'regression') {
    const n = truth.values.length;
    const rows = sampleRows(n, MAX_RESIDUAL_POINTS, seed);
    const points = Array.from(rows, (i) => [prediction.values[i]!, truth.values[i]!] as const);
    return { kind: 'residuals', points, rows: n };
  }
  return null;
}

/** Up to `limit` distinct row indices in increasing order (all rows when there are few). */
export function sampleRows(n: number, limit: number, seed: number): Int32Array {
  if (n <= limit) return Int32Array.from({ length: n }, (_, i) => i);
  const rng = new Rng(seed);
  const all = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < limit; i++) {
    const j = i + rng.int(n - i);
    const t = all[i]!;
    all[i] = all[j]!;
    all[j] = t;
  }
  return all.slice(0, limit).sort();
}
