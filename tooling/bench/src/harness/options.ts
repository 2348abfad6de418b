// Command-line options of `pnpm bench`.

export interface BenchOptions {
  quick: boolean;
  filter: string[];
  /** Backend patterns: 'cpu', 'wasm', 'webgl', or qualified 'node:wasm', 'chromium:webgl'; empty = all present. */
  backends: string[];
  warmup: number;
  runs: number;
  minRuns: number;
  budgetMs: number;
  outDir: string | null;
  inProcess: boolean;
  browser: boolean;
  external: boolean;
  list: boolean;
  help: boolean;
}

export const USAGE = `pnpm bench [options]
  --quick             short pass: fewer sizes and runs
  --filter a,b        only benchmarks/cases whose '<benchmark>/<case>' contains a pattern ('*' wildcard)
  --backend a,b       only these backends: cpu, wasm, webgl, or node:wasm, chromium:wasm, ...
  --runs N            timed runs per case (default 7, quick 3)
  --warmup N          warm-up runs per case (default 2, quick 1)
  --out DIR           where to write bench-<time>.json/.md (default <repo>/bench-results)
  --in-process        run every benchmark in this process (no worker per benchmark and backend)
  --no-browser        skip the headless-Chromium backends
  --no-external       skip the other packages' bench scripts (src/*.bench.ts)
  --list              list the benchmarks and exit`;

export class OptionError extends Error {}

function count(flag: string, value: string | undefined, min: number): number {
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n < min) throw new OptionError(`${flag} takes an integer ≥ ${min}; got ${value ?? 'nothing'}`);
  return n;
}

function list(flag: string, value: string | undefined): string[] {
  if (value === undefined || value.startsWith('--')) throw new OptionError(`${flag} takes a comma-separated list; got nothing`);
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function parseOptions(argv: readonly string[]): BenchOptions {
  const o: BenchOptions = {
    quick: false,
    filter: [],
    backends: [],
    warmup: -1,
    runs: -1,
    minRuns: -1,
    budgetMs: -1,
    outDir: null,
    inProcess: false,
    browser: true,
    external: true,
    list: false,
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i];
    if (raw === '--') continue; // pnpm / npm separator
    const eq = raw.indexOf('=');
    const flag = raw.startsWith('--') && eq > 0 ? raw.slice(0, eq) : raw;
    const inline = raw.startsWith('--') && eq > 0 ? raw.slice(eq + 1) : undefined;
    const next = () => inline ?? argv[++i];
    switch (flag) {
      case '--quick':
        o.quick = true;
        break;
      case '--filter':
        o.filter.push(...list(flag, next()));
        break;
      case '--backend':
      case '--backends':
        o.backends.push(...list(flag, next()));
        break;
      case '--runs':
        o.runs = count(flag, next(), 1);
        break;
      case '--warmup':
        o.warmup = count(flag, next(), 0);
        break;
      case '--out':
        o.outDir = next() ?? null;
        if (!o.outDir) throw new OptionError('--out takes a folder');
        break;
      case '--in-process':
        o.inProcess = true;
        break;
      case '--no-browser':
        o.browser = false;
        break;
      case '--no-external':
        o.external = false;
        break;
      case '--list':
        o.list = true;
        break;
      case '--help':
      case '-h':
        o.help = true;
        break;
      default:
        throw new OptionError(`unknown option '${raw}'\n${USAGE}`);
    }
  }
  if (o.warmup < 0) o.warmup = o.quick ? 1 : 2;
  if (o.runs < 0) o.runs = o.quick ? 3 : 7;
  // At least 3 samples a case (when it has that many runs): a median of one is no median.
  o.minRuns = Math.min(o.runs, 3);
  o.budgetMs = o.quick ? 3_000 : 20_000;
  return o;
}

/** Whether a backend target ('node:wasm') is selected by the --backend patterns. */
export function backendSelected(patterns: readonly string[], target: string): boolean {
  if (patterns.length === 0) return true;
  const [env, name] = target.split(':');
  return patterns.some((p) => p === target || p === name || p === env);
}

/** Whether the user named this backend explicitly (slow cases run only then). */
export function backendExplicit(patterns: readonly string[], target: string): boolean {
  return patterns.length > 0 && backendSelected(patterns, target);
}
