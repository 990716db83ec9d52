/** Reads a CSV given as a path, or from standard input when the path is "-". */
import { readCsvFile, parseCsvText } from '../data/csv.ts';
import type { RawTable } from '../data/raw-table.ts';

export async function readCsvArgument(path: string): Promise<RawTable> {
  if (path !== '-') return readCsvFile(path);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return parseCsvText(Buffer.concat(chunks).toString('utf8'), { source: 'standard input' });
}
