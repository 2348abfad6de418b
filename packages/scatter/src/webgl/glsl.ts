// GLSL snippets shared by the segment programs.
import * as tf from '@tensorflow/tfjs-core';

/**
 * A loop over the members k ∈ [start, end) of one segment. WebGL2 (GLSL ES 3.00) allows a loop bounded by
 * runtime values, so one compiled shader serves every segmentation. WebGL1 needs a constant bound: the largest
 * segment size rounded up to a power of two (so few distinct shaders get compiled), with an early break.
 */
export function memberLoop(maxCount: number, body: string): string {
  if (tf.env().getNumber('WEBGL_VERSION') === 2) {
    return `for (int k = start; k < end; k++) {\n${body}\n}`;
  }
  let bound = 1;
  while (bound < maxCount) bound *= 2;
  return `for (int j = 0; j < ${bound}; j++) {\n int k = start + j;\n if (k >= end) break;\n${body}\n}`;
}

/** The uniform carrying -Infinity (GLSL has no literal for it; WebGL1 lacks uintBitsToFloat). */
export const NEG_INF_UNIFORM = { name: 'negInf', type: 'float' as const };
export const NEG_INF_VALUES: number[][] = [[Number.NEGATIVE_INFINITY]];
