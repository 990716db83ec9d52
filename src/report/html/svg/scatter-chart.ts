/** Points with a horizontal reference line: residuals (actual − predicted) against predictions. */
import { escapeHtml, formatNumber } from '../escape.ts';
import { axes, DEFAULT_MARGINS, svgElement } from './frame.ts';
import { extent, linearScale, niceExtent } from './scale.ts';

export interface ScatterChart {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly points: readonly (readonly [number, number])[];
  readonly colour: string;
  /** y value of the reference line (0 for residuals). */
  readonly reference?: number;
  readonly width?: number;
  readonly height?: number;
}

export function scatterChart(chart: ScatterChart): string {
  const width = chart.width ?? 640;
  const height = chart.height ?? 320;
  const m = DEFAULT_MARGINS;
  const ys = chart.points.map((p) => p[1]);
  if (chart.reference !== undefined) ys.push(chart.reference);
  const [x0, x1] = niceExtent(...extent(chart.points.map((p) => p[0])));
  const [y0, y1] = niceExtent(...extent(ys));
  const x = linearScale([x0, x1], [m.left, width - m.right]);
  const y = linearScale([y0, y1], [height - m.bottom, m.top]);
  const parts = [axes({ x, y, xLabel: chart.xLabel, yLabel: chart.yLabel, width, height, margins: m })];
  if (chart.reference !== undefined) {
    const py = y(chart.reference).toFixed(1);
    parts.push(`<path class="reference" d="M${m.left},${py}H${width - m.right}" stroke="#222" stroke-dasharray="4 3"/>`);
  }
  parts.push('<g class="marks points">');
  for (const [px, py] of chart.points) {
    if (!Number.isFinite(px) || !Number.isFinite(py)) continue;
    parts.push(`<circle cx="${x(px).toFixed(1)}" cy="${y(py).toFixed(1)}" r="2.5" fill="${chart.colour}" fill-opacity="0.5"/>`);
  }
  parts.push('</g>');
  parts.push(`<desc>${escapeHtml(`${chart.points.length} points; x ${formatNumber(x0)}..${formatNumber(x1)}`)}</desc>`);
  return svgElement(width, height, chart.title, parts.join(''));
}
