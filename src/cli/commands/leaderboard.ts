/** `automl leaderboard <model.json>`: one row per candidate pipeline of the run that built the model. */
import type { Command } from 'commander';
import { loadModel } from '../../export/model.ts';
import { formatLeaderboard } from '../../report/leaderboard.ts';

export function registerLeaderboard(program: Command): void {
  program
    .command('leaderboard')
    .description('list every trial of the run behind a model: rank, algorithm, validation score, ensemble weight')
    .argument('<model>', 'model file written by `automl fit`')
    .option('--json', 'print the rows as a JSON array')
    .option('--top <n>', 'only the best n rows')
    .action((modelPath: string, options: { json?: boolean; top?: string }) => {
      const rows = loadModel(modelPath).leaderboard();
      const limit = options.top === undefined ? rows.length : Math.max(1, Number.parseInt(options.top, 10) || rows.length);
      if (options.json === true) process.stdout.write(`${JSON.stringify(rows.slice(0, limit), null, 2)}\n`);
      else process.stdout.write(`${formatLeaderboard(rows, limit)}\n`);
    });
}
