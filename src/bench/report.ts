/** Markdown tables of our test scores beside the peer's, with wins/ties/losses per peer method. */
import type { PeerResult } from './peer.ts';
import { PEER_METHODS } from './peer.ts';
import { CALIBRATION_BINS } from '../metrics/calibration.ts';

export interface BenchResult {
  readonly dataset: string;
  readonly task: string;
  /** Test metrics of the emitted model (the ensemble). */
  readonly metrics: Readonly<Record<string, number>>;
  /** Test metrics of the best single trial refitted alone. */
  readonly singleMetrics: Readonly<Record<string, number>>;
  /** Probability temperature of the emitted model (1 = none), and its test metrics without it. */
  readonly temperature: number;
  readonly uncalibratedMetrics: Readonly<Record<string, number>>;
  readonly ensembleSize: number;
  readonly fitSeconds: number;
  readonly predictSeconds: number;
  readonly trials: number;
  readonly algorithm: string;
  /** Data fingerprint of the training rows (null when they could not be read). */
  readonly dataFingerprint: string | null;
  /** Metadata base entries the fit's warm start left out: the dataset itself when the base holds it. */
  readonly metadataLeftOut: readonly string[];
}

interface MetricView {
  readonly metric: string;
  readonly title: string;
  readonly greaterIsBetter: boolean;
  readonly classification: boolean;
}

const VIEWS: readonly MetricView[] = [
  { metric: 'balanced_accuracy', title: 'Classification: balanced accuracy (test), higher is better', greaterIsBetter: true, classification: true },
  { metric: 'accuracy', title: 'Classification: accuracy (test), higher is better', greaterIsBetter: true, classification: true },
  { metric: 'log_loss', title: 'Classification: log loss (test), lower is better', greaterIsBetter: false, classification: true },
  { metric: 'rmse', title: 'Regression: RMSE (test), lower is better', greaterIsBetter: false, classification: false },
  { metric: 'r2', title: 'Regression: R² (test), higher is better', greaterIsBetter: true, classification: false },
];

/** Differences smaller than this fraction of the peer's value count as ties. */
const TIE_TOLERANCE = 0.005;

function fmt(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return '–';
  return Math.abs(value) >= 100 ? value.toFixed(1) : value.toFixed(3);
}

function compare(ours: number, theirs: number, greaterIsBetter: boolean): -1 | 0 | 1 {
  const scale = Math.max(Math.abs(theirs), 1e-12);
  if (Math.abs(ours - theirs) <= TIE_TOLERANCE * scale) return 0;
  return (ours > theirs) === greaterIsBetter ? 1 : -1;
}

function viewTable(view: MetricView, results: readonly BenchResult[], peers: Map<string, Map<string, PeerResult>>): string[] {
  const rows = results.filter((r) => (r.task === 'regression') !== view.classification);
  if (rows.length === 0) return [];
  const lines = [
    `## ${view.title}`,
    '',
    `| dataset | ours (ensemble) | ours (single best) | ${PEER_METHODS.join(' | ')} | dummy | best single algorithm | members | trials |`,
    `|---|---:|---:|${PEER_METHODS.map(() => '---:').join('|')}|---:|---|---:|---:|`,
  ];
  let ensembleVsSingle = { win: 0, tie: 0, loss: 0 };
  const tally = new Map(PEER_METHODS.map((m) => [m, { win: 0, tie: 0, loss: 0 }]));
  const normalised: number[] = [];
  for (const result of rows) {
    const ours = result.metrics[view.metric];
    const peer = peers.get(result.dataset);
    const peerValue = (method: string) => peer?.get(method)?.metrics[view.metric];
    for (const method of PEER_METHODS) {
      const theirs = peerValue(method);
      if (ours === undefined || theirs === undefined) continue;
      const outcome = compare(ours, theirs, view.greaterIsBetter);
      const count = tally.get(method)!;
      if (outcome > 0) count.win++;
      else if (outcome < 0) count.loss++;
      else count.tie++;
    }
    // Normalised score: 0 = dummy predictor, 1 = best peer method on this dataset.
    const dummy = peerValue('dummy');
    const peerValues = PEER_METHODS.map(peerValue).filter((v): v is number => v !== undefined);
    if (ours !== undefined && dummy !== undefined && peerValues.length > 0) {
      const best = view.greaterIsBetter ? Math.max(...peerValues) : Math.min(...peerValues);
      if (best !== dummy) normalised.push((ours - dummy) / (best - dummy));
    }
    const single = result.singleMetrics[view.metric];
    if (ours !== undefined && single !== undefined) {
      const outcome = compare(ours, single, view.greaterIsBetter);
      ensembleVsSingle = {
        win: ensembleVsSingle.win + (outcome > 0 ? 1 : 0),
        tie: ensembleVsSingle.tie + (outcome === 0 ? 1 : 0),
        loss: ensembleVsSingle.loss + (outcome < 0 ? 1 : 0),
      };
    }
    lines.push(
      `| ${result.dataset} | **${fmt(ours)}** | ${fmt(single)} | ${PEER_METHODS.map((m) => fmt(peerValue(m))).join(' | ')} | ${fmt(dummy)} | ${result.algorithm} | ${result.ensembleSize} | ${result.trials} |`,
    );
  }
  lines.push('');
  lines.push(`ensemble vs single best (win/tie/loss): ${ensembleVsSingle.win}/${ensembleVsSingle.tie}/${ensembleVsSingle.loss}`);
  lines.push(`ours vs each peer (win/tie/loss, tie = within ${TIE_TOLERANCE * 100}%): ${PEER_METHODS.map((m) => { const t = tally.get(m)!; return `${m} ${t.win}/${t.tie}/${t.loss}`; }).join(', ')}`);
  if (normalised.length > 0) {
    const mean = normalised.reduce((a, b) => a + b, 0) / normalised.length;
    lines.push(`mean normalised score (0 = dummy, 1 = best peer): ${mean.toFixed(3)} over ${normalised.length} datasets`);
  }
  lines.push('');
  return lines;
}

/**
 * How good our probabilities are on the test rows: log loss, Brier score and ECE of the emitted
 * model (definitions in metrics/calibration.ts), beside the best peer's and the dummy's log loss
 * (the peer results hold no Brier or ECE).
 */
function probabilityTable(results: readonly BenchResult[], peers: Map<string, Map<string, PeerResult>>): string[] {
  const rows = results.filter((r) => r.task !== 'regression' && r.metrics['log_loss'] !== undefined);
  if (rows.length === 0) return [];
  const lines = [
    '## Classification: probability quality (test), lower is better',
    '',
    '| dataset | log loss | Brier | ECE | best peer log loss | dummy log loss |',
    '|---|---:|---:|---:|---:|---:|',
  ];
  let atMostPrior = 0;
  let withDummy = 0;
  for (const r of rows) {
    const peer = peers.get(r.dataset);
    const peerLogLoss = PEER_METHODS.map((m) => ({ method: m, value: peer?.get(m)?.metrics['log_loss'] })).filter((p): p is { method: (typeof PEER_METHODS)[number]; value: number } => p.value !== undefined);
    const best = peerLogLoss.reduce<(typeof peerLogLoss)[number] | undefined>((a, b) => (a === undefined || b.value < a.value ? b : a), undefined);
    const dummy = peer?.get('dummy')?.metrics['log_loss'];
    const logLoss = r.metrics['log_loss']!;
    if (dummy !== undefined) {
      withDummy++;
      if (compare(logLoss, dummy, false) >= 0) atMostPrior++;
    }
    lines.push(`| ${r.dataset} | **${fmt(logLoss)}** | ${fmt(r.metrics['brier'])} | ${fmt(r.metrics['ece'])} | ${best === undefined ? '–' : `${fmt(best.value)} (${best.method})`} | ${fmt(dummy)} |`);
  }
  lines.push('', `Brier: mean over rows of the sum over classes of squared differences (0 to 2); ECE: top-label, ${CALIBRATION_BINS} equal-width bins.`);
  if (withDummy > 0) lines.push(`log loss no worse than the dummy (class prior) on ${atMostPrior} of ${withDummy} datasets`);
  lines.push('');
  return lines;
}

/** Test log loss of each classification model with and without its probability temperature. */
function calibrationTable(results: readonly BenchResult[]): string[] {
  const rows = results.filter((r) => r.task !== 'regression' && r.metrics['log_loss'] !== undefined);
  if (rows.length === 0) return [];
  const lines = [
    '## Calibration: test log loss and ECE with and without the probability temperature',
    '',
    '| dataset | temperature | log loss | without temperature | ECE | ECE without temperature |',
    '|---|---:|---:|---:|---:|---:|',
  ];
  const tally = { better: 0, same: 0, worse: 0 };
  for (const r of rows) {
    const calibrated = r.metrics['log_loss']!;
    const plain = r.uncalibratedMetrics['log_loss'] ?? calibrated;
    const outcome = compare(calibrated, plain, false);
    if (outcome > 0) tally.better++;
    else if (outcome < 0) tally.worse++;
    else tally.same++;
    const ece = r.metrics['ece'];
    lines.push(`| ${r.dataset} | ${r.temperature === 1 ? '1 (none)' : r.temperature.toFixed(3)} | ${fmt(calibrated)} | ${fmt(plain)} | ${fmt(ece)} | ${fmt(r.uncalibratedMetrics['ece'] ?? ece)} |`);
  }
  lines.push('', `temperature better / same / worse on test log loss: ${tally.better}/${tally.same}/${tally.worse}`, '');
  return lines;
}

export function formatReport(results: readonly BenchResult[], peers: Map<string, Map<string, PeerResult>>, budget: number): string {
  const lines = [`# automl-ts benchmark (${budget} s search per dataset, fixed test rows)`, '', leaveOutSummary(results), ''];
  for (const view of VIEWS) lines.push(...viewTable(view, results, peers));
  lines.push(...probabilityTable(results, peers));
  lines.push(...calibrationTable(results));
  return `${lines.join('\n')}\n`;
}

/** Says that each fit left its own dataset out of the warm start, and names any the base did not hold. */
function leaveOutSummary(results: readonly BenchResult[]): string {
  const absent = results.filter((r) => r.dataFingerprint !== null && !r.metadataLeftOut.includes(r.dataset)).map((r) => r.dataset);
  return (
    'Warm start: every dataset was left out of the metadata base, matched by the data fingerprint of its training rows' +
    (absent.length > 0 ? ` (not in the base, so nothing to leave out: ${absent.join(', ')})` : '') +
    '.'
  );
}
