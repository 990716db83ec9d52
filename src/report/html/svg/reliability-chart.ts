/**
 * Reliability diagram: per probability bin, the observed frequency of the event against the mean
 * predicted probability, over the diagonal a perfectly calibrated model would follow. Grey bars
 * along the bottom show how many rows each bin holds, so that a far-off point from a handful of
 * rows is read as such.
 */
import type { ReliabilityBin } from '../../../metrics/calibration.ts';
import { escapeHtml, formatNumber } from '../escape.ts';
import { axes, DEFAULT_MARGINS, svgElement } from './frame.ts';
import { linearScale } from './scale.ts';
import { MUTED } from './palette.ts';

export interface ReliabilityChart {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly bins: readonly ReliabilityBin[];
  readonly colour: string;
  readonly width?: number;
  readonly height?: number;
}

/** Share of the plot height the tallest count bar takes: low enough to stay behind the curve. */
const COUNT_BAR_SHARE = 0.22;

export function reliabilityChart(chart: ReliabilityChart): string {
  const width = chart.width ?? 460;
  const height = chart.height ?? 420;
  const m = DEFAULT_MARGINS;
  const x = linearScale([0, 1], [m.left, width - m.right]);
  const y = linearScale([0, 1], [height - m.bottom, m.top]);
  const parts = [axes({ x, y, xLabel: chart.xLabel, yLabel: chart.yLabel, width, height, margins: m })];
  const bottom = y(0);
  const maxCount = Math.max(0, ...chart.bins.map((b) => b.count));
  parts.push('<g class="marks counts" font-size="9" fill="#57606a">');
  for (const bin of chart.bins) {
    const barHeight = maxCount > 0 ? (bin.count / maxCount) * COUNT_BAR_SHARE * (bottom - m.top) : 0;
    const left = x(bin.lower) + 1;
    const barWidth = Math.max(1, x(bin.upper) - x(bin.lower) - 2);
    const label = `${formatNumber(bin.count)} rows with predicted probability in [${formatNumber(bin.lower)}, ${formatNumber(bin.upper)})`;
    parts.push(
      `<rect x="${left.toFixed(1)}" y="${(bottom - barHeight).toFixed(1)}" width="${barWidth.toFixed(1)}" height="${barHeight.toFixed(1)}" fill="${MUTED}" fill-opacity="0.45"><title>${escapeHtml(label)}</title></rect>`,
    );
    parts.push(`<text x="${(left + barWidth / 2).toFixed(1)}" y="${(bottom - barHeight - 3).toFixed(1)}" text-anchor="middle">${escapeHtml(formatNumber(bin.count))}</text>`);
  }
  parts.push('</g>');
  parts.push(`<path class="diagonal" d="M${x(0).toFixed(1)},${y(0).toFixed(1)}L${x(1).toFixed(1)},${y(1).toFixed(1)}" stroke="#222" stroke-dasharray="4 3" fill="none"/>`);
  if (chart.bins.length > 0) {
    const path = chart.bins.map((b, i) => `${i === 0 ? 'M' : 'L'}${x(b.meanPredicted).toFixed(1)},${y(b.observed).toFixed(1)}`).join('');
    parts.push(`<path class="marks observed-line" d="${path}" stroke="${chart.colour}" stroke-width="2" fill="none"/>`);
  }
  parts.push('<g class="marks bins">');
  for (const bin of chart.bins) {
    const label = `[${formatNumber(bin.lower)}, ${formatNumber(bin.upper)}): ${formatNumber(bin.count)} rows, mean predicted ${formatNumber(bin.meanPredicted, 3)}, observed ${formatNumber(bin.observed, 3)}`;
    parts.push(`<circle cx="${x(bin.meanPredicted).toFixed(1)}" cy="${y(bin.observed).toFixed(1)}" r="3.5" fill="${chart.colour}"><title>${escapeHtml(label)}</title></circle>`);
  }
  parts.push('</g>');
  return svgElement(width, height, chart.title, parts.join(''));
}
