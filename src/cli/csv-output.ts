/** CSV text for prediction output: RFC 4180 quoting only where a field needs it. */

function quoteField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const lines = [header.map(quoteField).join(',')];
  for (const row of rows) lines.push(row.map((cell) => quoteField(String(cell))).join(','));
  return `${lines.join('\n')}\n`;
}
