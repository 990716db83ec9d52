/**
 * Re-cuts a text stream so that every chunk ends just after a '\n'.
 *
 * papaparse parses a stream chunk by chunk and judges a closing quote by the characters after
 * it. When a chunk ends between the '\r' and '\n' of a CRLF line break that follows a quoted
 * field, it reports a malformed quote that is not there (seen on a 200k-row CRLF file whose rows
 * end in quoted fields). Ending chunks at '\n' means the characters after a closing quote are
 * always in the same chunk. A '\n' inside a quoted field is harmless: the field continues into
 * the next chunk as papaparse expects.
 */

import { Readable } from 'node:stream';

export function lineAlignedStream(source: AsyncIterable<string>): Readable {
  return Readable.from(lineAlignedChunks(source));
}

async function* lineAlignedChunks(source: AsyncIterable<string>): AsyncGenerator<string> {
  let carry = '';
  for await (const chunk of source) {
    const text = carry + chunk;
    const cut = text.lastIndexOf('\n') + 1;
    // A chunk without '\n' (a very long line, or a file with '\r'-only line ends) is held back
    // whole until a '\n' or the end of the input arrives.
    if (cut === 0) {
      carry = text;
      continue;
    }
    carry = text.slice(cut);
    yield text.slice(0, cut);
  }
  if (carry !== '') yield carry;
}
