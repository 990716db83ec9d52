/**
 * Re-cuts a text stream so that every chunk holds whole CSV records: it ends just after a '\n'
 * that is outside quoted fields (or at the end of the input).
 *
 * Each chunk can then be parsed on its own, with no parser state carried between chunks; that is
 * what keeps reading linear in the input. Parsers that carry an unfinished record over re-read it
 * from its start with every new chunk, and a text kept as `carry + chunk` is copied again with
 * every chunk, so one 200 MB field costs time and memory quadratic in its length. Here text that
 * cannot be cut yet is held as a list of pieces and joined once, when a cut point arrives.
 *
 * Whether a '\n' is inside a quoted field follows from the parity of the quote characters before
 * it: in RFC 4180 CSV a quoted field opens and closes with one quote and holds quotes doubled. A
 * stray quote inside an unquoted field (`5'10"`) flips the parity; the text after it is then held
 * until the parity flips back or the input ends. The result is still parsed correctly, only in a
 * larger chunk.
 */

export async function* recordAlignedChunks(source: AsyncIterable<string>): AsyncGenerator<string> {
  let held: string[] = [];
  let inQuotes = false;
  for await (const chunk of source) {
    if (chunk === '') continue;
    let cut = -1;
    let from = 0;
    for (;;) {
      const quote = chunk.indexOf('"', from);
      const end = quote < 0 ? chunk.length : quote;
      if (!inQuotes && end > from) {
        const lineEnd = chunk.lastIndexOf('\n', end - 1);
        if (lineEnd >= from) cut = lineEnd + 1;
      }
      if (quote < 0) break;
      inQuotes = !inQuotes;
      from = quote + 1;
    }
    if (cut < 0) {
      held.push(chunk);
      continue;
    }
    held.push(chunk.slice(0, cut));
    yield held.join('');
    held = cut < chunk.length ? [chunk.slice(cut)] : [];
  }
  if (held.length > 0) yield held.join('');
}
