/** The median of a list of costs (Infinity allowed), or null for an empty list. */
export function medianOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  if (sorted.length % 2 === 1) return sorted[middle]!;
  const low = sorted[middle - 1]!;
  const high = sorted[middle]!;
  // Two infinite middles would give NaN through the mean; the median is then simply Infinity.
  return high === Infinity ? Infinity : (low + high) / 2;
}
