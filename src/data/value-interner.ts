/**
 * Shares one string per distinct value of a column while a CSV is read. The parser hands over a
 * new string for every field, and each one costs about 32 bytes of heap however short; a 1 GB
 * file of ordinary columns then needed over 4 GB, more than Node's default heap. A categorical
 * column repeats a few values, so keeping the first copy of each cuts its cost to the 8-byte slot.
 *
 * Columns of mostly distinct values (measurements, identifiers) gain nothing and would only fill
 * the table, so once it holds MAX_DISTINCT values a column whose fields were mostly new so far
 * stops interning for good.
 */

/** Distinct values a column keeps before it is judged; categories beyond this rarely repeat much. */
const MAX_DISTINCT = 4096;

export class ValueInterner {
  private values: Map<string, string> | undefined = new Map();
  private lookups = 0;
  private hits = 0;

  intern(value: string): string {
    const values = this.values;
    if (values === undefined) return value;
    this.lookups++;
    const kept = values.get(value);
    if (kept !== undefined) {
      this.hits++;
      return kept;
    }
    if (values.size < MAX_DISTINCT) values.set(value, value);
    // Full: keep going only while most fields repeat a kept value.
    else if (this.hits * 2 < this.lookups) this.values = undefined;
    return value;
  }
}
