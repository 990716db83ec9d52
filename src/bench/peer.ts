/** The scikit-learn peer's results (JSON lines), indexed by dataset and method. */
import { existsSync, readFileSync } from 'node:fs';

export interface PeerResult {
  readonly dataset: string;
  readonly method: string;
  readonly metrics: Readonly<Record<string, number>>;
}

export const PEER_METHODS = ['rf', 'hgb', 'random', 'optuna'] as const;

export function readPeerResults(path: string): Map<string, Map<string, PeerResult>> {
  const byDataset = new Map<string, Map<string, PeerResult>>();
  if (!existsSync(path)) return byDataset;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const result = JSON.parse(line) as PeerResult;
    if (!byDataset.has(result.dataset)) byDataset.set(result.dataset, new Map());
    byDataset.get(result.dataset)!.set(result.method, result);
  }
  return byDataset;
}
