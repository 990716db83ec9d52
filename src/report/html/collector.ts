/**
 * Gathers, during and after a fit, what the HTML report needs and the model file does not hold:
 * the ensemble's out-of-sample predictions on the validation rows (for the confusion matrix and
 * reliability diagram, or residuals) and the permutation importance of the final ensemble, measured out of sample. Only
 * the predictions of trials the ensemble builder still holds are kept, so memory stays bounded
 * like the builder's own.
 */
import { takeRows, takeTargetRows, type Dataset, type LabelledDataset } from '../../data/dataset.ts';
import type { Prediction } from '../../metrics/prediction.ts';
import type { Scorer } from '../../metrics/scorers.ts';
import type { Resampling } from '../../search/resampling.ts';
import type { TrialRecord } from '../../search/trial.ts';
import { emptyPrediction, place, truthOf } from '../../search/evaluate-trial.ts';
import { combinePredictions } from '../../export/combine.ts';
import type { AutoMLModel } from '../../export/model.ts';
import { errorMessage } from '../../util/errors.ts';
import type { Logger } from '../../util/log.ts';
import { mixSeed } from '../../util/rng.ts';
import { diagnosticsFor, sampleRows } from './diagnostics.ts';
import { reliabilityFor } from './reliability.ts';
import { permutationImportance } from './importance.ts';
import { heldOutModels } from './held-out-models.ts';
import { nowSeconds } from '../../util/clock.ts';
import { REPORT_DATA_VERSION, toReportTrial, writeReportData, type ReportData, type ReportImportance } from './report-data.ts';

/** Rows shuffled for permutation importance: enough for stable estimates, cheap to predict. */
export const IMPORTANCE_MAX_ROWS = 1000;

/**
 * Time for permutation importance, the refits it needs included: a twentieth of the search
 * budget, between 1 and 5 seconds (refits are planned from the fit times the search measured, so
 * it holds as far as those do). It comes after the model is built, so it delays the return of fit
 * but never costs search time.
 */
export function importanceSeconds(timeBudget: number): number {
  return Math.min(5, Math.max(1, timeBudget / 20));
}

/** The measured importance, or none and why. */
function importanceFields(measured: ReportImportance | string): Pick<ReportData, 'importance' | 'importanceUnavailable'> {
  return typeof measured === 'string' ? { importance: null, importanceUnavailable: measured } : { importance: measured };
}

export interface ReportInputs {
  readonly model: AutoMLModel;
  readonly labelled: LabelledDataset;
  readonly resampling: Resampling;
  readonly scorer: Scorer;
  /** The ensemble members as selected on the validation rows, with their weights. */
  readonly selected: readonly { readonly trial: TrialRecord; readonly weight: number }[];
  readonly trials: readonly TrialRecord[];
  readonly timeBudget: number;
  readonly seed: number;
  readonly logger: Logger;
}

export class ReportCollector {
  private readonly predictions = new Map<number, Prediction>();

  constructor(readonly runDir: string) {}

  /** Records a trial's validation predictions if the ensemble builder holds the trial. */
  keep(id: number, prediction: Prediction, heldIds: readonly number[]): void {
    const held = new Set(heldIds);
    if (!held.has(id)) return;
    this.predictions.set(id, prediction);
    for (const key of this.predictions.keys()) if (!held.has(key)) this.predictions.delete(key);
  }

  /** Computes the diagnostics and writes report-data.json; a failure here never fails the fit. */
  finish(inputs: ReportInputs): void {
    try {
      writeReportData(this.runDir, this.build(inputs));
    } catch (error) {
      inputs.logger.warn(`report data not written: ${errorMessage(error)}`);
    }
  }

  private build(inputs: ReportInputs): ReportData {
    const { model, labelled, resampling, scorer } = inputs;
    const artifact = model.artifact;
    const preprocessing = new Map(artifact.leaderboard.map((row) => [row.id, row.preprocessing]));
    const ensemblePrediction = this.ensemblePrediction(inputs.selected);
    const validationTruth = truthOf(resampling.scoredTarget);
    const diagnostics =
      ensemblePrediction === undefined ? null : diagnosticsFor(validationTruth, ensemblePrediction, artifact.target.classes, mixSeed(inputs.seed, 11));
    const reliability = ensemblePrediction === undefined ? null : reliabilityFor(validationTruth, ensemblePrediction, artifact.target.classes);
    return {
      version: REPORT_DATA_VERSION,
      createdAt: new Date().toISOString(),
      task: artifact.task,
      target: artifact.target.name,
      metric: artifact.metric,
      resampling: resampling.strategy,
      validationScore: artifact.validationScore,
      summary: artifact.summary,
      members: artifact.members.map((m) => ({ trialId: m.trialId, weight: m.weight, algorithm: m.algorithm, preprocessing: preprocessing.get(m.trialId) ?? '' })),
      leaderboard: artifact.leaderboard,
      trials: inputs.trials.map(toReportTrial),
      diagnostics,
      reliability,
      ...importanceFields(this.importance(inputs, labelled, scorer)),
    };
  }

  /** Weighted average of the members' out-of-sample predictions, when all of them were kept. */
  private ensemblePrediction(selected: ReportInputs['selected']): Prediction | undefined {
    const outputs = selected.map((s) => this.predictions.get(s.trial.id));
    if (outputs.length === 0 || outputs.some((p) => p === undefined)) return undefined;
    return combinePredictions(outputs as Prediction[], Float64Array.from(selected, (s) => s.weight));
  }

  /**
   * Out of sample: on (a sample of) the rows trials were scored on, each predicted by the
   * ensemble fitted without its fold (held-out-models.ts). Refits share the time bound: they are
   * planned to end by half of it, so fewer members or folds are measured when it is short. A
   * string says why nothing was measured.
   */
  private importance(inputs: ReportInputs, labelled: LabelledDataset, scorer: Scorer): ReportImportance | string {
    const { resampling } = inputs;
    const started = nowSeconds();
    const seconds = importanceSeconds(inputs.timeBudget);
    try {
      const held = heldOutModels(inputs.model, inputs.selected.map((s) => s.trial), resampling, labelled.task, started, seconds / 2);
      if (held.kind === 'unavailable') return held.reason;
      const { folds } = held;
      const source = resampling.strategy === 'holdout' ? resampling.folds[0]!.valid : labelled;
      // Rows grouped by fold, so that each fold's model predicts one contiguous segment.
      const perFold = Math.ceil(IMPORTANCE_MAX_ROWS / folds.length);
      const segments = folds.map((fold, k) => {
        const picked = sampleRows(fold.scoredPositions.length, perFold, mixSeed(inputs.seed, 12 + 100 * k));
        return { model: fold.model, rows: Int32Array.from(picked, (i) => fold.scoredPositions[i]!) };
      });
      const rows = new Int32Array(segments.reduce((n, s) => n + s.rows.length, 0));
      let at = 0;
      const ranges = segments.map((segment) => {
        rows.set(segment.rows, at);
        const range = { model: segment.model, positions: Int32Array.from(segment.rows, (_, i) => at + i) };
        at += segment.rows.length;
        return range;
      });
      const target = takeTargetRows(source.target, rows);
      const predict = (dataset: Dataset): Prediction => {
        const out = emptyPrediction(target);
        for (const range of ranges) place(out, range.model.predictPrepared(takeRows(dataset, range.positions)), range.positions);
        return out;
      };
      const measured = permutationImportance(predict, takeRows(source.features, rows), truthOf(target), scorer, {
        seed: mixSeed(inputs.seed, 13),
        seconds: Math.max(0, started + seconds - nowSeconds()),
      });
      if (measured.features.length === 0) return 'the time bound ran out before any column was shuffled';
      return {
        ...measured,
        seconds: nowSeconds() - started,
        heldOutFolds: folds.length,
        folds: resampling.folds.length,
        heldOutMembers: held.members,
        members: held.deployedMembers,
        memberWeight: held.weightShare,
        refitted: held.refitted,
      };
    } catch (error) {
      inputs.logger.warn(`permutation importance skipped: ${errorMessage(error)}`);
      return `it failed (${errorMessage(error)})`;
    }
  }
}

