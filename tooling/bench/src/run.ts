// `pnpm bench`: runs the suite, prints the ratio table, writes bench-results/.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCHMARKS } from './benchmarks/index';
import { findExternalFiles } from './harness/external';
import { machineInfo } from './harness/machine';
import { OptionError, USAGE, parseOptions } from './harness/options';
import { buildReport, reportMarkdown, writeReport } from './harness/report';
import { runSuite } from './harness/suite';

const SRC = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(SRC, '../../..');

async function main(argv: string[]): Promise<number> {
  let options;
  try {
    options = parseOptions(argv);
  } catch (err) {
    if (err instanceof OptionError) {
      console.error(err.message);
      return 2;
    }
    throw err;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  if (options.list) {
    for (const b of BENCHMARKS) console.log(b.name);
    for (const f of findExternalFiles(SRC)) console.log(`${f.file.split('/').pop()} (${f.kind})`);
    return 0;
  }
  const started = new Date();
  const machine = machineInfo();
  const t0 = performance.now();
  const out = options.outDir ? resolve(process.cwd(), options.outDir) : join(REPO, 'bench-results');
  const log = (line: string) => console.log(`  ${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s  ${line}`);
  // The report is rewritten after every job, so a run stopped half-way still leaves what it measured.
  const suite = await runSuite(options, SRC, log, (partial) => writeReport(buildReport(partial, machine, options, started, true), out));
  const report = buildReport(suite, machine, options, started);
  const paths = writeReport(report, out);
  console.log(`\n${reportMarkdown(report)}`);
  console.log(`Wrote ${paths.json}\n      ${paths.md}`);
  return 0;
}

// pnpm passes a script's extra arguments after the script; `pnpm bench -- --quick` adds a '--' that the parser skips.
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
