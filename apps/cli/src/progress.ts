import cliProgress from 'cli-progress';

export interface ProgressTask {
  update(value: number, detail?: string): void;
  /** Ends the task; `summary` is printed as one line (also when bars are off, unless quiet). */
  done(summary?: string): void;
}

export interface Progress {
  task(title: string, total: number): ProgressTask;
  /** A one-line message that does not break running bars. */
  log(message: string): void;
  /** Stops drawing (call once at the end). */
  close(): void;
}

export interface ProgressOptions {
  /** Draw bars (default: only when the stream is a TTY, so logs and pipes stay clean). */
  bars?: boolean;
  /** Print nothing at all. */
  quiet?: boolean;
  stream?: { write(text: string): unknown; isTTY?: boolean };
}

/**
 * Progress on stderr: one bar per running task on a terminal (several at once when workers run in parallel),
 * one line per finished task otherwise, nothing with `quiet`.
 */
export function createProgress(options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const quiet = options.quiet ?? false;
  const bars = !quiet && (options.bars ?? Boolean(stream.isTTY));
  if (!bars) {
    const write = (line: string) => {
      if (!quiet) stream.write(`${line}\n`);
    };
    return {
      log: write,
      task: (title) => ({ update: () => undefined, done: (summary) => summary && write(`${title}: ${summary}`) }),
      close: () => undefined,
    };
  }
  const multi = new cliProgress.MultiBar(
    {
      stream: stream as NodeJS.WritableStream,
      format: '{title} {bar} {percentage}% | {detail} | eta {eta_formatted}',
      barsize: 24,
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 50,
      autopadding: true,
    },
    cliProgress.Presets.shades_classic,
  );
  return {
    log: (message) => multi.log(`${message}\n`),
    task(title, total) {
      const bar = multi.create(total, 0, { title: title.padEnd(30), detail: '' });
      return {
        update: (value, detail = '') => bar.update(value, { detail }),
        done: (summary) => {
          multi.remove(bar);
          if (summary) multi.log(`${title}: ${summary}\n`);
        },
      };
    },
    close: () => multi.stop(),
  };
}

/** A progress that prints nothing (tests). */
export function silentProgress(): Progress {
  return createProgress({ quiet: true });
}
