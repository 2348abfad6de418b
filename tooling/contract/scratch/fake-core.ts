import * as tf from '@tensorflow/tfjs';
import { prototypeLogits } from '../../../packages/core/src/logits/prototype-logits';
import { distortionLoss } from '@mgp/metrics';

export class FakeReg extends tf.serialization.Serializable {
  static className = 'FakeReg';
  constructor(public D: number[][], public opts: { kind: string; weight: number }) { super(); }
  apply(x: tf.Tensor) { return tf.tidy(() => tf.mul(this.opts.weight, distortionLoss(x as tf.Tensor2D, this.D))); }
  getConfig() { return { D: this.D, kind: this.opts.kind, weight: this.opts.weight }; }
  static fromConfig(_c: unknown, config: any) { return new FakeReg(config.D, { kind: config.kind, weight: config.weight }); }
}
tf.serialization.registerClass(FakeReg);
export const metricGuidedRegularizer = (D: number[][], opts: { kind: string; weight: number }) => new FakeReg(D, opts);

export class LearntPrototypes extends tf.layers.Layer {
  static className = 'FakeLearntPrototypes';
  private p!: tf.LayerVariable;
  constructor(private a: any) { super(a); }
  build(s: tf.Shape | tf.Shape[]) {
    const d = (s as number[])[1];
    const r = this.a.prototypesRegularizer; const reg = r instanceof FakeReg ? r : r ? new FakeReg(r.config.D ?? r.config.d, r.config) : undefined;
    this.p = this.addWeight('prototypes', [this.a.numPrototypes, d], 'float32', this.a.initialPrototypes ? { apply: () => tf.tensor2d(this.a.initialPrototypes) } as any : tf.initializers.zeros(), reg as any, true);
    this.built = true;
  }
  call(inputs: tf.Tensor | tf.Tensor[]) { return tf.tidy(() => prototypeLogits((Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor2D, this.p.read() as tf.Tensor2D, { metric: this.a.metric })); }
  computeOutputShape(s: tf.Shape | tf.Shape[]) { return [(s as number[])[0], this.a.numPrototypes]; }
  getConfig() { const r = this.a.prototypesRegularizer; return { ...super.getConfig(), numPrototypes: this.a.numPrototypes, metric: this.a.metric, prototypesRegularizer: r instanceof FakeReg ? { className: 'FakeReg', config: r.getConfig() } : r }; }
}
tf.serialization.registerClass(LearntPrototypes);

export class DeepNCM extends tf.layers.Layer {
  static className = 'FakeDeepNCM';
  private m!: tf.LayerVariable; private c!: tf.LayerVariable;
  constructor(private a: any) { super(a); }
  build(s: tf.Shape | tf.Shape[]) {
    const d = (s as number[])[1]; const k = this.a.numClasses;
    this.m = this.addWeight('means', [k, d], 'float32', this.a.initialPrototypes ? { apply: () => tf.tensor2d(this.a.initialPrototypes) } as any : tf.initializers.zeros(), undefined, false);
    this.c = this.addWeight('counts', [k], 'float32', tf.initializers.zeros(), undefined, false);
    this.built = true;
  }
  update(x: tf.Tensor2D, labels: number[]) {
    const k = this.a.numClasses;
    tf.tidy(() => {
      const y = tf.oneHot(tf.tensor1d(labels, 'int32'), k).toFloat();
      const n = tf.sum(y, 0); const sums = tf.matMul(y, x, true);
      const present = tf.greater(n, 0);
      const mean = tf.div(sums, tf.reshape(tf.maximum(n, 1), [k, 1]));
      const c = this.c.read(); const m = this.m.read();
      const upd = tf.div(tf.add(tf.mul(m, tf.reshape(c, [k, 1])), mean), tf.reshape(tf.add(c, 1), [k, 1]));
      this.m.write(tf.where(tf.reshape(present, [k, 1]), upd, m) as tf.Tensor);
      this.c.write(tf.where(present, tf.add(c, 1), c));
    });
  }
  call(inputs: tf.Tensor | tf.Tensor[]) { return tf.tidy(() => prototypeLogits((Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor2D, this.m.read() as tf.Tensor2D, { metric: 'sqeuclidean' })); }
  computeOutputShape(s: tf.Shape | tf.Shape[]) { return [(s as number[])[0], this.a.numClasses]; }
  getConfig() { return { ...super.getConfig(), numClasses: this.a.numClasses }; }
}
tf.serialization.registerClass(DeepNCM);
