// Issue 8 (3): distortionLoss({ pairs }) and rankLoss({ numTriplets }) at K = 100,000, d = 64, D a function of
// class pairs (a depth-12 Hierarchy): one training step against the 1 s and 1 GiB targets. No K×K matrix exists.
import * as tf from '@tensorflow/tfjs-core';
import type { BenchCase, Benchmark, Comparison } from '../harness/types';
import { buildHierarchy, hierarchyDistanceFn, hierarchyFromParents } from '../shared/hierarchy';
import { optionalExport } from '../shared/optional';
import { randomVariable, trainStep } from '../shared/step';
import { pairDistanceFn, syntheticTree } from '../shared/synthetic-tree';

const K = 100_000;
const DIM = 64;
const DEPTH = 12;
const SAMPLES = 10_000;
const SECOND = { budget: 1000, label: 'target 1 s' };
const GIB = { budget: 2 ** 30, label: 'target 1 GiB' };

type ClassDistance = (i: Int32Array, j: Int32Array) => ArrayLike<number>;
type Loss = (points: tf.Tensor2D, D: ClassDistance, a: Record<string, unknown>, b?: Record<string, unknown>) => tf.Scalar;

export const sampledLosses: Benchmark = {
  name: 'sampled-losses',
  title: `Sampled losses at K = 100,000 (d = ${DIM}, ${SAMPLES} pairs / triplets a step, D = a depth-${DEPTH} Hierarchy's distance)`,
  async plan(ctx) {
    const distortion = await optionalExport<Loss>('@mgp/metrics', () => import('@mgp/metrics'), 'distortionLoss');
    const rank = await optionalExport<Loss>('@mgp/metrics', () => import('@mgp/metrics'), 'rankLoss');
    if (ctx.backend === 'webgl' && ctx.quick) {
      return {
        cases: [],
        comparisons: [],
        skip:
          "quick pass: the backward of the row gathers is tfjs's webgl UnsortedSegmentSum, which does rows × segments work; " +
          'a step at K = 100,000 had not finished after 7 minutes under SwiftShader (28 Nov run); a full pass tries it',
      };
    }
    const hierarchy = await hierarchyFromParents();
    const notes: string[] = [];
    // D once for the benchmark: built in plan, outside every timing.
    const tree = syntheticTree(K, DEPTH);
    let D: ClassDistance;
    let source: string;
    if (hierarchy.ok) {
      D = hierarchyDistanceFn(buildHierarchy(hierarchy.build, tree));
      source = 'Hierarchy.distance';
    } else {
      D = pairDistanceFn(tree);
      source = 'synthetic tree (parent walk)';
      notes.push(`${hierarchy.reason}; D read from the synthetic tree instead`);
    }
    const cases: BenchCase[] = [];
    const comparisons: Comparison[] = [];
    const add = (id: string, loss: (p: tf.Tensor2D) => tf.Scalar, params: Record<string, number | string>) => {
      cases.push({
        id,
        params: { K, d: DIM, D: source, ...params },
        memory: true,
        setup() {
          const points = randomVariable([K, DIM], 9);
          const optimizer = tf.train.sgd(0.01);
          return {
            run: () => trainStep(() => loss(points as tf.Tensor2D), [points], optimizer),
            dispose: () => {
              points.dispose();
              optimizer.dispose();
            },
          };
        },
      });
      comparisons.push({ case: id, against: SECOND, target: { max: 1, text: '< 1 (under 1 s a step)' } });
      comparisons.push({ case: id, against: GIB, metric: 'peakTensorBytes', target: { max: 1, text: '< 1 (under 1 GiB)' } });
      if (ctx.environment === 'node') comparisons.push({ case: id, against: GIB, metric: 'maxRssBytes', target: { max: 1, text: '< 1 (under 1 GiB)' }, note: 'whole worker process: Node, tfjs, the Hierarchy' });
    };
    if (distortion.ok) add(`distortion/pairs=${SAMPLES}`, (p) => distortion.value(p, D, { pairs: SAMPLES, seed: 3 }), { pairs: SAMPLES });
    else notes.push(distortion.reason);
    if (rank.ok) add(`rank/triplets=${SAMPLES}`, (p) => rank.value(p, D, { numTriplets: SAMPLES, seed: 3 }), { triplets: SAMPLES });
    else notes.push(rank.reason);
    notes.push(`a step = loss forward + backward + SGD update of the [${K}, ${DIM}] points; pairs and triplets are drawn (seeded) inside the step`);
    if (ctx.environment === 'browser') notes.push('process RSS is not measured in a page');
    return { cases, comparisons, notes };
  },
};
