/**
 * What the HTML report is drawn from, kept in the run directory (`report-data.json`) so that
 * `automl report <run dir>` can rebuild the page later without the training data. Everything in it
 * is plain JSON; user text (column names, class labels) is escaped only when rendered.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LeaderboardRow } from '../../export/artifact.ts';
import type { TrialRecord } from '../../search/trial.ts';
import type { ReliabilityBin } from '../../metrics/calibration.ts';
import { writeFileAtomic } from '../../util/atomic-write.ts';
import type { JsonValue } from '../../util/json.ts';
import { AutoMLError } from '../../util/errors.ts';

export const REPORT_DATA_FILE = 'report-data.json';
export const REPORT_DATA_VERSION = 1;

/** One trial as the charts need it. */
export interface ReportTrial {
  readonly id: number;
  readonly algorithm: string;
  readonly status: string;
  /** Validation cost (lower is better); null for failed trials. */
  readonly cost: number | null;
  readonly score: number | null;
  /** Seconds since the search started when the trial finished. */
  readonly finishedAt: number;
  readonly fitSeconds: number;
  /** Share of the full evaluation, for a trial below full fidelity; absent in older report data. */
  readonly fidelity?: number;
  readonly rung?: number;
}

/**
 * A run-log trial as the report charts it: failed and stopped trials keep their place but have no
 * cost; a trial below full fidelity keeps its cost and says its share.
 */
export function toReportTrial(trial: TrialRecord): ReportTrial {
  return {
    id: trial.id,
    algorithm: trial.algorithm,
    status: trial.status,
    cost: trial.status === 'SUCCESS' && Number.isFinite(trial.cost) ? trial.cost : null,
    score: trial.score,
    finishedAt: trial.finishedAt,
    fitSeconds: trial.fitSeconds,
    ...(trial.fidelity === undefined ? {} : { fidelity: trial.fidelity }),
    ...(trial.rung === undefined ? {} : { rung: trial.rung }),
  };
}

export interface ReportMember {
  readonly trialId: number;
  readonly weight: number;
  readonly algorithm: string;
  readonly preprocessing: string;
}

/** Out-of-sample diagnostics of the ensemble on the validation rows. */
export type ReportDiagnostics =
  | { readonly kind: 'confusion'; readonly classes: readonly string[]; readonly matrix: readonly (readonly number[])[]; readonly rows: number }
  | {
      readonly kind: 'residuals';
      /** [predicted, actual] pairs, a seeded sample of at most a few thousand rows. */
      readonly points: readonly (readonly [number, number])[];
      readonly rows: number;
    };

/**
 * Reliability of the ensemble's out-of-sample class probabilities on the validation rows. Binary:
 * the probability of the second class against how often a row is of it ('class'). Multiclass:
 * the largest probability of each row against how often that class is right ('top-label', the
 * view the expected calibration error measures).
 */
export interface ReportReliability {
  readonly view: 'class' | 'top-label';
  /** The class whose probability is drawn, for the 'class' view. */
  readonly label?: string;
  /** Number of equal-width bins over [0, 1]; `bins` holds the non-empty ones. */
  readonly nBins: number;
  readonly bins: readonly ReliabilityBin[];
  readonly rows: number;
  readonly logLoss: number;
  readonly brier: number;
  /** Top-label expected calibration error over the same bins. */
  readonly ece: number;
}

export interface FeatureImportance {
  readonly feature: string;
  /** Mean increase of the validation cost when the column is shuffled (higher = more important). */
  readonly mean: number;
  readonly std: number;
  readonly repeats: number;
}

export interface ReportImportance {
  readonly metric: string;
  readonly rows: number;
  readonly baselineCost: number;
  readonly seconds: number;
  /** False when the time bound stopped it before every feature was shuffled once. */
  readonly complete: boolean;
  readonly features: readonly FeatureImportance[];
  /**
   * Validation folds whose rows were measured, each with the ensemble refitted without them, of
   * `folds` (1 of 1 under holdout). Absent in report data of older runs, measured in sample.
   */
  readonly heldOutFolds?: number;
  readonly folds?: number;
  /** Members in the measured ensembles (the heaviest), of `members`, carrying `memberWeight` of the weight. */
  readonly heldOutMembers?: number;
  readonly members?: number;
  readonly memberWeight?: number;
  /** True when the members were refitted for the measurement, false when the deployed fold pipelines were reused. */
  readonly refitted?: boolean;
}

export interface ReportData {
  readonly version: number;
  readonly createdAt: string;
  readonly task: string;
  readonly target: string;
  readonly metric: string;
  /** Where validation rows came from: 'holdout' or 'cv' (out-of-fold). */
  readonly resampling: string;
  readonly validationScore: number | null;
  /** The model artifact's run summary (includes meta_features / warm_start when available). */
  readonly summary: { readonly [key: string]: JsonValue };
  readonly members: readonly ReportMember[];
  readonly leaderboard: readonly LeaderboardRow[];
  readonly trials: readonly ReportTrial[];
  readonly diagnostics: ReportDiagnostics | null;
  /** Classification only; absent in report data of older runs and of unfinished ones. */
  readonly reliability?: ReportReliability | null;
  readonly importance: ReportImportance | null;
  /** Why importance was not measured, when it was not. */
  readonly importanceUnavailable?: string;
}

export function writeReportData(runDir: string, data: ReportData): void {
  writeFileAtomic(join(runDir, REPORT_DATA_FILE), `${JSON.stringify(data)}\n`);
}

/** The stored report data of a run directory, or undefined when the run did not finish. */
export function readReportData(runDir: string): ReportData | undefined {
  const path = join(runDir, REPORT_DATA_FILE);
  if (!existsSync(path)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new AutoMLError('BAD_INPUT', `${path} is not valid JSON`, { hint: 'rerun `automl fit` with this --run-dir to rewrite it' });
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed as { version?: unknown }).version !== REPORT_DATA_VERSION) {
    throw new AutoMLError('BAD_INPUT', `${path} is not report data this version of automl-ts can read`);
  }
  // Written by writeReportData above with the same version: the shape is ours.
  return parsed as ReportData;
}
