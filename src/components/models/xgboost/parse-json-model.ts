/** Reads XGBoost's JSON model format (written by the native engine) into plain trees. */
import { AutoMLError } from '../../../util/errors.ts';
import { baseScoreToMargin } from './base-margin.ts';
import { TreesBuilder, type BoostedTrees } from './trees.ts';

type Json = Record<string, unknown>;

function object(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${path} is not an object`);
  return value as Json;
}

function numbers(value: unknown, path: string): number[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'number')) throw new Error(`${path} is not an array of numbers`);
  return value as number[];
}

export function treesFromXgboostJson(text: string, nFeatures: number, nGroups: number): BoostedTrees {
  try {
    const learner = object(object(JSON.parse(text), 'model')['learner'], 'learner');
    const modelParam = object(learner['learner_model_param'], 'learner_model_param');
    const baseScore = Number(modelParam['base_score']);
    const objective = String(object(learner['objective'], 'objective')['name']);
    const booster = object(learner['gradient_booster'], 'gradient_booster');
    if (booster['name'] !== 'gbtree') throw new Error(`booster ${String(booster['name'])} is not gbtree`);
    const model = object(booster['model'], 'gradient_booster.model');
    const treeInfo = numbers(model['tree_info'], 'tree_info');
    const trees = model['trees'];
    if (!Array.isArray(trees) || trees.length !== treeInfo.length) throw new Error('trees and tree_info differ in length');
    const builder = new TreesBuilder();
    trees.forEach((value, t) => {
      const tree = object(value, `trees[${t}]`);
      builder.addTree(treeInfo[t]!, {
        left: numbers(tree['left_children'], 'left_children'),
        right: numbers(tree['right_children'], 'right_children'),
        feature: numbers(tree['split_indices'], 'split_indices'),
        // XGBoost keeps a leaf's value in the split-condition slot
        value: numbers(tree['split_conditions'], 'split_conditions'),
        defaultLeft: numbers(tree['default_left'], 'default_left'),
      });
    });
    return builder.build(nFeatures, nGroups, baseScoreToMargin(objective, baseScore));
  } catch (error) {
    if (error instanceof AutoMLError) throw error;
    throw new AutoMLError('INTERNAL', `xgboost: unreadable JSON model from the native engine: ${error instanceof Error ? error.message : String(error)}`);
  }
}
