/**
 * A cheap conditional optimisation problem with a known optimum, shaped like a CASH space: a
 * top-level choice among three "algorithms", each with its own conditional hyperparameters
 * (numeric, log-scaled, integer, categorical, and one nested condition), plus two always-active
 * hyperparameters that do not affect the cost. The cost of a configuration is its branch's
 * function value, scaled so the branches compete:
 * - branin:    0.1 + (Branin(x1, x2) − 0.397887) / 10, best 0.1, easy to reach;
 * - hartmann3: (Hartmann3(x) + 3.86278) / 3.86278, best 0 (the global optimum), but its basin is
 *              small: most of the cube costs 0.8 – 1;
 * - quadratic: a bowl in three dimensions plus a log-scaled, an integer and a categorical term,
 *              best 0.05.
 * Used by the optimiser tests and by the optimiser benchmark (src/bench/optimizer.ts).
 */
import {
  CategoricalHyperparameter as Cat, ConfigurationSpace, EqualsCondition as Eq, FloatHyperparameter as Float,
  IntegerHyperparameter as Int, type Configuration,
} from '../../space/index.ts';

export const SYNTHETIC_OPTIMUM = 0;

export function syntheticSpace(): ConfigurationSpace {
  const space = new ConfigurationSpace();
  space.addHyperparameter(new Cat('branch', ['branin', 'hartmann3', 'quadratic'], { default: 'branin' }));
  space.addHyperparameters([
    new Float('branin:x1', -5, 10, { default: 2.5 }),
    new Float('branin:x2', 0, 15, { default: 7.5 }),
    new Float('hartmann3:x1', 0, 1, { default: 0.5 }),
    new Float('hartmann3:x2', 0, 1, { default: 0.5 }),
    new Float('hartmann3:x3', 0, 1, { default: 0.5 }),
    new Float('quadratic:a', 0, 1, { default: 0.5 }),
    new Float('quadratic:b', 0, 1, { default: 0.5 }),
    new Float('quadratic:c', 0, 1, { default: 0.5 }),
    new Float('quadratic:rate', 1e-5, 1, { log: true, default: 1e-2 }),
    new Int('quadratic:units', 1, 256, { log: true, default: 16 }),
    new Cat('quadratic:shape', ['bowl', 'ridge', 'flat'], { default: 'flat' }),
    new Cat('quadratic:regularize', [true, false], { default: false }),
    new Float('quadratic:strength', 1e-4, 1, { log: true, default: 1e-2 }),
    new Float('unused:level', 0, 1, { default: 0.5 }),
    new Cat('unused:mode', ['x', 'y', 'z'], { default: 'x' }),
  ]);
  for (const name of space.order) {
    const branch = name.split(':')[0]!;
    if (['branin', 'hartmann3', 'quadratic'].includes(branch) && name !== 'quadratic:strength') space.addCondition(new Eq(name, 'branch', branch));
  }
  space.addCondition(new Eq('quadratic:strength', 'quadratic:regularize', true));
  return space;
}

export function branin(x1: number, x2: number): number {
  const b = 5.1 / (4 * Math.PI * Math.PI);
  const c = 5 / Math.PI;
  const t = 1 / (8 * Math.PI);
  return (x2 - b * x1 * x1 + c * x1 - 6) ** 2 + 10 * (1 - t) * Math.cos(x1) + 10;
}

const H3_ALPHA = [1.0, 1.2, 3.0, 3.2];
const H3_A = [[3, 10, 30], [0.1, 10, 35], [3, 10, 30], [0.1, 10, 35]];
const H3_P = [[0.3689, 0.117, 0.2673], [0.4699, 0.4387, 0.747], [0.1091, 0.8732, 0.5547], [0.0381, 0.5743, 0.8828]];

export function hartmann3(x: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < 4; i++) {
    let inner = 0;
    for (let j = 0; j < 3; j++) inner += H3_A[i]![j]! * (x[j]! - H3_P[i]![j]!) ** 2;
    total -= H3_ALPHA[i]! * Math.exp(-inner);
  }
  return total;
}

const num = (config: Configuration, name: string): number => {
  const value = config[name];
  if (typeof value !== 'number') throw new Error(`synthetic problem: "${name}" is not set`);
  return value;
};

/** Cost of a configuration of `syntheticSpace()`; SYNTHETIC_OPTIMUM is its minimum. */
export function syntheticCost(config: Configuration): number {
  switch (config['branch']) {
    case 'branin':
      return 0.1 + (branin(num(config, 'branin:x1'), num(config, 'branin:x2')) - 0.397887) / 10;
    case 'hartmann3':
      return Math.max(0, (hartmann3([num(config, 'hartmann3:x1'), num(config, 'hartmann3:x2'), num(config, 'hartmann3:x3')]) + 3.86278) / 3.86278);
    case 'quadratic': {
      const bowl = (num(config, 'quadratic:a') - 0.2) ** 2 + (num(config, 'quadratic:b') - 0.7) ** 2 + (num(config, 'quadratic:c') - 0.4) ** 2;
      const rate = ((Math.log10(num(config, 'quadratic:rate')) + 3) / 2) ** 2 * 0.1;
      const units = ((Math.log2(num(config, 'quadratic:units')) - 5) / 4) ** 2 * 0.1;
      const shape = { bowl: 0, ridge: 0.05, flat: 0.15 }[String(config['quadratic:shape'])] ?? 0;
      const strength = config['quadratic:regularize'] === true ? ((Math.log10(num(config, 'quadratic:strength')) + 2) / 2) ** 2 * 0.1 - 0.03 : 0;
      return 0.08 + bowl + rate + units + shape + strength;
    }
    default:
      throw new Error(`synthetic problem: unknown branch ${String(config['branch'])}`);
  }
}
