/** `automl report <run dir>`: the self-contained HTML report of a run. */
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { writeReport } from '../../report/html/write.ts';
import { REPORT_DATA_FILE } from '../../report/html/report-data.ts';
import { RUN_FILE, TRIALS_FILE } from '../../search/run-log.ts';
import { guardOutputs } from '../output-guard.ts';

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('write the HTML report of a run: search progress, leaderboard, ensemble, feature importance, diagnostics')
    .argument('<run-dir>', 'run directory of `automl fit` (its --run-dir)')
    .option('--out <file>', 'where to write the page (default: <run-dir>/report.html)')
    .action((runDir: string, options: { out?: string }) => {
      const out = options.out ?? join(runDir, 'report.html');
      const read = [REPORT_DATA_FILE, TRIALS_FILE, RUN_FILE].map((file) => ({ path: join(runDir, file), label: `the run's ${file}` }));
      // A missing run directory is reported as such by writeReport, not as a missing output folder.
      if (existsSync(runDir)) guardOutputs([{ path: out, label: '--out', kind: 'file' }], read);
      writeReport(runDir, out);
      process.stderr.write(`report written to ${out}\n`);
    });
}
