/**
 * AUTOML_METADATA_EXCLUDE, for benchmarks only: a JSON array of { fingerprint, dataset? } whose
 * datasets `automl fit` leaves out of the metadata base, so that a benchmark of the command on a
 * dataset the base was built from does not warm-start from that dataset's own results.
 */
import type { MetadataExclusion } from '../metalearning/leave-out.ts';
import { AutoMLError } from '../util/errors.ts';

export const METADATA_EXCLUDE_ENV = 'AUTOML_METADATA_EXCLUDE';

export function metadataExcludeFromEnv(env: NodeJS.ProcessEnv = process.env): MetadataExclusion[] {
  const text = env[METADATA_EXCLUDE_ENV];
  if (text === undefined || text === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const isExclusion = (value: unknown): value is MetadataExclusion =>
    typeof value === 'object' && value !== null &&
    typeof (value as { fingerprint?: unknown }).fingerprint === 'string' &&
    ['string', 'undefined'].includes(typeof (value as { dataset?: unknown }).dataset);
  if (!Array.isArray(parsed) || !parsed.every(isExclusion)) {
    throw new AutoMLError('BAD_OPTION', `${METADATA_EXCLUDE_ENV} must be a JSON array of {"fingerprint": "...", "dataset": "..."}`);
  }
  return parsed.map((e) => ({ fingerprint: e.fingerprint, ...(e.dataset === undefined ? {} : { dataset: e.dataset }) }));
}
