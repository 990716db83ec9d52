/**
 * `automl predict <model.json> <csv|->`: predictions as CSV, rows in input order.
 *
 * The input is read, typed, predicted and written in batches of rows, so memory stays flat in the
 * number of rows: only one batch of input and its output are held at a time.
 */
import { once } from 'node:events';
import type { Command } from 'commander';
import { loadModel } from '../../export/model.ts';
import { readCsvArgumentBatches } from '../read-input.ts';
import { predictionHeader, predictionLines } from '../prediction-csv.ts';
import { addCellProblems, applySchema, describeCellProblem, type CellProblem } from '../../data/apply-schema.ts';
import { parseCsvEncoding } from '../../data/csv-decode.ts';
import { AtomicFileWriter } from '../../util/atomic-write.ts';
import { stderrLogger } from '../../util/log.ts';
import { guardOutputs } from '../output-guard.ts';

interface PredictCommandOptions {
  proba?: boolean;
  out?: string;
  encoding?: string;
}

export function registerPredict(program: Command): void {
  program
    .command('predict')
    .description('predict with a saved model; CSV with a "prediction" column on stdout')
    .argument('<model>', 'model file written by `automl fit`')
    .argument('<csv>', 'rows to predict (CSV with a header row), or - for standard input')
    .option('--proba', 'add a proba_<class> column per class (classification)')
    .option('--out <file>', 'write the CSV to this file instead of stdout')
    .option('--encoding <name>', 'text encoding of the input: utf-8 (default) or latin1')
    .action(async (modelPath: string, csv: string, options: PredictCommandOptions) => {
      if (options.out !== undefined) guardOutputs([{ path: options.out, label: '--out', kind: 'file' }], [{ path: modelPath, label: 'the model' }, { path: csv, label: 'the input data' }]);
      const encoding = parseCsvEncoding(options.encoding);
      const model = loadModel(modelPath);
      const withProba = options.proba === true;
      // A file is written whole or not at all (renamed into place at the end); stdout streams.
      const file = options.out === undefined ? undefined : new AtomicFileWriter(options.out);
      const write = async (text: string): Promise<void> => {
        if (file !== undefined) file.write(text);
        else if (!process.stdout.write(text)) await once(process.stdout, 'drain');
      };
      const problems = new Map<string, CellProblem>();
      try {
        let rowsDone = 0;
        for await (const raw of readCsvArgumentBatches(csv, { encoding })) {
          const { dataset, problems: batchProblems } = applySchema(raw, model.artifact.schema);
          addCellProblems(problems, batchProblems);
          const prediction = model.predictPrepared(dataset, rowsDone);
          await write((rowsDone === 0 ? predictionHeader(model.classes, withProba) : '') + predictionLines(prediction, model.classes, withProba, model.artifact.decision));
          rowsDone += raw.nRows;
        }
        file?.commit();
      } catch (error) {
        file?.abort();
        throw error;
      }
      for (const problem of problems.values()) stderrLogger().warn(describeCellProblem(problem));
    });
}
