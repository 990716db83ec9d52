/**
 * Checking a configuration against a space. The first problem is reported, looking at the
 * hyperparameters in dimension order — an illegal value (ILLEGAL_VALUE), a missing value for an
 * active one (ACTIVE_VALUE_MISSING), a value for an inactive one (INACTIVE_VALUE_SET) — then at
 * names the space does not know (ILLEGAL_VALUE), then at forbidden clauses
 * (FORBIDDEN_CONFIGURATION).
 */
import type { SpacePlan } from './plan.ts';
import type { Configuration, Value, ValueSlots } from './types.ts';
import { isActive, isForbiddenSlots } from './plan.ts';
import { ConfigurationError, showValue } from './errors.ts';

/**
 * The configuration's slots when it is valid, otherwise the error describing the first problem
 * (returned, not thrown, so that `isValid` stays cheap).
 */
export function checkConfiguration(plan: SpacePlan, config: Configuration): ValueSlots | ConfigurationError {
  let known = 0;
  const slots: ValueSlots = new Array<Value | undefined>(plan.size);
  for (let j = 0; j < plan.size; j++) {
    const hp = plan.hyperparameters[j]!;
    const present = Object.hasOwn(config, hp.name) && config[hp.name] !== undefined;
    const value: unknown = present ? config[hp.name] : undefined;
    if (present) known++;
    if (present && !hp.isLegal(value)) {
      return new ConfigurationError('ILLEGAL_VALUE', `${showValue(value)} is not a legal value of "${hp.name}"`, hp.name, value);
    }
    const active = isActive(plan, slots, j);
    if (active && !present) {
      return new ConfigurationError('ACTIVE_VALUE_MISSING', `"${hp.name}" is active but has no value`, hp.name);
    }
    if (!active && present) {
      return new ConfigurationError('INACTIVE_VALUE_SET', `"${hp.name}" is inactive but set to ${showValue(value)}`, hp.name, value);
    }
    slots[j] = value as Value | undefined;
  }
  if (known !== countDefined(config)) {
    for (const name of Object.keys(config)) {
      if (!plan.indexOf.has(name) && config[name] !== undefined) {
        return new ConfigurationError('ILLEGAL_VALUE', `unknown hyperparameter "${name}"`, name, config[name]);
      }
    }
  }
  if (isForbiddenSlots(plan, slots)) {
    return new ConfigurationError('FORBIDDEN_CONFIGURATION', `forbidden combination of values: ${describe(config)}`);
  }
  return slots;
}

function countDefined(config: Configuration): number {
  let count = 0;
  for (const name in config) if (Object.hasOwn(config, name) && config[name] !== undefined) count++;
  return count;
}

function describe(config: Configuration): string {
  const text = Object.entries(config).map(([name, value]) => `${name}=${showValue(value)}`).join(', ');
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
