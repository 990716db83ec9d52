/** Feature preprocessing slot: transformations of the scaled matrix before the model. */
import type { ComponentSpec } from '../component.ts';
import type { MatrixTransformer } from '../transformer.ts';
import { NoRescaling } from '../preprocessing/no-rescaling.ts';
import { emptySpace } from './space-helpers.ts';

const both = ['classification', 'regression'] as const;

export const FEATURE_PREPROCESSOR_COMPONENTS: readonly ComponentSpec<MatrixTransformer>[] = [
  // The identity transformer: same behaviour as "no rescaling".
  { id: 'no_preprocessing', families: both, space: emptySpace, create: () => new NoRescaling() },
];
