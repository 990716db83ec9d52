/** The SVG element and the axes every x/y chart of the report shares. */
import { escapeHtml, formatNumber } from '../escape.ts';
import { niceTicks, type Scale } from './scale.ts';

export interface Margins {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

export const DEFAULT_MARGINS: Margins = { top: 16, right: 20, bottom: 44, left: 64 };

/** A standalone inline <svg> with an accessible title. */
export function svgElement(width: number, height: number, title: string, body: string, className = 'chart'): string {
  return (
    `<svg class="${className}" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(title)}">` +
    `<title>${escapeHtml(title)}</title>${body}</svg>`
  );
}

export interface AxesSpec {
  readonly x: Scale;
  readonly y: Scale;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly width: number;
  readonly height: number;
  readonly margins: Margins;
}

/** Grid lines, tick labels and axis titles. */
export function axes(spec: AxesSpec): string {
  const { x, y, margins: m, width, height } = spec;
  const left = m.left;
  const right = width - m.right;
  const top = m.top;
  const bottom = height - m.bottom;
  const parts: string[] = ['<g class="axes" font-size="11" fill="#444">'];
  for (const t of niceTicks(y.domain[0], y.domain[1], 5)) {
    const py = y(t).toFixed(1);
    parts.push(`<line x1="${left}" x2="${right}" y1="${py}" y2="${py}" stroke="#e3e6ea"/>`);
    parts.push(`<text x="${left - 6}" y="${py}" text-anchor="end" dominant-baseline="middle">${escapeHtml(formatNumber(t))}</text>`);
  }
  for (const t of niceTicks(x.domain[0], x.domain[1], 6)) {
    const px = x(t).toFixed(1);
    parts.push(`<line x1="${px}" x2="${px}" y1="${bottom}" y2="${bottom + 4}" stroke="#888"/>`);
    parts.push(`<text x="${px}" y="${bottom + 16}" text-anchor="middle">${escapeHtml(formatNumber(t))}</text>`);
  }
  parts.push(`<line x1="${left}" x2="${right}" y1="${bottom}" y2="${bottom}" stroke="#888"/>`);
  parts.push(`<line x1="${left}" x2="${left}" y1="${top}" y2="${bottom}" stroke="#888"/>`);
  parts.push(`<text x="${(left + right) / 2}" y="${height - 6}" text-anchor="middle" font-size="12">${escapeHtml(spec.xLabel)}</text>`);
  parts.push(
    `<text transform="translate(14 ${(top + bottom) / 2}) rotate(-90)" text-anchor="middle" font-size="12">${escapeHtml(spec.yLabel)}</text>`,
  );
  parts.push('</g>');
  return parts.join('');
}
