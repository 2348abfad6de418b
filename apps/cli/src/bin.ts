#!/usr/bin/env node
import { CommanderError } from 'commander';
import { CliError } from './errors';
import { createProgram } from './program';

/** Turns failures into one clear line on stderr and an exit code, never a stack trace for user errors. */
async function main(argv: string[]): Promise<number> {
  try {
    await createProgram().parseAsync(argv);
    return 0;
  } catch (error) {
    // Commander has printed its message already; usage errors exit 2 like our own input errors.
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof CliError) {
      process.stderr.write(`mgp: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof Error && error.name === 'MgpInputError') {
      process.stderr.write(`mgp: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`mgp: unexpected error\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}

// `mgp … | head` closes stdout early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await main(process.argv);
