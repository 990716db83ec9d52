/** The report's calibration section: a reliability diagram of the validation probabilities. */
import { escapeHtml, formatNumber } from './escape.ts';
import type { ReportData } from './report-data.ts';
import { notAvailable } from './sections.ts';
import { ACCENT } from './svg/palette.ts';
import { reliabilityChart } from './svg/reliability-chart.ts';

export const RELIABILITY_TITLE = 'Reliability diagram';

/** Classification only: regression has no probabilities to calibrate. */
export function hasReliabilitySection(data: ReportData): boolean {
  return data.task !== 'regression';
}

export function reliabilitySection(data: ReportData): string {
  const heading = `<h2>${RELIABILITY_TITLE}</h2>`;
  const r = data.reliability;
  if (r === undefined || r === null) return `<section id="calibration">${heading}${notAvailable('reliability diagram')}</section>`;
  const classView = r.view === 'class';
  const chart = reliabilityChart({
    title: RELIABILITY_TITLE,
    xLabel: classView ? `predicted probability of ${r.label ?? ''}` : 'predicted probability of the predicted class',
    yLabel: classView ? `observed share of ${r.label ?? ''}` : 'observed share correct',
    bins: r.bins,
    colour: ACCENT,
  });
  const source = data.resampling === 'cv' ? 'out-of-fold predictions of the ensemble members' : 'predictions of the ensemble members on the holdout rows';
  const caption =
    `${r.rows} validation rows, ${source}, combined with the ensemble weights, before any probability calibration of the model; ` +
    `${r.nBins} equal-width bins, bars and numbers give the rows per bin. Points on the dashed diagonal are calibrated; ` +
    'below it the predicted probabilities are too high, above it too low.';
  const scores = `Validation log loss ${formatNumber(r.logLoss)}, Brier score ${formatNumber(r.brier)}, expected calibration error (top-label) ${formatNumber(r.ece)}.`;
  return `<section id="calibration">${heading}<figure>${chart}<figcaption>${escapeHtml(caption)}</figcaption></figure><p class="note">${escapeHtml(scores)}</p></section>`;
}
