/**
 * Maps failures to the CLI's exit codes and one-line messages: 0 ok, 1 internal error,
 * 2 usage or input error, 3 no trial succeeded. User mistakes never print a stack trace.
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

/** The message printed on stderr for a failure. */
export function describeFailure(error: unknown): string {
  if (isAutoMLError(error)) {
    const hint = error.hint === undefined ? '' : `\n  ${error.hint}`;
    const prefix = error.isUserError || error.code === 'NO_SUCCESSFUL_TRIAL' ? 'error' : 'internal error';
    return `${prefix} [${error.code}]: ${error.message}${hint}`;
  }
  // An unexpected failure is our bug: show the stack so it can be reported.
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return `internal error: ${detail}`;
}
