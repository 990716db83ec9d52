/**
 * `npm run spaces`: regenerates the search-space files in pipelines/ from the registry. A test
 * fails when the committed files differ from what this writes.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spaceToJSONText } from '../space/index.ts';
import { writeFileAtomic } from '../util/atomic-write.ts';
import { PIPELINE_SPACE_FILES, pipelineSpace } from './pipeline-spaces.ts';

const PIPELINES_DIR = fileURLToPath(new URL('../../pipelines/', import.meta.url));

for (const entry of PIPELINE_SPACE_FILES) {
  const space = pipelineSpace(entry);
  writeFileAtomic(join(PIPELINES_DIR, entry.file), spaceToJSONText(space));
  process.stderr.write(`pipelines/${entry.file}: ${space.size} hyperparameters, ${space.conditions.length} conditions, ${space.forbiddens.length} forbidden clauses\n`);
}
