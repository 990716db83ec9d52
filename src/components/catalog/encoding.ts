/** Encoding slot: categorical columns to numbers (numeric columns pass through). */
import type { ComponentSpec } from '../component.ts';
import type { Encoder } from '../transformer.ts';
import { OneHotEncoder } from '../preprocessing/one-hot-encoder.ts';
import { OrdinalEncoder } from '../preprocessing/ordinal-encoder.ts';
import { emptySpace } from './space-helpers.ts';

const oneHot: ComponentSpec<Encoder> = {
  id: 'one_hot',
  families: ['classification', 'regression'],
  space: emptySpace,
  create: () => new OneHotEncoder(),
};

const ordinal: ComponentSpec<Encoder> = {
  id: 'ordinal',
  families: ['classification', 'regression'],
  space: emptySpace,
  create: () => new OrdinalEncoder(),
};

export const ENCODING_COMPONENTS: readonly ComponentSpec<Encoder>[] = [oneHot, ordinal];
