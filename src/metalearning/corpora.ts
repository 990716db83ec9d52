/**
 * The dataset corpora the metadata base and the warm-start benchmark run over: `shipped` (the
 * package's `datasets/`, 24 datasets), `meta` (the meta-learning corpus next to the package,
 * `../shared/meta-corpus/`, 88 datasets) or `all` (both), or explicit manifest paths. Names must be
 * unique across the manifests read together, since base entries and results are keyed by name.
 */
import { join, resolve } from 'node:path';
import { readManifest, type ManifestDataset } from '../bench/manifest.ts';
import { AutoMLError } from '../util/errors.ts';
import { PACKAGE_ROOT } from './metadata-base.ts';

export const CORPUS_MANIFESTS: Readonly<Record<string, readonly string[]>> = {
  shipped: [join(PACKAGE_ROOT, 'datasets/manifest.json')],
  meta: [resolve(PACKAGE_ROOT, '../shared/meta-corpus/manifest.json')],
  all: [join(PACKAGE_ROOT, 'datasets/manifest.json'), resolve(PACKAGE_ROOT, '../shared/meta-corpus/manifest.json')],
};

/** The manifests named by `--manifest a,b` (comma-separated paths) or `--corpus name`; default `shipped`. */
export function manifestPaths(manifest: string | undefined, corpus: string | undefined): string[] {
  if (manifest !== undefined && corpus !== undefined) throw new AutoMLError('BAD_OPTION', 'give either --manifest or --corpus, not both');
  if (manifest !== undefined) return manifest.split(',').map((s) => s.trim()).filter((s) => s !== '').map((p) => resolve(p));
  const paths = CORPUS_MANIFESTS[corpus ?? 'shipped'];
  if (paths === undefined) throw new AutoMLError('BAD_OPTION', `--corpus must be one of ${Object.keys(CORPUS_MANIFESTS).join(', ')}, got ${corpus}`);
  return [...paths];
}

/** The datasets of all manifests, optionally only those named (comma-separated). */
export function readCorpus(paths: readonly string[], names: string | undefined): ManifestDataset[] {
  const all: ManifestDataset[] = [];
  for (const path of paths) {
    for (const dataset of readManifest(path)) {
      if (all.some((d) => d.name === dataset.name)) throw new AutoMLError('BAD_INPUT', `dataset ${dataset.name} appears in more than one manifest (${paths.join(', ')})`);
      all.push(dataset);
    }
  }
  if (names === undefined) return all;
  const wanted = names.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const unknown = wanted.filter((name) => !all.some((d) => d.name === name));
  if (unknown.length > 0) throw new AutoMLError('BAD_OPTION', `unknown datasets: ${unknown.join(', ')} (see ${paths.join(', ')})`);
  return all.filter((d) => wanted.includes(d.name));
}
