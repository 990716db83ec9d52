/**
 * `npm run bench:fuzz [-- cases] [--hang-seconds s]`: the mutation fuzzing of fuzz-cases.ts at a
 * larger scale (default 20 000 cases per reader): CSV cases from every public dataset's first
 * 4 KB, model cases from a logistic-regression and a random-forest model fitted on iris. Prints,
 * per reader, cases per second, outcome counts and the slowest case, and every failure.
 *
 * The cases run in a worker thread (fuzz-worker.ts) watched from here, so that each way the
 * contract can break ends the run loudly with exit code 1: a failure (an untyped exception, a
 * malformed table, a non-finite prediction), a case running longer than --hang-seconds (the
 * worker is stopped and the reader and seed named), or the worker dying (a crash, out of memory).
 */
import { Worker } from 'node:worker_threads';
import { BEAT_READER, BEAT_RUNNING, BEAT_SEED, BEAT_SLOTS, FUZZ_READERS, type FuzzWorkerData, type FuzzWorkerMessage } from './fuzz-worker.ts';
import type { FuzzSummary } from './fuzz-cases.ts';

/** Preparing a reader fits a model on iris within a 60 s budget; anything beyond this is stuck. */
const SETUP_LIMIT_SECONDS = 180;
const POLL_MS = 250;

function numberOption(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  const value = at < 0 ? fallback : Number(process.argv[at + 1]);
  if (!(value > 0) || !Number.isFinite(value)) throw new Error(`${name} must be a positive number`);
  return value;
}

const positional = process.argv.slice(2).find((arg, i, args) => !arg.startsWith('--') && (i === 0 || !args[i - 1]!.startsWith('--')));
const cases = Number(positional ?? 20_000);
if (!Number.isInteger(cases) || cases < 1) throw new Error(`cases must be a positive integer, got ${positional}`);
const hangSeconds = numberOption('--hang-seconds', 10);

function print(reader: string, seconds: number, summary: FuzzSummary): void {
  process.stdout.write(
    `${reader}: ${summary.cases} cases in ${seconds.toFixed(1)} s (${(summary.cases / seconds).toFixed(0)} cases/s); ` +
      `results ${summary.results}, typed errors ${JSON.stringify(summary.typedErrors)}; ` +
      `slowest case ${summary.slowestMs.toFixed(0)} ms (seed ${summary.slowestSeed}); failures ${summary.failures.length}\n`,
  );
  for (const failure of summary.failures.slice(0, 20)) process.stdout.write(`  FAILURE ${failure}\n`);
}

function loud(message: string): void {
  process.stderr.write(`\nbench:fuzz FAILED: ${message}\n`);
  process.exitCode = 1;
}

const heartbeat = new SharedArrayBuffer(BEAT_SLOTS * Int32Array.BYTES_PER_ELEMENT);
const beat = new Int32Array(heartbeat);
// The worker registers the TypeScript loader itself: flags inherited from the tsx CLI would load it twice.
const bootstrap = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then((tsx) => tsx.register())
  .then(() => import(${JSON.stringify(new URL('./fuzz-worker.ts', import.meta.url).href)}));`;
const data: FuzzWorkerData = { cases, heartbeat };
const worker = new Worker(bootstrap, { eval: true, execArgv: [], workerData: data });

let failures = 0;
let finished = false;
await new Promise<void>((resolve) => {
  let last = '';
  let since = performance.now();
  const watch = setInterval(() => {
    const running = Atomics.load(beat, BEAT_RUNNING) === 1;
    const reader = FUZZ_READERS[Atomics.load(beat, BEAT_READER)] ?? 'unknown reader';
    const now = `${reader}/${running ? Atomics.load(beat, BEAT_SEED) : 'setup'}`;
    if (now !== last) {
      last = now;
      since = performance.now();
      return;
    }
    const stuck = (performance.now() - since) / 1000;
    const limit = running ? hangSeconds : SETUP_LIMIT_SECONDS;
    if (stuck < limit) return;
    clearInterval(watch);
    loud(running ? `HANG: ${reader}, seed ${Atomics.load(beat, BEAT_SEED)}, still running after ${stuck.toFixed(0)} s` : `HANG: preparing ${reader} took over ${limit} s`);
    void worker.terminate().then(() => resolve());
  }, POLL_MS);
  worker.on('message', (message: FuzzWorkerMessage) => {
    if (message.kind === 'summary') {
      print(message.reader, message.seconds, message.summary);
      failures += message.summary.failures.length;
      return;
    }
    finished = true;
    clearInterval(watch);
    void worker.terminate().then(() => resolve());
  });
  worker.on('error', (error) => {
    clearInterval(watch);
    loud(`CRASH: the fuzzing thread threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    resolve();
  });
  worker.on('exit', (code) => {
    clearInterval(watch);
    if (!finished && process.exitCode !== 1) loud(`CRASH: the fuzzing thread exited with code ${code} before finishing`);
    resolve();
  });
});
if (failures > 0) loud(`${failures} case(s) broke the contract (listed above)`);
else if (finished) process.stdout.write('no failure, hang or crash\n');
