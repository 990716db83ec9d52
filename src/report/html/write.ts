/**
 * Building the report of a run directory: from its report data when the fit finished, otherwise
 * from the run log alone (a killed or running search still gets its search charts).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readTrials, RUN_FILE, TRIALS_FILE } from '../../search/run-log.ts';
import { writeFileAtomic } from '../../util/atomic-write.ts';
import { AutoMLError } from '../../util/errors.ts';
import type { JsonValue } from '../../util/json.ts';
import { readReportData, REPORT_DATA_VERSION, toReportTrial, type ReportData } from './report-data.ts';
import { renderReport } from './render.ts';

export function loadReportData(runDir: string): ReportData {
  if (!existsSync(runDir) || !statSync(runDir).isDirectory()) {
    throw new AutoMLError('FILE_NOT_FOUND', `run directory ${runDir} does not exist`, { hint: 'pass the --run-dir of an `automl fit` run' });
  }
  const stored = readReportData(runDir);
  if (stored !== undefined) return stored;
  if (!existsSync(join(runDir, TRIALS_FILE))) {
    throw new AutoMLError('FILE_NOT_FOUND', `${runDir} holds no run log (${TRIALS_FILE})`, { hint: 'pass the --run-dir of an `automl fit` run' });
  }
  return fromRunLog(runDir);
}

/** Report data of an unfinished run: its description and trials, nothing of the final model. */
function fromRunLog(runDir: string): ReportData {
  let run: { [key: string]: JsonValue } = {};
  try {
    run = JSON.parse(readFileSync(join(runDir, RUN_FILE), 'utf8')) as { [key: string]: JsonValue };
  } catch {
    // The description is optional for the charts; the trials are what matter.
  }
  const trials = readTrials(runDir);
  const text = (key: string) => (typeof run[key] === 'string' ? (run[key] as string) : 'unknown');
  return {
    version: REPORT_DATA_VERSION,
    createdAt: new Date().toISOString(),
    task: text('task'),
    target: text('target'),
    metric: text('metric'),
    resampling: text('resampling'),
    validationScore: null,
    summary: { optimizer: run['optimizer'] ?? null, note: 'the run did not finish: no final model' },
    members: [],
    leaderboard: [],
    trials: trials.map(toReportTrial),
    diagnostics: null,
    importance: null,
  };
}

/** Renders the report of a run directory into `outPath` (written atomically); returns the HTML. */
export function writeReport(runDir: string, outPath: string): string {
  const html = renderReport(loadReportData(runDir));
  writeFileAtomic(outPath, html);
  return html;
}
