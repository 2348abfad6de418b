// The optimisation loop shared by embedMetric and embedOnSphere: the seed's SGD (momentum 0.9, weight decay 1e-4)
// from a seeded uniform start, a few restarts, the best one kept.
import * as tf from '@tensorflow/tfjs-core';
import { createRng, type Rng } from '@mgp/metrics';

/** What `onProgress` receives. */
export interface EmbedProgress {
  /** Steps done in this restart (1-based). */
  step: number;
  /** Total steps of one restart. */
  steps: number;
  /** The restart (0-based). */
  restart: number;
  /** The loss at this step (weight decay not included). */
  loss: number;
}

export interface SgdPlan {
  numPoints: number;
  dim: number;
  steps: number;
  learningRate: number;
  restarts: number;
  seed: number;
  /** Scale of the uniform start: points start in [0, initScale)^dim. */
  initScale: number;
  /** The loss of the points at one step; `draws` gives the step's random draws (triplets). */
  loss: (points: tf.Tensor2D, draws: Rng) => tf.Scalar;
  /** Applied to the points after each step and at the end (e.g. projection on the sphere). */
  project?: (points: tf.Tensor2D) => tf.Tensor2D;
  /** How good a finished run is (lower is better), computed outside any tape. */
  score: (points: tf.Tensor2D) => number;
  onProgress?: (progress: EmbedProgress) => void;
  progressEvery: number;
}

const MOMENTUM = 0.9;
const WEIGHT_DECAY = 1e-4;

/** Runs `restarts` optimisations and returns the points of the best-scoring one (the caller disposes them). */
export function runSgd(plan: SgdPlan): tf.Tensor2D {
  const seeds = createRng(plan.seed);
  let best: { points: tf.Tensor2D; score: number } | null = null;
  for (let restart = 0; restart < plan.restarts; restart++) {
    const points = runStably(plan, restart, seeds.nextUint32(), seeds.nextUint32());
    const score = plan.score(points);
    if (best === null || score < best.score) {
      best?.points.dispose();
      best = { points, score };
    } else {
      points.dispose();
    }
  }
  if (best === null) throw new Error('runSgd: no restart ran');
  return best.points;
}

/** Halvings of the learning rate tried when a run blows up before giving up. */
const MAX_HALVINGS = 12;

/**
 * One run; if its points blow up (non-finite), the same run again at half the learning rate. A rate that suits
 * K = 10 (the seed's 1 for the distortion loss) diverges for very few classes: each pair then weighs more in the
 * mean loss, so the loss is steeper. Runs that stay finite are untouched.
 */
function runStably(plan: SgdPlan, restart: number, initSeed: number, drawSeed: number): tf.Tensor2D {
  let learningRate = plan.learningRate;
  for (let halving = 0; halving <= MAX_HALVINGS; halving++, learningRate /= 2) {
    const points = runOnce({ ...plan, learningRate }, restart, initSeed, drawSeed);
    const finite = tf.tidy(() => tf.all(tf.isFinite(points)).dataSync()[0] === 1);
    if (finite) return points;
    points.dispose();
  }
  throw new Error(
    `embedding: the points diverged at every learning rate from ${plan.learningRate} down to ${learningRate * 2} (options.learningRate); check D for extreme values`,
  );
}

function runOnce(plan: SgdPlan, restart: number, initSeed: number, drawSeed: number): tf.Tensor2D {
  const init = createRng(initSeed);
  const start = Float32Array.from({ length: plan.numPoints * plan.dim }, () => init.next() * plan.initScale);
  const draws = createRng(drawSeed);
  const variable = tf.variable(tf.tensor2d(start, [plan.numPoints, plan.dim]));
  // torch.optim.SGD with momentum μ and weight decay λ: g ← ∇L + λ·p; buf ← μ·buf + g; p ← p − lr·buf.
  // (Written out: tf.train.momentum's dispose() leaves a tensor behind in tfjs 4.22.)
  const velocity = tf.variable(tf.zerosLike(variable), false);
  try {
    for (let step = 1; step <= plan.steps; step++) {
      const report = plan.onProgress !== undefined && (step % plan.progressEvery === 0 || step === plan.steps);
      let kept: tf.Scalar | null = null;
      tf.tidy(() => {
        const { grads } = tf.variableGrads(() => {
          const taskLoss = plan.loss(variable as tf.Tensor2D, draws);
          if (report) kept = tf.keep(taskLoss);
          return taskLoss;
        }, [variable]);
        const g = tf.add(grads[variable.name], tf.mul(variable, WEIGHT_DECAY));
        velocity.assign(tf.add(tf.mul(velocity, MOMENTUM), g));
        const moved = tf.sub(variable, tf.mul(velocity, plan.learningRate)) as tf.Tensor2D;
        variable.assign(plan.project ? plan.project(moved) : moved);
      });
      const lossValue = readAndDispose(kept);
      if (report) plan.onProgress?.({ step, steps: plan.steps, restart, loss: lossValue });
    }
    return tf.clone(variable) as tf.Tensor2D;
  } finally {
    velocity.dispose();
    variable.dispose();
  }
}

function readAndDispose(value: tf.Scalar | null): number {
  if (value === null) return Number.NaN;
  const out = value.dataSync()[0];
  value.dispose();
  return out;
}
