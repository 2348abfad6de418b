import cliProgress from 'cli-progress';

export interface ProgressTask {
  update(value: number, detail?: string): void;
  /** Ends the task; `summary` is printed as one line (also when bars are off, unless quiet). */
  done(summary?: string): void;
}

export interface Progress {
  task(title: string, total: number): ProgressTask;
  /** A one-line message that does not break a running bar. */
  log(message: string): void;
}

export interface ProgressOptions {
  /** Draw bars (default: only when stderr is a TTY, so logs and pipes stay clean). */
  bars?: boolean;
  /** Print nothing at all. */
  quiet?: boolean;
  stream?: { write(text: string): unknown; isTTY?: boolean };
}

/** Progress on stderr: bars on a terminal, one line per finished task otherwise, nothing with `quiet`. */
export function createProgress(options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const quiet = options.quiet ?? false;
  const bars = !quiet && (options.bars ?? Boolean(stream.isTTY));
  const write = (line: string) => {
    if (!quiet) stream.write(`${line}\n`);
  };
  return {
    log: write,
    task(title, total) {
      if (!bars) {
        return { update: () => undefined, done: (summary) => summary && write(`${title}: ${summary}`) };
      }
      const bar = new cliProgress.SingleBar(
        {
          stream: stream as NodeJS.WritableStream,
          format: `${title.padEnd(28)} {bar} {percentage}% | {value}/{total} | {detail} | eta {eta_formatted}`,
          barsize: 24,
          hideCursor: true,
          clearOnComplete: true,
          etaBuffer: 50,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, 0, { detail: '' });
      return {
        update: (value, detail = '') => bar.update(value, { detail }),
        done: (summary) => {
          bar.stop();
          if (summary) write(`${title}: ${summary}`);
        },
      };
    },
  };
}

/** A progress that prints nothing (tests, `--json` to a pipe). */
export const silentProgress: Progress = createProgress({ quiet: true });
