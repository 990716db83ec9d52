/** Rebuilds a fitted pipeline from its saved form, each step through its own validating loader. */
import { isJsonObject } from '../util/json.ts';
import { AutoMLError } from '../util/errors.ts';
import { Pipeline, type SavedPipeline } from './pipeline.ts';
import { loadDatasetTransformer, loadEncoder, loadMatrixTransformer } from './preprocessing/index.ts';
import { loadSavedModel } from './model-loaders.ts';
import { loadPriorShift } from './prior-shift.ts';

export function loadPipeline(saved: SavedPipeline, where: string): Pipeline {
  const candidate: unknown = saved;
  if (!isJsonObject(candidate) || !Array.isArray(candidate['datasetSteps']) || !Array.isArray(candidate['matrixSteps'])) {
    throw new AutoMLError('BAD_MODEL_FILE', `${where}: malformed pipeline`);
  }
  try {
    return new Pipeline({
      datasetSteps: saved.datasetSteps.map(loadDatasetTransformer),
      encoder: loadEncoder(saved.encoder),
      matrixSteps: saved.matrixSteps.map(loadMatrixTransformer),
      model: loadSavedModel(saved.model),
    }, candidate['priorShift'] === undefined ? undefined : loadPriorShift(candidate['priorShift'], undefined));
  } catch (error) {
    if (error instanceof AutoMLError) {
      throw new AutoMLError('BAD_MODEL_FILE', `${where}: ${error.message}`, error.hint === undefined ? {} : { hint: error.hint });
    }
    throw new AutoMLError('BAD_MODEL_FILE', `${where}: ${(error as Error).message}`);
  }
}
