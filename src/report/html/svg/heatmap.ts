/** Confusion matrix as a grid of shaded cells: rows are true classes, columns predicted ones. */
import { escapeHtml } from '../escape.ts';
import { svgElement } from './frame.ts';

export interface Heatmap {
  readonly title: string;
  readonly labels: readonly string[];
  readonly matrix: readonly (readonly number[])[];
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function confusionHeatmap(chart: Heatmap): string {
  const k = chart.labels.length;
  const cell = Math.max(18, Math.min(48, Math.floor(480 / Math.max(1, k))));
  const labelSpace = Math.min(140, 14 + 7 * Math.max(...chart.labels.map((l) => Math.min(16, l.length)), 3));
  const left = labelSpace + 20;
  const top = labelSpace + 20;
  const width = left + k * cell + 10;
  const height = top + k * cell + 10;
  const parts: string[] = ['<g class="marks cells" font-size="11">'];
  chart.matrix.forEach((row, i) => {
    // Shading is relative to the row total, so a rare class's errors stay visible.
    const total = row.reduce((a, b) => a + b, 0) || 1;
    row.forEach((count, j) => {
      const share = count / total;
      const fill = i === j ? `rgba(78,121,167,${(0.08 + 0.92 * share).toFixed(3)})` : `rgba(225,87,89,${(share === 0 ? 0.03 : 0.15 + 0.85 * share).toFixed(3)})`;
      const x = left + j * cell;
      const y = top + i * cell;
      parts.push(
        `<rect x="${x}" y="${y}" width="${cell - 1}" height="${cell - 1}" fill="${fill}"><title>${escapeHtml(`true ${chart.labels[i]!}, predicted ${chart.labels[j]!}: ${count}`)}</title></rect>`,
      );
      if (cell >= 22) {
        parts.push(`<text x="${x + cell / 2}" y="${y + cell / 2}" text-anchor="middle" dominant-baseline="middle" fill="${share > 0.6 ? '#fff' : '#222'}">${count}</text>`);
      }
    });
  });
  parts.push('</g><g class="labels" font-size="11" fill="#333">');
  chart.labels.forEach((label, i) => {
    const text = escapeHtml(truncate(label, 16));
    parts.push(`<text x="${left - 6}" y="${top + i * cell + cell / 2}" text-anchor="end" dominant-baseline="middle">${text}</text>`);
    parts.push(`<text transform="translate(${left + i * cell + cell / 2} ${top - 6}) rotate(-60)" text-anchor="start">${text}</text>`);
  });
  parts.push(`<text x="4" y="${top + (k * cell) / 2}" transform="rotate(-90 10 ${top + (k * cell) / 2})" font-size="12" text-anchor="middle">true class</text>`);
  parts.push(`<text x="${left + (k * cell) / 2}" y="12" font-size="12" text-anchor="middle">predicted class</text></g>`);
  return svgElement(width, height, chart.title, parts.join(''));
}
