// One model.trainOnBatch of a LearntPrototypes head whose prototypes carry metricGuidedRegularizer: the loss
// (cross-entropy + λ·scale-free distortion loss) and the prototypes after the SGD step, against float64; then
// more steps, whose losses must stay finite (float16 devices included).
import { prototypeStep } from '../../reference/prototype-step';
import { read } from '../numbers';
import { LEARNING_RATE, REGULARIZER_WEIGHT, prototypeModel, trainStep, weightOfShape } from '../models';
import { overCases, quantity } from '../quantities';
import type { ContractCheck } from '../types';

const MORE_STEPS = 5;

export const learntPrototypesStepCheck: ContractCheck = {
  name: 'train/learnt-prototypes-with-regularizer',
  uses: '@mgp/core LearntPrototypes, metricGuidedRegularizer',
  run: (tf, data) =>
    overCases(data, async (g) => {
      const [k, d] = [g.inputs.prototypes.length, g.inputs.prototypes[0].length];
      const model = prototypeModel(tf, g);
      const x = tf.tensor2d(g.inputs.embeddings);
      const y = tf.oneHot(tf.tensor1d(g.inputs.labels, 'int32'), k);
      try {
        const expected = prototypeStep({
          embeddings: g.inputs.embeddings,
          prototypes: g.inputs.prototypes,
          labels: g.inputs.labels,
          regularizerValue: g.distortion_loss.scale_free,
          regularizerGrad: g.distortion_loss.grad_scale_free,
          weight: REGULARIZER_WEIGHT,
          learningRate: LEARNING_RATE,
        });
        const loss = await trainStep(model, x, y);
        const prototypes = await read(tf, weightOfShape(model, [k, d]), false);
        const later: number[] = [];
        for (let i = 0; i < MORE_STEPS; i++) later.push(await trainStep(model, x, y));
        return [
          quantity('loss', 'value', [loss], expected.loss),
          quantity('prototypes_after_step', 'trained', prototypes, expected.prototypes),
          quantity(`losses_of_${MORE_STEPS}_more_steps`, 'finite', later),
        ];
      } finally {
        tf.dispose([x, y]);
        model.dispose();
      }
    }),
};
