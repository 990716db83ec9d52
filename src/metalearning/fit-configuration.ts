/**
 * Carrying a configuration over to another search space. Spaces differ legitimately between
 * datasets (no encoding slot without categorical columns, no balancing for regression, a
 * component that does not apply), so a stored configuration is first projected: names the space
 * does not have are dropped, hyperparameters that are active there but absent from the
 * configuration take their default. What cannot be projected — an unknown choice, a value outside
 * a changed range, a forbidden combination — makes the configuration invalid, with the reason.
 */
import { ConfigurationError, type Configuration, type ConfigurationSpace, type Value } from '../space/index.ts';

export type Projection = { readonly config: Configuration } | { readonly reason: string };

export function projectConfiguration(config: Configuration, space: ConfigurationSpace): Projection {
  const values: Record<string, Value> = {};
  for (const [name, value] of Object.entries(config)) if (space.has(name)) values[name] = value;
  // Each pass repairs the first problem; a space of n hyperparameters needs at most 2n repairs.
  for (let attempt = 0; attempt <= 2 * space.size + 1; attempt++) {
    let problem: unknown;
    try {
      space.validate(values);
      return { config: inSpaceOrder(values, space) };
    } catch (error) {
      problem = error;
    }
    if (!(problem instanceof ConfigurationError)) return { reason: String(problem) };
    const name = problem.hyperparameter;
    if (problem.code === 'ACTIVE_VALUE_MISSING' && name !== undefined) values[name] = space.get(name)!.default;
    else if (problem.code === 'INACTIVE_VALUE_SET' && name !== undefined) delete values[name];
    else return { reason: problem.message };
  }
  return { reason: 'the configuration could not be projected onto the space' };
}

/** The same values with keys in the space's topological order, as the space itself produces them. */
function inSpaceOrder(values: Record<string, Value>, space: ConfigurationSpace): Configuration {
  const out: Record<string, Value> = {};
  for (const name of space.order) if (Object.hasOwn(values, name)) out[name] = values[name]!;
  return out;
}
