/** Coalescing slot: rare categories merged into one bucket before encoding, or left alone. */
import type { ComponentSpec } from '../component.ts';
import type { DatasetTransformer } from '../transformer.ts';
import { CategoryCoalescer } from '../preprocessing/category-coalescer.ts';
import { numberParam } from '../component.ts';
import { emptySpace, float } from './space-helpers.ts';

const minorityCoalescer: ComponentSpec<DatasetTransformer | null> = {
  id: 'minority_coalescer',
  families: ['classification', 'regression'],
  space: () => emptySpace().addHyperparameter(float('minimum_fraction', 1e-4, 0.5, 0.01, true)),
  create: (params) => new CategoryCoalescer({ minimum_fraction: numberParam(params, 'minimum_fraction') }),
};

const noCoalescing: ComponentSpec<DatasetTransformer | null> = {
  id: 'no_coalescing',
  families: ['classification', 'regression'],
  space: emptySpace,
  create: () => null,
};

export const COALESCING_COMPONENTS: readonly ComponentSpec<DatasetTransformer | null>[] = [minorityCoalescer, noCoalescing];
