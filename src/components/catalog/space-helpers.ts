/** Small builders that keep component space declarations to one line per hyperparameter. */
import { CategoricalHyperparameter, ConfigurationSpace, FloatHyperparameter, IntegerHyperparameter, type Value } from '../../space/index.ts';

export function emptySpace(): ConfigurationSpace {
  return new ConfigurationSpace();
}

export function float(name: string, lower: number, upper: number, defaultValue: number, log = false): FloatHyperparameter {
  return new FloatHyperparameter(name, lower, upper, { default: defaultValue, log });
}

export function integer(name: string, lower: number, upper: number, defaultValue: number, log = false): IntegerHyperparameter {
  return new IntegerHyperparameter(name, lower, upper, { default: defaultValue, log });
}

export function categorical(name: string, choices: readonly Value[], defaultValue: Value): CategoricalHyperparameter {
  return new CategoricalHyperparameter(name, choices, { default: defaultValue });
}
