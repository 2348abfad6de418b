// One output texel per (outer, segment, inner): it reads its segment's [start, end) from the CSR offsets and
// loops over exactly those members (their row positions come from `order`). Total work O(outer × N × inner) reads
// for all outputs, not outputs × inputs as a scatter that scans every update per output would.
import type { GpgpuProgramLike } from './backend_like';
import { memberLoop, NEG_INF_UNIFORM } from './glsl';

export type ReduceOp = 'sum' | 'mean' | 'max' | 'logSumExp';

const FINISH: Record<ReduceOp, string> = {
  sum: 'setOutput(acc);',
  mean: 'setOutput(end > start ? acc / float(end - start) : 0.0);',
  max: 'setOutput(top);',
  // log(0) is undefined in GLSL: an empty or all -Infinity segment is written as -Infinity explicitly.
  logSumExp: 'setOutput(acc > 0.0 ? shift + log(acc) : negInf);',
};

export class SegmentReduceProgram implements GpgpuProgramLike {
  readonly variableNames = ['x', 'order', 'offsets'];
  readonly outputShape: number[];
  readonly userCode: string;
  readonly customUniforms = [NEG_INF_UNIFORM];

  /** x: [outer, N, inner]; order: [N]; offsets: [S + 1]; output [outer, S, inner]. */
  constructor(op: ReduceOp, outer: number, numSegments: number, inner: number, maxCount: number) {
    this.outputShape = [outer, numSegments, inner];
    const read = 'float v = getX(coords.x, round(getOrder(k)), coords.z);';
    const needsMax = op === 'max' || op === 'logSumExp';
    const maxPass = needsMax ? memberLoop(maxCount, `${read}\n top = max(top, v);`) : '';
    const sumTerm = op === 'logSumExp' ? 'exp(v - shift)' : 'v';
    const sumPass = op === 'max' ? '' : memberLoop(maxCount, `${read}\n acc += ${sumTerm};`);
    this.userCode = `
      void main() {
        ivec3 coords = getOutputCoords();
        int start = round(getOffsets(coords.y));
        int end = round(getOffsets(coords.y + 1));
        float top = negInf;
        ${maxPass}
        float shift = top == negInf ? 0.0 : top;
        float acc = 0.0;
        ${sumPass}
        ${FINISH[op]}
      }
    `;
  }
}
