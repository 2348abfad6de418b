import * as tf from '@tensorflow/tfjs-core';

/**
 * SGD with momentum as PyTorch's `torch.optim.SGD` (v ← m·v + g; w ← w − lr·v). Written here rather than
 * using tfjs's MomentumOptimizer, whose dispose() leaves its learning-rate scalar behind (one tensor per run).
 */
export class SgdMomentum {
  private readonly velocity = new Map<tf.Variable, tf.Variable>();

  constructor(
    public learningRate: number,
    private readonly momentum: number,
  ) {}

  /** One step on `loss` over `variables`; returns the loss value (the caller disposes it). */
  step(loss: () => tf.Scalar, variables: tf.Variable[]): tf.Scalar {
    const { value, grads } = tf.variableGrads(loss, variables);
    tf.tidy(() => {
      for (const variable of variables) {
        const gradient = grads[variable.name];
        if (!gradient) continue;
        let v = this.velocity.get(variable);
        if (!v) {
          v = tf.variable(tf.zerosLike(variable), false);
          this.velocity.set(variable, v);
        }
        v.assign(tf.add(tf.mul(v, this.momentum), gradient));
        variable.assign(tf.sub(variable, tf.mul(v, this.learningRate)));
      }
    });
    tf.dispose(grads);
    return value;
  }

  dispose(): void {
    for (const v of this.velocity.values()) v.dispose();
    this.velocity.clear();
  }
}
