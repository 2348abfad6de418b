import { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import { embedMetric } from '@mgp/core';
import { rankLoss, scaleFreeDistortion } from '@mgp/metrics';
import { BACKENDS, startBackend, type BackendName } from '../backend';
import { readHierarchyFile } from '../data/hierarchy-file';
import { toJson } from '../report/files';
import type { CliIo } from './io';
import { choiceOption, intOption, numberOption } from './options';

interface EmbedOptions {
  hierarchy: string;
  dim: number;
  loss: 'rank' | 'distortion';
  steps?: number;
  lr?: number;
  restarts?: number;
  seed: number;
  backend: BackendName;
  out?: string;
}

export function embedCommand(io: CliIo): Command {
  return new Command('embed')
    .summary('embed the classes of a hierarchy as points (fixed prototypes), as JSON')
    .description(
      'Embed the classes of a hierarchy as points whose distances follow the tree (fixed prototypes for training), and print them as JSON with their scale-free distortion.',
    )
    .requiredOption('--hierarchy <file>', 'class hierarchy file (nested JSON, parent map, paths or edge lines)')
    .requiredOption('--dim <n>', 'embedding dimension', intOption(1, 100_000))
    .option('--loss <loss>', 'rank or distortion', choiceOption(['rank', 'distortion'] as const), 'distortion')
    .option('--steps <n>', 'optimization steps (default: @mgp/core’s)', intOption(1, 10_000_000))
    .option('--lr <x>', 'learning rate (default: @mgp/core’s)', numberOption(0))
    .option('--restarts <n>', 'independent runs; the one that fits D best is kept', intOption(1, 1000))
    .option('--seed <n>', 'random seed', intOption(0, 2 ** 31 - 1), 0)
    .option('--backend <name>', `tfjs backend: ${BACKENDS.join(' or ')} (a small problem: cpu is fine)`, choiceOption(BACKENDS), 'cpu')
    .option('--out <file>', 'write the JSON to this file instead of stdout')
    .addHelpText('after', '\nExample:\n  mgp embed --hierarchy data/mnist-digits-hierarchy.json --dim 2 --loss rank > prototypes.json')
    .action(async (options: EmbedOptions) => {
      const text = toJson(await embedHierarchy(options));
      if (options.out) writeFileSync(options.out, text);
      else io.stdout.write(text);
    });
}

export async function embedHierarchy(options: EmbedOptions) {
  const h = readHierarchyFile(options.hierarchy);
  await startBackend(options.backend);
  const D = h.distanceMatrix();
  const points = embedMetric(D, options.dim, {
    loss: options.loss,
    seed: options.seed,
    ...(options.steps !== undefined ? { steps: options.steps } : {}),
    ...(options.lr !== undefined ? { learningRate: options.lr } : {}),
    ...(options.restarts !== undefined ? { restarts: options.restarts } : {}),
  });
  const prototypes = points.arraySync() as number[][];
  const quality = tf.tidy(() => ({
    scaleFreeDistortion: scaleFreeDistortion(points, D).dataSync()[0],
    rankLoss: rankLoss(points, D, { numTriplets: 1000, seed: options.seed }).dataSync()[0],
  }));
  points.dispose();
  return {
    leaves: [...h.leaves],
    dim: options.dim,
    loss: options.loss,
    seed: options.seed,
    ...quality,
    prototypes: Object.fromEntries(h.leaves.map((leaf, i) => [leaf, prototypes[i]])),
    matrix: prototypes,
  };
}
