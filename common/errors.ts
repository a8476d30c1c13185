/**
 * Errors that cross the API boundary travel as data, never as thrown exceptions, so the
 * renderer, the CLI and the tests all read the same { code, message } shape.
 */
export const ERROR_CODES = [
  'BAD_INPUT', // the input did not match the method's schema
  'UNKNOWN_METHOD', // the method is not in the API
  'NOT_FOUND', // the row the input names does not exist (or is in the trash)
  'CONFLICT', // a save based on an old revision, or a duplicate slug
  'IMPORT_FAILED', // a file could not be imported; nothing was written
  'CANCELLED', // the user cancelled a long operation; nothing was written
  'DB_FROM_FUTURE', // the database was written by a newer version of the app
  'FORBIDDEN', // a request that the local server refuses (secret, origin, host)
  'CHECKLIST_FAILED', // a move to scheduled/published refused: a required pre-publish rule fails
  'NEEDS_CONFIRMATION', // a move to scheduled/published with recommended rules failing, not yet confirmed
  'REMOTE_FAILED', // a CMS (WordPress) could not be reached or refused a step; the message says why and what to do
  'INTERNAL', // a bug: the message says what failed
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorData {
  code: ErrorCode;
  message: string;
  /** Structured context, e.g. the current revision of a conflicting draft. */
  details?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorData };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  toData(): ErrorData {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, details?: unknown): Result<never> {
  return { ok: false, error: details === undefined ? { code, message } : { code, message, details } };
}

/** Turns anything thrown into error data; unknown exceptions become INTERNAL with their message. */
export function toErrorData(err: unknown): ErrorData {
  if (err instanceof AppError) return err.toData();
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'INTERNAL', message };
}
