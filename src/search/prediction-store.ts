/**
 * Out-of-sample predictions of the best trials, kept on disk under the run directory so that a
 * later process (an ensemble rebuild, a resumed run, a report) can read them, while memory holds
 * only their ids and costs.
 *
 * Layout: `<runDir>/predictions/<trialId>.bin`, one file per kept trial:
 *   bytes 0–3   the magic "AMLP"
 *   bytes 4–7   header length h (uint32, little-endian)
 *   bytes 8…    the header, UTF-8 JSON: { format, trialId, cost, kind, nRows, nClasses }
 *   then zero padding to a multiple of 8 bytes, then the values as little-endian float64:
 *   class probabilities row by row (nRows × nClasses) or one value per row (regression).
 * The rows are the resampling's scored rows (holdout rows, or every row under cross-validation),
 * in the order the run log's truth uses.
 *
 * Only the best `nBest` successful trials by cost are kept (ties: the earlier trial); a trial
 * that drops out of them has its file deleted. Files are written to a temporary sibling and
 * renamed, so a reader never sees a partial file.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Prediction } from '../metrics/prediction.ts';
import { AutoMLError } from '../util/errors.ts';
import { writeFileAtomic } from '../util/atomic-write.ts';

export const PREDICTIONS_DIR = 'predictions';
const MAGIC = 'AMLP';
const FORMAT = 1;
const PREFIX_BYTES = 8;

export interface StoredPredictionHeader {
  readonly format: number;
  readonly trialId: number;
  readonly cost: number;
  readonly kind: Prediction['kind'];
  readonly nRows: number;
  /** 0 for regression. */
  readonly nClasses: number;
}

export interface StoredPrediction {
  readonly trialId: number;
  readonly cost: number;
  readonly prediction: Prediction;
}

interface Kept {
  readonly id: number;
  readonly cost: number;
}

export function predictionPath(runDir: string, trialId: number): string {
  return join(runDir, PREDICTIONS_DIR, `${trialId}.bin`);
}

export class PredictionStore {
  /** The kept trials, best first. */
  private readonly kept: Kept[] = [];
  private readonly dir: string;

  /**
   * Opens the store of `runDir`, creating its folder; files already there (a resumed run) are
   * taken over by their headers, and trimmed to the best `nBest`.
   */
  constructor(
    private readonly runDir: string,
    private readonly nBest: number,
  ) {
    if (!Number.isInteger(nBest) || nBest < 1) throw new AutoMLError('BAD_OPTION', `prediction store size ${nBest}: expected a positive integer`);
    this.dir = join(runDir, PREDICTIONS_DIR);
    mkdirSync(this.dir, { recursive: true });
    for (const id of storedPredictionIds(runDir)) {
      const header = readPredictionHeader(predictionPath(runDir, id));
      this.admit({ id, cost: header.cost });
    }
  }

  /** Ids of the kept trials, best first. */
  keptIds(): number[] {
    return this.kept.map((k) => k.id);
  }

  /**
   * Offers a successful trial's out-of-sample prediction. It is written when it ranks among
   * the best `nBest`, and the file of the trial it displaces is deleted. Returns whether kept.
   */
  offer(trialId: number, cost: number, prediction: Prediction): boolean {
    if (!Number.isFinite(cost)) return false;
    if (this.kept.some((k) => k.id === trialId)) return true;
    if (!this.wouldKeep(cost, trialId)) return false;
    writePredictionFile(predictionPath(this.runDir, trialId), trialId, cost, prediction);
    this.admit({ id: trialId, cost });
    return true;
  }

  private wouldKeep(cost: number, id: number): boolean {
    if (this.kept.length < this.nBest) return true;
    const worst = this.kept[this.kept.length - 1]!;
    return cost < worst.cost || (cost === worst.cost && id < worst.id);
  }

  /** Inserts in (cost, id) order and deletes whatever falls beyond the best nBest. */
  private admit(entry: Kept): void {
    let at = this.kept.length;
    while (at > 0 && (this.kept[at - 1]!.cost > entry.cost || (this.kept[at - 1]!.cost === entry.cost && this.kept[at - 1]!.id > entry.id))) at--;
    this.kept.splice(at, 0, entry);
    while (this.kept.length > this.nBest) rmSync(predictionPath(this.runDir, this.kept.pop()!.id), { force: true });
  }
}

/** Trial ids that have a prediction file under `runDir`, ascending; empty without the folder. */
export function storedPredictionIds(runDir: string): number[] {
  const dir = join(runDir, PREDICTIONS_DIR);
  if (!existsSync(dir)) return [];
  const ids: number[] = [];
  for (const name of readdirSync(dir)) {
    const match = /^(\d+)\.bin$/.exec(name);
    if (match !== null) ids.push(Number(match[1]));
  }
  return ids.sort((a, b) => a - b);
}

/** Reads the prediction stored for `trialId` under `runDir`. */
export function readStoredPrediction(runDir: string, trialId: number): StoredPrediction {
  return readPredictionFile(predictionPath(runDir, trialId));
}

/** Copies the prediction stored for `fromId` under `fromDir` to `toDir` as trial `toId` (atomically). */
export function copyStoredPrediction(fromDir: string, fromId: number, toDir: string, toId: number): void {
  const { cost, prediction } = readStoredPrediction(fromDir, fromId);
  mkdirSync(join(toDir, PREDICTIONS_DIR), { recursive: true });
  writePredictionFile(predictionPath(toDir, toId), toId, cost, prediction);
}

export function readPredictionFile(path: string): StoredPrediction {
  if (!existsSync(path)) throw new AutoMLError('FILE_NOT_FOUND', `no stored prediction at ${path}`);
  const bytes = readFileSync(path);
  const { header, dataOffset } = parseHeader(bytes, path);
  const count = header.kind === 'classification' ? header.nRows * header.nClasses : header.nRows;
  if (bytes.length !== dataOffset + 8 * count) throw corrupt(path, `expected ${count} values after the header`);
  const values = new Float64Array(count);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < count; i++) values[i] = view.getFloat64(dataOffset + 8 * i, true);
  const prediction: Prediction =
    header.kind === 'classification'
      ? { kind: 'classification', proba: { nRows: header.nRows, nClasses: header.nClasses, data: values } }
      : { kind: 'regression', values };
  return { trialId: header.trialId, cost: header.cost, prediction };
}

/** The header alone, reading only the file's first bytes. */
export function readPredictionHeader(path: string): StoredPredictionHeader {
  const fd = openSync(path, 'r');
  try {
    const prefix = Buffer.alloc(PREFIX_BYTES);
    readSync(fd, prefix, 0, PREFIX_BYTES, 0);
    const length = prefix.toString('latin1', 0, 4) === MAGIC ? prefix.readUInt32LE(4) : 0;
    const bytes = Buffer.alloc(PREFIX_BYTES + length);
    readSync(fd, bytes, 0, bytes.length, 0);
    return parseHeader(bytes, path).header;
  } finally {
    closeSync(fd);
  }
}

function parseHeader(bytes: Buffer, path: string): { header: StoredPredictionHeader; dataOffset: number } {
  if (bytes.length < PREFIX_BYTES || bytes.toString('latin1', 0, 4) !== MAGIC) throw corrupt(path, 'not a prediction file');
  const length = bytes.readUInt32LE(4);
  if (bytes.length < PREFIX_BYTES + length) throw corrupt(path, 'truncated header');
  let header: StoredPredictionHeader;
  try {
    header = JSON.parse(bytes.toString('utf8', PREFIX_BYTES, PREFIX_BYTES + length)) as StoredPredictionHeader;
  } catch {
    throw corrupt(path, 'unreadable header');
  }
  if (header.format !== FORMAT) throw corrupt(path, `format ${String(header.format)}, expected ${FORMAT}`);
  const shapeOk =
    Number.isInteger(header.nRows) &&
    header.nRows >= 0 &&
    (header.kind === 'regression' || (header.kind === 'classification' && Number.isInteger(header.nClasses) && header.nClasses >= 1));
  if (!shapeOk) throw corrupt(path, 'bad shape in header');
  return { header, dataOffset: alignTo8(PREFIX_BYTES + length) };
}

function writePredictionFile(path: string, trialId: number, cost: number, prediction: Prediction): void {
  const values = prediction.kind === 'classification' ? prediction.proba.data : prediction.values;
  const header: StoredPredictionHeader = {
    format: FORMAT,
    trialId,
    cost,
    kind: prediction.kind,
    nRows: prediction.kind === 'classification' ? prediction.proba.nRows : prediction.values.length,
    nClasses: prediction.kind === 'classification' ? prediction.proba.nClasses : 0,
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const dataOffset = alignTo8(PREFIX_BYTES + json.length);
  const bytes = Buffer.alloc(dataOffset + 8 * values.length);
  bytes.write(MAGIC, 0, 'latin1');
  bytes.writeUInt32LE(json.length, 4);
  json.copy(bytes, PREFIX_BYTES);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < values.length; i++) view.setFloat64(dataOffset + 8 * i, values[i]!, true);
  writeFileAtomic(path, bytes);
}

function alignTo8(n: number): number {
  return Math.ceil(n / 8) * 8;
}

function corrupt(path: string, why: string): AutoMLError {
  return new AutoMLError('BAD_INPUT', `stored prediction ${path}: ${why}`);
}
