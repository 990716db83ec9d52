/** Colours of the report: one per algorithm, stable across charts of the same page. */
const COLOURS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

export const ACCENT = '#4e79a7';
export const MUTED = '#9aa5b1';

export function colourFor(key: string, keys: readonly string[]): string {
  const index = keys.indexOf(key);
  return COLOURS[(index < 0 ? 0 : index) % COLOURS.length]!;
}
