// With @mgp/scatter imported, sibling-group reductions run its Mgp* kernels; without it, the facade's built-in
// path. Both must give the same marginals, losses and gradients.
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { hasSegmentKernel, MgpScatterLogSumExp } from '@mgp/metrics';
import { expectClose, loadGolden, useTestBackend } from '@mgp/test-utils';
import { Hierarchy } from '../tree/hierarchy';
import { hierarchicalCrossEntropy } from './hxe';
import { hierarchicalLogMarginals } from './log-marginals';
import { randomMatrix } from './reference.test-support';

const g = loadGolden(2);
const h = Hierarchy.fromParents(g.tree.parent, { leaves: g.tree.leaves });
const edge = randomMatrix(5, h.numNodes - 1, 21);
const logits = randomMatrix(5, h.numLeaves, 22);
const labels = [0, 3, 5, 11, 7];

async function run(): Promise<number[][][]> {
  const e = tf.tensor2d(edge);
  const l = tf.tensor2d(logits);
  const w = tf.tensor2d(randomMatrix(5, h.numNodes - 1, 23));
  const marginals = hierarchicalLogMarginals(e, h);
  const gradE = tf.grad((x: tf.Tensor) => tf.sum(tf.mul(hierarchicalLogMarginals(x as tf.Tensor2D, h), w)))(e);
  const loss = hierarchicalCrossEntropy(l, labels, h, { alpha: 0.5, focalGamma: 1 });
  const gradL = tf.grad((x: tf.Tensor) => hierarchicalCrossEntropy(x as tf.Tensor2D, labels, h, { alpha: 0.5, focalGamma: 1 }))(l);
  const out = [(await marginals.array()) as number[][], (await gradE.array()) as number[][], [[(await loss.data())[0]]], (await gradL.array()) as number[][]];
  tf.dispose([e, l, w, marginals, gradE, loss, gradL]);
  return out;
}

// Decided before collecting the tests, so a missing kernel shows as a skip with its reason, never a pass.
await useTestBackend();
const hadKernelBefore = hasSegmentKernel(MgpScatterLogSumExp);
const builtin = await run();
await import('@mgp/scatter');
const haveKernel = hasSegmentKernel(MgpScatterLogSumExp);
if (!haveKernel) console.warn(`skipping: @mgp/scatter registered no ${MgpScatterLogSumExp} kernel for backend '${tf.getBackend()}'`);

describe('sibling-group reductions with and without @mgp/scatter', () => {
  it('the first run used the built-in path', () => {
    expect(hadKernelBefore).toBe(false);
  });

  it.skipIf(!haveKernel)('the kernel gives the same marginals, HXE and gradients (1e-5)', async () => {
    const withKernel = await run();
    withKernel.forEach((values, i) => expectClose(values, builtin[i], { rtol: 1e-5, atol: 1e-5 }));
  });
});
