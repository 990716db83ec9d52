/** A readable text rendering of a search space: hyperparameters, then conditions, then forbiddens. */
import { spaceToJSON, type ConfigurationSpace } from '../space/index.ts';
import { isJsonObject, type JsonValue } from '../util/json.ts';

function show(value: JsonValue | undefined): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function describeHyperparameter(hp: { [key: string]: JsonValue }): string {
  const type = String(hp['type']);
  const range =
    type === 'categorical' || type === 'ordinal'
      ? `{${((hp['choices'] ?? hp['sequence']) as JsonValue[]).map(show).join(', ')}}`
      : type === 'constant'
        ? `= ${show(hp['value'])}`
        : `[${show(hp['lower'])}, ${show(hp['upper'])}]${hp['log'] === true ? ' log' : ''}`;
  const fallback = type === 'constant' ? '' : `  default ${show(hp['default'])}`;
  return `  ${String(hp['name'])}  ${type} ${range}${fallback}`;
}

function describeClause(clause: JsonValue): string {
  if (!isJsonObject(clause)) return show(clause);
  const type = String(clause['type']);
  if (type === 'and' || type === 'or') {
    const parts = ((clause['conditions'] ?? clause['clauses']) as JsonValue[]).map(describeClause);
    return parts.join(type === 'and' ? ' && ' : ' || ');
  }
  const subject = String(clause['parent'] ?? clause['name']);
  const operator: Record<string, string> = { equals: '==', not_equals: '!=', in: 'in', less_than: '<', greater_than: '>' };
  const value = clause['values'] !== undefined ? `{${(clause['values'] as JsonValue[]).map(show).join(', ')}}` : show(clause['value']);
  return `${subject} ${operator[type] ?? type} ${value}`;
}

export function formatSpace(space: ConfigurationSpace): string {
  const json = spaceToJSON(space);
  const hyperparameters = (json['hyperparameters'] as { [key: string]: JsonValue }[]).map(describeHyperparameter);
  const conditions = (json['conditions'] as JsonValue[]).map((c) => {
    const child = isJsonObject(c) ? String(c['child'] ?? (c['conditions'] as JsonValue[] | undefined)?.map((x) => (isJsonObject(x) ? x['child'] : '')).at(0)) : '';
    return `  ${child}  if  ${describeClause(c)}`;
  });
  const forbiddens = (json['forbiddens'] as JsonValue[]).map((f) => `  never  ${describeClause(f)}`);
  return [
    `Hyperparameters (${hyperparameters.length}):`,
    ...hyperparameters,
    '',
    `Conditions (${conditions.length}):`,
    ...conditions,
    '',
    `Forbidden (${forbiddens.length}):`,
    ...forbiddens,
    '',
  ].join('\n');
}
