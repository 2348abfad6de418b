// Shader programs for the exact distortion loss on tfjs-webgl: three passes over the K×K distances in place of a
// chain of ~17 tfjs kernels (each of which reads and writes a whole K×K texture). Inputs: `dist`, the distance
// before its clamp at 0 (the squared distance, or the cosine distance), `cost` = D itself (a D tensor already on
// the GPU is read in place: no 1/D matrix is built or uploaded), and `scale`, the scalar s.
//
// Every program reads and writes packed textures (2×2 entries per texel, as tfjs-webgl's matMul does): the
// distances come packed from the product, and W goes packed into the backward product. Unpacked programs made
// tfjs convert the distances before each pass and W before the product, four extra K×K passes per step, and
// each texel did a quarter of the work.

/** The fields of tfjs-backend-webgl's GPGPUProgram used here (structural: no import of the backend). */
export interface ShaderProgram {
  variableNames: string[];
  outputShape: number[];
  userCode: string;
  packedInputs: boolean;
  packedOutput: boolean;
}

export interface DistortionShape {
  k: number;
  /** The euclidean metric takes the square root of `dist` (clamped at 0); the others use it as it is. */
  root: boolean;
}

/** GLSL float literal (integers need a decimal point). */
const glslFloat = (x: number) => (Number.isInteger(x) ? `${x}.0` : `${x}`);

/**
 * GLSL of the 2×2 block of pairs at (r, c), r and c even: components x (r, c), y (r, c + 1), z (r + 1, c) and
 * w (r + 1, c + 1). `live` marks the pairs of two distinct classes inside the K×K matrix; everything else (the
 * diagonal, the padding of an odd K) is selected away with mix(·, ·, bvec4), which, unlike a product with 0,
 * also drops the infinity of 1/D on the diagonal. Defines d (the distances), v = 1/D and a = d/D, 0 where not live.
 */
function blockTerms({ k, root }: DistortionShape, r: string, c: string): string {
  const clamped = `max(getDist(${r}, ${c}), 0.0)`;
  return `
        bvec4 live = bvec4(
          ${r} != ${c} && ${c} < ${k},
          ${r} != ${c} + 1 && ${c} + 1 < ${k},
          ${r} + 1 != ${c} && ${r} + 1 < ${k} && ${c} < ${k},
          ${r} + 1 != ${c} + 1 && ${r} + 1 < ${k} && ${c} + 1 < ${k});
        vec4 d = mix(vec4(0.0), ${root ? `sqrt(${clamped})` : clamped}, live);
        vec4 v = mix(vec4(0.0), 1.0 / getCost(${r}, ${c}), live);
        vec4 a = d * v;`;
}

/**
 * W = f·s·r·v (divided by d, 0 where d = 0, for the euclidean metric), r = s·a − 1, f = `factor`: the gradient of L
 * with respect to P·Pᵀ's entries, both orders of the pair summed; 0 where the pair is not live.
 */
function weightTerms({ root }: DistortionShape, factor: number): string {
  const w = `${glslFloat(factor)} * s * res * v`;
  return `
        vec4 res = s * a - 1.0;
        vec4 w = ${root ? `mix(vec4(0.0), ${w} / d, greaterThan(d, vec4(0.0)))` : w};`;
}

/** A packed [K, 2] output: each texel holds rows r and r + 1, columns 0 and 1, summed over the K columns of D. */
function rowPairSums(shape: DistortionShape, body: string, row: string, variables: string[]): ShaderProgram {
  return {
    variableNames: variables,
    outputShape: [shape.k, 2],
    packedInputs: true,
    packedOutput: true,
    userCode: `
      void main() {
        int r = getOutputCoords().x;
        ${variables.includes('scale') ? 'float s = getScale().x;' : ''}
        vec4 acc = vec4(0.0);
        for (int j = 0; j < ${shape.k}; j += 2) {
          ${blockTerms(shape, 'r', 'j')}
          ${body}
          acc += ${row};
        }
        setOutput(acc);
      }
    `,
  };
}

/** [K, 2]: per row i, Σ_j a_ij (column 0) and Σ_j a_ij² (column 1). */
export function rowSumsProgram(shape: DistortionShape): ShaderProgram {
  return rowPairSums(shape, 'vec4 aa = a * a;', 'vec4(a.x + a.y, aa.x + aa.y, a.z + a.w, aa.z + aa.w)', ['dist', 'cost']);
}

/** [K, K]: W (see weightTerms), symmetric with a zero diagonal. */
export function weightsProgram(shape: DistortionShape, factor: number): ShaderProgram {
  return {
    variableNames: ['dist', 'cost', 'scale'],
    outputShape: [shape.k, shape.k],
    packedInputs: true,
    packedOutput: true,
    userCode: `
      void main() {
        ivec2 rc = getOutputCoords();
        float s = getScale().x;
        ${blockTerms(shape, 'rc.x', 'rc.y')}
        ${weightTerms(shape, factor)}
        setOutput(w);
      }
    `,
  };
}

/** [K, 2]: per row i, Σ_j W_ij (column 0, for the backward) and Σ_{j≠i} r_ij² (column 1, for the loss). */
export function rowStatsProgram(shape: DistortionShape, factor: number): ShaderProgram {
  const body = `${weightTerms(shape, factor)}
          vec4 rr = mix(vec4(0.0), res * res, live);`;
  return rowPairSums(shape, body, 'vec4(w.x + w.y, rr.x + rr.y, w.z + w.w, rr.z + rr.w)', ['dist', 'cost', 'scale']);
}
