/**
 * The metadata base as the warm start uses it: read for a task kind and metric, with entries
 * built against another version of the search space checked configuration by configuration
 * against the current one, so a stale configuration is skipped with a warning instead of
 * derailing the initial design.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PIPELINE_SPACE_FILES, pipelineSpace } from '../components/pipeline-spaces.ts';
import type { TaskFamily } from '../metrics/scorers.ts';
import { spaceFromJSON, spaceHash, type ConfigurationSpace } from '../space/index.ts';
import type { Logger } from '../util/log.ts';
import { projectConfiguration } from './fit-configuration.ts';
import { readBase, type BaseEntry, type MetadataBase } from './metadata-files.ts';

export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Where the committed base lives; `metadata` (fit option) or `--out` (build) point elsewhere. */
export const DEFAULT_METADATA_DIR = join(PACKAGE_ROOT, 'metadata');

export interface ReferenceSpace {
  /** The space file, relative to the package root. */
  readonly file: string;
  readonly space: ConfigurationSpace;
  readonly hash: string;
}

/** The default space of a task kind: pipelines/<kind>.json, or the registry's when the file is absent. */
export function referenceSpace(kind: TaskFamily): ReferenceSpace {
  const file = `pipelines/${kind}.json`;
  const path = join(PACKAGE_ROOT, file);
  const entry = PIPELINE_SPACE_FILES.find((e) => e.file === `${kind}.json`)!;
  const space = existsSync(path) ? spaceFromJSON(readFileSync(path, 'utf8')) : pipelineSpace(entry);
  return { file, space, hash: spaceHash(space) };
}

/** The usable base, or null when there is none for this task kind and metric. */
export function loadMetadataBase(root: string, kind: TaskFamily, metric: string, logger: Logger, reference = referenceSpace(kind)): MetadataBase | null {
  const base = readBase(root, kind, metric);
  if (base === null) return null;
  const entries = base.entries.map((entry) => dropStaleConfigurations(entry, reference, logger));
  return { ...base, entries };
}

/**
 * An entry whose search ran against another space keeps only the configurations that are still
 * valid in the current one; each dropped configuration is reported.
 */
export function dropStaleConfigurations(entry: BaseEntry, reference: ReferenceSpace, logger: Logger): BaseEntry {
  if (entry.build.space_hash === reference.hash) return entry;
  const kept = entry.configurations.filter((ranked, i) => {
    const projection = projectConfiguration(ranked.config, reference.space);
    if ('config' in projection) return true;
    logger.warn(
      `metadata: configuration ${i + 1} of dataset ${entry.dataset} was found with space ${entry.build.space_hash}, ` +
        `is invalid in the current ${reference.file} (${reference.hash}) and is skipped: ${projection.reason}`,
    );
    return false;
  });
  return { ...entry, configurations: kept };
}
