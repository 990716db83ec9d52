/** `automl report <run dir>`: the self-contained HTML report of a run. */
import type { Command } from 'commander';
import { join } from 'node:path';
import { writeReport } from '../../report/html/write.ts';

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('write the HTML report of a run: search progress, leaderboard, ensemble, feature importance, diagnostics')
    .argument('<run-dir>', 'run directory of `automl fit` (its --run-dir)')
    .option('--out <file>', 'where to write the page (default: <run-dir>/report.html)')
    .action((runDir: string, options: { out?: string }) => {
      const out = options.out ?? join(runDir, 'report.html');
      writeReport(runDir, out);
      process.stderr.write(`report written to ${out}\n`);
    });
}
