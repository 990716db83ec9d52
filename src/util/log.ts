/**
 * Progress and diagnostics go to stderr (stdout is reserved for data and --json output).
 * A Logger is passed down explicitly; the library default is silent.
 */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

export const silentLogger: Logger = {
  info() {},
  warn() {},
};

export function stderrLogger(): Logger {
  return {
    info(message) {
      process.stderr.write(`${message}\n`);
    },
    warn(message) {
      process.stderr.write(`warning: ${message}\n`);
    },
  };
}
