/**
 * An error the user can fix: the message says what was wrong and what to do. bin.ts prints it without a
 * stack trace and exits with code 2 (bad arguments or input files) or 1 (environment: missing data, a backend
 * that does not start, training that failed), so scripts can tell the two apart.
 */
export class CliError extends Error {
  override readonly name = 'CliError';

  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
  }
}
