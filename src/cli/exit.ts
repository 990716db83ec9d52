/**
 * Maps failures to the CLI's exit codes and one-line messages: 0 ok, 1 internal error,
 * 2 usage or input error, 3 no trial succeeded. User mistakes never print a stack trace; an
 * internal error prints its stack only with --verbose.
 */
import { isAutoMLError } from '../util/errors.ts';

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_USAGE = 2;
export const EXIT_NO_SUCCESSFUL_TRIAL = 3;

export function exitCodeFor(error: unknown): number {
  if (isAutoMLError(error)) {
    if (error.code === 'NO_SUCCESSFUL_TRIAL') return EXIT_NO_SUCCESSFUL_TRIAL;
    return error.isUserError ? EXIT_USAGE : EXIT_INTERNAL;
  }
  return EXIT_INTERNAL;
}

/** Line breaks inside a message or hint would break the one-line contract: they become "; ". */
function oneLine(text: string): string {
  return text.split(/\s*\n\s*/).filter((part) => part !== '').join('; ');
}

/**
 * The message printed on stderr for a failure: one line, the hint in parentheses behind the
 * message. An unexpected failure is our bug: its stack trace follows only with `verbose`, so that
 * it can be reported without flooding everyone else.
 */
export function describeFailure(error: unknown, verbose = false): string {
  if (isAutoMLError(error)) {
    const hint = error.hint === undefined ? '' : ` (${oneLine(error.hint)})`;
    const prefix = error.isUserError || error.code === 'NO_SUCCESSFUL_TRIAL' ? 'error' : 'internal error';
    const line = `${prefix} [${error.code}]: ${oneLine(error.message)}${hint}`;
    return verbose && error.stack !== undefined && !error.isUserError ? `${line}\n${error.stack}` : line;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (verbose) return `internal error: ${error instanceof Error ? (error.stack ?? message) : message}`;
  return `internal error: ${oneLine(message)} (rerun with --verbose for the stack trace to report)`;
}
