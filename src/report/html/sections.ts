/** The sections of the HTML report, each a function from report data to an HTML fragment. */
import type { JsonValue } from '../../util/json.ts';
import { escapeHtml, formatNumber } from './escape.ts';
import type { ReportData, ReportImportance, ReportTrial } from './report-data.ts';
import { barChart } from './svg/bar-chart.ts';
import { confusionHeatmap } from './svg/heatmap.ts';
import { convergenceChart, type Dot } from './svg/line-chart.ts';
import { ACCENT, colourFor, MUTED } from './svg/palette.ts';
import { scatterChart } from './svg/scatter-chart.ts';
import { formatShare } from '../fidelity-text.ts';

/** Leaderboard rows shown; the rest are counted, not listed. */
export const LEADERBOARD_ROWS = 50;
/** Features shown in the importance chart. */
export const IMPORTANCE_FEATURES = 30;

export function notAvailable(what: string): string {
  return `<p class="na">${escapeHtml(what)}: not available.</p>`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[], className = ''): string {
  const head = header.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('');
  return `<table class="${className}"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function jsonText(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return '–';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function belowFull(trial: ReportTrial): boolean {
  return trial.fidelity !== undefined && trial.fidelity < 1;
}

function fidelityText(trial: ReportTrial): string {
  return `${formatShare(trial.fidelity)}${trial.rung === undefined ? '' : ` (rung ${trial.rung})`}`;
}

export function algorithmsOf(trials: readonly ReportTrial[]): string[] {
  return [...new Set(trials.map((t) => t.algorithm))].sort();
}

export function overviewSection(data: ReportData): string {
  const s = data.summary;
  const trials = s['trials'];
  const trialText =
    typeof trials === 'object' && trials !== null && !Array.isArray(trials)
      ? Object.entries(trials).map(([k, v]) => `${k} ${jsonText(v)}`).join(', ')
      : String(data.trials.length);
  const rows: [string, string][] = [
    ['target', data.target],
    ['task', data.task],
    ['metric', data.metric],
    ['validation score (ensemble)', formatNumber(data.validationScore)],
    ['best single pipeline', `${jsonText(s['best_algorithm'])} (${jsonText(s['best_validation_score'])})`],
    ['ensemble size', jsonText(s['ensemble_size'])],
    ['validation', jsonText(s['resampling'] ?? data.resampling)],
    ['trials', trialText],
    ['optimizer', jsonText(s['optimizer'])],
    ['search / refit / total seconds', `${jsonText(s['search_seconds'])} / ${jsonText(s['refit_seconds'])} / ${jsonText(s['elapsed_seconds'])}`],
  ];
  return `<section id="overview"><h2>Overview</h2>${table(['', ''], rows, 'kv')}</section>`;
}

export function searchSection(data: ReportData): string {
  const trials = data.trials;
  if (trials.length === 0) return `<section id="search"><h2>Search</h2>${notAvailable('trials')}</section>`;
  const algorithms = algorithmsOf(trials);
  const scored = trials.filter((t): t is ReportTrial & { cost: number } => t.cost !== null && Number.isFinite(t.cost));
  // Costs below full fidelity are drawn, but only full trials make the best-so-far line.
  const ok = scored.filter((t) => !belowFull(t));
  const lower = scored.filter(belowFull);
  const stopped = trials.filter((t) => t.status === 'STOPPED');
  const byTime = [...scored].sort((a, b) => a.finishedAt - b.finishedAt || a.id - b.id);
  const bestOver = (key: (t: ReportTrial) => number): [number, number][] => {
    const ordered = [...ok].sort((a, b) => key(a) - key(b) || a.id - b.id);
    const points: [number, number][] = [];
    let best = Infinity;
    for (const t of ordered) {
      if (t.cost < best) {
        best = t.cost;
        points.push([key(t), best]);
      }
    }
    return points;
  };
  const dots = (key: (t: ReportTrial) => number): Dot[] =>
    byTime.map((t) => ({
      x: key(t),
      y: t.cost,
      colour: belowFull(t) ? MUTED : colourFor(t.algorithm, algorithms),
      label: `trial ${t.id} ${t.algorithm}${belowFull(t) ? ` at fidelity ${fidelityText(t)}` : ''}`,
    }));
  // Keyed by the record itself: a resumed batch job shows trials of several attempts, whose ids repeat.
  const trialNumber = new Map([...trials].sort((a, b) => a.finishedAt - b.finishedAt || a.id - b.id).map((t, i) => [t, i + 1]));
  const costLabel = 'validation cost (lower is better)';
  const overTime = convergenceChart({
    title: 'Best validation cost over time',
    xLabel: 'seconds since the search started',
    yLabel: costLabel,
    dots: dots((t) => t.finishedAt),
    best: bestOver((t) => t.finishedAt),
    lineColour: '#222',
  });
  const overTrials = convergenceChart({
    title: 'Best validation cost over trials',
    xLabel: 'trials finished',
    yLabel: costLabel,
    dots: dots((t) => trialNumber.get(t) ?? 0),
    best: bestOver((t) => trialNumber.get(t) ?? 0),
    lineColour: '#222',
  });
  const counts = algorithms.map((a) => ({
    algorithm: a,
    all: trials.filter((t) => t.algorithm === a),
    ok: ok.filter((t) => t.algorithm === a),
    lower: lower.filter((t) => t.algorithm === a).length,
    stopped: stopped.filter((t) => t.algorithm === a).length,
  }));
  const perAlgorithm = barChart({
    title: 'Trials per algorithm',
    valueLabel: 'trials',
    bars: counts.map((c) => ({ label: c.algorithm, value: c.all.length, colour: colourFor(c.algorithm, algorithms) })),
  });
  const legend = algorithms.map((a) => `<span class="key"><i style="background:${colourFor(a, algorithms)}"></i>${escapeHtml(a)}</span>`).join('');
  const withLower = lower.length > 0;
  const withStopped = stopped.length > 0;
  const algorithmTable = table(
    ['algorithm', 'trials', 'successful', ...(withLower ? ['below full fidelity'] : []), ...(withStopped ? ['stopped'] : []), 'failed', 'best cost'],
    counts.map((c) => [
      c.algorithm,
      String(c.all.length),
      String(c.ok.length),
      ...(withLower ? [String(c.lower)] : []),
      ...(withStopped ? [String(c.stopped)] : []),
      String(c.all.length - c.ok.length - c.lower - c.stopped),
      formatNumber(c.ok.length === 0 ? null : Math.min(...c.ok.map((t) => t.cost))),
    ]),
  );
  const lowerNote = withLower ? ' Grey dots are trials below full fidelity (fewer rows or iterations): the line follows full trials only.' : '';
  return (
    `<section id="search"><h2>Search</h2><p class="legend">${legend}</p>` +
    `<figure>${overTime}<figcaption>${escapeHtml(`Each dot is a successful trial, coloured by algorithm; the line is the best cost so far. Cost is derived from ${data.metric}.${lowerNote}`)}</figcaption></figure>` +
    `<figure>${overTrials}</figure><figure>${perAlgorithm}</figure>${algorithmTable}</section>`
  );
}

export function leaderboardSection(data: ReportData): string {
  if (data.leaderboard.length === 0) return `<section id="leaderboard"><h2>Leaderboard</h2>${notAvailable('leaderboard')}</section>`;
  const shown = data.leaderboard.slice(0, LEADERBOARD_ROWS);
  const withFidelity = shown.some((r) => r.fidelity !== undefined || r.rung !== undefined);
  const rows = shown.map((r) => [
    String(r.rank),
    String(r.id),
    r.algorithm,
    formatNumber(r.validation_score),
    r.ensemble_weight > 0 ? formatNumber(r.ensemble_weight, 3) : '',
    formatNumber(r.fit_seconds, 3),
    r.status,
    ...(withFidelity ? [r.rung === undefined ? '' : String(r.rung), formatShare(r.fidelity)] : []),
    r.preprocessing,
  ]);
  const more = data.leaderboard.length > LEADERBOARD_ROWS ? `<p class="note">${data.leaderboard.length - LEADERBOARD_ROWS} more trials not listed.</p>` : '';
  const header = ['rank', 'trial', 'algorithm', `${data.metric}`, 'ensemble weight', 'fit s', 'status', ...(withFidelity ? ['rung', 'fidelity'] : []), 'preprocessing'];
  return `<section id="leaderboard"><h2>Leaderboard</h2>${table(header, rows)}${more}</section>`;
}

export function ensembleSection(data: ReportData): string {
  if (data.members.length === 0) return `<section id="ensemble"><h2>Ensemble</h2>${notAvailable('ensemble members')}</section>`;
  const algorithms = algorithmsOf(data.trials.length > 0 ? data.trials : data.members.map((m) => ({ algorithm: m.algorithm }) as ReportTrial));
  const chart = barChart({
    title: 'Ensemble members and weights',
    valueLabel: 'weight',
    bars: data.members.map((m) => ({ label: `#${m.trialId} ${m.algorithm}`, value: m.weight, colour: colourFor(m.algorithm, algorithms) })),
  });
  const rows = data.members.map((m) => [String(m.trialId), m.algorithm, formatNumber(m.weight, 3), m.preprocessing]);
  return `<section id="ensemble"><h2>Ensemble</h2><figure>${chart}</figure>${table(['trial', 'algorithm', 'weight', 'preprocessing'], rows)}</section>`;
}

/** What the importance was measured on, in words. */
function importanceBasis(imp: ReportImportance): string {
  if (imp.heldOutFolds === undefined) {
    return `Final model on ${imp.rows} validation rows. The final model was trained on these rows too, so the costs are optimistic; the ranking is what to read.`;
  }
  const how = imp.refitted === false ? 'the deployed fold pipelines, each' : 'the ensemble refitted';
  const members =
    imp.heldOutMembers !== undefined && imp.members !== undefined && imp.heldOutMembers < imp.members
      ? ` Only the ${imp.heldOutMembers} heaviest of ${imp.members} members (${formatNumber(100 * (imp.memberWeight ?? 1), 3)} % of the weight, renormalised) fitted in the time bound.`
      : '';
  return `On ${imp.rows} validation rows of ${imp.heldOutFolds} of ${imp.folds} validation fold(s), predicted by ${how} without the rows it is scored on.${members}`;
}

export function importanceSection(data: ReportData): string {
  const imp = data.importance;
  const heading = '<h2>Permutation feature importance</h2>';
  if (imp === null || imp.features.length === 0) {
    const why = data.importanceUnavailable === undefined ? '' : `<p class="note">${escapeHtml(`Not measured: ${data.importanceUnavailable}.`)}</p>`;
    return `<section id="importance">${heading}${notAvailable('feature importance')}${why}</section>`;
  }
  const shown = imp.features.slice(0, IMPORTANCE_FEATURES);
  const chart = barChart({
    title: 'Permutation feature importance',
    valueLabel: `increase of validation cost (${imp.metric}) when shuffled`,
    bars: shown.map((f) => ({ label: f.feature, value: f.mean, error: f.std, colour: f.mean > 0 ? ACCENT : MUTED })),
  });
  const notes = [
    importanceBasis(imp),
    `Baseline cost ${formatNumber(imp.baselineCost)}, ${shown[0]?.repeats ?? 0} shuffle(s) per feature, ${formatNumber(imp.seconds, 3)} s${imp.refitted === true ? ', refits included' : ''}.`,
  ];
  if (!imp.complete) notes.push('The time bound stopped before every feature was shuffled; unlisted features were not measured.');
  if (imp.features.length > shown.length) notes.push(`${imp.features.length - shown.length} less important features not shown.`);
  return `<section id="importance">${heading}<figure>${chart}</figure>${notes.map((n) => `<p class="note">${escapeHtml(n)}</p>`).join('')}</section>`;
}

export function diagnosticsSection(data: ReportData): string {
  const d = data.diagnostics;
  if (d === null) {
    const title = data.task === 'regression' ? 'Residuals' : 'Confusion matrix';
    return `<section id="diagnostics"><h2>${title}</h2>${notAvailable(title.toLowerCase())}</section>`;
  }
  const source = data.resampling === 'cv' ? 'out-of-fold predictions of the ensemble members' : 'predictions of the ensemble members on the holdout rows';
  if (d.kind === 'confusion') {
    const chart = confusionHeatmap({ title: 'Confusion matrix', labels: d.classes, matrix: d.matrix });
    return `<section id="diagnostics"><h2>Confusion matrix</h2><figure>${chart}<figcaption>${escapeHtml(`${d.rows} validation rows, ${source}.`)}</figcaption></figure></section>`;
  }
  const residuals = d.points.map(([predicted, actual]) => [predicted, actual - predicted] as const);
  const chart = scatterChart({
    title: 'Residuals',
    xLabel: `predicted ${data.target}`,
    yLabel: 'actual − predicted',
    points: residuals,
    colour: ACCENT,
    reference: 0,
  });
  const sample = d.points.length < d.rows ? ` (a sample of ${d.points.length} shown)` : '';
  return `<section id="diagnostics"><h2>Residuals</h2><figure>${chart}<figcaption>${escapeHtml(`${d.rows} validation rows${sample}, ${source}.`)}</figcaption></figure></section>`;
}

/** Name/value pairs laid out `perRow` pairs to a table row, so long lists stay compact. */
function inRows(entries: readonly [string, JsonValue][], perRow: number): string[][] {
  const rows: string[][] = [];
  for (let i = 0; i < entries.length; i += perRow) {
    const row: string[] = [];
    for (let j = i; j < i + perRow; j++) {
      const entry = entries[j];
      row.push(entry === undefined ? '' : entry[0], entry === undefined ? '' : jsonText(entry[1]));
    }
    rows.push(row);
  }
  return rows;
}

function isRecord(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function datasetSection(data: ReportData): string {
  const s = data.summary;
  const basics = table(
    ['', ''],
    [
      ['rows', jsonText(s['rows'])],
      ['features', jsonText(s['features'])],
      ['target', data.target],
    ],
    'kv',
  );
  const meta = s['meta_features'];
  const metaHtml = isRecord(meta) ? table(['meta-feature', 'value', 'meta-feature', 'value', 'meta-feature', 'value'], inRows(Object.entries(meta), 3), 'meta') : notAvailable('meta-features');
  const warm = s['warm_start'];
  let warmHtml = notAvailable('warm start');
  if (isRecord(warm)) {
    const nearest = Array.isArray(warm['nearest']) ? warm['nearest'] : [];
    const nearestRows = nearest.filter(isRecord).map((n) => [jsonText(n['dataset']), jsonText(n['distance'])]);
    warmHtml =
      table(['', ''], [['source', jsonText(warm['source'])], ['configurations', jsonText(warm['configurations'])]], 'kv') +
      (nearestRows.length > 0 ? table(['nearest dataset', 'distance'], nearestRows) : notAvailable('nearest datasets'));
  }
  return `<section id="dataset"><h2>Dataset</h2>${basics}<h3>Meta-features</h3>${metaHtml}<h3>Warm start</h3>${warmHtml}</section>`;
}
