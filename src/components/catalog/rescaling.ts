/** Rescaling slot: per-feature scaling of the encoded matrix. */
import type { ComponentSpec } from '../component.ts';
import type { MatrixTransformer } from '../transformer.ts';
import { NoRescaling } from '../preprocessing/no-rescaling.ts';
import { StandardScaler } from '../preprocessing/standard-scaler.ts';
import { MinMaxScaler } from '../preprocessing/minmax-scaler.ts';
import { RobustScaler } from '../preprocessing/robust-scaler.ts';
import { QuantileTransformer } from '../preprocessing/quantile-transformer.ts';
import { PowerTransformer } from '../preprocessing/power-transformer.ts';
import { numberParam, stringParam } from '../component.ts';
import { categorical, emptySpace, float, integer } from './space-helpers.ts';

const both = ['classification', 'regression'] as const;

export const RESCALING_COMPONENTS: readonly ComponentSpec<MatrixTransformer>[] = [
  { id: 'none', families: both, space: emptySpace, create: () => new NoRescaling() },
  { id: 'standard', families: both, space: emptySpace, create: () => new StandardScaler() },
  { id: 'minmax', families: both, space: emptySpace, create: () => new MinMaxScaler() },
  {
    id: 'robust',
    families: both,
    space: () => emptySpace().addHyperparameters([float('q_min', 0.001, 0.3, 0.25), float('q_max', 0.7, 0.999, 0.75)]),
    create: (params) => new RobustScaler({ q_min: numberParam(params, 'q_min'), q_max: numberParam(params, 'q_max') }),
  },
  {
    id: 'quantile',
    families: both,
    space: () =>
      emptySpace().addHyperparameters([
        integer('n_quantiles', 10, 2000, 1000),
        categorical('output_distribution', ['uniform', 'normal'], 'uniform'),
      ]),
    create: (params) =>
      new QuantileTransformer({
        n_quantiles: numberParam(params, 'n_quantiles'),
        output_distribution: stringParam(params, 'output_distribution') as 'uniform' | 'normal',
      }),
  },
  { id: 'power', families: both, space: emptySpace, create: () => new PowerTransformer() },
];
