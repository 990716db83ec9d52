/**
 * The table of `npm run bench:early-stopping`: per dataset, the means over seeds of the median
 * stopping rule against full trials: trials run, trials stopped, the seconds the rule estimates
 * it saved, and the test score of each mode with their difference (positive = median better).
 */

/** One fit of the benchmark, as a line of its results file. */
export interface EarlyStoppingRun {
  readonly dataset: string;
  readonly time: number;
  readonly seed: number;
  /** 'median' or 'off'. */
  readonly mode: string;
  readonly metric: string;
  readonly greaterIsBetter: boolean;
  readonly trials: number;
  readonly stopped: number;
  /** The fit summary's estimate of the evaluation time the stopped trials did not spend. */
  readonly secondsSaved: number;
  /** Best full-trial validation score of the search. */
  readonly bestValidation: number;
  /** The deployed model's score on the test rows, in the run's metric. */
  readonly testScore: number;
  readonly fitSeconds: number;
  /** Set when the fit failed; the scores are then NaN. */
  readonly error?: string;
}

interface Means {
  readonly runs: number;
  readonly trials: number;
  readonly stopped: number;
  readonly secondsSaved: number;
  readonly testScore: number;
}

function meansOf(runs: readonly EarlyStoppingRun[]): Means | null {
  const ok = runs.filter((r) => r.error === undefined);
  if (ok.length === 0) return null;
  const mean = (pick: (r: EarlyStoppingRun) => number): number => ok.reduce((sum, r) => sum + pick(r), 0) / ok.length;
  return { runs: ok.length, trials: mean((r) => r.trials), stopped: mean((r) => r.stopped), secondsSaved: mean((r) => r.secondsSaved), testScore: mean((r) => r.testScore) };
}

function fixed(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '-';
}

/** Markdown tables, one per budget, of median against off. */
export function formatEarlyStoppingTable(runs: readonly EarlyStoppingRun[]): string {
  const times = [...new Set(runs.map((r) => r.time))].sort((a, b) => a - b);
  const datasets = [...new Set(runs.map((r) => r.dataset))];
  const out: string[] = [];
  for (const time of times) {
    out.push(
      `### --time ${time}: early stopping median vs off (means over seeds)`,
      '',
      '| dataset | metric | seeds | trials off | trials median | stopped | seconds saved (est.) | test off | test median | change |',
      '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    );
    let compared = 0;
    let notWorse = 0;
    for (const dataset of datasets) {
      const at = runs.filter((r) => r.dataset === dataset && r.time === time);
      const off = meansOf(at.filter((r) => r.mode === 'off'));
      const median = meansOf(at.filter((r) => r.mode === 'median'));
      const metric = at[0]?.metric ?? '?';
      // Signed so that a positive change is an improvement whatever the metric's direction.
      const sign = at[0]?.greaterIsBetter === false ? -1 : 1;
      const change = off !== null && median !== null ? sign * (median.testScore - off.testScore) : Number.NaN;
      if (Number.isFinite(change)) {
        compared++;
        if (change >= 0) notWorse++;
      }
      out.push(
        `| ${dataset} | ${metric} | ${Math.min(off?.runs ?? 0, median?.runs ?? 0)} | ${fixed(off?.trials ?? Number.NaN, 1)} | ${fixed(median?.trials ?? Number.NaN, 1)} | ${fixed(median?.stopped ?? Number.NaN, 1)} | ${fixed(median?.secondsSaved ?? Number.NaN, 1)} | ${fixed(off?.testScore ?? Number.NaN, 4)} | ${fixed(median?.testScore ?? Number.NaN, 4)} | ${fixed(change, 4)} |`,
      );
    }
    out.push('', `median test score ≥ off on ${notWorse} of ${compared} datasets`, '');
  }
  return `${out.join('\n')}\n`;
}
