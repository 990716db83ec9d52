/** Names shared by drivers and workers on one Redis: the trial queue and the keys beside it. */

export const TRIAL_QUEUE = 'automl-trials';
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
