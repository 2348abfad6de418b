// Softmax's second pass: each output texel (outer, n, inner) subtracts its segment's logsumexp (from the reduce
// program) and exponentiates. Linear work: the per-segment reduction is never recomputed per member.
import type { GpgpuProgramLike } from './backend_like';
import { NEG_INF_UNIFORM } from './glsl';

export class SegmentSoftmaxProgram implements GpgpuProgramLike {
  readonly variableNames = ['x', 'segmentIds', 'lse'];
  readonly outputShape: number[];
  readonly userCode: string;
  readonly customUniforms = [NEG_INF_UNIFORM];

  /** x: [outer, N, inner]; segmentIds: [N]; lse: [outer, S, inner]; output [outer, N, inner]. */
  constructor(outer: number, n: number, inner: number) {
    this.outputShape = [outer, n, inner];
    this.userCode = `
      void main() {
        ivec3 coords = getOutputCoords();
        float lse = getLse(coords.x, round(getSegmentIds(coords.y)), coords.z);
        float shift = lse == negInf ? 0.0 : lse;
        setOutput(exp(getX(coords.x, coords.y, coords.z) - shift));
      }
    `;
  }
}
