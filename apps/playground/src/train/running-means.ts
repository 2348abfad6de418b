// DeepNCM's prototypes: running means of each class's embeddings (Guerriero et al.; the seed's DeepNCM). For each
// class c in a batch, p_c ← (n_c·p_c + mean_batch_c) / (n_c + 1) and n_c ← n_c + 1, outside the gradient.
import * as tf from '@tensorflow/tfjs-core';

export class RunningMeans {
  /** n_c: how many batches have updated each class mean. */
  readonly counts: Float32Array;

  constructor(private readonly means: tf.Variable<tf.Rank.R2>) {
    this.counts = new Float32Array(means.shape[0]);
  }

  /**
   * Folds a batch of embeddings [B, d] with their labels (CPU copy) into the means. Inside a gradient tape no
   * gradient reaches the embeddings through this: the means are a variable, which the tape treats as a leaf.
   */
  update(embeddings: tf.Tensor2D, labels: Int32Array): void {
    const k = this.counts.length;
    const inBatch = new Float32Array(k);
    labels.forEach((l) => (inBatch[l] += 1));
    // keep_c = n_c/(n_c+1) and take_c = 1/((n_c+1)·m_c) for the classes present (m_c rows); 1 and 0 otherwise.
    const keep = new Float32Array(k);
    const take = new Float32Array(k);
    for (let c = 0; c < k; c++) {
      keep[c] = inBatch[c] > 0 ? this.counts[c] / (this.counts[c] + 1) : 1;
      take[c] = inBatch[c] > 0 ? 1 / ((this.counts[c] + 1) * inBatch[c]) : 0;
    }
    tf.tidy(() => {
      const oneHot = tf.oneHot(tf.tensor1d(labels, 'int32'), k);
      const sums = tf.matMul(oneHot, embeddings, true, false);
      const kept = tf.mul(this.means, tf.tensor2d(keep, [k, 1]));
      this.means.assign(tf.add(kept, tf.mul(sums, tf.tensor2d(take, [k, 1]))) as tf.Tensor2D);
    });
    for (let c = 0; c < k; c++) if (inBatch[c] > 0) this.counts[c] += 1;
  }
}
