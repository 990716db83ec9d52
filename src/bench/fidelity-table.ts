/**
 * The table of `npm run bench:fidelity`: per budget and dataset, the means over seeds of each mode
 * (fidelity auto against off) and whether auto met the targets there: a test score
 * better than or equal to off's, with at least twice the configurations examined.
 */

/** One fit of the benchmark, as a line of its results file. */
export interface FidelityRun {
  readonly dataset: string;
  readonly time: number;
  readonly seed: number;
  /** The mode asked for. */
  readonly mode: string;
  /** What lower fidelities reduced (fidelityResource); absent in lines written before it was recorded = auto. */
  readonly resource?: string;
  /** The schedule it resolved to (auto → sh or off). */
  readonly resolved: string;
  readonly metric: string;
  readonly greaterIsBetter: boolean;
  /** Σ of the trials' shares of a full trial. */
  readonly fullEquivalentTrials: number;
  /** Distinct configurations evaluated at any fidelity. */
  readonly configurations: number;
  readonly trials: number;
  /** Best full-fidelity validation score of the search. */
  readonly bestValidation: number;
  /** The deployed model's score on the test rows, in the run's metric. */
  readonly testScore: number;
  readonly fitSeconds: number;
  /** Set when the fit failed; the scores are then NaN. */
  readonly error?: string;
}

export const TARGET_CONFIGURATION_RATIO = 2;

interface Means {
  readonly runs: number;
  readonly resolved: string;
  readonly configurations: number;
  readonly fullEquivalentTrials: number;
  readonly bestValidation: number;
  readonly testScore: number;
}

function meansOf(runs: readonly FidelityRun[]): Means | null {
  const ok = runs.filter((r) => r.error === undefined);
  if (ok.length === 0) return null;
  const mean = (pick: (r: FidelityRun) => number): number => ok.reduce((sum, r) => sum + pick(r), 0) / ok.length;
  return {
    runs: ok.length,
    resolved: [...new Set(ok.map((r) => r.resolved))].join('/'),
    configurations: mean((r) => r.configurations),
    fullEquivalentTrials: mean((r) => r.fullEquivalentTrials),
    bestValidation: mean((r) => r.bestValidation),
    testScore: mean((r) => r.testScore),
  };
}

function fixed(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '-';
}

/** Markdown tables, one per budget, comparing `mode` with `baseline` (auto with off by default). */
export function formatFidelityTable(runs: readonly FidelityRun[], mode = 'auto', baseline = 'off'): string {
  const times = [...new Set(runs.map((r) => r.time))].sort((a, b) => a - b);
  const datasets = [...new Set(runs.map((r) => r.dataset))];
  const out: string[] = [];
  for (const time of times) {
    out.push(
      `### --time ${time}: ${mode} vs ${baseline} (means over seeds)`,
      '',
      `| dataset | metric | ${mode} ran | seeds | configurations | full-trial equivalents | best validation | test score | test ${mode} ≥ ${baseline} | configurations ≥ ${TARGET_CONFIGURATION_RATIO}× |`,
      '|---|---|---|---:|---:|---:|---:|---:|:-:|:-:|',
    );
    let compared = 0;
    let notWorse = 0;
    let moreConfigs = 0;
    let both = 0;
    for (const dataset of datasets) {
      const at = runs.filter((r) => r.dataset === dataset && r.time === time);
      const a = meansOf(at.filter((r) => r.mode === mode));
      const b = meansOf(at.filter((r) => r.mode === baseline));
      if (a === null && b === null) continue;
      const metric = at[0]?.metric ?? '';
      const higher = at[0]?.greaterIsBetter ?? true;
      const pair = (x: number | undefined, y: number | undefined, digits: number): string => `${fixed(x ?? Number.NaN, digits)} / ${fixed(y ?? Number.NaN, digits)}`;
      let testVerdict = '-';
      let configVerdict = '-';
      if (a !== null && b !== null) {
        compared++;
        const ok = higher ? a.testScore >= b.testScore : a.testScore <= b.testScore;
        const ratio = a.configurations / b.configurations;
        if (ok) notWorse++;
        if (ratio >= TARGET_CONFIGURATION_RATIO) moreConfigs++;
        if (ok && ratio >= TARGET_CONFIGURATION_RATIO) both++;
        testVerdict = ok ? 'yes' : 'no';
        configVerdict = `${ratio.toFixed(2)}×`;
      }
      out.push(
        `| ${dataset} | ${metric} | ${a?.resolved ?? '-'} | ${a?.runs ?? 0} / ${b?.runs ?? 0} | ${pair(a?.configurations, b?.configurations, 1)} | ${pair(a?.fullEquivalentTrials, b?.fullEquivalentTrials, 1)} | ${pair(a?.bestValidation, b?.bestValidation, 4)} | ${pair(a?.testScore, b?.testScore, 4)} | ${testVerdict} | ${configVerdict} |`,
      );
    }
    out.push(
      '',
      `Test score of ${mode} better than or equal to ${baseline} on ${notWorse} of ${compared} datasets; at least ${TARGET_CONFIGURATION_RATIO}× the configurations on ${moreConfigs} of ${compared}; both on ${both} of ${compared}.`,
      '',
    );
  }
  const failed = runs.filter((r) => r.error !== undefined);
  for (const r of failed) out.push(`- failed: ${r.dataset} --time ${r.time} seed ${r.seed} ${r.mode}: ${r.error}`);
  return `${out.join('\n')}\n`;
}
