/** `automl evaluate <model.json> <csv>`: every metric of the task on a labelled file. */
import type { Command } from 'commander';
import { loadModel } from '../../export/model.ts';
import { readCsvArgument } from '../read-input.ts';
import { parseCsvEncoding } from '../../data/csv-decode.ts';
import { evaluateModel } from '../../api/evaluate.ts';
import { CALIBRATION_BINS } from '../../metrics/calibration.ts';
import { stderrLogger } from '../../util/log.ts';

/** The two calibration metrics have several definitions in use: say which ones these are. */
const CALIBRATION_NOTE = `brier: mean over rows of the sum over classes of (p - 1[true class])^2, 0 to 2; ece: top-label, ${CALIBRATION_BINS} equal-width bins`;

interface EvaluateCommandOptions {
  json?: boolean;
  encoding?: string;
}

export function registerEvaluate(program: Command): void {
  program
    .command('evaluate')
    .description('score a saved model on a labelled CSV file')
    .argument('<model>', 'model file written by `automl fit`')
    .argument('<csv>', 'labelled rows (must contain the target column), or - for standard input')
    .option('--json', 'print the metrics as JSON on stdout')
    .option('--encoding <name>', 'text encoding of the input: utf-8 (default) or latin1')
    .action(async (modelPath: string, csv: string, options: EvaluateCommandOptions) => {
      // A wrong encoding name fails before the model is loaded.
      const encoding = parseCsvEncoding(options.encoding);
      const model = loadModel(modelPath);
      const raw = await readCsvArgument(csv, { encoding });
      const result = evaluateModel(model, raw);
      for (const warning of result.warnings) stderrLogger().warn(warning);
      if (options.json === true) {
        process.stdout.write(`${JSON.stringify({ rows: result.rows, metrics: result.metrics }, null, 2)}\n`);
        return;
      }
      process.stdout.write(`rows evaluated: ${result.rows}\n`);
      for (const [name, value] of Object.entries(result.metrics)) {
        process.stdout.write(`${name.padEnd(18)} ${Number.isNaN(value) ? 'n/a' : value.toFixed(4)}\n`);
      }
      if ('brier' in result.metrics) process.stdout.write(`${CALIBRATION_NOTE}\n`);
    });
}
