/**
 * The benchmark's "single best" column: the best trial of a run refitted alone on the training
 * rows and scored on the same test rows as the ensemble the run emitted.
 */
import type { RawTable } from '../data/raw-table.ts';
import { buildTrainingData, type BuildOptions } from '../data/build.ts';
import type { AutoMLModel } from '../export/model.ts';
import { componentContextFor, instantiatePipeline } from '../components/registry.ts';
import { sampleWeightsFor } from '../components/balancing-weights.ts';
import { readTrials } from '../search/run-log.ts';
import { isFinalCandidate } from '../search/fidelity/final-candidate.ts';
import { labelledRows, scoreAll } from '../api/evaluate.ts';

export function singleBestTestMetrics(model: AutoMLModel, runDir: string, train: RawTable, test: RawTable, options: BuildOptions): Record<string, number> {
  const best = readTrials(runDir)
    .filter(isFinalCandidate)
    .sort((a, b) => a.cost - b.cost || a.id - b.id)[0];
  if (best === undefined) return {};
  const labelled = buildTrainingData(train, options);
  const { pipeline, balancing } = instantiatePipeline(best.config, componentContextFor(labelled.features, labelled.task), best.seed);
  pipeline.fit(labelled.features, labelled.target, sampleWeightsFor(labelled.target, balancing));
  const { dataset, truth } = labelledRows(model, test);
  return scoreAll(model.task, truth, pipeline.predict(dataset));
}
