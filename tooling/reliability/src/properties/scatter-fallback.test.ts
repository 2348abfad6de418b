// With @mgp/scatter's kernels registered, the hierarchical ops and DeepNCM's update run the Mgp* segment kernels;
// without them, @mgp/metrics' built-in path. On random trees (sibling groups of every shape) and random batches
// both give the same values and gradients — on cpu and wasm. (@mgp/scatter tests the kernels on random
// segmentations, @mgp/hierarchy on one golden tree; this covers the segmentations that real trees make.)
import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { registerScatterKernels } from '@mgp/scatter';
import { deepNcmUpdate } from '@mgp/core';
import { Hierarchy, hierarchicalCrossEntropy, hierarchicalLogMarginals, leafLogitsToLogMarginals } from '@mgp/hierarchy';
import { MGP_SCATTER_KERNEL_NAMES, hasSegmentKernel } from '@mgp/metrics';
import { expectClose, useTestBackend } from '@mgp/test-utils';
import { randomLabels, randomMatrix } from '../support/matrices';
import { arbitraryTree } from './random-tree';

/** Runs `fn` with the Mgp* kernels of the active backend unregistered (the built-in path), then registers them again. */
function builtin<T>(fn: () => T): T {
  const backend = tf.getBackend();
  for (const name of MGP_SCATTER_KERNEL_NAMES) if (tf.getKernel(name, backend)) tf.unregisterKernel(name, backend);
  try {
    return fn();
  } finally {
    registerScatterKernels([backend]);
  }
}

const problem = fc.tuple(arbitraryTree({ maxNodes: 30 }), fc.integer({ min: 1, max: 5 }), fc.integer()).map(([tree, b, seed]) => {
  const h = Hierarchy.fromNested(tree.nested);
  return { h, b, seed, labels: randomLabels(b, h.numLeaves, seed) };
});

/** Every number the hierarchical ops and DeepNCM give for one problem, as plain arrays. */
function everything({ h, b, seed, labels }: { h: Hierarchy; b: number; seed: number; labels: number[] }): number[][] {
  return tf.tidy(() => {
    const edges = tf.tensor2d(randomMatrix(b, h.numNodes - 1, seed, 3));
    const logits = tf.tensor2d(randomMatrix(b, h.numLeaves, seed + 1, 3));
    const weights = tf.tensor2d(randomMatrix(b, h.numNodes - 1, seed + 2));
    const marginals = (e: tf.Tensor) => tf.sum(tf.mul(hierarchicalLogMarginals(e as tf.Tensor2D, h), weights));
    const fromLeaves = (l: tf.Tensor) => tf.sum(tf.mul(leafLogitsToLogMarginals(l as tf.Tensor2D, h), weights));
    const hxe = (l: tf.Tensor) => hierarchicalCrossEntropy(l as tf.Tensor2D, labels, h, { alpha: 0.4, focalGamma: 1 });
    const d = 3;
    const ncm = deepNcmUpdate(tf.tensor2d(randomMatrix(h.numLeaves, d, seed + 3)), tf.zeros([h.numLeaves]), tf.tensor2d(randomMatrix(b, d, seed + 4)), labels);
    return [
      hierarchicalLogMarginals(edges, h).dataSync(),
      tf.grad(marginals)(edges).dataSync(),
      leafLogitsToLogMarginals(logits, h).dataSync(),
      tf.grad(fromLeaves)(logits).dataSync(),
      hxe(logits).dataSync(),
      tf.grad(hxe)(logits).dataSync(),
      ncm.prototypes.dataSync(),
    ].map((a) => Array.from(a));
  });
}

describe.each(['cpu', 'wasm'])('Mgp* kernels = built-in path on random trees, on %s', (backend) => {
  it('marginals, leaf-logit marginals, HXE (focal) with their gradients, and DeepNCM means agree to 1e-5', async () => {
    await useTestBackend(backend);
    expect(hasSegmentKernel('MgpScatterLogSumExp'), 'the kernels are registered').toBe(true);
    fc.assert(
      fc.property(problem, (p) => {
        const withKernels = everything(p);
        const without = builtin(() => {
          expect(hasSegmentKernel('MgpScatterLogSumExp'), 'kernels unregistered for the built-in run').toBe(false);
          return everything(p);
        });
        expect(hasSegmentKernel('MgpScatterLogSumExp')).toBe(true);
        withKernels.forEach((values, i) => expectClose(values, without[i], { rtol: 1e-5, atol: 1e-5 }));
      }),
      { numRuns: 30, seed: backend === 'cpu' ? 31 : 32 },
    );
  });
});
