/** A prediction as the CSV `automl predict` writes: a "prediction" column, then proba_<class> columns. */
import type { Prediction } from '../metrics/prediction.ts';
import { decideLabels, type DecisionRule } from '../export/decision.ts';
import { csvLine } from './csv-output.ts';

export function predictionHeader(classes: readonly string[] | null, withProba: boolean): string {
  return csvLine(withProba && classes !== null ? ['prediction', ...classes.map((c) => `proba_${c}`)] : ['prediction']);
}

/** The CSV lines of the prediction's rows, in row order. */
export function predictionLines(prediction: Prediction, classes: readonly string[] | null, withProba: boolean, decision?: DecisionRule): string {
  const lines: string[] = [];
  if (prediction.kind === 'regression') {
    for (const value of prediction.values) lines.push(csvLine([value]));
    return lines.join('');
  }
  const labels = decideLabels(prediction.proba, decision);
  const { nClasses, data } = prediction.proba;
  const row: (string | number)[] = [];
  for (let i = 0; i < labels.length; i++) {
    row.length = 0;
    row.push(classes?.[labels[i]!] ?? String(labels[i]));
    if (withProba) for (let c = 0; c < nClasses; c++) row.push(data[i * nClasses + c]!);
    lines.push(csvLine(row));
  }
  return lines.join('');
}
