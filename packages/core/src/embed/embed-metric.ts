// embedMetric: fixed prototypes whose pairwise distances follow a class metric D (the seed's embed_nomenclature).
import * as tf from '@tensorflow/tfjs-core';
import { assertOneOf, distortionLoss, MgpInputError, rankLoss, readCostMatrix, scaleFreeDistortion, type CostMatrixInput } from '@mgp/metrics';
import { resolveCommon, type CommonEmbedOptions } from './options';
import { runSgd } from './sgd';

export interface EmbedMetricOptions extends CommonEmbedOptions {
  /**
   * `'distortion'` (default): the plain distortion loss Σ(d_ij/D_ij − 1)², so distances approximate D itself;
   * `'rank'`: the rank loss on `numTriplets` triplets drawn per step, which keeps only the order of D.
   */
  loss?: 'distortion' | 'rank';
}

const FN = 'embedMetric';
/** Default learning rates: the seed's 10 for the rank loss; 1 for the distortion loss on D / mean(D). */
const DEFAULT_LR = { distortion: 1, rank: 10 } as const;

/**
 * Embeds the K classes of the cost matrix D as K points of R^dim whose arrangement follows D: prototypes to
 * keep fixed (`new LearntPrototypes({initialPrototypes, trainable: false})`). SGD as the seed (momentum 0.9,
 * weight decay 1e-4, uniform start), reproducible from `seed`. The distortion loss runs on D divided by the mean
 * of its off-diagonal entries, so one learning rate suits any unit of D; the result is scaled back, and the rank
 * embedding is scaled to the same mean distance. With `restarts > 1`, the run of lowest scale-free distortion
 * (of lowest loss where D has zeros off the diagonal) is returned. A run that blows up (the default rates are
 * steep for very few classes) is repeated at half the rate. Returns [K, dim]; the caller disposes it.
 */
export function embedMetric(D: CostMatrixInput, dim: number, options: EmbedMetricOptions = {}): tf.Tensor2D {
  const common = resolveCommon(FN, dim, options);
  const loss = options.loss ?? 'distortion';
  assertOneOf(FN, 'options.loss', loss, ['distortion', 'rank'] as const);
  const checked = readCostMatrix(FN, 'D', D, { positiveOffDiagonal: loss === 'distortion' });
  const k = checked.size;
  if (k < (loss === 'rank' ? 3 : 2)) {
    throw new MgpInputError(FN, 'D', `must cover at least ${loss === 'rank' ? 3 : 2} classes for the ${loss} loss; got ${k}×${k}`);
  }
  const { values } = checked;
  let total = 0;
  let positive = true;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      if (i === j) continue;
      total += values[i * k + j];
      positive &&= values[i * k + j] > 0;
    }
  }
  const unit = total / (k * k - k);
  if (!(unit > 0)) throw new MgpInputError(FN, 'D', 'must have a positive entry off the diagonal');
  const normalized = Array.from({ length: k }, (_, i) => Array.from(values.subarray(i * k, (i + 1) * k), (v) => v / unit));

  return tf.tidy(() => {
    const Dn = tf.tensor2d(normalized);
    const points = runSgd({
      numPoints: k,
      dim: common.dim,
      steps: common.steps,
      learningRate: common.learningRate ?? DEFAULT_LR[loss],
      restarts: common.restarts,
      seed: common.seed,
      // The seed's start, [0, 1)^dim (in units of mean(D) for the distortion loss).
      initScale: 1,
      loss:
        loss === 'distortion'
          ? (p) => distortionLoss(p, Dn, { scaleFree: false })
          : (p, draws) => rankLoss(p, Dn, { numTriplets: common.numTriplets, seed: draws }),
      score: (p) =>
        positive
          ? tf.tidy(() => scaleFreeDistortion(p, Dn).dataSync()[0])
          : tf.tidy(() => (loss === 'distortion' ? distortionLoss(p, Dn, { scaleFree: false }) : rankLoss(p, Dn, { numTriplets: common.numTriplets, seed: common.seed })).dataSync()[0]),
      onProgress: common.onProgress,
      progressEvery: common.progressEvery,
    });
    // Back to D's unit; the rank loss fixes no scale, so its points get the mean distance of D.
    return tf.mul(points, loss === 'distortion' ? unit : unit / meanDistance(points)) as tf.Tensor2D;
  });
}

/** Mean distance between distinct points (computed on the CPU: K is the number of classes). */
function meanDistance(points: tf.Tensor2D): number {
  const [k, d] = points.shape;
  const v = points.dataSync();
  let total = 0;
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      let s = 0;
      for (let c = 0; c < d; c++) s += (v[i * d + c] - v[j * d + c]) ** 2;
      total += Math.sqrt(s);
    }
  }
  const mean = (2 * total) / (k * k - k);
  return mean > 0 ? mean : 1;
}
