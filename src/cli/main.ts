/** The `automl` command line: thin wiring of subcommands over the library API. */
import { Command, CommanderError } from 'commander';
import { registerFit } from './commands/fit.ts';
import { registerPredict } from './commands/predict.ts';
import { registerEvaluate } from './commands/evaluate.ts';
import { registerSpace } from './commands/space.ts';
import { registerLeaderboard } from './commands/leaderboard.ts';
import { registerReport } from './commands/report.ts';
import { registerBatch } from './commands/batch.ts';
import { registerInfo } from './commands/info.ts';
import { registerWorker } from './commands/worker.ts';
import { describeFailure, exitCodeFor, EXIT_OK, EXIT_USAGE } from './exit.ts';
import { PACKAGE_VERSION } from '../util/version.ts';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('automl')
    .description('AutoML for tabular data: search, fit, predict and evaluate models on CSV files')
    .version(PACKAGE_VERSION)
    .option('--verbose', 'on an internal error, also print its stack trace')
    .exitOverride()
    // Commander's own usage errors keep to one line too, with the pointer to --help behind them.
    .configureOutput({ outputError: (message, write) => write(`${message.trimEnd()} (run with --help for usage)\n`) });
  registerFit(program);
  registerPredict(program);
  registerEvaluate(program);
  registerLeaderboard(program);
  registerReport(program);
  registerBatch(program);
  registerSpace(program);
  registerInfo(program);
  registerWorker(program);
  for (const command of program.commands) command.exitOverride();
  return program;
}

/** Any position on the line, so that a failing command can simply be rerun with it appended. */
const VERBOSE_FLAG = '--verbose';

export async function runCli(argv: readonly string[]): Promise<number> {
  const verbose = argv.includes(VERBOSE_FLAG);
  try {
    await buildProgram().parseAsync(argv.filter((arg) => arg !== VERBOSE_FLAG), { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander already printed its own message (or the help text).
      const informational = ['commander.helpDisplayed', 'commander.version', 'commander.help'];
      return informational.includes(error.code) ? EXIT_OK : EXIT_USAGE;
    }
    process.stderr.write(`${describeFailure(error, verbose)}\n`);
    return exitCodeFor(error);
  }
}

process.exitCode = await runCli(process.argv.slice(2));
