/**
 * The deployable model file: one self-contained, versioned JSON document. It holds data only
 * (fitted states, weights, schema); loading it never evaluates code from it.
 */
import type { InputSchema, Task } from '../data/dataset.ts';
import type { SavedPipeline } from '../components/pipeline.ts';
import type { JsonValue } from '../util/json.ts';
import { isJsonObject } from '../util/json.ts';
import { AutoMLError } from '../util/errors.ts';
import { checkDecision, type DecisionRule } from './decision.ts';
import { checkCalibrator } from '../ensemble/calibrators/load.ts';
import type { SavedCalibrator } from '../ensemble/calibrators/types.ts';

export const ARTIFACT_FORMAT = 'automl-ts/model';
/**
 * Newest format this build reads. Bumped whenever a reader of the previous version could misread
 * the new layout. Version 2 added members made of fold pipelines (`foldPipelines`), version 3 the
 * probability `temperature` (an older reader would ignore it and predict other probabilities);
 * version 4 the label `decision` rule and pipelines' `priorShift` (an older reader would ignore
 * them and predict other labels and probabilities); version 5 a Platt or isotonic `calibrator`
 * (a temperature is still written as `temperature`); a file is written with the lowest version
 * that holds it (see `formatVersionFor`), so files without these stay readable by older readers.
 */
export const ARTIFACT_FORMAT_VERSION = 5;

/** One member of the ensemble: a single pipeline, or the k fold pipelines of a trial averaged. */
export type ArtifactMember = SinglePipelineMember | FoldAveragedMember;

interface MemberBase {
  /** Trial id that produced this member. */
  readonly trialId: number;
  readonly weight: number;
  readonly algorithm: string;
  readonly config: Readonly<Record<string, string | number | boolean>>;
}

export interface SinglePipelineMember extends MemberBase {
  readonly pipeline: SavedPipeline;
}

/** The trial's pipelines fitted on each cross-validation fold's training rows; predictions are their mean. */
export interface FoldAveragedMember extends MemberBase {
  readonly foldPipelines: readonly SavedPipeline[];
}

/** The saved pipelines of a member, one for a refitted member, k for a fold-averaged one. */
export function memberPipelines(member: ArtifactMember): readonly SavedPipeline[] {
  return 'foldPipelines' in member ? member.foldPipelines : [member.pipeline];
}

/** Lowest format version that can hold these members, this temperature, decision rule and calibrator. */
export function formatVersionFor(members: readonly ArtifactMember[], temperature?: number, decision?: DecisionRule, calibrator?: SavedCalibrator): number {
  if (calibrator !== undefined) return 5;
  if ((decision !== undefined && decision.rule !== 'argmax') || members.some((member) => memberPipelines(member).some((p) => p.priorShift !== undefined))) return 4;
  if (temperature !== undefined) return 3;
  return members.some((member) => 'foldPipelines' in member) ? 2 : 1;
}

export interface LeaderboardRow {
  readonly rank: number;
  readonly id: number;
  readonly algorithm: string;
  readonly preprocessing: string;
  readonly validation_cost: number | null;
  readonly validation_score: number | null;
  readonly ensemble_weight: number;
  readonly fit_seconds: number;
  readonly status: string;
  /** The queue worker (`host:pid`) that ran the trial, for fits run with a queue. */
  readonly worker?: string;
  /** Share of the full evaluation, for a trial below full fidelity (search/fidelity). */
  readonly fidelity?: number;
  /** Successive-halving rung, for searches that ran with fidelities. */
  readonly rung?: number;
}

export interface Artifact {
  readonly format: typeof ARTIFACT_FORMAT;
  readonly formatVersion: number;
  readonly packageVersion: string;
  readonly createdAt: string;
  readonly task: Task;
  readonly target: { readonly name: string; readonly classes: readonly string[] | null };
  readonly metric: string;
  readonly validationScore: number;
  readonly seed: number;
  readonly spaceHash: string;
  readonly schema: InputSchema;
  readonly members: readonly ArtifactMember[];
  /**
   * Classification only, and only when it is not 1: the temperature T the combined class
   * probabilities are scaled by (p ← p^(1/T), renormalised; see ensemble/temperature.ts).
   */
  readonly temperature?: number;
  /**
   * Classification, format 5: a Platt or isotonic map applied to the combined probabilities in
   * place of a temperature (ensemble/calibrators/). Never present together with `temperature`.
   */
  readonly calibrator?: SavedCalibrator;
  /** Classification: how labels are read from the probabilities (decision.ts); absent means argmax. */
  readonly decision?: DecisionRule;
  readonly leaderboard: readonly LeaderboardRow[];
  readonly summary: { readonly [key: string]: JsonValue };
}

function corrupt(where: string, what: string): AutoMLError {
  return new AutoMLError('BAD_MODEL_FILE', `${where}: ${what}`, {
    hint: 'the file is not a complete automl-ts model; refit it with `automl fit`',
  });
}

/**
 * Checks the top-level structure of a parsed artifact. The fitted states inside each pipeline are
 * validated by their own loaders when the pipeline is rebuilt.
 */
export function validateArtifact(value: unknown, where: string): Artifact {
  if (!isJsonObject(value)) throw corrupt(where, 'not a JSON object');
  if (value['format'] !== ARTIFACT_FORMAT) {
    throw new AutoMLError('BAD_MODEL_FILE', `${where} is not an automl-ts model (format field is ${JSON.stringify(value['format'] ?? null)})`, {
      hint: 'pass a model file written by `automl fit --out` or `model.save()`',
    });
  }
  const version = value['formatVersion'];
  if (version === undefined) throw corrupt(where, 'formatVersion is missing');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw corrupt(where, `formatVersion must be a number (a positive integer), got ${JSON.stringify(version)}`);
  }
  if (version > ARTIFACT_FORMAT_VERSION) {
    throw new AutoMLError('MODEL_VERSION', `${where} has model format version ${version}; this automl-ts reads up to ${ARTIFACT_FORMAT_VERSION}`, {
      hint: 'upgrade automl-ts to load it',
    });
  }
  const task = value['task'];
  if (task !== 'binary' && task !== 'multiclass' && task !== 'regression') throw corrupt(where, 'task is missing or unknown');
  const target = value['target'];
  if (!isJsonObject(target) || typeof target['name'] !== 'string') throw corrupt(where, 'target is missing');
  const classes = target['classes'];
  if (task === 'regression' ? classes !== null : !Array.isArray(classes) || !classes.every((c) => typeof c === 'string')) {
    throw corrupt(where, 'target classes do not match the task');
  }
  const schema = value['schema'];
  if (!isJsonObject(schema) || !Array.isArray(schema['columns'])) throw corrupt(where, 'input schema is missing');
  for (const column of schema['columns']) {
    if (!isJsonObject(column) || typeof column['name'] !== 'string' || !['numeric', 'categorical', 'dropped'].includes(String(column['type']))) {
      throw corrupt(where, 'input schema has a malformed column');
    }
    if (column['type'] === 'categorical' && !Array.isArray(column['categories'])) throw corrupt(where, `column ${column['name']} lacks its categories`);
  }
  const members = value['members'];
  if (!Array.isArray(members) || members.length === 0) throw corrupt(where, 'no pipelines');
  let weightSum = 0;
  for (const member of members) {
    if (!isJsonObject(member) || typeof member['weight'] !== 'number') throw corrupt(where, 'malformed ensemble member');
    const folds = member['foldPipelines'];
    const wellFormed =
      folds === undefined
        ? isJsonObject(member['pipeline'])
        : version >= 2 && member['pipeline'] === undefined && Array.isArray(folds) && folds.length > 0 && folds.every(isJsonObject);
    if (!wellFormed) throw corrupt(where, 'malformed ensemble member');
    weightSum += member['weight'];
  }
  if (Math.abs(weightSum - 1) > 1e-6) throw corrupt(where, `ensemble weights sum to ${weightSum}, not 1`);
  const temperature = value['temperature'];
  if (temperature !== undefined) {
    const valid = version >= 3 && task !== 'regression' && typeof temperature === 'number' && Number.isFinite(temperature) && temperature > 0;
    if (!valid) throw corrupt(where, `temperature ${JSON.stringify(temperature)} is not a positive number of a classification model`);
  }
  const calibrator = value['calibrator'];
  if (calibrator !== undefined) {
    const problem =
      version < 5
        ? `a calibrator needs format version 5, the file says ${version}`
        : task === 'regression'
          ? 'a regression model has no calibrator'
          : temperature !== undefined
            ? 'a model holds a temperature or a calibrator, not both'
            : checkCalibrator(calibrator, Array.isArray(classes) ? classes.length : 0);
    if (problem !== null) throw corrupt(where, problem);
  }
  const decision = value['decision'];
  if (decision !== undefined) {
    const problem =
      task === 'regression'
        ? 'a regression model has no decision rule'
        : (checkDecision(decision, Array.isArray(classes) ? classes.length : 0) ??
          (version < 4 && isJsonObject(decision) && decision['rule'] !== 'argmax' ? `a decision rule other than argmax needs format version 4, the file says ${version}` : null));
    if (problem !== null) throw corrupt(where, problem);
  }
  for (const key of ['metric', 'packageVersion', 'createdAt', 'spaceHash'] as const) {
    if (typeof value[key] !== 'string') throw corrupt(where, value[key] === undefined ? `${key} is missing` : `${key} must be a string, got ${JSON.stringify(value[key])}`);
  }
  if (typeof value['validationScore'] !== 'number' || typeof value['seed'] !== 'number') throw corrupt(where, 'validation score or seed missing');
  if (!Array.isArray(value['leaderboard']) || !isJsonObject(value['summary'])) throw corrupt(where, 'leaderboard or summary missing');
  // The checks above establish the shape the rest of the loader relies on.
  return value as unknown as Artifact;
}
