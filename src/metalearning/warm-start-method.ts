/** How the warm start chooses configurations from the metadata base (see warm-start.ts). */
export const WARM_START_METHODS = ['knn', 'portfolio'] as const;
export type WarmStartMethod = (typeof WARM_START_METHODS)[number];
/** Until the portfolio has been measured against knn over the full corpus, knn stays the default. */
export const DEFAULT_WARM_START_METHOD: WarmStartMethod = 'knn';

export function isWarmStartMethod(value: unknown): value is WarmStartMethod {
  return (WARM_START_METHODS as readonly unknown[]).includes(value);
}
