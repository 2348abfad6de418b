import { Command } from 'commander';
import { benchCommand } from './commands/bench';
import { distancesCommand } from './commands/distances';
import { embedCommand } from './commands/embed';
import { figure1Command } from './commands/figure1';
import { processIo, type CliIo } from './commands/io';

/**
 * The `mgp` program. Commander never calls process.exit itself (`exitOverride`): usage errors and `--help`
 * throw a CommanderError that bin.ts turns into an exit code, and tests can catch.
 */
export function createProgram(io: CliIo = processIo): Command {
  const program = new Command('mgp')
    .description('Metric-guided prototype learning for TensorFlow.js: reproduce Figure 1, benchmark the methods, embed your own hierarchy.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });
  for (const make of [figure1Command, benchCommand, embedCommand, distancesCommand]) {
    const command = make(io);
    command.showHelpAfterError(`(run 'mgp ${command.name()} --help' for usage)`).exitOverride();
    command.configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
    program.addCommand(command);
  }
  return program;
}
