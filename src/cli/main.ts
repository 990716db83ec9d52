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
import { describeFailure, exitCodeFor, EXIT_OK, EXIT_USAGE } from './exit.ts';
import { PACKAGE_VERSION } from '../util/version.ts';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('automl')
    .description('AutoML for tabular data: search, fit, predict and evaluate models on CSV files')
    .version(PACKAGE_VERSION)
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)');
  registerFit(program);
  registerPredict(program);
  registerEvaluate(program);
  registerLeaderboard(program);
  registerReport(program);
  registerBatch(program);
  registerSpace(program);
  registerInfo(program);
  for (const command of program.commands) command.exitOverride();
  return program;
}

export async function runCli(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv], { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander already printed its own message (or the help text).
      const informational = ['commander.helpDisplayed', 'commander.version', 'commander.help'];
      return informational.includes(error.code) ? EXIT_OK : EXIT_USAGE;
    }
    process.stderr.write(`${describeFailure(error)}\n`);
    return exitCodeFor(error);
  }
}

process.exitCode = await runCli(process.argv.slice(2));
