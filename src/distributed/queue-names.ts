/** Names shared by drivers and workers on one Redis: the queues and the keys beside them. */

export const TRIAL_QUEUE = 'automl-trials';
/** Whole fits of `automl batch --queue`, one job per batch job. */
export const BATCH_QUEUE = 'automl-batch-jobs';
/** Prefix of BullMQ's own keys and of ours, so that they sort together on a shared server. */
export const KEY_PREFIX = 'automl';

/** Where the evaluation data of a fit is stored, by the hash of its content. */
export function dataKey(hash: string): string {
  return `${KEY_PREFIX}:data:${hash}`;
}

/** Set when a run has ended: its trials that are still queued are skipped rather than run. */
export function runEndedKey(runKey: string): string {
  return `${KEY_PREFIX}:run-ended:${runKey}`;
}
