import type { Command } from 'commander';
import { BACKENDS, type BackendName } from '../backend';
import { choiceOption, intOption } from './options';

/** Options every training command shares. */
export interface TrainingCliOptions {
  backend: BackendName;
  seed: number;
  seeds: number;
  epochs: number;
  batchSize: number;
  out: string;
  json: boolean;
  quiet: boolean;
  trainSize?: number;
  testSize?: number;
  workers?: number;
}

export function addTrainingOptions(command: Command, defaults: { epochs: number; seeds: number; out: string }): Command {
  return command
    .option('--epochs <n>', 'training epochs (the learning rate drops ÷10 at 2/3 and 5/6 of them)', intOption(1, 10_000), defaults.epochs)
    .option('--seeds <n>', 'how many seeds to run (seed, seed+1, …); tables show mean ± std', intOption(1, 100), defaults.seeds)
    .option('--seed <n>', 'first random seed (initialization, shuffling, subsampling)', intOption(0, 2 ** 31 - 1), 0)
    .option('--batch-size <n>', 'mini-batch size', intOption(1, 100_000), 256)
    .option('--backend <name>', `tfjs backend: ${BACKENDS.join(' or ')}`, choiceOption(BACKENDS), 'wasm')
    .option('--train-size <n>', 'train on a stratified subsample of this many images (quick runs)', intOption(10))
    .option('--test-size <n>', 'test on a stratified subsample of this many images', intOption(10))
    .option('--workers <n>', 'train this many models at once, one per thread (default: one per core)', intOption(1, 256))
    .option('--out <dir>', 'report folder (Markdown, JSON, pictures)', defaults.out)
    .option('--json', 'print the results as JSON on stdout instead of a table', false)
    .option('--quiet', 'no progress output on stderr', false);
}

/** Seeds seed, seed+1, … seed+n−1. */
export function seedList(first: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => first + i);
}
