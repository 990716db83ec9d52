/** `automl predict <model.json> <csv|->`: predictions as CSV, rows in input order. */
import type { Command } from 'commander';
import { loadModel } from '../../export/model.ts';
import { readCsvArgument } from '../read-input.ts';
import { toCsv } from '../csv-output.ts';
import { argmaxRows } from '../../components/matrix.ts';
import { writeFileAtomic } from '../../util/atomic-write.ts';
import { stderrLogger } from '../../util/log.ts';

interface PredictCommandOptions {
  proba?: boolean;
  out?: string;
}

export function registerPredict(program: Command): void {
  program
    .command('predict')
    .description('predict with a saved model; CSV with a "prediction" column on stdout')
    .argument('<model>', 'model file written by `automl fit`')
    .argument('<csv>', 'rows to predict (CSV with a header row), or - for standard input')
    .option('--proba', 'add a proba_<class> column per class (classification)')
    .option('--out <file>', 'write the CSV to this file instead of stdout')
    .action(async (modelPath: string, csv: string, options: PredictCommandOptions) => {
      const model = loadModel(modelPath);
      const raw = await readCsvArgument(csv);
      const { dataset, warnings } = model.prepare(raw);
      for (const warning of warnings) stderrLogger().warn(warning);
      const prediction = model.predictPrepared(dataset);
      let text: string;
      if (prediction.kind === 'regression') {
        text = toCsv(['prediction'], Array.from(prediction.values, (v) => [v]));
      } else {
        const classes = model.classes ?? [];
        const labels = argmaxRows(prediction.proba);
        const { nClasses, data } = prediction.proba;
        const withProba = options.proba === true;
        const header = withProba ? ['prediction', ...classes.map((c) => `proba_${c}`)] : ['prediction'];
        const rows = Array.from(labels, (k, i) => {
          const row: (string | number)[] = [classes[k]!];
          if (withProba) for (let c = 0; c < nClasses; c++) row.push(data[i * nClasses + c]!);
          return row;
        });
        text = toCsv(header, rows);
      }
      if (options.out === undefined) process.stdout.write(text);
      else writeFileAtomic(options.out, text);
    });
}
