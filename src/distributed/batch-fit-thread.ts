/**
 * Runs one batch job's fit in a thread of the queue worker, so that the worker's event loop stays
 * free to renew the job's lock however long the fit's own main-thread work (data reading, refit,
 * ensemble, report) takes; a blocked loop would make the job look stalled and run twice.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { fit } from '../api/fit.ts';
import type { FitOptions } from '../api/options.ts';
import { AutoMLError, errorMessage } from '../util/errors.ts';
import type { Logger } from '../util/log.ts';

export interface BatchFitRequest {
  readonly dataPath: string;
  readonly modelPath: string;
  /** Everything but the logger, which is this thread's. */
  readonly options: Omit<FitOptions, 'logger' | 'onTrial'>;
}

export type BatchFitMessage =
  | { readonly kind: 'log'; readonly level: 'info' | 'warn'; readonly text: string }
  | { readonly kind: 'done' }
  | { readonly kind: 'failed'; readonly error: string; readonly code: string };

const port = parentPort;
if (port === null) throw new Error('batch-fit-thread runs only as a worker thread');
const send = (message: BatchFitMessage): void => port.postMessage(message);
const logger: Logger = { info: (text) => send({ kind: 'log', level: 'info', text }), warn: (text) => send({ kind: 'log', level: 'warn', text }) };
const request = workerData as BatchFitRequest;
try {
  const model = await fit(request.dataPath, { ...request.options, logger });
  model.save(request.modelPath);
  send({ kind: 'done' });
} catch (error) {
  send({ kind: 'failed', error: errorMessage(error), code: error instanceof AutoMLError ? error.code : 'INTERNAL' });
}
