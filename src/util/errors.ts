/**
 * Typed errors for every boundary a user can reach. Each carries a stable `code` so callers
 * (and the CLI's exit-code mapping) can branch on the kind of failure instead of on message text.
 */

/** Error codes, grouped by what the user has to do about them. */
export type ErrorCode =
  // input files and data
  | 'FILE_NOT_FOUND'
  | 'EMPTY_FILE'
  | 'NO_DATA_ROWS'
  | 'RAGGED_ROWS'
  | 'DUPLICATE_COLUMN'
  | 'CSV_PARSE'
  | 'UNKNOWN_TARGET'
  | 'TARGET_ALL_MISSING'
  | 'SINGLE_CLASS'
  | 'NON_NUMERIC_TARGET'
  | 'MISSING_COLUMN'
  | 'NO_FEATURES'
  | 'BAD_INPUT'
  // options
  | 'BAD_OPTION'
  // output locations (unwritable, or the same file as an input)
  | 'BAD_OUTPUT'
  // search spaces and configurations
  | 'ILLEGAL_VALUE'
  | 'INACTIVE_VALUE_SET'
  | 'ACTIVE_VALUE_MISSING'
  | 'FORBIDDEN_CONFIGURATION'
  | 'BAD_SPACE'
  // models and artifacts
  | 'BAD_MODEL_FILE'
  | 'MODEL_VERSION'
  | 'DEGENERATE_INPUT'
  | 'NOT_FITTED'
  // search outcome
  | 'NO_SUCCESSFUL_TRIAL'
  // anything else is our bug
  | 'INTERNAL';

/** Codes the user can fix by changing their input or options (CLI exit code 2). */
const USER_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'FILE_NOT_FOUND', 'EMPTY_FILE', 'NO_DATA_ROWS', 'RAGGED_ROWS', 'DUPLICATE_COLUMN', 'CSV_PARSE',
  'UNKNOWN_TARGET', 'TARGET_ALL_MISSING', 'SINGLE_CLASS', 'NON_NUMERIC_TARGET', 'MISSING_COLUMN',
  'NO_FEATURES', 'BAD_INPUT', 'BAD_OPTION', 'BAD_OUTPUT', 'ILLEGAL_VALUE', 'INACTIVE_VALUE_SET',
  'ACTIVE_VALUE_MISSING', 'FORBIDDEN_CONFIGURATION', 'BAD_SPACE', 'BAD_MODEL_FILE',
  'MODEL_VERSION', 'DEGENERATE_INPUT',
]);

export class AutoMLError extends Error {
  readonly code: ErrorCode;
  /** Optional hint: what the user can do about it. Printed after the message, on the same line. */
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AutoMLError';
    this.code = code;
    this.hint = options.hint;
  }

  /** True when the user caused it (bad input or option), false when it is an internal fault. */
  get isUserError(): boolean {
    return USER_CODES.has(this.code);
  }
}

export function isAutoMLError(error: unknown): error is AutoMLError {
  return error instanceof AutoMLError;
}

/** Message of any thrown value, for logs and failed-trial records. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
