/**
 * How each benchmark fit used its time budget: whole-fit wall clock over the budget, trials run,
 * and the share of the budget spent in trials stopped as TIMEOUT (time the search learned
 * nothing from), printed as a markdown table with the worst wall ratio and the median TIMEOUT
 * share.
 */
import type { TrialRecord } from '../search/trial.ts';

export interface BudgetUse {
  readonly dataset: string;
  /** Seconds from the call of fit to its return. */
  readonly wallSeconds: number;
  readonly budgetSeconds: number;
  readonly trials: number;
  /** Seconds the TIMEOUT trials ran. */
  readonly timeoutSeconds: number;
  /** What the fit deployed (summary.deployment.kind), or 'failed'. */
  readonly deployment: string;
}

/** Accumulates the trials of one fit, as passed to its onTrial. */
export class TrialTimes {
  private count = 0;
  private timeout = 0;

  readonly onTrial = (trial: TrialRecord): void => {
    this.count++;
    if (trial.status === 'TIMEOUT') this.timeout += trial.fitSeconds;
  };

  use(dataset: string, wallSeconds: number, budgetSeconds: number, deployment: string): BudgetUse {
    return { dataset, wallSeconds, budgetSeconds, trials: this.count, timeoutSeconds: this.timeout, deployment };
  }
}

export function formatBudgetTable(rows: readonly BudgetUse[]): string {
  const lines = ['| dataset | wall/budget | trials | TIMEOUT share | deployed |', '|---|---:|---:|---:|---|'];
  for (const row of rows) {
    lines.push(`| ${row.dataset} | ${ratio(row).toFixed(3)} | ${row.trials} | ${percent(timeoutShare(row))} | ${row.deployment} |`);
  }
  const fitted = rows.filter((row) => row.deployment !== 'failed');
  if (fitted.length > 0) {
    lines.push('');
    lines.push(`max wall/budget: ${Math.max(...fitted.map(ratio)).toFixed(3)}; median TIMEOUT share: ${percent(median(fitted.map(timeoutShare)))}`);
  }
  return `${lines.join('\n')}\n`;
}

function ratio(row: BudgetUse): number {
  return row.wallSeconds / row.budgetSeconds;
}

function timeoutShare(row: BudgetUse): number {
  return row.timeoutSeconds / row.budgetSeconds;
}

function percent(share: number): string {
  return `${(100 * share).toFixed(1)}%`;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
