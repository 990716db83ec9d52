/**
 * Saved form of a boosted ensemble: the baseline and every tree as flat arrays (feature,
 * threshold on the raw value, left, right, leaf value). Loading checks everything a traversal
 * relies on, so a damaged or hostile file fails with BAD_MODEL_FILE instead of predicting
 * garbage or looping.
 */
import { AutoMLError } from '../../../util/errors.ts';
import { decodeFloats, decodeInts, encodeFloats, encodeInts, isJsonObject, type JsonObject, type JsonValue } from '../../../util/json.ts';
import type { BoostedEnsemble } from './booster.ts';
import { LEAF, type BoostedTree } from './tree.ts';

export function ensembleToJson(ensemble: BoostedEnsemble): JsonObject {
  return {
    baseline: encodeFloats(ensemble.baseline),
    treesPerRound: ensemble.treesPerRound,
    trees: ensemble.trees.map((tree) => ({
      feature: encodeInts(tree.feature),
      threshold: encodeFloats(tree.threshold),
      left: encodeInts(tree.left),
      right: encodeInts(tree.right),
      value: encodeFloats(tree.value),
    })),
  };
}

export function ensembleFromJson(state: JsonObject, nFeatures: number, treesPerRound: number): BoostedEnsemble {
  if (state['treesPerRound'] !== treesPerRound) bad(`treesPerRound must be ${treesPerRound}`);
  const baseline = decoded(() => decodeFloats(state['baseline'], 'baseline'));
  if (baseline.length !== treesPerRound || !baseline.every(Number.isFinite)) bad(`baseline must be ${treesPerRound} finite numbers`);
  const savedTrees = state['trees'];
  if (!Array.isArray(savedTrees) || savedTrees.length % treesPerRound !== 0) {
    bad(`trees must be an array whose length is a multiple of ${treesPerRound}`);
  }
  const trees = savedTrees.map((saved, index) => treeFromJson(saved, nFeatures, index));
  return { baseline, trees, treesPerRound, nIterations: trees.length / treesPerRound };
}

function treeFromJson(saved: JsonValue, nFeatures: number, index: number): BoostedTree {
  const what = `trees[${index}]`;
  if (!isJsonObject(saved)) bad(`${what} must be an object`);
  const tree: BoostedTree = decoded(() => ({
    feature: decodeInts(saved['feature'], `${what}.feature`),
    threshold: decodeFloats(saved['threshold'], `${what}.threshold`),
    left: decodeInts(saved['left'], `${what}.left`),
    right: decodeInts(saved['right'], `${what}.right`),
    value: decodeFloats(saved['value'], `${what}.value`),
  }));
  const n = tree.feature.length;
  if (n === 0) bad(`${what} has no nodes`);
  if (tree.threshold.length !== n || tree.left.length !== n || tree.right.length !== n || tree.value.length !== n) {
    bad(`${what}: feature, threshold, left, right and value must have the same length`);
  }
  for (let node = 0; node < n; node++) {
    const feature = tree.feature[node]!;
    const left = tree.left[node]!;
    const right = tree.right[node]!;
    if (!Number.isFinite(tree.value[node]!)) bad(`${what}: value of node ${node} is not finite`);
    if (feature === LEAF) {
      if (left !== LEAF || right !== LEAF) bad(`${what}: leaf ${node} has children`);
      continue;
    }
    if (feature < 0 || feature >= nFeatures) bad(`${what}: node ${node} splits on feature ${feature} of ${nFeatures}`);
    if (Number.isNaN(tree.threshold[node]!)) bad(`${what}: threshold of node ${node} is NaN`);
    // children after their parent: every path moves forward, so traversal always ends
    if (!(left > node && left < n && right > node && right < n)) bad(`${what}: node ${node} has invalid children`);
  }
  return tree;
}

function decoded<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw new AutoMLError('BAD_MODEL_FILE', `gradient_boosting: ${(error as Error).message}`, { cause: error });
  }
}

function bad(message: string): never {
  throw new AutoMLError('BAD_MODEL_FILE', `gradient_boosting: ${message}`);
}
