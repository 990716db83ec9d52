/**
 * Delimiter detection for CSV input. papaparse's own guess is not used: it scores delimiters by
 * how evenly rows split, but on small files it counts the trailing empty line against every
 * candidate and then falls back to ',' (so `a;b\n1;2\n` or a tab file of two rows come out as one
 * column). Here the header row anchors the decision: the right delimiter splits the header into
 * several names and splits the data rows into the same number of fields. A decimal comma inside a
 * ';' file does not fool it, because the ';'-separated header has no commas.
 */

import Papa from 'papaparse';

/** Delimiters tried, in order of preference when two explain the sample equally well. */
export const DELIMITER_CANDIDATES: readonly string[] = [',', ';', '\t'];

/** Enough of the input to see the header and a few dozen rows. */
const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_RECORDS = 50;

interface CandidateScore {
  readonly delimiter: string;
  readonly headerFields: number;
  /** Fraction of sampled data rows with as many fields as the header. */
  readonly agreement: number;
}

/** The delimiter among DELIMITER_CANDIDATES that best explains the start of `text`. */
export function detectDelimiter(text: string): string {
  const truncated = text.length > SAMPLE_CHARS;
  const sample = truncated ? text.slice(0, SAMPLE_CHARS) : text;
  let best: CandidateScore | undefined;
  for (const delimiter of DELIMITER_CANDIDATES) {
    const score = scoreCandidate(sample, delimiter, truncated);
    if (score === undefined) continue;
    if (
      best === undefined ||
      score.agreement > best.agreement ||
      (score.agreement === best.agreement && score.headerFields > best.headerFields)
    ) {
      best = score;
    }
  }
  // No candidate splits the header: the file has a single column, and ',' reads it as such.
  return best?.delimiter ?? ',';
}

function scoreCandidate(sample: string, delimiter: string, truncated: boolean): CandidateScore | undefined {
  const records = Papa.parse<string[]>(sample, { delimiter, preview: SAMPLE_RECORDS }).data.filter(
    (record) => !(record.length === 1 && record[0]!.trim() === ''),
  );
  // The sample may end inside a record; that record says nothing about the delimiter.
  if (truncated && records.length > 2) records.pop();
  const header = records[0];
  if (header === undefined || header.length < 2) return undefined;
  const rows = records.length - 1;
  let agreeing = 0;
  for (let r = 1; r < records.length; r++) if (records[r]!.length === header.length) agreeing++;
  return { delimiter, headerFields: header.length, agreement: rows === 0 ? 1 : agreeing / rows };
}
