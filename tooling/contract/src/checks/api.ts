// The public API of @mgp/metrics, @mgp/core and @mgp/hierarchy as documented (issues 2 and 3, README), looked up
// by name at run time. Packages are still being built: a missing export fails the checks that need it, with the
// name and the issue in the message, and leaves the other checks running.
import * as core from '@mgp/core';
import * as hierarchy from '@mgp/hierarchy';
import * as metrics from '@mgp/metrics';
import type * as tfNamespace from '@tensorflow/tfjs';

type Tensor = tfNamespace.Tensor;
type Tensor2D = tfNamespace.Tensor2D;
type Scalar = tfNamespace.Scalar;
type Layer = tfNamespace.layers.Layer;
type Matrix = number[][];
type NumberOrScalar = number | Scalar;

export interface MetricsApi {
  distortion(points: Tensor2D, D: Matrix, options?: { metric?: string }): Scalar;
  scaleFreeDistortion(points: Tensor2D, D: Matrix): Scalar;
  optimalScale(points: Tensor2D, D: Matrix): NumberOrScalar;
  distortionLoss(points: Tensor2D, D: Matrix, options?: { scaleFree?: boolean; metric?: string }): Scalar;
  rankLoss(points: Tensor2D, D: Matrix, sampling: { triplets: Matrix }, options?: { metric?: string }): Scalar;
  averageCost(logits: Tensor2D, labels: number[], D: Matrix, options?: { ignoreIndex?: number }): Scalar;
  mistakeSeverity(logits: Tensor2D, labels: number[], D: Matrix): Scalar;
  hierarchicalDistanceAtK(logits: Tensor2D, labels: number[], D: Matrix, k: number, options: { mode: 'avg' | 'top' }): Scalar;
  bayesDecision(logits: Tensor2D, D: Matrix): Tensor;
  emdLoss(logits: Tensor2D, labels: number[], D: Matrix, options: { lambda: number; mu: number }): Scalar;
  softLabels(D: Matrix, labels: number[], options: { beta: number }): Tensor;
  softLabelCrossEntropy(logits: Tensor2D, labels: number[], D: Matrix, options: { beta: number }): Scalar;
  separationLoss(prototypes: Tensor2D): Scalar;
}

export interface LearntPrototypesArgs {
  numPrototypes: number;
  metric: string;
  initialPrototypes?: Matrix;
  trainable?: boolean;
  prototypesRegularizer?: unknown;
  inputShape?: number[];
}

export interface DeepNCMLayer extends Layer {
  /** Running class means from a batch: p_c ← (n_c·p_c + mean_c) / (n_c + 1), n_c ← n_c + 1 per class present. */
  update(embeddings: Tensor2D, labels: number[]): unknown;
}

export interface CoreApi {
  prototypeLogits(embeddings: Tensor2D, prototypes: Tensor2D, options: { metric: string; delta?: number }): Tensor2D;
  LearntPrototypes: new (args: LearntPrototypesArgs) => Layer;
  metricGuidedRegularizer(D: Matrix, options: { kind: 'distortion' | 'rank'; weight: number }): unknown;
  DeepNCM: new (args: { numClasses: number; initialPrototypes?: Matrix; inputShape?: number[] }) => DeepNCMLayer;
}

export interface HierarchyLike {
  readonly numLeaves: number;
}

export interface HierarchyApi {
  Hierarchy: { fromParents(map: Record<string, string | null>, options?: { leaves?: string[] }): HierarchyLike };
  hierarchicalCrossEntropy(logits: Tensor2D, labels: number[], h: HierarchyLike, options: { alpha: number }): Scalar;
  HierarchicalSoftmax: new (args: { hierarchy: HierarchyLike; nodeOrder?: string[] }) => Layer;
}

/** Thrown when a documented name is not exported (yet). */
export class MissingExportError extends Error {
  override readonly name = 'MissingExportError';
}

const ISSUE: Record<string, string> = { '@mgp/metrics': 'issue 2', '@mgp/core': 'issue 2', '@mgp/hierarchy': 'issue 3' };

function lookup<T>(pkg: string, namespace: object, name: string): T {
  const value = (namespace as Record<string, unknown>)[name];
  if (value === undefined) {
    throw new MissingExportError(`${pkg} does not export '${name}' (documented in ${ISSUE[pkg]}); not finished yet?`);
  }
  return value as T;
}

/** A view of a package whose members are looked up when used. */
function documented<T extends object>(pkg: string, namespace: object): T {
  return new Proxy({} as T, { get: (_target, name) => lookup(pkg, namespace, String(name)) });
}

export const mgpMetrics = documented<MetricsApi>('@mgp/metrics', metrics);
export const mgpCore = documented<CoreApi>('@mgp/core', core);
export const mgpHierarchy = documented<HierarchyApi>('@mgp/hierarchy', hierarchy);
