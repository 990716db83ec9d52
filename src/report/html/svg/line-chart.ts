/**
 * Trials as dots plus a best-so-far step line: how the search converged, over time or over
 * trial count. Lower is better on the y axis (validation cost). Dots are drawn over the line so
 * that trials which set a new best stay visible.
 */
import { escapeHtml, formatNumber } from '../escape.ts';
import { axes, DEFAULT_MARGINS, svgElement } from './frame.ts';
import { extent, linearScale, niceExtent } from './scale.ts';

export interface Dot {
  readonly x: number;
  readonly y: number;
  readonly colour: string;
  readonly label: string;
}

export interface ConvergenceChart {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly dots: readonly Dot[];
  /** Best-so-far points, in increasing x. */
  readonly best: readonly (readonly [number, number])[];
  readonly lineColour: string;
  readonly width?: number;
  readonly height?: number;
}

export function convergenceChart(chart: ConvergenceChart): string {
  const width = chart.width ?? 640;
  const height = chart.height ?? 300;
  const m = DEFAULT_MARGINS;
  const xs = [...chart.dots.map((d) => d.x), ...chart.best.map((p) => p[0]), 0];
  const ys = [...chart.dots.map((d) => d.y), ...chart.best.map((p) => p[1])];
  const [x0, x1] = niceExtent(...extent(xs));
  const [y0, y1] = niceExtent(...extent(ys));
  const x = linearScale([x0, x1], [m.left, width - m.right]);
  const y = linearScale([y0, y1], [height - m.bottom, m.top]);
  const parts = [axes({ x, y, xLabel: chart.xLabel, yLabel: chart.yLabel, width, height, margins: m })];
  if (chart.best.length > 0) {
    const [first, ...rest] = chart.best;
    let path = `M${x(first![0]).toFixed(1)},${y(first![1]).toFixed(1)}`;
    for (const [px, py] of rest) path += `H${x(px).toFixed(1)}V${y(py).toFixed(1)}`;
    path += `H${x(x1).toFixed(1)}`;
    parts.push(`<path class="marks best-line" d="${path}" fill="none" stroke="${chart.lineColour}" stroke-width="2"/>`);
  }
  parts.push('<g class="marks dots">');
  for (const d of chart.dots) {
    parts.push(
      `<circle cx="${x(d.x).toFixed(1)}" cy="${y(d.y).toFixed(1)}" r="3" fill="${d.colour}" fill-opacity="0.6"><title>${escapeHtml(`${d.label}: ${formatNumber(d.y)}`)}</title></circle>`,
    );
  }
  parts.push('</g>');
  return svgElement(width, height, chart.title, parts.join(''));
}
