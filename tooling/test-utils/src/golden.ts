// The golden files of ../shared/fixtures (float64 PyTorch values from the seed's definitions), copied here.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type Matrix = number[][];

export interface Golden {
  tree: {
    parent: Record<string, string | null>;
    leaves: string[];
    distance_path: Matrix;
    distance_lcaHeight: Matrix;
  };
  inputs: {
    prototypes: Matrix;
    embeddings: Matrix;
    labels: number[];
    logits: Matrix;
    triplets: Matrix;
  };
  prototype_logits: Record<'euclidean' | 'sqeuclidean' | 'cosine' | 'hyperspherical' | 'pseudoHuber_delta_0.5', Matrix>;
  distortion: { euclidean: number; cosine: number };
  scale_free_distortion: { value: number; optimal_scale: number };
  distortion_loss: { scale_free: number; plain: number; scale_free_cosine: number; grad_scale_free: Matrix };
  rank_loss: { euclidean: number; cosine: number; grad_euclidean: Matrix };
  average_cost: number;
  average_cost_ignore_label0: number | null;
  mistake_severity: number;
  hdist_at_k: { k: number; avg: number; top: number };
  bayes_decision: number[];
  emd_loss: { lambda: number; mu: number; value: number };
  soft_labels: { beta: number; targets: Matrix; loss: number };
  separation_loss: { prototypes_normalized: Matrix; value: number };
  hxe: { alpha: number; value: number; alpha0_value: number };
  hierarchical_inference: { node_order: string[]; edge_logits: Matrix; log_marginals: Matrix };
  deepncm: {
    initial_prototypes: Matrix;
    batches: Array<{ embeddings: Matrix; labels: number[] }>;
    steps: Array<{ prototypes: Matrix; counts: number[]; logits: Matrix }>;
  };
}

export function loadGolden(index: 1 | 2 | 3): Golden {
  const url = new URL(`../fixtures/golden-${index}.json`, import.meta.url);
  return JSON.parse(readFileSync(fileURLToPath(url), 'utf8')) as Golden;
}

/** All golden cases as `[name, golden]` pairs, for `describe.each`. */
export const goldenCases: Array<[string, Golden]> = ([1, 2, 3] as const).map((i) => [`golden-${i}`, loadGolden(i)]);
