/** Imputation slot: numeric missing values filled with a training statistic. */
import type { ComponentSpec } from '../component.ts';
import type { DatasetTransformer } from '../transformer.ts';
import { Imputer, IMPUTATION_STRATEGIES, type ImputationStrategy } from '../preprocessing/imputer.ts';
import { stringParam } from '../component.ts';
import { categorical, emptySpace } from './space-helpers.ts';

const simple: ComponentSpec<DatasetTransformer> = {
  id: 'simple',
  families: ['classification', 'regression'],
  space: () => emptySpace().addHyperparameter(categorical('strategy', IMPUTATION_STRATEGIES, 'median')),
  create: (params) => new Imputer({ strategy: stringParam(params, 'strategy') as ImputationStrategy }),
};

export const IMPUTATION_COMPONENTS: readonly ComponentSpec<DatasetTransformer>[] = [simple];
