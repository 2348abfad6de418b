// The valid and invalid arguments the bad-input table draws from, made once before the table runs (so the rows
// themselves make no tensors) and disposed after it.
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { DeepNCM, HypersphericalPrototypes, LearntPrototypes } from '@mgp/core';
import { AverageCostMeter, ErrorRateMeter, HierarchicalDistanceMeter, MistakeSeverityMeter } from '@mgp/metrics';
import { HierarchicalSoftmax, Hierarchy } from '@mgp/hierarchy';

/** K = 4 classes: a 2×2 tree. */
export const D4 = [
  [0, 2, 4, 4],
  [2, 0, 4, 4],
  [4, 4, 0, 2],
  [4, 4, 2, 0],
];
export const LABELS5 = [0, 1, 2, 3, 0];

export interface Fixtures {
  /** 4 leaves a b c d under x and y: 6 non-root nodes. */
  h: Hierarchy;
  /** A tree with a name repeated under two parents ('bat'). */
  bats: Hierarchy;
  logits: tf.Tensor2D; // [5, 4]
  logitsInt: tf.Tensor2D; // [5, 4] int32
  logits3: tf.Tensor2D; // [5, 3]: K does not match D4
  logitsNhwc: tf.Tensor4D; // [1, 2, 2, 4]
  edges: tf.Tensor2D; // [5, 6]
  edgesInt: tf.Tensor2D; // [5, 6] int32
  points: tf.Tensor2D; // [4, 3]
  pointsInt: tf.Tensor2D;
  points5: tf.Tensor2D; // [5, 3]: K does not match D4
  points1: tf.Tensor2D; // [1, 3]
  emb: tf.Tensor2D; // [5, 3]
  emb2: tf.Tensor2D; // [5, 2]: wrong d
  embInt: tf.Tensor2D;
  rank1: tf.Tensor1D; // [4]
  rank3: tf.Tensor3D; // [2, 2, 4]
  scalar: tf.Scalar;
  empty: tf.Tensor2D; // [0, 4]
  disposed: tf.Tensor2D;
  labelsTensor: tf.Tensor1D; // [5] int32
  labelsTensor2d: tf.Tensor2D; // [5, 2]: wrong shape
  labelsOutOfRange: tf.Tensor1D; // [5] float32 with a 4 (K = 4)
  counts: tf.Tensor1D; // [4]
  counts3: tf.Tensor1D; // [3]
  DTensor: tf.Tensor2D; // D4 as a tensor
  DTensorNaN: tf.Tensor2D;
  ids: tf.Tensor1D; // [5] int32 segment ids in [0, 3)
  idsBool: tf.Tensor1D;
  learnt: LearntPrototypes; // built on d = 3, K = 4
  sphere: HypersphericalPrototypes; // built on d = 3, K = 4
  ncm: DeepNCM; // built on d = 3, K = 4
  hsoftmax: HierarchicalSoftmax; // on h, built
  meters: { error: ErrorRateMeter; cost: AverageCostMeter; severity: MistakeSeverityMeter; hdist: HierarchicalDistanceMeter };
  /** Builds-on-first-apply layers, made fresh per row. */
  fresh: { learnt(): LearntPrototypes; sphere(): HypersphericalPrototypes; ncm(): DeepNCM };
  symbolic(shape: number[]): tfl.SymbolicTensor;
}

export function makeFixtures(): Fixtures {
  const disposed = tf.zeros([2, 2]) as tf.Tensor2D;
  disposed.dispose();
  const P = [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
    [1, 1, 1],
  ];
  const h = Hierarchy.fromNested({ r: [{ x: ['a', 'b'] }, { y: ['c', 'd'] }] });
  const f: Fixtures = {
    h,
    bats: Hierarchy.fromNested({ root: [{ animal: ['bat', 'cat'] }, { sports: ['bat', 'ball'] }] }),
    logits: tf.randomNormal([5, 4], 0, 1, 'float32', 1) as tf.Tensor2D,
    logitsInt: tf.zeros([5, 4], 'int32') as tf.Tensor2D,
    logits3: tf.randomNormal([5, 3], 0, 1, 'float32', 2) as tf.Tensor2D,
    logitsNhwc: tf.randomNormal([1, 2, 2, 4], 0, 1, 'float32', 3) as tf.Tensor4D,
    edges: tf.randomNormal([5, 6], 0, 1, 'float32', 4) as tf.Tensor2D,
    edgesInt: tf.zeros([5, 6], 'int32') as tf.Tensor2D,
    points: tf.tensor2d(P),
    pointsInt: tf.tensor2d(P, undefined, 'int32'),
    points5: tf.randomNormal([5, 3], 0, 1, 'float32', 5) as tf.Tensor2D,
    points1: tf.ones([1, 3]) as tf.Tensor2D,
    emb: tf.randomNormal([5, 3], 0, 1, 'float32', 6) as tf.Tensor2D,
    emb2: tf.randomNormal([5, 2], 0, 1, 'float32', 7) as tf.Tensor2D,
    embInt: tf.zeros([5, 3], 'int32') as tf.Tensor2D,
    rank1: tf.ones([4]) as tf.Tensor1D,
    rank3: tf.ones([2, 2, 4]) as tf.Tensor3D,
    scalar: tf.scalar(1),
    empty: tf.zeros([0, 4]) as tf.Tensor2D,
    disposed,
    labelsTensor: tf.tensor1d(LABELS5, 'int32'),
    labelsTensor2d: tf.zeros([5, 2], 'int32') as tf.Tensor2D,
    labelsOutOfRange: tf.tensor1d([0, 1, 2, 3, 4]),
    counts: tf.zeros([4]) as tf.Tensor1D,
    counts3: tf.zeros([3]) as tf.Tensor1D,
    DTensor: tf.tensor2d(D4),
    DTensorNaN: tf.tensor2d(D4.map((row, i) => row.map((v, j) => (i === 1 && j === 2) || (i === 2 && j === 1) ? Number.NaN : v))),
    ids: tf.tensor1d([0, 1, 2, 0, 1], 'int32'),
    idsBool: tf.tensor1d([1, 0, 1, 0, 1], 'bool'),
    learnt: new LearntPrototypes({ initialPrototypes: P }),
    sphere: new HypersphericalPrototypes({ prototypes: P }),
    ncm: new DeepNCM({ numClasses: 4, initialPrototypes: P }),
    hsoftmax: new HierarchicalSoftmax({ hierarchy: h }),
    meters: {
      error: new ErrorRateMeter(),
      cost: new AverageCostMeter(D4),
      severity: new MistakeSeverityMeter(D4),
      hdist: new HierarchicalDistanceMeter(D4, 2),
    },
    fresh: {
      learnt: () => new LearntPrototypes({ initialPrototypes: P }),
      sphere: () => new HypersphericalPrototypes({ prototypes: P }),
      ncm: () => new DeepNCM({ numClasses: 4 }),
    },
    symbolic: (shape) => tfl.input({ shape }),
  };
  tf.tidy(() => {
    f.learnt.apply(f.emb);
    f.sphere.apply(f.emb);
    f.ncm.apply(f.emb);
    f.hsoftmax.apply(f.edges);
  });
  return f;
}

export function disposeFixtures(f: Fixtures): void {
  for (const value of Object.values(f)) {
    if (value instanceof tf.Tensor && !value.isDisposed) value.dispose();
    if (value instanceof tfl.layers.Layer) value.dispose();
  }
}
