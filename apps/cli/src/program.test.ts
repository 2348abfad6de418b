import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { captureIo } from './commands/test-io';
import { CliError } from './errors';
import { createProgram } from './program';

/** Runs `mgp …args` and returns what it wrote and how it ended. */
async function mgp(...args: string[]) {
  const io = captureIo();
  let error: unknown;
  try {
    await createProgram(io).parseAsync(['node', 'mgp', ...args]);
  } catch (e) {
    error = e;
  }
  return { out: io.out(), err: io.err(), error };
}

describe('mgp command line', () => {
  it('prints help for every command', async () => {
    for (const command of ['figure1', 'bench', 'embed', 'distances']) {
      const { out, error } = await mgp(command, '--help');
      expect((error as CommanderError).exitCode).toBe(0);
      expect(out).toContain(`Usage: mgp ${command}`);
    }
    const figure1 = (await mgp('figure1', '--help')).out;
    for (const option of ['--methods', '--seeds', '--epochs', '--backend', '--seed', '--json', '--out']) expect(figure1).toContain(option);
  });

  it('names the option, the value and what was expected when a number is wrong', async () => {
    const { err, error } = await mgp('figure1', '--epochs', 'ten');
    expect(error).toBeInstanceOf(CommanderError);
    expect(err).toContain("option '--epochs <n>' argument 'ten' is invalid. expected a whole number, got 'ten'.");
    expect(err).toContain("mgp figure1 --help");
    expect((await mgp('figure1', '--seeds', '0')).err).toContain('expected 1…100, got 0');
    expect((await mgp('figure1', '--lambda', '-1')).err).toContain('expected a number ≥ 0, got -1');
  });

  it('lists the valid choices for an unknown method or backend', async () => {
    const methods = await mgp('figure1', '--methods', 'xe,free,foo');
    expect(methods.err).toContain("unknown 'foo'; choose from xe, free, guided, rank, fixed (or 'all')");
    const backend = await mgp('figure1', '--backend', 'gpu');
    expect(backend.err).toContain("expected one of wasm, cpu; got 'gpu'");
  });

  it('says which required option is missing', async () => {
    expect((await mgp('bench')).err).toContain("required option '--dataset <name>' not specified");
    expect((await mgp('embed', '--hierarchy', 'x.json')).err).toContain("required option '--dim <n>' not specified");
    expect((await mgp('bench', '--dataset', 'imagenet')).err).toContain("expected one of fashion-mnist, mnist-digits; got 'imagenet'");
  });

  it('suggests the closest command for a typo', async () => {
    const { err } = await mgp('figure');
    expect(err).toContain("unknown command 'figure'");
    expect(err).toContain('Did you mean figure1?');
  });

  it('reports a missing hierarchy file as a user error, not a crash', async () => {
    const { error } = await mgp('distances', '--hierarchy', '/nonexistent/tree.json');
    expect(error).toBeInstanceOf(CliError);
    expect((error as Error).message).toBe('Hierarchy file not found: /nonexistent/tree.json');
  });
});
