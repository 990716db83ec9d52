/**
 * One self-contained HTML page: inline CSS, inline SVG charts, no scripts, no external fonts,
 * styles or images, so it opens offline and can be mailed or archived as a single file.
 */
import { escapeHtml } from './escape.ts';
import type { ReportData } from './report-data.ts';
import { hasReliabilitySection, reliabilitySection } from './reliability-section.ts';
import { datasetSection, diagnosticsSection, ensembleSection, importanceSection, leaderboardSection, overviewSection, searchSection } from './sections.ts';

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2328;margin:0;background:#f6f8fa}
main{max-width:980px;margin:0 auto;padding:24px}
header h1{margin:0 0 4px;font-size:24px}
header p{margin:0;color:#57606a}
nav{margin:12px 0 0}nav a{margin-right:12px;color:#0969da;text-decoration:none}
section{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:16px 20px;margin:18px 0;overflow-x:auto}
h2{margin:0 0 12px;font-size:18px}h3{font-size:15px;margin:16px 0 8px}
table{border-collapse:collapse;font-size:13px;margin:8px 0}
th,td{border-bottom:1px solid #eaeef2;padding:4px 10px;text-align:left;vertical-align:top}
th{background:#f6f8fa;font-weight:600}
table.kv thead{display:none}table.kv td:first-child{color:#57606a;white-space:nowrap}
figure{margin:8px 0 16px}figcaption,.note{color:#57606a;font-size:12px;margin:4px 0}
.na{color:#8c959f;font-style:italic}
.legend .key{display:inline-block;margin-right:14px;font-size:12px}
.legend i{display:inline-block;width:10px;height:10px;margin-right:5px;border-radius:2px}
svg.chart{max-width:100%;height:auto;display:block}
`;

export function renderReport(data: ReportData): string {
  const title = `AutoML report: ${data.target}`;
  const sections = [
    overviewSection(data),
    searchSection(data),
    leaderboardSection(data),
    ensembleSection(data),
    importanceSection(data),
    diagnosticsSection(data),
    ...(hasReliabilitySection(data) ? [reliabilitySection(data)] : []),
    datasetSection(data),
  ];
  const nav = [
    ['overview', 'Overview'],
    ['search', 'Search'],
    ['leaderboard', 'Leaderboard'],
    ['ensemble', 'Ensemble'],
    ['importance', 'Importance'],
    ['diagnostics', data.task === 'regression' ? 'Residuals' : 'Confusion matrix'],
    ...(hasReliabilitySection(data) ? [['calibration', 'Calibration']] : []),
    ['dataset', 'Dataset'],
  ]
    .map(([id, label]) => `<a href="#${id}">${escapeHtml(label!)}</a>`)
    .join('');
  return (
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    // No network at view time: forbid every fetch, allow only the inline styles of this page.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">` +
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>` +
    `<header><h1>${escapeHtml(title)}</h1><p>${escapeHtml(`${data.task} · ${data.metric} · generated ${data.createdAt}`)}</p><nav>${nav}</nav></header>` +
    `${sections.join('\n')}</main></body></html>\n`
  );
}
