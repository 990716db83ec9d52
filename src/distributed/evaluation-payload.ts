/**
 * The evaluation data of a fit (resampled folds, component context, metric, tensor backend) as
 * one binary value that crosses the network once per fit: the driver stores it in Redis under the
 * SHA-256 of its bytes, every trial job names only that hash, and each worker fetches it once and
 * keeps it while trials of that fit arrive.
 *
 * v8 serialisation keeps the typed-array columns as they are (no JSON of numbers) and is what
 * worker threads already use to receive the same data, so anything a local trial worker can be
 * given, a remote one can too.
 */
import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import type { Redis } from 'ioredis';
import type { BackendPreference } from '../components/backend/types.ts';
import { getScorer, type MetricName } from '../metrics/scorers.ts';
import type { EvaluationData } from '../search/evaluate-trial.ts';
import { AutoMLError } from '../util/errors.ts';
import { dataKey } from './queue-names.ts';

/**
 * Largest payload stored in Redis. Redis refuses single values above 512 MB (proto-max-bulk-len);
 * half of that leaves room for the server's own copy while it is being written. Larger training
 * data is refused with a clear error rather than half-stored.
 */
export const MAX_PAYLOAD_BYTES = 256 * 1024 * 1024;
/** Stored data outlives a driver that was killed, so that rerunning it finds the data in place. */
const PAYLOAD_TTL_SECONDS = 24 * 3600;

interface PayloadContent {
  readonly resampling: EvaluationData['resampling'];
  readonly context: EvaluationData['context'];
  readonly metric: MetricName;
  readonly backend: BackendPreference;
}

export interface EncodedPayload {
  readonly bytes: Buffer;
  readonly hash: string;
}

export interface DecodedPayload {
  readonly data: EvaluationData;
  readonly backend: BackendPreference;
}

export function encodePayload(data: EvaluationData, backend: BackendPreference): EncodedPayload {
  const content: PayloadContent = { resampling: data.resampling, context: data.context, metric: data.scorer.name, backend };
  const bytes = serialize(content);
  return { bytes, hash: createHash('sha256').update(bytes).digest('hex') };
}

export function decodePayload(bytes: Buffer): DecodedPayload {
  const content = deserialize(bytes) as PayloadContent;
  // The scorer holds functions, which do not serialise: it is rebuilt from its name.
  return {
    data: { resampling: content.resampling, context: content.context, scorer: getScorer(content.metric, content.context.task) },
    backend: content.backend,
  };
}

/** Stores the payload unless a value with the same hash is already there (then renews its expiry). */
export async function storePayload(redis: Redis, payload: EncodedPayload): Promise<void> {
  if (payload.bytes.length > MAX_PAYLOAD_BYTES) {
    const mb = (bytes: number): string => `${Math.round(bytes / (1024 * 1024))} MB`;
    throw new AutoMLError('BAD_INPUT', `the training data takes ${mb(payload.bytes.length)} serialised, more than the ${mb(MAX_PAYLOAD_BYTES)} a queue can carry`, {
      hint: 'fit without --queue on one machine, or on a sample of the rows',
    });
  }
  const key = dataKey(payload.hash);
  const stored = await redis.set(key, payload.bytes, 'EX', PAYLOAD_TTL_SECONDS, 'NX');
  if (stored === null) await redis.expire(key, PAYLOAD_TTL_SECONDS);
}

/** The payload stored under `hash`, or null when it has expired or was never stored. */
export async function fetchPayload(redis: Redis, hash: string): Promise<DecodedPayload | null> {
  const bytes = await redis.getBuffer(dataKey(hash));
  return bytes === null ? null : decodePayload(bytes);
}
