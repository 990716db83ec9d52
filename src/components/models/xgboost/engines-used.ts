/** Which XGBoost engines trained the XGBoost models among saved models, for the run summary. */
import type { SavedModel } from '../../model.ts';
import { isJsonObject } from '../../../util/json.ts';
import { XGBOOST_TYPE } from './xgboost-model.ts';

/** "none" without XGBoost models, else the engine names joined with "+" (e.g. "native"). */
export function xgboostEnginesUsed(models: readonly SavedModel[]): string {
  const names = new Set<string>();
  for (const model of models) {
    if (model.type !== XGBOOST_TYPE) continue;
    const engine = model.state['engine'];
    const name = isJsonObject(engine) ? engine['name'] : undefined;
    if (typeof name === 'string' && name !== 'none') names.add(name);
  }
  return names.size === 0 ? 'none' : [...names].sort().join('+');
}
