/** Horizontal bars with a label per row (counts, weights, importances), optional ± error whiskers. */
import { escapeHtml, formatNumber } from '../escape.ts';
import { svgElement } from './frame.ts';
import { extent, linearScale, niceExtent, niceTicks } from './scale.ts';

export interface Bar {
  readonly label: string;
  readonly value: number;
  readonly error?: number;
  readonly colour: string;
}

export interface BarChart {
  readonly title: string;
  readonly valueLabel: string;
  readonly bars: readonly Bar[];
  readonly width?: number;
}

const ROW = 22;

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function barChart(chart: BarChart): string {
  const width = chart.width ?? 640;
  const labelWidth = Math.min(220, 12 + 7 * Math.max(4, ...chart.bars.map((b) => Math.min(30, b.label.length))));
  const top = 8;
  const height = top + chart.bars.length * ROW + 40;
  const left = labelWidth;
  const right = width - 56;
  const values = chart.bars.flatMap((b) => [b.value + (b.error ?? 0), b.value - (b.error ?? 0)]);
  const [lo, hi] = niceExtent(...extent([0, ...values]));
  const x = linearScale([lo, hi], [left, right]);
  const parts: string[] = ['<g class="axes" font-size="11" fill="#444">'];
  const bottom = top + chart.bars.length * ROW;
  for (const t of niceTicks(lo, hi, 5)) {
    const px = x(t).toFixed(1);
    parts.push(`<line x1="${px}" x2="${px}" y1="${top}" y2="${bottom}" stroke="#e3e6ea"/>`);
    parts.push(`<text x="${px}" y="${bottom + 14}" text-anchor="middle">${escapeHtml(formatNumber(t))}</text>`);
  }
  parts.push(`<text x="${(left + right) / 2}" y="${bottom + 32}" text-anchor="middle" font-size="12">${escapeHtml(chart.valueLabel)}</text></g>`);
  parts.push('<g class="marks bars" font-size="11">');
  const zero = x(0);
  chart.bars.forEach((bar, i) => {
    const y = top + i * ROW;
    const end = x(bar.value);
    const from = Math.min(zero, end);
    const w = Math.max(1, Math.abs(end - zero));
    parts.push(`<text x="${left - 6}" y="${y + ROW / 2}" text-anchor="end" dominant-baseline="middle" fill="#333">${escapeHtml(truncate(bar.label, 30))}<title>${escapeHtml(bar.label)}</title></text>`);
    parts.push(`<rect x="${from.toFixed(1)}" y="${y + 3}" width="${w.toFixed(1)}" height="${ROW - 6}" fill="${bar.colour}"><title>${escapeHtml(`${bar.label}: ${formatNumber(bar.value)}`)}</title></rect>`);
    if (bar.error !== undefined && bar.error > 0) {
      const a = x(bar.value - bar.error).toFixed(1);
      const b = x(bar.value + bar.error).toFixed(1);
      parts.push(`<path d="M${a},${y + ROW / 2}H${b}" stroke="#222" stroke-width="1"/>`);
    }
    parts.push(`<text x="${(Math.max(zero, end, bar.error === undefined ? end : x(bar.value + bar.error)) + 4).toFixed(1)}" y="${y + ROW / 2}" dominant-baseline="middle" fill="#333">${escapeHtml(formatNumber(bar.value, 3))}</text>`);
  });
  parts.push('</g>');
  return svgElement(width, height, chart.title, parts.join(''));
}
