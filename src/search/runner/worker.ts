/**
 * Body of a trial worker thread: rebuilds the evaluation data from workerData once, then evaluates
 * one trial per request and posts the outcome back, its prediction's buffer transferred rather
 * than copied. Limits are enforced from outside (the pool terminates this thread); in here every
 * failure a trial reports or throws becomes a CRASHED outcome.
 */
import { parentPort, workerData, type TransferListItem } from 'node:worker_threads';
import { getScorer } from '../../metrics/scorers.ts';
import { nowSeconds } from '../../util/clock.ts';
import { errorMessage } from '../../util/errors.ts';
import type { EvaluationData, TrialOutcome } from '../evaluate-trial.ts';
import { prepareBackendFor, setBackendPreference } from '../prepare-backend.ts';
import type { TrialRequest, WorkerInit, WorkerMessage } from './protocol.ts';
import { currentOsThreadId } from './thread-faults.ts';
import { failedOutcome, type TrialEvaluator } from './trial-runner.ts';

async function loadEvaluator(url: string): Promise<TrialEvaluator> {
  const module: unknown = await import(url);
  const evaluate: unknown = typeof module === 'object' && module !== null ? Reflect.get(module, 'evaluateTrial') : undefined;
  if (typeof evaluate !== 'function') throw new Error(`${url} does not export an evaluateTrial function`);
  return evaluate as TrialEvaluator;
}

/** The prediction's own buffer moves to the parent; a shared one could not be transferred. */
function transferables(outcome: TrialOutcome): TransferListItem[] {
  const prediction = outcome.validPrediction;
  if (prediction === undefined) return [];
  const array = prediction.kind === 'regression' ? prediction.values : prediction.proba.data;
  return array.buffer instanceof ArrayBuffer ? [array.buffer] : [];
}

async function evaluate(evaluator: TrialEvaluator, data: EvaluationData, request: TrialRequest): Promise<TrialOutcome> {
  const start = nowSeconds();
  try {
    await prepareBackendFor(request.config);
    return await evaluator(request.config, data, request.seed, request.setup);
  } catch (error) {
    return failedOutcome('CRASHED', errorMessage(error), nowSeconds() - start);
  }
}

function post(message: WorkerMessage, transfer: TransferListItem[] = []): void {
  parentPort?.postMessage(message, transfer);
}

async function main(): Promise<void> {
  const port = parentPort;
  if (port === null) throw new Error('worker.ts must run in a worker thread');
  const init = workerData as WorkerInit;
  setBackendPreference(init.backend ?? 'auto');
  const evaluator = await loadEvaluator(init.evaluatorUrl);
  const data: EvaluationData = { resampling: init.resampling, context: init.context, scorer: getScorer(init.metric, init.task) };
  port.on('message', (request: TrialRequest) => {
    void evaluate(evaluator, data, request).then((outcome) => {
      try {
        post({ type: 'outcome', id: request.id, outcome }, transferables(outcome));
      } catch (error) {
        // An outcome that cannot be cloned still has to answer the request.
        post({ type: 'outcome', id: request.id, outcome: failedOutcome('CRASHED', `unsendable outcome: ${errorMessage(error)}`, outcome.fitSeconds) });
      }
    });
  });
  post({ type: 'ready', osThreadId: currentOsThreadId() });
}

await main();
